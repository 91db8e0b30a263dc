import { parse } from 'csv-parse/sync'
import { badInput, type Problem } from '../../errors'

export interface CsvRow {
  /** 1-based line number in the file, for error messages ("statuses.csv:12: …"). */
  line: number
  values: Record<string, string>
}

/**
 * Parses a CSV text with a header row and checks that the header holds exactly the
 * expected columns (any order, extra columns are an error so typos surface).
 * Throws `bad_input` naming the file and line. Accepts a UTF-8 BOM (Excel writes one).
 */
export function parseCsvWithHeader(text: string, expected: readonly string[], fileName: string): CsvRow[] {
  const clean = text.replace(/^\uFEFF/, '')
  if (clean.trim() === '') throw badInput(`${fileName}: the file is empty`, [{ path: `${fileName}:1`, message: 'empty file' }])
  let records: string[][]
  try {
    records = parse(clean, { skip_empty_lines: true, relax_column_count: true, trim: true, info: false }) as string[][]
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e)
    throw badInput(`${fileName}: not a valid CSV file (${message})`, [{ path: fileName, message }])
  }
  const [header, ...rows] = records
  const cols = header.map((h) => h.trim().toLowerCase())
  const problems: Problem[] = []
  for (const want of expected) if (!cols.includes(want)) problems.push({ path: `${fileName}:1`, message: `missing column "${want}" (expected header: ${expected.join(',')})` })
  for (const got of cols) if (!expected.includes(got)) problems.push({ path: `${fileName}:1`, message: `unexpected column "${got}" (expected header: ${expected.join(',')})` })
  if (problems.length) throw badInput(`${fileName}: wrong header`, problems)
  // csv-parse drops empty lines, so recover line numbers by scanning the raw text.
  const lineNumbers = nonEmptyLineNumbers(clean)
  const out: CsvRow[] = []
  rows.forEach((r, i) => {
    const line = lineNumbers[i + 1] ?? i + 2
    if (r.length !== cols.length) {
      problems.push({ path: `${fileName}:${line}`, message: `expected ${cols.length} values, found ${r.length}` })
      return
    }
    const values: Record<string, string> = {}
    cols.forEach((c, j) => (values[c] = r[j]))
    out.push({ line, values })
  })
  if (problems.length) throw badInput(`${fileName}: ${problems.length} bad row(s)`, problems)
  return out
}

function nonEmptyLineNumbers(text: string): number[] {
  const nums: number[] = []
  text.split(/\r?\n/).forEach((l, i) => {
    if (l.trim() !== '') nums.push(i + 1)
  })
  return nums
}
