'use client'
/**
 * The agreement dashboard: choose round, transcripts, codes, unit and statistic; see the overall
 * figures, a table per code × statistic with intervals and readings, a heatmap per code × coder
 * pair, and drill down from any value to the disagreeing passages. Recomputes (debounced) when
 * codings or rounds change, showing progress while a large round computes.
 */
import Link from 'next/link'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useI18n } from '@/app/i18n/i18n-provider'
import { useProjectEvents } from '@/app/lib/use-project-events'
import { agreementUnits, type AgreementUnit, type SegmentKind } from '@/server/domain/agreement/report/types'
import type { AgreementReport } from '@/server/services/agreement/get-agreement'
import { AgreementControls, type RoundOption } from './agreement-controls'
import { AgreementTable } from './agreement-table'
import { ArbitrationComparison } from './arbitration-comparison'
import { DisagreementList, type DrillTarget } from './disagreement-list'
import { pairStatistics, statisticsFor, type Stat } from './agreement-format'
import { OverallSummary } from './overall-summary'
import { PairHeatmap } from './pair-heatmap'
import { ReportsPanel } from './reports-panel'
import { useAgreementStream } from './use-agreement-stream'

export interface CodebookEntry {
  id: string
  parentId: string | null
  depth: number
  name: { zh: string; en: string }
  color: string
}

export interface Selection {
  roundId: string
  unit: AgreementUnit
  segment: SegmentKind
  threshold: number
  transcripts: string[] | null
  codes: string[] | null
}

export function AgreementDashboard({
  projectId,
  role,
  canDrill,
  rounds,
  hasBlindRound,
  codebook,
  initialRound,
  initialUnit,
}: {
  projectId: string
  role: 'lead' | 'coder' | 'viewer'
  /** May open the disagreeing passages (they show the coders' codings). */
  canDrill: boolean
  rounds: RoundOption[]
  hasBlindRound: boolean
  codebook: CodebookEntry[]
  initialRound?: string
  initialUnit?: string
}) {
  const { t } = useI18n()
  const [selection, setSelection] = useState<Selection>(() => ({
    roundId: rounds.find((r) => r.id === initialRound)?.id ?? rounds[0]?.id ?? '',
    unit: (agreementUnits as readonly string[]).includes(initialUnit ?? '') ? (initialUnit as AgreementUnit) : 'segment',
    segment: 'turn',
    threshold: 0.9,
    transcripts: null,
    codes: null,
  }))
  const [stat, setStat] = useState<Stat>('krippendorffAlpha')
  const [drill, setDrill] = useState<DrillTarget | null>(null)
  const [reloadKey, setReloadKey] = useState(0)

  const query = useMemo(() => {
    const q = new URLSearchParams({ unit: selection.unit, round: selection.roundId })
    if (selection.unit === 'segment') q.set('segment', selection.segment)
    if (selection.unit === 'matched') q.set('threshold', String(selection.threshold))
    if (selection.transcripts) q.set('transcripts', selection.transcripts.join(','))
    if (selection.codes) q.set('codes', selection.codes.join(','))
    return q.toString()
  }, [selection])

  // Live: codings or rounds changed → recompute, at most every 1.5 s (the server caches unchanged data).
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const refresh = useCallback(() => {
    if (timer.current) return
    timer.current = setTimeout(() => {
      timer.current = null
      setReloadKey((k) => k + 1)
    }, 1500)
  }, [])
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), [])
  useProjectEvents(projectId, ['codings', 'rounds', 'fit', 'disputes'], refresh)

  const enabled = rounds.length > 0
  const { report, progress, loading, error } = useAgreementStream(projectId, enabled ? query : null, reloadKey)
  const full = report && report.round ? (report as AgreementReport) : null

  // A statistic the unit does not report falls back to its first one.
  const coders = full ? (full.unit === 'span' ? full.coders.length : full.coderIds.length) : 2
  const available = full ? pairStatistics(full.unit) : []
  useEffect(() => {
    if (full && !available.includes(stat)) setStat(available[0])
  }, [full, available, stat])

  const change = (next: Partial<Selection>) => {
    setDrill(null)
    setSelection((s) => ({ ...s, ...next }))
  }

  if (!enabled)
    return (
      <div className="stack">
        <div className="page-head">
          <h2>{t('agr.title')}</h2>
        </div>
        <div className="empty stack tight" data-testid="agreement-empty">
          <p style={{ margin: 0 }}>{role === 'lead' ? t('agr.empty.lead') : t('agr.empty.member')}</p>
          {(role === 'lead' || hasBlindRound) && (
            <p style={{ margin: 0 }}>
              <Link href={`/projects/${projectId}/agreement/rounds`}>{t('agr.empty.goRounds')}</Link>
            </p>
          )}
        </div>
      </div>
    )

  const round = rounds.find((r) => r.id === selection.roundId)!
  return (
    <div className="stack">
      <div className="page-head">
        <div>
          <h2>{t('agr.title')}</h2>
          <p className="hint" style={{ margin: 0 }}>
            {t('agr.intro')}
          </p>
        </div>
      </div>
      <AgreementControls rounds={rounds} selection={selection} onChange={change} codebook={codebook} stat={stat} onStat={setStat} statistics={available.length ? available : statisticsFor(selection.unit, 2)} />
      <div className="agr-status" aria-live="polite">
        {loading ? (
          <div className="agr-progress" data-testid="agreement-progress">
            <progress max={progress?.total ?? 1} value={progress?.done ?? 0} />
            <span className="muted small">{progress ? t('agr.computing', { done: progress.done, total: progress.total }) : t('agr.computingStart')}</span>
          </div>
        ) : (
          <span className="muted small">{t('agr.updated')}</span>
        )}
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {full && (
        <>
          <OverallSummary report={full} />
          <ArbitrationComparison projectId={projectId} query={query} reloadKey={reloadKey} stat={stat} codebook={codebook} canDecide={role === 'lead'} />
          <div className="agr-grid">
            <section className="card flush agr-table-card">
              <h3 className="agr-card-title">{t('agr.perCode')}</h3>
              <AgreementTable report={full} codebook={codebook} onDrill={canDrill ? (code) => setDrill({ code, coders: null }) : null} active={drill} />
              <p className="hint agr-card-foot">{t('agr.bandsLegend')}</p>
            </section>
            <section className="card agr-heatmap-card">
              <h3>{t('agr.heatmap')}</h3>
              <p className="hint">{coders === 2 ? t('agr.heatmapTwo') : canDrill ? t('agr.heatmapHint') : ''}</p>
              <PairHeatmap report={full} stat={stat} codebook={codebook} onPick={canDrill ? (code, pair) => setDrill({ code, coders: pair }) : null} />
            </section>
          </div>
          {drill && <DisagreementList projectId={projectId} query={query} target={drill} report={full} codebook={codebook} onClose={() => setDrill(null)} />}
          {full.notes.length > 0 && (
            <details className="card agr-notes">
              <summary>
                {t('agr.notes')} ({full.notes.length})
              </summary>
              <ul className="small">
                {full.notes.map((n, i) => (
                  <li key={i}>{n}</li>
                ))}
              </ul>
            </details>
          )}
          <ReportsPanel projectId={projectId} role={role} selection={selection} roundName={round.name} />
        </>
      )}
    </div>
  )
}
