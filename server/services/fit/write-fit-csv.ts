/**
 * CSV of the fit results: the long table (one row per case × indicator) or the cross-case
 * summary. RFC 4180 quoting, CRLF line ends and a UTF-8 byte-order mark, so that Excel opens the
 * Chinese text correctly and R / pandas read it as they are.
 */
import type { FitTables } from './build-fit-tables'

export function writeFitCsv(tables: FitTables, table: 'indicators' | 'summary' = 'indicators'): string {
  const { header, rows } = table === 'summary' ? tables.summaryData : tables.long
  return '\uFEFF' + [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n'
}

/**
 * One field. Text a spreadsheet would run as a formula (=, +, -, @ at the start) is prefixed with
 * an apostrophe: summaries are free text written by any team member (OWASP "CSV injection").
 */
export function csvCell(value: string | number): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : ''
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d+(\.\d+)?$/.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe
}
