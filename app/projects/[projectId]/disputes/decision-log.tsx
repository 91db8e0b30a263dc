'use client'
/** The decision log: every decision with who, when, what each coder had, what was chosen, why, and what it replaced. */
import { useEffect, useState } from 'react'
import { useI18n } from '@/app/i18n/i18n-provider'
import { api } from '@/app/lib/api-client'
import type { DecisionLogEntry } from '@/server/services/disputes/list-decisions'

type Version = { coderId: string; spans?: { start: number; end: number }[]; status?: string; hidden?: boolean }

export function DecisionLog({ projectId, version }: { projectId: string; version: number }) {
  const { t, pick, locale } = useI18n()
  const [log, setLog] = useState<DecisionLogEntry[] | null>(null)
  const [names, setNames] = useState<Map<string, string>>(new Map())
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    let live = true
    Promise.all([api<DecisionLogEntry[]>(`/api/projects/${projectId}/decisions`), api<{ userId: string; name: string }[]>(`/api/projects/${projectId}/members`)])
      .then(([entries, members]) => {
        if (!live) return
        setLog(entries)
        setNames(new Map(members.map((m) => [m.userId, m.name])))
      })
      .catch((e) => live && setError(e instanceof Error ? e.message : String(e)))
    return () => {
      live = false
    }
  }, [projectId, version])

  const name = (id: string | null) => (id ? (names.get(id) ?? t('disputes.unknownCoder')) : '—')
  const spans = (s?: { start: number; end: number }[]) => (s && s.length ? s.map((x) => `${x.start}–${x.end}`).join(', ') : t('disputes.nothing'))
  const shown = (v: Version) => (v.hidden ? t('disputes.hidden') : v.status ? t(`disputes.status.${v.status as 'none'}`) : spans(v.spans))
  const choice = (e: DecisionLogEntry) => (e.choice === 'coder' ? t('disputes.choice.coder', { name: name(e.coderId) }) : t(`disputes.choice.${e.choice as 'union'}`))

  return (
    <section className="stack" aria-labelledby="dsp-log-title">
      <div className="page-head">
        <h3 id="dsp-log-title">{t('disputes.log.title')}</h3>
        <a className="button" href={`/api/projects/${projectId}/decisions?format=csv&locale=${locale}`} download="decisions.csv" data-testid="export-csv">
          {t('disputes.log.export')}
        </a>
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {log === null ? (
        <p className="muted">{t('common.loading')}</p>
      ) : log.length === 0 ? (
        <p className="empty">{t('disputes.log.empty')}</p>
      ) : (
        <div className="card flush table-wrap">
          <table className="dsp-log" data-testid="decision-log">
            <thead>
              <tr>
                <th>{t('disputes.log.when')}</th>
                <th>{t('disputes.log.who')}</th>
                <th>{t('disputes.log.what')}</th>
                <th>{t('disputes.log.before')}</th>
                <th>{t('disputes.log.choice')}</th>
                <th>{t('disputes.log.after')}</th>
                <th>{t('disputes.log.rationale')}</th>
              </tr>
            </thead>
            <tbody>
              {[...log].reverse().map((e) => {
                const after = e.after as { spans?: { start: number; end: number }[]; status?: string } | null
                return (
                  <tr key={e.id} className={e.inForce ? '' : 'dsp-replaced'}>
                    <td className="nowrap small">
                      <time dateTime={e.decidedAt} suppressHydrationWarning>
                        {new Date(e.decidedAt).toLocaleString(locale === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'short', timeStyle: 'short' })}
                      </time>
                    </td>
                    <td className="small">{e.decidedByName ?? name(e.decidedBy)}</td>
                    <td className="small">
                      <strong>{pick(e.dispute.codeName)}</strong> <span className="badge">{t(`disputes.kind.${e.dispute.kind}`)}</span>
                      <br />
                      <span className="muted">
                        {e.dispute.caseKey ? t('disputes.caseLabel', { key: e.dispute.caseKey }) : ''}
                        {e.dispute.documentTitle ? ` · ${e.dispute.documentTitle}` : ''}
                      </span>
                    </td>
                    <td className="small">
                      <ul className="plain">
                        {(e.before as Version[]).map((v) => (
                          <li key={v.coderId}>
                            {name(v.coderId)}: {shown(v)}
                          </li>
                        ))}
                      </ul>
                    </td>
                    <td className="small">{choice(e)}</td>
                    <td className="small">{after?.status ? t(`disputes.status.${after.status as 'none'}`) : spans(after?.spans)}</td>
                    <td className="small">
                      {e.rationale || '—'}
                      <div className="badges">
                        {e.inForce ? <span className="badge dsp-decided">{t('disputes.log.inForce')}</span> : <span className="badge">{e.dispute.superseded ? t('disputes.log.superseded') : t('disputes.log.replaced')}</span>}
                        {e.replacesId && <span className="badge">{t('disputes.log.replaces')}</span>}
                      </div>
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
