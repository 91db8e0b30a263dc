'use client'
/**
 * The drill-down of a table or heatmap cell: the passages where the coders disagree about a code,
 * each with its context, every coder's spans marked, and links to the transcript and the layers.
 */
import Link from 'next/link'
import { useEffect, useState } from 'react'
import { useI18n } from '@/app/i18n/i18n-provider'
import { api } from '@/app/lib/api-client'
import type { AgreementReport } from '@/server/services/agreement/get-agreement'
import type { CodebookEntry } from './agreement-dashboard'

export interface DrillTarget {
  code: string
  /** A coder pair (heatmap), or null for all compared coders (table). */
  coders: [string, string] | null
}

interface Passage {
  document: string
  title: string
  start: number
  end: number
  kind: 'presence' | 'boundary'
  unit?: string
  text: string
  before: string
  after: string
  href: string
  coders: { coder: string; spans: { start: number; end: number }[] }[]
}

const coderColors = ['#2f6f8f', '#c2572b', '#6b4fa0', '#2e7d32', '#a0487a', '#8a6d00']

/** The passage's text cut at every coder's span edges, each piece with the coders whose spans cover it (underlined in their colours). */
function markSpans(p: Passage, order: readonly string[]) {
  const cuts = new Set([p.start, p.end])
  for (const c of p.coders) for (const s of c.spans) for (const x of [s.start, s.end]) if (x > p.start && x < p.end) cuts.add(x)
  const sorted = [...cuts].sort((a, b) => a - b)
  return sorted.slice(0, -1).map((start, i) => {
    const end = sorted[i + 1]
    const coders = order.filter((coder) => p.coders.find((c) => c.coder === coder)?.spans.some((s) => s.start < end && s.end > start))
    return { start, text: p.text.slice(start - p.start, end - p.start), coders }
  })
}

export function DisagreementList({ projectId, query, target, report, codebook, onClose }: { projectId: string; query: string; target: DrillTarget; report: AgreementReport; codebook: CodebookEntry[]; onClose: () => void }) {
  const { t, pick } = useI18n()
  const [data, setData] = useState<{ total: number; passages: Passage[] } | null>(null)
  const [error, setError] = useState<string | null>(null)
  const allCoders = report.unit === 'span' ? report.coders : report.coderIds
  const colorOf = (coder: string) => coderColors[allCoders.indexOf(coder) % coderColors.length]
  const name = (coder: string) => report.labels.coders[coder] ?? coder
  const code = codebook.find((c) => c.id === target.code)
  const codeName = code ? pick(code.name) : target.code

  useEffect(() => {
    if (report.unit === 'status') return
    setData(null)
    setError(null)
    const q = new URLSearchParams(query)
    q.delete('codes')
    q.set('code', target.code)
    if (target.coders) q.set('coders', target.coders.join(','))
    let live = true
    api<{ total: number; passages: Passage[] }>(`/api/projects/${projectId}/agreement/disagreements?${q}`)
      .then((d) => live && setData(d))
      .catch((e: Error & { status?: number }) => live && setError(e.status === 403 ? t('agr.drill.forbidden') : e.message))
    return () => {
      live = false
    }
  }, [projectId, query, target, report.unit, t])

  return (
    <section className="card agr-drill" data-testid="agreement-drill" aria-live="polite">
      <div className="row between">
        <h3 style={{ margin: 0 }}>
          <span className="swatch" style={{ background: code?.color ?? '#999' }} aria-hidden /> {t('agr.drill.title', { code: codeName })}{' '}
          <span className="muted small">{target.coders ? t('agr.drill.pair', { a: name(target.coders[0]), b: name(target.coders[1]) }) : t('agr.drill.all')}</span>
        </h3>
        <button type="button" className="small" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
      {report.unit === 'status' && <p className="muted">{t('agr.drill.status')}</p>}
      {error && <p className="error">{error}</p>}
      {!data && !error && report.unit !== 'status' && <p className="muted">{t('common.loading')}</p>}
      {data && data.total === 0 && <p className="muted">{t('agr.drill.none')}</p>}
      {data && data.total > 0 && (
        <>
          <p className="hint" style={{ margin: 0 }}>
            {t('agr.drill.count', { shown: data.passages.length, total: data.total })}
          </p>
          <div className="row tight agr-legend">
            {(target.coders ?? allCoders).map((c) => (
              <span key={c} className="agr-coder" style={{ borderColor: colorOf(c) }}>
                {name(c)}
              </span>
            ))}
          </div>
          <ol className="agr-passages">
            {data.passages.map((p, i) => (
              <li key={`${p.document}-${p.start}-${i}`} className="agr-passage" data-testid="agreement-passage">
                <div className="row between">
                  <span className="small">
                    <strong>{p.title}</strong> <span className="muted">· {p.start}–{p.end}</span>{' '}
                    <span className={`badge agr-kind-${p.kind}`}>{t(p.kind === 'presence' ? 'agr.drill.presence' : 'agr.drill.boundary')}</span>
                  </span>
                  <span className="row tight small">
                    <Link href={p.href} data-testid="passage-open">
                      {t('agr.drill.open')}
                    </Link>
                    <Link href={`/projects/${projectId}/transcripts/${p.document}/layers?at=${p.start}-${p.end}`}>{t('agr.drill.layers')}</Link>
                  </span>
                </div>
                <p className="agr-context">
                  <span className="muted">…{p.before}</span>
                  <mark className="agr-focus">
                    {markSpans(p, (target.coders ?? allCoders)).map((piece) => (
                      <span key={piece.start} style={{ boxShadow: piece.coders.map((c, k) => `inset 0 -${3 * (k + 1)}px 0 ${colorOf(c)}`).join(', ') || undefined }} className="agr-mark-piece">
                        {piece.text}
                      </span>
                    ))}
                  </mark>
                  <span className="muted">{p.after}…</span>
                </p>
                <ul className="agr-coder-spans">
                  {p.coders.map((c) => (
                    <li key={c.coder}>
                      <span className="agr-coder" style={{ borderColor: colorOf(c.coder) }}>
                        {name(c.coder)}
                      </span>{' '}
                      {c.spans.length === 0 ? <span className="muted small">{t('agr.drill.notCoded')}</span> : <span className="small">{c.spans.map((s) => `${s.start}–${s.end}`).join(', ')}</span>}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  )
}
