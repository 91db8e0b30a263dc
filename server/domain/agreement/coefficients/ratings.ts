/**
 * Long-form reliability data (`unit, coder, value` rows, a missing rating being a missing row)
 * checked and turned into the units × coders matrix the coefficients take (SPEC REL14, REL16).
 * The CSV reader and `computeReliability` share these checks, so a file and an API call are
 * refused for the same reasons, each problem located (`data.csv:12` or `ratings[11]`).
 */
import type { Problem } from '../../../errors'
import type { Level, Rating } from './types'

export interface RatingRow {
  unit: string
  coder: string
  value: string | number
}

export interface RatingGrid {
  /** Units and coders in order of first appearance. */
  units: string[]
  coders: string[]
  /** matrix[unit][coder]; null where the coder gave no rating. */
  matrix: (Rating | null)[][]
}

const decimal = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/

/** A finite number from a number or a decimal string ("3", "-2.5", "1e3"), else null. */
export function readNumber(value: string | number): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null
  const text = value.trim()
  return decimal.test(text) ? Number(text) : null
}

/** Every problem of the rows, each at `where(i)`; an empty list when the rows can be scored. */
export function checkRatings(ratings: readonly RatingRow[], level: Level, where: (i: number) => string): Problem[] {
  return readRatings(ratings, level, where).problems
}

/** The matrix of the rows (check them first): values as numbers for the numeric levels, as text for nominal. */
export function tabulateRatings(ratings: readonly RatingRow[], level: Level): RatingGrid {
  return readRatings(ratings, level, (i) => `ratings[${i}]`).grid
}

/**
 * Checks and tabulates together, since a duplicate (unit, coder) is simply a cell found already
 * filled. Studies send 100,000s of rows per code, so the rows are indexed first (unit and coder
 * numbers in typed arrays) and the matrix is laid out once, without a key or an array per row.
 */
export function readRatings(ratings: readonly RatingRow[], level: Level, where: (i: number) => string): { grid: RatingGrid; problems: Problem[] } {
  const found: Array<{ row: number; message: string }> = []
  const report = (row: number, message: string) => found.push({ row, message })
  const unitIndex = new Map<string, number>()
  const coderIndex = new Map<string, number>()
  const unitOf = new Int32Array(ratings.length).fill(-1)
  const coderOf = new Int32Array(ratings.length)
  const values: (Rating | null)[] = new Array(ratings.length)
  let lastUnit: string | undefined
  let lastU = -1
  for (let i = 0; i < ratings.length; i++) {
    const row = ratings[i]
    const unit = String(row.unit ?? '').trim()
    const coder = String(row.coder ?? '').trim()
    if (unit === '') report(i, 'empty unit')
    if (coder === '') report(i, 'empty coder')
    values[i] = readValue(row.value, level, i, report)
    if (unit === '' || coder === '') continue
    // Rows usually come grouped by unit.
    if (unit !== lastUnit) {
      let u = unitIndex.get(unit)
      if (u === undefined) unitIndex.set(unit, (u = unitIndex.size))
      lastUnit = unit
      lastU = u
    }
    let c = coderIndex.get(coder)
    if (c === undefined) coderIndex.set(coder, (c = coderIndex.size))
    unitOf[i] = lastU
    coderOf[i] = c
  }
  const coders = coderIndex.size
  const firstRow = new Int32Array(unitIndex.size * coders).fill(-1) // which row filled each cell
  const matrix = Array.from({ length: unitIndex.size }, () => new Array<Rating | null>(coders).fill(null))
  for (let i = 0; i < ratings.length; i++) {
    if (unitOf[i] < 0) continue
    const cell = unitOf[i] * coders + coderOf[i]
    if (firstRow[cell] >= 0) {
      const { unit, coder } = ratings[i]
      report(i, `duplicate rating of unit "${String(unit).trim()}" by coder "${String(coder).trim()}" (first at ${where(firstRow[cell])})`)
    } else {
      firstRow[cell] = i
      matrix[unitOf[i]][coderOf[i]] = values[i]
    }
  }
  // Problems in row order (duplicates are found in the second pass), as one fixes a file from the top.
  const sorted = found.sort((a, b) => a.row - b.row).map(({ row, message }) => ({ path: where(row), message }))
  return { grid: { units: [...unitIndex.keys()], coders: [...coderIndex.keys()], matrix }, problems: sorted }
}

/** The rating as the level takes it (text for nominal, a number otherwise), or null after reporting the problem. */
function readValue(raw: string | number, level: Level, i: number, report: (row: number, message: string) => void): Rating | null {
  if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) {
    report(i, 'empty value (leave the row out for a missing rating)')
    return null
  }
  if (level === 'nominal') return typeof raw === 'string' ? raw.trim() : String(raw)
  const n = readNumber(raw)
  if (n === null)
    report(
      i,
      level === 'ordinal'
        ? `value "${raw}" is not a number: the ordinal level takes numbers, whose numeric order is the scale order (recode categories as 1, 2, 3, …)`
        : `value "${raw}" is not a number (the ${level} level needs numbers)`,
    )
  else if (level === 'ratio' && n < 0) report(i, `value ${n} is negative (the ratio level needs values ≥ 0)`)
  return n
}
