'use client'
/**
 * The case × indicator matrix: rows are cases, columns the indicators grouped by dimension (with
 * the case's fit on each dimension after its indicators, and the model last). Headers and the
 * case column stay in view while the table scrolls.
 */
import { Fragment, useMemo } from 'react'
import { useI18n } from '@/app/i18n/i18n-provider'
import type { FitStatus } from '@/server/domain/fit/types'
import type { OpenCell } from './framework-view'
import { LevelBadge } from './fit-badges'
import { cellKey, indexCells, type FrameworkMatrix } from './matrix-model'
import { StatusControl } from './status-control'

interface Props {
  matrix: FrameworkMatrix
  open: OpenCell | null
  onOpen: (cell: OpenCell) => void
  onSetStatus: (caseId: string, codeId: string, status: FitStatus | null) => void
}

export function FitMatrix({ matrix, open, onOpen, onSetStatus }: Props) {
  const { t, pick } = useI18n()
  const cells = useMemo(() => indexCells(matrix), [matrix])
  const indicators = matrix.dimensions.flatMap((d) => d.indicators)
  const coderName = new Map(matrix.coders.map((c) => [c.id, c.name]))
  const editable = matrix.role === 'lead'

  return (
    <div className="fw-matrix-wrap card flush" data-testid="fit-matrix">
      <table className="fw-matrix">
        <thead>
          <tr className="fw-dim-row">
            <th rowSpan={2} scope="col" className="fw-corner">
              {t('framework.case')}
            </th>
            {matrix.dimensions.map((d) => (
              <th key={d.id} colSpan={d.indicators.length + 1} scope="colgroup" className="fw-dim" style={{ borderTopColor: d.color }}>
                {pick(d.name)}
              </th>
            ))}
            <th rowSpan={2} scope="col" className="fw-model-h">
              {t('framework.model')}
            </th>
          </tr>
          <tr className="fw-ind-row">
            {matrix.dimensions.map((d) => (
              <Fragment key={d.id}>
                {d.indicators.map((i) => (
                  <th key={i.id} scope="col" className="fw-ind" title={pick(i.name)}>
                    <span className="swatch" style={{ background: i.color }} aria-hidden="true" />
                    <span className="fw-ind-name">{pick(i.name)}</span>
                  </th>
                ))}
                <th scope="col" className="fw-fit-h">
                  {t('framework.fitOf', { dimension: pick(d.short ?? d.name) })}
                </th>
              </Fragment>
            ))}
          </tr>
        </thead>
        <tbody>
          {matrix.cases.map((c, row) => {
            const fit = matrix.report.cases[c.key]
            return (
              <tr key={c.id} data-testid={`case-row-${c.key}`}>
                <th scope="row" className="fw-case">
                  <span className="fw-case-key">{c.key}</span>
                  <span className="fw-case-name">{pick(c.name)}</span>
                  {c.round && <span className={`badge round-${c.round.state}`}>{t(c.round.state === 'blind' ? 'framework.roundBlind' : 'framework.roundRevealed')}</span>}
                </th>
                {matrix.dimensions.map((d) => (
                  <Fragment key={d.id}>
                    {d.indicators.map((i) => {
                      const cell = cells.get(cellKey(c.id, i.id))
                      if (!cell) return <td key={i.id} />
                      const col = indicators.indexOf(i)
                      const label = t('framework.status.menu', { case: c.key, indicator: pick(i.name) })
                      const isOpen = open?.caseId === c.id && open.codeId === i.id
                      const coderEntries = Object.entries(cell.coders)
                      return (
                        <td key={i.id} className={`fw-cell${isOpen ? ' open' : ''}`}>
                          <StatusControl
                            status={cell.status}
                            suggested={cell.suggested}
                            editable={editable}
                            label={label}
                            row={row}
                            col={col}
                            rows={matrix.cases.length}
                            cols={indicators.length}
                            testId={`status-${c.key}-${i.key}`}
                            onSet={(s) => onSetStatus(c.id, i.id, s)}
                          />
                          <button
                            type="button"
                            className={`fw-open${cell.evidence.length ? '' : ' empty-evidence'}`}
                            onClick={() => onOpen({ caseId: c.id, codeId: i.id })}
                            aria-label={t('framework.openCell', { case: c.key, indicator: pick(i.name) })}
                            data-testid={`open-${c.key}-${i.key}`}
                          >
                            <span className="fw-count">{t('framework.evidence', { count: cell.evidence.length })}</span>
                            {cell.summary ? <span className="fw-snippet">{cell.summary}</span> : null}
                          </button>
                          {coderEntries.length > 0 && (
                            <span className="fw-coders">
                              {coderEntries.map(([id, s]) => (
                                <span key={id} className={`fw-dot status-${s}`} title={`${coderName.get(id) ?? id}: ${t(`framework.status.${s}`)}`} />
                              ))}
                            </span>
                          )}
                        </td>
                      )
                    })}
                    <td className="fw-fit">
                      {fit && <LevelBadge level={fit.dimensions[d.key].level} label={fit.dimensions[d.key].levelLabel} unseenShare={fit.dimensions[d.key].unseenShare} testId={`level-${c.key}-${d.key}`} />}
                    </td>
                  </Fragment>
                ))}
                <td className="fw-model" data-testid={`model-${c.key}`}>
                  {fit ? pick(fit.model) : ''}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
