'use client'
/**
 * The side panel of one matrix cell: the team's status (set by the lead, with the evidence's
 * suggestion), the caller's own status in a blind round, the coders' statuses they may see, the
 * live summary, and the coded evidence with links into the transcripts.
 */
import dynamic from 'next/dynamic'
import Link from 'next/link'
import { useEffect, useRef } from 'react'
import { useI18n } from '@/app/i18n/i18n-provider'
import type { FitStatus } from '@/server/domain/fit/types'
import type { OpenCell } from './framework-view'
import { StatusLabel } from './fit-badges'
import { cellKey, indexCells, statusOrder, transcriptHref, type EvidenceItem, type FrameworkMatrix } from './matrix-model'

// Tiptap, Yjs and the socket load only when a cell is opened.
const SummaryEditor = dynamic(() => import('./summary-editor'), { ssr: false })

interface Props {
  matrix: FrameworkMatrix
  cell: OpenCell
  onClose: () => void
  onSetStatus: (caseId: string, codeId: string, status: FitStatus | null, coderId?: string) => void
  onSummary: (caseId: string, codeId: string, text: string) => void
}

export function CellPanel({ matrix, cell: at, onClose, onSetStatus, onSummary }: Props) {
  const { t, pick } = useI18n()
  const panel = useRef<HTMLElement>(null)
  const theCase = matrix.cases.find((c) => c.id === at.caseId)
  const indicator = matrix.dimensions.flatMap((d) => d.indicators).find((i) => i.id === at.codeId)
  const cell = indexCells(matrix).get(cellKey(at.caseId, at.codeId))

  useEffect(() => {
    panel.current?.focus()
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && !(e.target as HTMLElement).closest('.fw-menu') && onClose()
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [onClose])

  if (!theCase || !indicator || !cell) return null
  const title = t('framework.panelTitle', { case: theCase.key, indicator: pick(indicator.name) })
  const coderName = new Map(matrix.coders.map((c) => [c.id, c.name]))
  const mine = cell.coders[matrix.userId] ?? null
  // Your own status has its buttons above; list the others'.
  const others = Object.entries(cell.coders).filter(([id]) => !(theCase.canRecordOwn && id === matrix.userId))
  const byTranscript = new Map<string, EvidenceItem[]>()
  for (const e of cell.evidence) byTranscript.set(e.transcriptId, [...(byTranscript.get(e.transcriptId) ?? []), e])

  return (
    <aside className="fw-panel" role="dialog" aria-modal="false" aria-label={title} tabIndex={-1} ref={panel} data-testid="cell-panel">
      <div className="fw-panel-head">
        <div>
          <div className="muted small">{pick(theCase.name)}</div>
          <h3>{pick(indicator.name)}</h3>
        </div>
        <button type="button" className="icon" onClick={onClose} aria-label={t('common.close')}>
          ×
        </button>
      </div>

      <section className="stack tight">
        <h4>{t('framework.status')}</h4>
        {matrix.role === 'lead' ? (
          <StatusButtons label={t('framework.status.set')} value={cell.status} onChoose={(s) => onSetStatus(at.caseId, at.codeId, s)} />
        ) : (
          <span className={`fw-chip status-${cell.status ?? 'unset'}`}>
            <StatusLabel status={cell.status} />
          </span>
        )}
        <p className="hint">
          {t('framework.suggested', { status: t(`framework.status.${cell.suggested}`) })} — {t('framework.suggestedHint')}
        </p>
        {matrix.role === 'lead' && cell.status !== cell.suggested && (
          <button type="button" className="small-btn align-start" onClick={() => onSetStatus(at.caseId, at.codeId, cell.suggested)}>
            {t('framework.acceptSuggestion')}
          </button>
        )}
      </section>

      {theCase.canRecordOwn && (
        <section className="stack tight">
          <h4>{t('framework.myStatus')}</h4>
          {theCase.round && <span className="muted small">{t('framework.round', { name: theCase.round.name })}</span>}
          <StatusButtons label={t('framework.myStatus')} value={mine} onChoose={(s) => onSetStatus(at.caseId, at.codeId, s, matrix.userId)} />
        </section>
      )}

      {others.length > 0 && (
        <section className="stack tight">
          <h4>{t('framework.coders')}</h4>
          <ul className="plain">
            {others.map(([id, s]) => (
              <li key={id} className="row">
                <span>{coderName.get(id) ?? id}</span>
                <span className={`fw-chip status-${s}`}>
                  <StatusLabel status={s} />
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className="stack tight">
        <h4>{t('framework.summary')}</h4>
        <p className="hint">{t('framework.summaryHint')}</p>
        <SummaryEditor key={cell.room} room={cell.room} editable={matrix.role !== 'viewer'} label={t('framework.summary') + ' — ' + title} onText={(text) => onSummary(at.caseId, at.codeId, text)} />
      </section>

      <section className="stack tight">
        <h4>
          {t('framework.evidenceTitle')} <span className="muted small">({cell.evidence.length})</span>
        </h4>
        {cell.evidence.length === 0 ? (
          <p className="empty small">{t('framework.noEvidence')}</p>
        ) : (
          [...byTranscript.values()].map((items) => (
            <div key={items[0].transcriptId} className="fw-evidence-group">
              <div className="small strong-link">{items[0].transcriptTitle}</div>
              <ul className="plain">
                {items.map((e) => (
                  <li key={`${e.codeId}-${e.start}-${e.end}`} className="fw-evidence">
                    <blockquote>{e.text}</blockquote>
                    <Link href={transcriptHref(matrix.projectId, e)} className="small">
                      {t('framework.openInTranscript')} ({e.start}–{e.end})
                    </Link>
                  </li>
                ))}
              </ul>
            </div>
          ))
        )}
      </section>
    </aside>
  )
}

function StatusButtons({ label, value, onChoose }: { label: string; value: FitStatus | null; onChoose: (s: FitStatus | null) => void }) {
  const { t } = useI18n()
  return (
    <div className="fw-segmented" role="radiogroup" aria-label={label}>
      {statusOrder.map((s) => (
        <button key={s} type="button" role="radio" aria-checked={value === s} className={`fw-chip status-${s}${value === s ? ' chosen' : ''}`} onClick={() => onChoose(s)}>
          <StatusLabel status={s} />
        </button>
      ))}
      <button type="button" className="small-btn" onClick={() => onChoose(null)} disabled={value === null}>
        {t('framework.status.clear')}
      </button>
    </div>
  )
}
