import type { Problem } from '../../../errors'
import type { Coding, Interval } from './types'

/** Orders strings by UTF-16 code units, so that results never depend on the machine's locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** Sorted, de-duplicated copy of `values` (code-unit order). */
export function sortedUnique(values: Iterable<string>): string[] {
  return [...new Set(values)].sort(compareStrings)
}

/**
 * Merges overlapping or touching intervals into their union, sorted by start (SPAN2).
 * Example: [0,5) [5,8) [10,12) [11,20) → [0,8) [10,20).
 */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  if (intervals.length === 0) return []
  const sorted = [...intervals].sort((a, b) => a.start - b.start || a.end - b.end)
  const out: Interval[] = [{ start: sorted[0].start, end: sorted[0].end }]
  for (let i = 1; i < sorted.length; i++) {
    const last = out[out.length - 1]
    const next = sorted[i]
    if (next.start <= last.end) {
      if (next.end > last.end) last.end = next.end
    } else out.push({ start: next.start, end: next.end })
  }
  return out
}

/** `mergeIntervals` on a list this module owns, without copying (the index holds many small lists). */
function mergeInPlace(list: Interval[]): void {
  if (list.length < 2) return
  list.sort((a, b) => a.start - b.start || a.end - b.end)
  let last = 0
  for (let i = 1; i < list.length; i++) {
    const next = list[i]
    if (next.start <= list[last].end) {
      if (next.end > list[last].end) list[last].end = next.end
    } else list[++last] = next
  }
  list.length = last + 1
}

/** Total length of sorted, disjoint intervals. */
export function totalLength(intervals: readonly Interval[]): number {
  let sum = 0
  for (const iv of intervals) sum += iv.end - iv.start
  return sum
}

/** Length of the intersection of two sorted, disjoint interval lists (two-pointer sweep). */
export function intersectionLength(a: readonly Interval[], b: readonly Interval[]): number {
  let i = 0
  let j = 0
  let sum = 0
  while (i < a.length && j < b.length) {
    const lo = Math.max(a[i].start, b[j].start)
    const hi = Math.min(a[i].end, b[j].end)
    if (hi > lo) sum += hi - lo
    if (a[i].end < b[j].end) i++
    else j++
  }
  return sum
}

/** Index of the first interval whose end is after `pos` (binary search over sorted, disjoint intervals). */
export function firstEndingAfter(intervals: readonly Interval[], pos: number): number {
  let lo = 0
  let hi = intervals.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (intervals[mid].end <= pos) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** Characters of [start, end) covered by sorted, disjoint intervals. */
export function coveredWithin(intervals: readonly Interval[], start: number, end: number): number {
  let sum = 0
  for (let i = firstEndingAfter(intervals, start); i < intervals.length && intervals[i].start < end; i++) {
    sum += Math.min(end, intervals[i].end) - Math.max(start, intervals[i].start)
  }
  return sum
}

/** Whether sorted, disjoint intervals cover any character of [start, end): `coveredWithin(…) > 0` without the sum. */
export function overlapsAny(intervals: readonly Interval[], start: number, end: number): boolean {
  const i = firstEndingAfter(intervals, start)
  return i < intervals.length && intervals[i].start < end
}

/** Where a coding is named in problems: its source (`codings.csv:12`) or its index. */
export function codingPath(c: Coding, index: number): string {
  return c.source ?? `codings[${index}]`
}

/**
 * Checks the shape of every coding (non-empty names, integer offsets, 0 ≤ start < end) and,
 * when `lengths` is given, that its document is known and the coding ends within it (SPAN3).
 * Returns every problem, never just the first.
 */
export function findCodingProblems(codings: readonly Coding[], lengths?: ReadonlyMap<string, number>): Problem[] {
  const problems: Problem[] = []
  for (let i = 0; i < codings.length; i++) {
    const c = codings[i]
    // Fast path for the common, valid coding; the detailed checks below run only on failure.
    const length = lengths?.get(c.document)
    if (
      typeof c.document === 'string' && c.document !== '' && typeof c.coder === 'string' && c.coder !== '' &&
      typeof c.code === 'string' && c.code !== '' && Number.isSafeInteger(c.start) && Number.isSafeInteger(c.end) &&
      c.start >= 0 && c.end > c.start && (!lengths || (length !== undefined && c.end <= length))
    ) continue
    const path = codingPath(c, i)
    const add = (message: string) => problems.push({ path, message })
    for (const field of ['document', 'coder', 'code'] as const) {
      if (typeof c[field] !== 'string' || c[field] === '') add(`${field} is empty`)
    }
    const startOk = Number.isSafeInteger(c.start) && c.start >= 0
    const endOk = Number.isSafeInteger(c.end) && c.end >= 0
    if (!startOk) add(`start must be a non-negative integer, got ${String(c.start)}`)
    if (!endOk) add(`end must be a non-negative integer, got ${String(c.end)}`)
    if (startOk && endOk && c.end <= c.start) add(`end (${c.end}) must be greater than start (${c.start})`)
    if (lengths && typeof c.document === 'string' && c.document !== '') {
      if (length === undefined) add(`document "${c.document}" is not in the lengths file`)
      else if (endOk && c.end > length) add(`coding [${c.start}, ${c.end}) ends after the end of document "${c.document}" (length ${length})`)
    }
  }
  return problems
}

/** code → coder → document → merged intervals. */
export type CodingIndex = Map<string, Map<string, Map<string, Interval[]>>>

/**
 * Groups codings by code, coder and document and merges each group's spans (SPAN2).
 * Assumes the codings passed `findCodingProblems`.
 */
export function indexCodings(codings: readonly Coding[]): CodingIndex {
  const raw: CodingIndex = new Map()
  for (const c of codings) {
    let byCoder = raw.get(c.code)
    if (!byCoder) raw.set(c.code, (byCoder = new Map()))
    let byDoc = byCoder.get(c.coder)
    if (!byDoc) byCoder.set(c.coder, (byDoc = new Map()))
    let list = byDoc.get(c.document)
    if (!list) byDoc.set(c.document, (list = []))
    list.push({ start: c.start, end: c.end })
  }
  for (const byCoder of raw.values()) {
    for (const byDoc of byCoder.values()) {
      for (const list of byDoc.values()) mergeInPlace(list)
    }
  }
  return raw
}

/** The merged intervals of one code, coder and document (empty when none). */
export function intervalsOf(index: CodingIndex, code: string, coder: string, document: string): Interval[] {
  return index.get(code)?.get(coder)?.get(document) ?? []
}
