'use client'
/**
 * Agreement before and after arbitration, beside the dashboard's figures: the coders with each
 * other (before) and each coder with the consensus the lead's decisions built (after), for the
 * chosen statistic, as bars with their readings; the dispute progress, because the consensus is
 * final only when every dispute is decided; and, on demand, the same per code.
 */
import Link from 'next/link'
import { useEffect, useState } from 'react'
import { useI18n } from '@/app/i18n/i18n-provider'
import type { ArbitrationAgreement } from '@/server/services/agreement/get-arbitration-agreement'
import type { NoAgreement } from '@/server/services/agreement/get-agreement'
import { codeNameOf, formatValue, statLabel, type Stat } from './agreement-format'
import { BandChip } from './band-chip'
import type { CodebookEntry } from './agreement-dashboard'

type Tables = ArbitrationAgreement['before']
const valueOf = (t: Pick<Tables, 'overall'>['overall'] | undefined, stat: Stat) => ((t as unknown as Record<string, number | null> | undefined)?.[stat] ?? null) as number | null
const bandOf = (t: Pick<Tables, 'overall'>['overall'] | undefined, stat: Stat) => (t?.bands as Record<string, string | undefined> | undefined)?.[stat]

/** Fetches the comparison for the dashboard's query; refetches when `reloadKey` changes (live updates). */
function useArbitrationAgreement(projectId: string, query: string, reloadKey: number) {
  const [state, setState] = useState<{ data: ArbitrationAgreement | null; error: string | null; loading: boolean }>({ data: null, error: null, loading: true })
  useEffect(() => {
    const controller = new AbortController()
    setState((s) => ({ ...s, loading: true }))
    fetch(`/api/projects/${projectId}/agreement/arbitration?${query}`, { signal: controller.signal })
      .then(async (res) => {
        const body = await res.json().catch(() => null)
        if (!res.ok) throw new Error(body?.error?.message ?? `Request failed (${res.status})`)
        const data = body as ArbitrationAgreement | NoAgreement
        setState({ data: data.round ? (data as ArbitrationAgreement) : null, error: null, loading: false })
      })
      .catch((e) => controller.signal.aborted || setState({ data: null, error: e instanceof Error ? e.message : String(e), loading: false }))
    return () => controller.abort()
  }, [projectId, query, reloadKey])
  return state
}

function Bar({ label, value, stat, band, tone, testId }: { label: string; value: number | null; stat: Stat; band?: string; tone: 'before' | 'after'; testId: string }) {
  const { t } = useI18n()
  const width = value === null ? 0 : Math.max(0, Math.min(1, value)) * 100
  return (
    <div className="agr-ba-row" data-testid={testId}>
      <span className="agr-ba-label">{label}</span>
      <span className="agr-ba-track" aria-hidden>
        <span className={`agr-ba-fill ${tone}`} style={{ width: `${width}%` }} />
      </span>
      <span className="agr-ba-value">{value === null ? <span className="muted">{t('agr.undefined')}</span> : formatValue(stat, value)}</span>
      <BandChip band={band} />
    </div>
  )
}

export function ArbitrationComparison({ projectId, query, reloadKey, stat, codebook, canDecide }: { projectId: string; query: string; reloadKey: number; stat: Stat; codebook: CodebookEntry[]; canDecide: boolean }) {
  const { t, pick } = useI18n()
  const { data, error, loading } = useArbitrationAgreement(projectId, query, reloadKey)
  const [perCode, setPerCode] = useState(false)
  if (error)
    return (
      <section className="card agr-ba">
        <h3>{t('agr.ba.title')}</h3>
        <p className="error" role="alert">
          {error}
        </p>
      </section>
    )
  if (!data) return loading ? <section className="card agr-ba muted small">{t('agr.ba.loading')}</section> : null

  const coderName = (id: string) => data.labels.coders[id] ?? id
  const codeName = (id: string) => codeNameOf(id, codebook, data.labels.codes, pick)
  const { decided, total } = data.disputes
  const codes = Object.keys(data.before.codes)
  return (
    <section className="card agr-ba" data-testid="arbitration-comparison">
      <div className="row between">
        <h3 style={{ margin: 0 }}>{t('agr.ba.title')}</h3>
        <span className="agr-ba-disputes small" data-testid="arbitration-progress">
          <progress max={Math.max(total, 1)} value={decided} />
          {total === 0 ? t('agr.ba.noDisputes') : t('agr.ba.decided', { decided, total })}
          {canDecide && total > decided && <Link href={`/projects/${projectId}/disputes`}>{t('agr.ba.decide')}</Link>}
        </span>
      </div>
      <p className="hint">{t('agr.ba.hint', { stat: t(statLabel(stat)) })}</p>
      <div className="agr-ba-bars">
        <Bar label={t('agr.ba.before')} value={valueOf(data.before.overall, stat)} band={bandOf(data.before.overall, stat)} stat={stat} tone="before" testId="ba-before" />
        {data.after.map((a) => (
          <Bar key={a.coderId} label={t('agr.ba.after', { coder: coderName(a.coderId) })} value={valueOf(a.overall, stat)} band={bandOf(a.overall, stat)} stat={stat} tone="after" testId={`ba-after-${a.coderId}`} />
        ))}
      </div>
      {(total > decided || data.consensus.items === 0) && (
        <p className="hint" style={{ margin: '0.3rem 0 0' }} data-testid="ba-note">
          {data.consensus.items === 0 ? t('agr.ba.emptyConsensus') : t('agr.ba.openNote', { open: total - decided })}
        </p>
      )}
      <button type="button" className="link small" aria-expanded={perCode} onClick={() => setPerCode((v) => !v)}>
        {perCode ? t('agr.ba.hideCodes') : t('agr.ba.showCodes')}
      </button>
      {perCode && (
        <div className="agr-ba-codes">
          <table className="agr-table" data-testid="ba-per-code">
            <thead>
              <tr>
                <th scope="col">{t('agr.code')}</th>
                <th scope="col">{t('agr.ba.beforeShort')}</th>
                {data.after.map((a) => (
                  <th key={a.coderId} scope="col">
                    {t('agr.ba.afterShort', { coder: coderName(a.coderId) })}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {codes.map((code) => (
                <tr key={code}>
                  <th scope="row">{codeName(code)}</th>
                  <td className="agr-cell">{formatValue(stat, valueOf(data.before.codes[code], stat))}</td>
                  {data.after.map((a) => (
                    <td key={a.coderId} className="agr-cell">
                      {formatValue(stat, valueOf(a.codes[code], stat))}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
