/**
 * Reliability data as long-form CSV (`unit,coder,value`), the input of `concord agreement --data`.
 * One row per rating; a rating nobody gave is a row left out (SPEC REL16–REL17 in
 * agreement/coefficients/SPEC.md).
 */
import { badInput } from '../../errors'
import { checkRatings, type RatingRow } from '../agreement/coefficients/ratings'
import type { Level } from '../agreement/coefficients/types'
import { parseCsvWithHeader } from './csv'

/**
 * Parses and checks the file for `level`: throws `bad_input` listing every empty field,
 * duplicate (unit, coder) row, and (at the ordinal, interval and ratio levels) non-numeric or,
 * for ratio, negative value, each as `file:line`.
 */
export function parseReliabilityCsv(text: string, fileName: string, level: Level = 'nominal'): RatingRow[] {
  const rows = parseCsvWithHeader(text, ['unit', 'coder', 'value'], fileName)
  if (rows.length === 0) throw badInput(`${fileName}: no ratings after the header`, [{ path: `${fileName}:2`, message: 'no rows: expected unit,coder,value' }])
  const ratings = rows.map(({ values }) => ({ unit: values.unit, coder: values.coder, value: values.value }))
  const problems = checkRatings(ratings, level, (i) => `${fileName}:${rows[i].line}`)
  if (problems.length) throw badInput(`${fileName}: ${problems.length} problem(s)`, problems)
  return ratings
}
