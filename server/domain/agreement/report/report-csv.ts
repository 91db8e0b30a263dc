/**
 * A report as long-form CSV (AGR11): one row per scope × code × statistic, ready for R
 * (`read.csv`) or a spreadsheet. Scope is `all` (every compared coder) or `pair`.
 */
import type { AgreementResult, ReliabilityTable, SpanTable } from './types'

export interface CsvLabels {
  coderName: (id: string) => string
  codeName: (id: string) => string
}

const header = ['scope', 'coders', 'code_id', 'code', 'statistic', 'value', 'ci_low', 'ci_high', 'se', 'reading', 'units']

/** RFC 4180 quoting; a leading = + - @ is escaped so that a spreadsheet does not run it as a formula. */
export function csvCell(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return ''
  let s = String(v)
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

const reliabilityStats = ['krippendorffAlpha', 'cohenKappa', 'fleissKappa', 'scottPi', 'brennanPrediger', 'gwetAC1', 'percentAgreement'] as const
const spanStats = ['unitizingAlpha', 'characterKappa', 'characterPercentAgreement'] as const

export function writeReportCsv(result: AgreementResult, labels: CsvLabels): string {
  const rows: (string | number | null)[][] = []
  const coderList = (ids: readonly string[]) => ids.map(labels.coderName).join(' | ')
  const add = (scope: string, coders: readonly string[], code: string | null, table: ReliabilityTable | SpanTable) => {
    const name = code === null ? '(overall)' : labels.codeName(code)
    if (result.unit === 'span') {
      const t = table as SpanTable
      for (const s of spanStats) rows.push([scope, coderList(coders), code ?? '', name, s, t[s], null, null, null, t.bands[s as keyof SpanTable['bands']] ?? '', null])
      return
    }
    const t = table as ReliabilityTable
    for (const s of reliabilityStats) {
      if (t[s] === null && s === 'fleissKappa' && t.coders === 2) continue
      const ci = s === 'krippendorffAlpha' ? t.alphaCI : null
      const se = s in t.se ? t.se[s as keyof ReliabilityTable['se']] : null
      rows.push([scope, coderList(coders), code ?? '', name, s, t[s], ci?.[0] ?? null, ci?.[1] ?? null, se, t.bands[s] ?? '', t.units])
    }
  }
  if (result.unit === 'span') {
    add('all', result.coders, null, result.overall)
    for (const [code, t] of Object.entries(result.codes)) add('all', result.coders, code, t)
    for (const p of result.pairs) {
      add('pair', p.coders, null, p.overall)
      for (const [code, t] of Object.entries(p.codes)) add('pair', p.coders, code, t)
    }
  } else {
    add('all', result.coderIds, null, result)
    for (const [code, t] of Object.entries(result.codes)) add('all', result.coderIds, code, t)
    for (const p of result.pairs) {
      add('pair', p.coders, null, p.overall)
      for (const [code, t] of Object.entries(p.codes)) add('pair', p.coders, code, t)
    }
  }
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n'
}
