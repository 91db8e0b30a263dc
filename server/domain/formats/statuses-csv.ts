/**
 * Framework judgements as CSV (`case,indicator,status`), the input of `concord fit`.
 * One row per case and indicator; an indicator without a row counts as `none` when scored.
 */
import { badInput, type Problem } from '../../errors'
import { statusLabels } from '../fit/labels'
import { fitStatuses, type FitStatus, type StatusMap } from '../fit/types'
import { parseCsvWithHeader } from './csv'
import type { Framework } from './framework'

// Spreadsheets capitalise and Chinese teams write the study's own terms: accept both.
const statusAliases = new Map<string, FitStatus>(
  fitStatuses.flatMap((s) => [[s, s], [statusLabels[s].zh, s]] as Array<[string, FitStatus]>),
)

/**
 * Parses statuses CSV text against a framework. Throws `bad_input` listing every unknown
 * indicator, unknown status, duplicate (case, indicator) row and empty case, each as `file:line`.
 * Cases keep the order in which they first appear.
 */
export function parseStatusesCsv(text: string, fileName: string, framework: Pick<Framework, 'dimensions'>): StatusMap {
  const rows = parseCsvWithHeader(text, ['case', 'indicator', 'status'], fileName)
  if (rows.length === 0) throw badInput(`${fileName}: no status rows after the header`, [{ path: `${fileName}:2`, message: 'no rows: expected case,indicator,status' }])
  const indicators = new Set(framework.dimensions.flatMap((d) => d.indicators.map((i) => i.key)))
  const problems: Problem[] = []
  const seen = new Map<string, number>()
  const statuses: StatusMap = {}
  for (const { line, values } of rows) {
    const at = `${fileName}:${line}`
    const { case: caseKey, indicator } = values
    const status = statusAliases.get(values.status.toLowerCase())
    const wrong: string[] = []
    if (caseKey === '') wrong.push('empty case')
    if (!indicators.has(indicator)) wrong.push(`unknown indicator "${indicator}"${suggest(indicator, indicators)}`)
    if (!status) wrong.push(`unknown status "${values.status}" (expected ${fitStatuses.join(', ')})`)
    const id = JSON.stringify([caseKey, indicator])
    const first = seen.get(id)
    if (first !== undefined) wrong.push(`duplicate row for case "${caseKey}", indicator "${indicator}" (first on line ${first})`)
    else seen.set(id, line)
    if (wrong.length) problems.push(...wrong.map((message) => ({ path: at, message })))
    else if (status) (statuses[caseKey] ??= {})[indicator] = status
  }
  if (problems.length) throw badInput(`${fileName}: ${problems.length} problem(s)`, problems)
  return statuses
}

/** A hint for the commonest typo: the dimension prefix left out ("rnd" for "technology.rnd"). */
function suggest(indicator: string, known: Set<string>): string {
  const match = [...known].filter((k) => k.toLowerCase().endsWith(`.${indicator.toLowerCase()}`) || k.toLowerCase() === indicator.toLowerCase())
  return match.length === 1 ? ` (did you mean "${match[0]}"?)` : ''
}
