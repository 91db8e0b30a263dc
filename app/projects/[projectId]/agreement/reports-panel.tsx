'use client'
/**
 * Citable reports: pin the current parameters (lead), list pinned reports with their snapshot id,
 * export each as CSV or a methods paragraph (en / zh), and regenerate one to check its numbers.
 */
import { useCallback, useEffect, useState } from 'react'
import { useI18n } from '@/app/i18n/i18n-provider'
import { api } from '@/app/lib/api-client'
import type { Selection } from './agreement-dashboard'

interface ReportSummary {
  id: string
  createdAt: string
  createdBy: { id: string; name: string | null } | null
  snapshotId: string
  software: { name: string; version: string }
  round: { id: string; name: string }
  parameters: { unit: string; segment: string }
  headline: number | null
}

export function ReportsPanel({ projectId, role, selection, roundName }: { projectId: string; role: string; selection: Selection; roundName: string }) {
  const { t, locale } = useI18n()
  const [reports, setReports] = useState<ReportSummary[] | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [checked, setChecked] = useState<Record<string, boolean>>({})
  const base = `/api/projects/${projectId}/agreement/reports`

  const load = useCallback(() => {
    api<ReportSummary[]>(base)
      .then(setReports)
      .catch((e: Error) => setError(e.message))
  }, [base])
  useEffect(load, [load])

  const pin = async () => {
    setBusy(true)
    setError(null)
    try {
      await api(base, {
        method: 'POST',
        json: {
          round: selection.roundId,
          unit: selection.unit,
          segment: selection.segment,
          threshold: selection.threshold,
          ...(selection.transcripts ? { transcripts: selection.transcripts } : {}),
          ...(selection.codes ? { codes: selection.codes } : {}),
        },
      })
      load()
    } catch (e) {
      setError((e as Error).message)
    } finally {
      setBusy(false)
    }
  }
  const regenerate = async (id: string) => {
    try {
      const r = await api<{ identical: boolean }>(`${base}/${id}/regenerate`, { method: 'POST' })
      setChecked((c) => ({ ...c, [id]: r.identical }))
    } catch (e) {
      setError((e as Error).message)
    }
  }
  const date = (iso: string) => new Date(iso).toLocaleString(locale === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' })

  return (
    <section className="card agr-reports" data-testid="agreement-reports">
      <div className="row between">
        <h3 style={{ margin: 0 }}>{t('agr.reports')}</h3>
        {role === 'lead' && (
          <button type="button" className="primary" onClick={pin} disabled={busy} data-testid="pin-report">
            {busy ? t('agr.reports.pinning') : t('agr.reports.pin')}
          </button>
        )}
      </div>
      <p className="hint">{t('agr.reports.hint')}</p>
      {error && <p className="error">{error}</p>}
      {reports && reports.length === 0 && <p className="muted small">{t('agr.reports.none')}</p>}
      {reports && reports.length > 0 && (
        <ul className="agr-report-list">
          {reports.map((r) => (
            <li key={r.id} data-testid="agreement-report">
              <div className="row between">
                <span>
                  <strong>{r.round.name}</strong> · {t(`agr.unit.${r.parameters.unit}` as 'agr.unit.span')}
                  {r.parameters.unit === 'segment' && ` (${t(`agr.segment.${r.parameters.segment}` as 'agr.segment.turn')})`}
                  {r.headline !== null && <span className="muted"> · α {r.headline.toFixed(3)}</span>}
                </span>
                <span className="muted small">
                  {date(r.createdAt)} · {t('agr.reports.snapshot', { id: r.snapshotId })} · {r.software.name} {r.software.version}
                </span>
              </div>
              <div className="row tight small">
                <a href={`${base}/${r.id}/export?format=csv`} download>
                  {t('agr.reports.csv')}
                </a>
                <a href={`${base}/${r.id}/export?format=methods&lang=en`} target="_blank" rel="noreferrer">
                  {t('agr.reports.methodsEn')}
                </a>
                <a href={`${base}/${r.id}/export?format=methods&lang=zh`} target="_blank" rel="noreferrer">
                  {t('agr.reports.methodsZh')}
                </a>
                {role === 'lead' && (
                  <button type="button" className="link" onClick={() => regenerate(r.id)}>
                    {t('agr.reports.regenerate')}
                  </button>
                )}
                {r.id in checked && <span className={checked[r.id] ? 'success' : 'error'}>{checked[r.id] ? t('agr.reports.identical') : t('agr.reports.different')}</span>}
              </div>
            </li>
          ))}
        </ul>
      )}
      <span className="visually-hidden">{roundName}</span>
    </section>
  )
}
