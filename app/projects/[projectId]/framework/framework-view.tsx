'use client'
/**
 * The framework page: the case × indicator matrix, the cell panel (evidence, statuses, the live
 * summary), the cross-case summary with its heatmap, the study-style case tables and the coders'
 * agreement. Everyone sees changes live: a 'fit' or 'codings' event refetches the matrix.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import { useI18n } from '@/app/i18n/i18n-provider'
import { api } from '@/app/lib/api-client'
import { useProjectEvents } from '@/app/lib/use-project-events'
import type { FitStatus } from '@/server/domain/fit/types'
import type { SetFitStatusResult } from '@/server/services/fit/set-fit-status'
import { AgreementCard } from './agreement-card'
import { CaseTables } from './case-tables'
import { CellPanel } from './cell-panel'
import { FitMatrix } from './fit-matrix'
import { FitHeatmap } from './fit-heatmap'
import { applyStatus, percent, type FrameworkMatrix } from './matrix-model'
import { SummaryTable } from './summary-table'

export interface OpenCell {
  caseId: string
  codeId: string
}

export function FrameworkView({ initial }: { initial: FrameworkMatrix }) {
  const { t, locale } = useI18n()
  const [matrix, setMatrix] = useState(initial)
  const [open, setOpen] = useState<OpenCell | null>(null)
  const [error, setError] = useState<string | null>(null)
  const projectId = matrix.projectId
  const request = useRef(0)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)

  const refetch = useCallback(async () => {
    // Only the newest answer counts: an older one may arrive after a newer change.
    const mine = ++request.current
    try {
      const next = await api<FrameworkMatrix>(`/api/projects/${projectId}/fit/matrix`)
      if (mine === request.current) {
        setMatrix(next)
        setError(null)
      }
    } catch (e) {
      if (mine === request.current) setError(t('framework.reloadFailed', { message: e instanceof Error ? e.message : String(e) }))
    }
  }, [projectId, t])

  const schedule = useCallback(
    (delay: number) => {
      if (timer.current) clearTimeout(timer.current)
      timer.current = setTimeout(() => void refetch(), delay)
    },
    [refetch],
  )
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), [])
  // Statuses change rarely and matter at once; codings arrive in bursts while people code.
  useProjectEvents(projectId, ['fit', 'codings', 'codebook', 'documents', 'rounds'], (topic) => schedule(topic === 'fit' ? 50 : 800))

  const setStatus = useCallback(
    async (caseId: string, codeId: string, status: FitStatus | null, coderId?: string) => {
      try {
        const result = await api<SetFitStatusResult>(`/api/projects/${projectId}/fit/statuses`, { method: 'PUT', json: { caseId, codeId, status, ...(coderId ? { coderId } : {}) } })
        request.current++ // a refetch started before this change must not undo it
        setMatrix((m) => applyStatus(m, result))
        setError(null)
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e))
      }
    },
    [projectId],
  )

  const closePanel = useCallback(() => setOpen(null), [])

  // The open cell's summary as its editor has it: the cells and case tables show it at once.
  const setSummary = useCallback((caseId: string, codeId: string, text: string) => {
    setMatrix((m) => {
      const at = m.cells.findIndex((c) => c.caseId === caseId && c.codeId === codeId)
      if (at < 0 || m.cells[at].summary === text) return m
      const cells = [...m.cells]
      cells[at] = { ...cells[at], summary: text }
      return { ...m, cells }
    })
  }, [])

  const { partialWeight, highAtMost, mediumAtMost } = matrix.report.settings
  const exportHref = (format: string, extra = '') => `/api/projects/${projectId}/fit/export?format=${format}&lang=${locale}${extra}`
  const hasFramework = matrix.dimensions.length > 0
  const hasCases = matrix.cases.length > 0

  return (
    <div className="stack framework">
      <div className="fw-head">
        <div className="stack tight">
          <h2>{t('framework.title')}</h2>
          <p className="hint">{t('framework.intro')}</p>
          <p className="hint" data-testid="fit-rule">
            {t('framework.rule', { weight: partialWeight, high: percent(highAtMost), medium: percent(mediumAtMost) })}
          </p>
        </div>
        {hasFramework && hasCases && (
          <div className="fw-exports" role="group" aria-label={t('framework.export')}>
            <span className="muted small">{t('framework.export')}</span>
            <a className="button small-btn" href={exportHref('xlsx')} download data-testid="export-xlsx">
              {t('framework.exportXlsx')}
            </a>
            <a className="button small-btn" href={exportHref('docx')} download data-testid="export-docx">
              {t('framework.exportDocx')}
            </a>
            <a className="button small-btn" href={exportHref('csv')} download>
              {t('framework.exportCsv')}
            </a>
            <a className="button small-btn" href={exportHref('csv', '&table=summary')} download>
              {t('framework.exportCsvSummary')}
            </a>
          </div>
        )}
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {!hasFramework ? (
        <p className="empty">{t('framework.noFramework')}</p>
      ) : !hasCases ? (
        <p className="empty">{t('framework.noCases')}</p>
      ) : (
        <>
          <section aria-labelledby="fw-matrix-h" className="stack tight">
            <h3 id="fw-matrix-h">{t('framework.section.matrix')}</h3>
            {matrix.role === 'lead' && <p className="hint">{t('framework.status.keys')}</p>}
            <FitMatrix matrix={matrix} onSetStatus={setStatus} onOpen={setOpen} open={open} />
          </section>
          <section aria-labelledby="fw-summary-h" className="stack tight">
            <h3 id="fw-summary-h">{t('framework.section.summary')}</h3>
            <div className="fw-summary-grid">
              <SummaryTable matrix={matrix} />
              <FitHeatmap matrix={matrix} />
            </div>
          </section>
          {(matrix.agreement || matrix.blindCasesWithCoderStatuses > 0) && (
            <section aria-labelledby="fw-agreement-h" className="stack tight">
              <h3 id="fw-agreement-h">{t('framework.section.agreement')}</h3>
              <AgreementCard matrix={matrix} />
            </section>
          )}
          <section aria-labelledby="fw-cases-h" className="stack tight">
            <h3 id="fw-cases-h">{t('framework.section.cases')}</h3>
            <CaseTables matrix={matrix} onOpen={setOpen} />
          </section>
        </>
      )}
      {open && <CellPanel matrix={matrix} cell={open} onClose={closePanel} onSetStatus={setStatus} onSummary={setSummary} />}
    </div>
  )
}
