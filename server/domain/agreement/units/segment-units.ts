import { coveredWithin, findCodingProblems, indexCodings, intervalsOf } from '../spans/intervals'
import type { Coding, Interval } from '../spans/types'
import type { CoderScope, ReliabilityDataByCode, ReliabilityDatum, Segment } from './types'
import { codersFor, findSegmentProblems, throwIfProblems, unique } from './validate'

export interface SegmentUnitOptions extends CoderScope {
  /**
   * Share of the segment's characters that a coder's spans of the code must cover for the code
   * to count as present (0–1). Default 0: any overlap of at least one character (UNIT2).
   */
  minShare?: number
}

/** Unit name of a segment: `document#id`. */
export const segmentUnitName = (s: Segment) => `${s.document}#${s.id}`

/**
 * Yields `[code, rows]` one code at a time (UNIT1–UNIT3), so that callers with many segments
 * and codes can compute each code's coefficients without holding every code's rows at once.
 */
export function* iterateSegmentUnits(
  codings: readonly Coding[],
  segments: readonly Segment[],
  coders: readonly string[],
  codes: readonly string[],
  options: SegmentUnitOptions = {},
): Generator<[string, ReliabilityDatum[]]> {
  const minShare = options.minShare ?? 0
  const problems = [...findCodingProblems(codings), ...findSegmentProblems(segments)]
  if (!(minShare >= 0 && minShare <= 1)) problems.push({ path: 'minShare', message: `must be between 0 and 1, got ${String(minShare)}` })
  throwIfProblems(problems, 'codings or segments')

  const index = indexCodings(codings)
  const units = segments.map(segmentUnitName)
  for (const code of unique(codes)) {
    const rows: ReliabilityDatum[] = []
    // Segments usually come grouped by document: look each document's spans up once.
    let document: string | undefined
    let raters: readonly string[] = []
    let spans: Interval[][] = []
    segments.forEach((s, k) => {
      if (s.document !== document) {
        document = s.document
        raters = codersFor(document, coders, options)
        spans = raters.map((coder) => intervalsOf(index, code, coder, s.document))
      }
      const length = s.end - s.start
      for (let r = 0; r < raters.length; r++) {
        const covered = spans[r].length === 0 ? 0 : coveredWithin(spans[r], s.start, s.end)
        // The small tolerance keeps e.g. 0.3 × 10 from failing on floating-point noise.
        const present = covered > 0 && covered / length >= minShare - 1e-12
        rows.push({ unit: units[k], coder: raters[r], value: present ? 1 : 0 })
      }
    })
    yield [code, rows]
  }
}

/**
 * Presence (1/0) of each code in each predefined segment (speaker turn, paragraph, sentence)
 * for each coder: reliability data per code for the coefficients module.
 *
 * @example segmentUnits(codings, paragraphSegments(text).map((p) => ({ document: 'T1', ...p })), ['a', 'b'], ['X'])
 *   → { X: [{ unit: 'T1#p1', coder: 'a', value: 1 }, { unit: 'T1#p1', coder: 'b', value: 0 }, …] }
 */
export function segmentUnits(
  codings: readonly Coding[],
  segments: readonly Segment[],
  coders: readonly string[],
  codes: readonly string[],
  options: SegmentUnitOptions = {},
): ReliabilityDataByCode {
  return Object.fromEntries(iterateSegmentUnits(codings, segments, coders, codes, options))
}
