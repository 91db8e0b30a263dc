/**
 * Matched-segment units, after MAXQDA's segment-level intercoder agreement: every coded segment
 * of every coder becomes a unit; another coder agrees on it (value 1) when they have a segment
 * of the same code in the same document that overlaps it by at least `threshold`, and disagrees
 * (value 0) otherwise. A matched pair therefore yields two agreeing units, one from each side,
 * as MAXQDA counts the segments of both coders. Rules UNIT5 in ./SPEC.md.
 */
import { findCodingProblems, firstEndingAfter, indexCodings, intervalsOf, sortedUnique } from '../spans/intervals'
import type { Coding, Interval } from '../spans/types'
import type { CoderScope, ReliabilityDataByCode, ReliabilityDatum } from './types'
import { codersFor, throwIfProblems, unique } from './validate'

export interface MatchedSegmentOptions extends CoderScope {
  /** Minimum overlap (0 < threshold ≤ 1) for two segments to match, e.g. 0.9. */
  threshold: number
  /**
   * How overlap is measured: `union` (default) = |A ∩ B| / |A ∪ B| (Jaccard: both boundaries
   * must nearly agree); `shorter` = |A ∩ B| / min(|A|, |B|) (a short segment inside a long one matches).
   */
  overlap?: 'union' | 'shorter'
  /** Coders to compare (default: everyone in the codings), e.g. to include one who coded nothing. */
  coders?: readonly string[]
  /** Codes to report (default: every code in the codings). */
  codes?: readonly string[]
}

/** The overlap of two intersecting intervals under `measure`. */
export function measureOverlap(a: Interval, b: Interval, measure: 'union' | 'shorter'): number {
  const inter = Math.min(a.end, b.end) - Math.max(a.start, b.start)
  if (inter <= 0) return 0
  const denominator = measure === 'union' ? Math.max(a.end, b.end) - Math.min(a.start, b.start) : Math.min(a.end - a.start, b.end - b.start)
  return inter / denominator
}

function hasMatch(segment: Interval, others: readonly Interval[], threshold: number, measure: 'union' | 'shorter'): boolean {
  for (let i = firstEndingAfter(others, segment.start); i < others.length && others[i].start < segment.end; i++) {
    if (measureOverlap(segment, others[i], measure) >= threshold - 1e-12) return true
  }
  return false
}

/**
 * The matched units of one code in one document, in the order `matchedSegmentUnits` lists them:
 * owners in the order of `spans` (one merged, sorted list per rater), each owner's segments by
 * start. Calls `visit(owner, segment, agrees)` per unit, `agrees[r]` being 1 when rater r matches
 * the segment (its owner always does: a segment matches itself, as threshold ≤ 1). `agrees` is
 * reused from unit to unit, so that a study-sized round allocates nothing per rating; the report's
 * presence tables (`../report/presence-tables.ts`) read the units through this function too.
 */
export function visitMatchedUnits(
  spans: readonly (readonly Interval[])[],
  threshold: number,
  measure: 'union' | 'shorter',
  visit: (owner: number, segment: Interval, agrees: Uint8Array) => void,
): void {
  const agrees = new Uint8Array(spans.length)
  spans.forEach((segments, owner) => {
    for (const segment of segments) {
      for (let r = 0; r < spans.length; r++) agrees[r] = r === owner || hasMatch(segment, spans[r], threshold, measure) ? 1 : 0
      visit(owner, segment, agrees)
    }
  })
}

/**
 * Units for matched-segment agreement per code. A coder's overlapping or touching segments of a
 * code are merged first (as in SPAN2). Unit names: `document#coder#start-end`.
 *
 * @example matchedSegmentUnits(codings, { threshold: 0.9 })
 *   → { X: [{ unit: 'T1#a#0-10', coder: 'a', value: 1 }, { unit: 'T1#a#0-10', coder: 'b', value: 0 }, …] }
 */
export function matchedSegmentUnits(codings: readonly Coding[], options: MatchedSegmentOptions): ReliabilityDataByCode {
  const { threshold, overlap = 'union' } = options
  const problems = findCodingProblems(codings)
  if (!(threshold > 0 && threshold <= 1)) problems.push({ path: 'threshold', message: `must be greater than 0 and at most 1, got ${String(threshold)}` })
  if (overlap !== 'union' && overlap !== 'shorter') problems.push({ path: 'overlap', message: `must be "union" or "shorter", got ${String(overlap)}` })
  throwIfProblems(problems, 'codings or options')

  const index = indexCodings(codings)
  const coders = options.coders ? unique(options.coders) : sortedUnique(codings.map((c) => c.coder))
  const codes = options.codes ? unique(options.codes) : sortedUnique(codings.map((c) => c.code))
  const documents = sortedUnique(codings.map((c) => c.document))

  return Object.fromEntries(
    codes.map((code) => {
      const rows: ReliabilityDatum[] = []
      for (const document of documents) {
        const raters = codersFor(document, coders, options)
        const spans = raters.map((coder) => intervalsOf(index, code, coder, document))
        visitMatchedUnits(spans, threshold, overlap, (owner, segment, agrees) => {
          const unit = `${document}#${raters[owner]}#${segment.start}-${segment.end}`
          raters.forEach((coder, r) => rows.push({ unit, coder, value: agrees[r] }))
        })
      }
      return [code, rows]
    }),
  )
}
