/**
 * The reliability data matrix encoded once as category indices, so that every coefficient works
 * on small integers (a per-code table of 25,000 segments × 4 coders is scored many times over).
 */
import { badInput } from '../../../errors'
import type { Rating, RatingMatrix } from './types'

export interface RatingTable {
  /** Scale order: the given categories, else numeric order when every rating is a number, else first appearance. */
  categories: Rating[]
  /** Columns of the matrix (the longest row). */
  coders: number
  /** Rows holding at least one rating; rows with none are dropped (SPEC REL1). */
  units: number
  /** units × coders category indices, row-major, −1 where the coder gave no rating. */
  cells: Int32Array
  /** Ratings per unit. */
  raters: Int32Array
  /** Units rated by fewer than all coders. */
  incomplete: number
  /** Categories that occur in the data (≤ categories.length when categories were given). */
  used: number
  /** Whether `categories` has a scale order (given, or every rating a number). */
  ordered: boolean
}

/** Encodes a units × coders matrix; throws `bad_input` if a rating is not among the given categories. */
export function encodeRatings(matrix: RatingMatrix, categories?: readonly Rating[]): RatingTable {
  let coders = 0
  for (const row of matrix) if (row.length > coders) coders = row.length
  const index = new Map<Rating, number>()
  const scale: Rating[] = []
  if (categories) {
    for (const c of categories) if (!index.has(c)) index.set(c, scale.push(c) - 1)
  }
  const cells = new Int32Array(matrix.length * coders).fill(-1)
  const raters = new Int32Array(matrix.length)
  let units = 0
  let incomplete = 0
  let lastValue: Rating | undefined
  let lastIndex = -1
  for (let at = 0; at < matrix.length; at++) {
    const row = matrix[at]
    const base = units * coders
    let rated = 0
    for (let c = 0; c < row.length; c++) {
      const v = row[c]
      if (v === null || v === undefined || v !== v) continue // v !== v: NaN
      let k = -1
      // Neighbouring cells mostly repeat a rating, and a short scan beats hashing for a handful of categories.
      if (v === lastValue) k = lastIndex
      else if (scale.length <= 8) {
        for (let i = 0; i < scale.length; i++)
          if (scale[i] === v) {
            k = i
            break
          }
      } else k = index.get(v) ?? -1
      if (k < 0) {
        if (categories) throw badInput(`rating ${JSON.stringify(v)} is not one of the categories`, [{ path: `[${at}][${c}]`, message: `not in ${JSON.stringify(categories)}` }])
        k = scale.push(v) - 1
        index.set(v, k)
      }
      cells[base + c] = k
      lastValue = v
      lastIndex = k
      rated++
    }
    // A row without ratings leaves its cells at −1 and the next row takes its place.
    if (rated === 0) continue
    raters[units++] = rated
    if (rated < coders) incomplete++
  }
  const used = categories ? countUsed(cells, scale.length) : scale.length
  const numeric = scale.every((v) => typeof v === 'number')
  if (!categories && numeric) sortNumerically(scale, cells)
  return {
    categories: scale,
    coders,
    units,
    cells: cells.subarray(0, units * coders),
    raters: raters.subarray(0, units),
    incomplete,
    used,
    ordered: numeric || categories !== undefined,
  }
}

function countUsed(cells: Int32Array, q: number): number {
  const seen = new Uint8Array(q)
  for (const k of cells) if (k >= 0) seen[k] = 1
  return seen.reduce((a, b) => a + b, 0)
}

/** Puts numeric categories in ascending order and renumbers the cells to match. */
function sortNumerically(scale: Rating[], cells: Int32Array): void {
  const order = scale.map((_, i) => i).sort((a, b) => (scale[a] as number) - (scale[b] as number))
  if (order.every((old, i) => old === i)) return
  const rank = new Int32Array(scale.length)
  order.forEach((old, i) => (rank[old] = i))
  const sorted = order.map((i) => scale[i])
  sorted.forEach((v, i) => (scale[i] = v))
  for (let i = 0; i < cells.length; i++) if (cells[i] >= 0) cells[i] = rank[cells[i]]
}

/** The reason a coefficient that needs complete data does not apply, or null when it does. */
export function needsComplete(table: RatingTable, allowMissing = false): string | null {
  if (allowMissing || table.incomplete === 0) return null
  return `needs every unit rated by every coder (${table.incomplete} of ${table.units} units are not)`
}

/** The reason shared by kappa, pi and AC1 when a single category occurs (SPEC REL10). */
export const singleCategoryReason = (table: RatingTable) =>
  table.used === 0 ? 'no ratings' : `undefined: only one category (${JSON.stringify(firstUsed(table))}) occurs, so agreement cannot be told from chance`

function firstUsed(table: RatingTable): Rating | undefined {
  for (const k of table.cells) if (k >= 0) return table.categories[k]
  return undefined
}
