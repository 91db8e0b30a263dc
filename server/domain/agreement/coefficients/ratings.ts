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
  const problems: Problem[] = []
  const first = new Map<string, number>()
  ratings.forEach((row, i) => {
    const at = where(i)
    const unit = String(row.unit ?? '').trim()
    const coder = String(row.coder ?? '').trim()
    const raw = row.value
    if (unit === '') problems.push({ path: at, message: 'empty unit' })
    if (coder === '') problems.push({ path: at, message: 'empty coder' })
    if (raw === undefined || raw === null || String(raw).trim() === '') problems.push({ path: at, message: 'empty value (leave the row out for a missing rating)' })
    else if (level !== 'nominal') {
      const n = readNumber(raw)
      if (n === null)
        problems.push({
          path: at,
          message:
            level === 'ordinal'
              ? `value "${raw}" is not a number: the ordinal level takes numbers, whose numeric order is the scale order (recode categories as 1, 2, 3, …)`
              : `value "${raw}" is not a number (the ${level} level needs numbers)`,
        })
      else if (level === 'ratio' && n < 0) problems.push({ path: at, message: `value ${n} is negative (the ratio level needs values ≥ 0)` })
    }
    if (unit === '' || coder === '') return
    const key = `${unit}\u0000${coder}`
    const seen = first.get(key)
    if (seen !== undefined) problems.push({ path: at, message: `duplicate rating of unit "${unit}" by coder "${coder}" (first at ${where(seen)})` })
    else first.set(key, i)
  })
  return problems
}

/** The matrix of checked rows: values as numbers for the numeric levels, as text for nominal. */
export function tabulateRatings(ratings: readonly RatingRow[], level: Level): RatingGrid {
  const unitIndex = new Map<string, number>()
  const coderIndex = new Map<string, number>()
  const cells: Array<[number, number, Rating]> = []
  for (const row of ratings) {
    const unit = String(row.unit).trim()
    const coder = String(row.coder).trim()
    if (!unitIndex.has(unit)) unitIndex.set(unit, unitIndex.size)
    if (!coderIndex.has(coder)) coderIndex.set(coder, coderIndex.size)
    const value = level === 'nominal' ? String(row.value).trim() : (readNumber(row.value) as number)
    cells.push([unitIndex.get(unit)!, coderIndex.get(coder)!, value])
  }
  const matrix = Array.from({ length: unitIndex.size }, () => new Array<Rating | null>(coderIndex.size).fill(null))
  for (const [u, c, v] of cells) matrix[u][c] = v
  return { units: [...unitIndex.keys()], coders: [...coderIndex.keys()], matrix }
}
