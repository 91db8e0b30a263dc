'use client'
/** Per code × statistic: values with alpha's interval and each value's reading; a value opens the drill-down. */
import { Fragment } from 'react'
import { useI18n } from '@/app/i18n/i18n-provider'
import type { ReliabilityTable, SpanTable } from '@/server/domain/agreement/report/types'
import type { AgreementReport } from '@/server/services/agreement/get-agreement'
import type { CodebookEntry } from './agreement-dashboard'
import { codeNameOf, formatValue, statisticsFor, statLabel, type Stat } from './agreement-format'
import { BandChip } from './band-chip'
import type { DrillTarget } from './disagreement-list'

export function AgreementTable({ report, codebook, onDrill, active }: { report: AgreementReport; codebook: CodebookEntry[]; onDrill: ((code: string) => void) | null; active: DrillTarget | null }) {
  const { t, pick } = useI18n()
  const coders = report.unit === 'span' ? report.coders : report.coderIds
  const stats = statisticsFor(report.unit, coders.length)
  const codes = Object.keys(report.codes)
  const nameOf = (id: string) => codeNameOf(id, codebook, report.labels.codes, pick)
  const colorOf = (id: string) => codebook.find((x) => x.id === id)?.color ?? report.labels.codes[id]?.color ?? '#999'
  const cell = (table: ReliabilityTable | SpanTable, s: Stat, code: string | null) => {
    const value = (table as unknown as Record<Stat, number | null>)[s]
    const rel = report.unit === 'span' ? null : (table as ReliabilityTable)
    const content = (
      <>
        <span className="agr-value">{value === null ? <span className="muted" title={noteFor(table, s)}>{t('agr.undefined')}</span> : formatValue(s, value)}</span>
        <BandChip band={(table.bands as Record<string, string | undefined>)[s]} />
        {s === 'krippendorffAlpha' && rel?.alphaCI && <span className="agr-ci">[{rel.alphaCI[0].toFixed(2)}, {rel.alphaCI[1].toFixed(2)}]</span>}
      </>
    )
    if (code === null || report.unit === 'status' || !onDrill) return <td className="agr-cell">{content}</td>
    return (
      <td className="agr-cell">
        <button type="button" className="agr-cell-btn" onClick={() => onDrill(code)} title={t('agr.cellHint')} data-testid={`cell-${code}-${s}`}>
          {content}
        </button>
      </td>
    )
  }
  return (
    <div className="table-wrap">
      <table className="agr-table" data-testid="agreement-table">
        <thead>
          <tr>
            <th scope="col">{t('agr.code')}</th>
            {stats.map((s) => (
              <th key={s} scope="col" className="num">
                {t(statLabel(s))}
              </th>
            ))}
            {report.unit !== 'span' && (
              <th scope="col" className="num">
                {t('agr.units')}
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          <tr className="agr-overall-row">
            <th scope="row">{t('agr.overall')}</th>
            {stats.map((s) => (
              <Fragment key={s}>{cell(report.unit === 'span' ? report.overall : report, s, null)}</Fragment>
            ))}
            {report.unit !== 'span' && <td className="num">{(report as ReliabilityTable).units}</td>}
          </tr>
          {codes.map((code) => {
            const table = report.codes[code] as ReliabilityTable | SpanTable
            return (
              <tr key={code} className={active?.code === code ? 'agr-active' : ''} data-code={code}>
                <th scope="row" title={nameOf(code)}>
                  <span className="swatch" style={{ background: colorOf(code) }} aria-hidden /> {nameOf(code)}
                </th>
                {stats.map((s) => (
                  <Fragment key={s}>{cell(table, s, code)}</Fragment>
                ))}
                {report.unit !== 'span' && <td className="num">{(table as ReliabilityTable).units}</td>}
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}

/** The note that explains a null, for the cell's tooltip. */
function noteFor(table: ReliabilityTable | SpanTable, s: Stat): string | undefined {
  const notes = (table as { notes?: string[] }).notes
  return notes?.find((n) => n.startsWith(`${s}:`))
}
