/**
 * The two input files of the coded-spans mode of `concord agreement` (API.md):
 * `--codings` (`document,coder,code,start,end`) and `--lengths` (`document,length`).
 * Offsets are UTF-16 code units, `end` exclusive. Every problem is listed, each as `file:line`.
 * Rules SPAN12–SPAN13 in ../agreement/spans/SPEC.md.
 */
import { badInput, type Problem } from '../../errors'
import { parseCsvWithHeader } from './csv'

export interface CodingRow {
  document: string
  coder: string
  code: string
  start: number
  end: number
  /** `file:line`, so that later checks (e.g. a coding past the document's end) can name the row. */
  source: string
}

export interface LengthRow {
  document: string
  length: number
  source: string
}

const nonNegativeInteger = /^\d+$/

/** Parses a non-negative integer cell, or records a problem and returns null. */
function readInteger(raw: string, column: string, path: string, problems: Problem[]): number | null {
  const value = Number(raw)
  if (!nonNegativeInteger.test(raw) || !Number.isSafeInteger(value)) {
    problems.push({ path, message: `${column} must be a non-negative integer, got "${raw}"` })
    return null
  }
  return value
}

function requireText(values: Record<string, string>, columns: readonly string[], path: string, problems: Problem[]): void {
  for (const column of columns) if (values[column] === '') problems.push({ path, message: `${column} is empty` })
}

/**
 * Parses a codings CSV (header `document,coder,code,start,end`, any column order).
 * Throws `bad_input` listing every bad row: empty names, offsets that are not non-negative
 * integers, or `end` not greater than `start`.
 */
export function parseCodingsCsv(text: string, fileName: string): CodingRow[] {
  const rows = parseCsvWithHeader(text, ['document', 'coder', 'code', 'start', 'end'], fileName)
  const problems: Problem[] = []
  const out: CodingRow[] = []
  for (const { line, values } of rows) {
    const path = `${fileName}:${line}`
    const before = problems.length
    requireText(values, ['document', 'coder', 'code'], path, problems)
    const start = readInteger(values.start, 'start', path, problems)
    const end = readInteger(values.end, 'end', path, problems)
    if (start !== null && end !== null && end <= start) problems.push({ path, message: `end (${end}) must be greater than start (${start})` })
    if (problems.length === before && start !== null && end !== null) {
      out.push({ document: values.document, coder: values.coder, code: values.code, start, end, source: path })
    }
  }
  if (problems.length) throw badInput(`${fileName}: ${problems.length} problem(s), first at ${problems[0].path}: ${problems[0].message}`, problems)
  return out
}

/**
 * Parses a document lengths CSV (header `document,length`). Throws `bad_input` listing every
 * bad row: empty document, a length that is not a non-negative integer, or a document listed twice.
 */
export function parseLengthsCsv(text: string, fileName: string): LengthRow[] {
  const rows = parseCsvWithHeader(text, ['document', 'length'], fileName)
  const problems: Problem[] = []
  const out: LengthRow[] = []
  const firstLine = new Map<string, number>()
  for (const { line, values } of rows) {
    const path = `${fileName}:${line}`
    const before = problems.length
    requireText(values, ['document'], path, problems)
    const length = readInteger(values.length, 'length', path, problems)
    if (values.document !== '') {
      const earlier = firstLine.get(values.document)
      if (earlier !== undefined) problems.push({ path, message: `document "${values.document}" is listed twice (first at ${fileName}:${earlier})` })
      else firstLine.set(values.document, line)
    }
    if (problems.length === before && length !== null) out.push({ document: values.document, length, source: path })
  }
  if (problems.length) throw badInput(`${fileName}: ${problems.length} problem(s), first at ${problems[0].path}: ${problems[0].message}`, problems)
  return out
}
