'use client'
/**
 * One table per case laid out like the study's case tables: dimension, indicator, the team's
 * interview data analysis (the cell's summary; the status in words when there is none), the
 * status, and the dimension's fit level. Clicking an indicator opens its cell.
 */
import { Fragment, useMemo } from 'react'
import { useI18n } from '@/app/i18n/i18n-provider'
import type { OpenCell } from './framework-view'
import { LevelBadge, StatusLabel } from './fit-badges'
import { cellKey, indexCells, type FrameworkMatrix } from './matrix-model'

export function CaseTables({ matrix, onOpen }: { matrix: FrameworkMatrix; onOpen: (cell: OpenCell) => void }) {
  const { t, pick } = useI18n()
  const cells = useMemo(() => indexCells(matrix), [matrix])
  return (
    <div className="stack">
      {matrix.cases.map((c) => {
        const fit = matrix.report.cases[c.key]
        if (!fit) return null
        return (
          <details key={c.id} className="card fw-case-table" data-testid={`case-table-${c.key}`}>
            <summary>
              <strong>{pick(c.name)}</strong> <span className="muted">— {t('framework.model')}:</span> <span className="fw-model">{pick(fit.model)}</span>
            </summary>
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('framework.dimension')}</th>
                    <th scope="col">{t('framework.indicator')}</th>
                    <th scope="col">{t('framework.analysis')}</th>
                    <th scope="col">{t('framework.status')}</th>
                    <th scope="col">{t('framework.level')}</th>
                  </tr>
                </thead>
                <tbody>
                  {matrix.dimensions.map((d) => {
                    const dim = fit.dimensions[d.key]
                    return (
                      <Fragment key={d.id}>
                        {d.indicators.map((i, n) => {
                          const cell = cells.get(cellKey(c.id, i.id))
                          return (
                            <tr key={i.id}>
                              {n === 0 && (
                                <th scope="rowgroup" rowSpan={d.indicators.length} className="fw-dim-cell">
                                  {pick(d.name)}
                                </th>
                              )}
                              <td>
                                <button type="button" className="link" onClick={() => onOpen({ caseId: c.id, codeId: i.id })}>
                                  {pick(i.name)}
                                </button>
                              </td>
                              <td className="fw-analysis">{cell?.summary ? cell.summary : <span className="muted">{t('framework.summaryEmpty')}</span>}</td>
                              <td>
                                <span className={`fw-chip status-${cell?.status ?? 'unset'}`}>
                                  <StatusLabel status={cell?.status ?? null} />
                                </span>
                              </td>
                              {n === 0 && (
                                <td rowSpan={d.indicators.length} className="fw-dim-cell">
                                  <LevelBadge level={dim.level} label={dim.levelLabel} unseenShare={dim.unseenShare} />
                                </td>
                              )}
                            </tr>
                          )
                        })}
                      </Fragment>
                    )
                  })}
                </tbody>
              </table>
            </div>
          </details>
        )
      })}
    </div>
  )
}
