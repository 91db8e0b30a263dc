/**
 * Presence data (1 = the coder applied the code to the unit, 0 = not) as compact units × coders
 * tables, one per code, built straight from the merged spans (AGR3–AGR5). The long-form rows of
 * `../units` hold one object per rating: 6 million of them for a study-sized round, which is
 * what made the report slow; these tables hold one byte per rating and remember each unit's
 * transcript, so that alpha's interval can resample whole transcripts (AGR8).
 */
import { compareStrings, firstEndingAfter, indexCodings, overlapsAny, type CodingIndex } from '../spans/intervals'
import type { Coding, Interval } from '../spans/types'
import { visitMatchedUnits } from '../units'
import type { TextSegment } from '../units/types'
import type { AgreementDocument } from './types'

/** Complete binary data: every coder rates every unit. */
export interface PresenceTable {
  coders: number
  units: number
  /** units × coders, row-major, 0 or 1. */
  cells: Uint8Array
  /** Index (into the report's documents) of each unit's transcript; tables may share it, so it is never written to. */
  unitDocument: Int32Array
}

export const emptyPresence = (coders: number): PresenceTable => ({ coders, units: 0, cells: new Uint8Array(0), unitDocument: new Int32Array(0) })

/** Indexes the codings once per report (merged spans per code × coder × document). */
export const indexSpans = (codings: readonly Coding[]): CodingIndex => indexCodings(codings)

/**
 * What every code's table of one report shares, worked out once rather than per code: where each
 * transcript stands in the report, and the segment units (each transcript's segments in turn).
 */
export interface ReportLayout {
  documents: readonly AgreementDocument[]
  /** Report position of each transcript, by id. */
  position: Map<string, number>
  /** Report positions in order of transcript id (code-unit order): the order of matched units. */
  byName: number[]
  /** The units of the document unit: transcript k is unit k. */
  documentUnits: Int32Array
  /** Segment units: transcript k's segments are units firstSegment[k] … firstSegment[k + 1] − 1. */
  firstSegment: Int32Array
  /** The transcript of each segment unit (shared, read-only, by every code's table). */
  segmentDocument: Int32Array
  /**
   * Per transcript: its segments are ordered by start and by end (turns, paragraphs and sentences
   * are), so that the segments a span overlaps are one run, found by binary search.
   */
  segmentsInOrder: boolean[]
}

export function layOutReport(documents: readonly AgreementDocument[]): ReportLayout {
  const firstSegment = new Int32Array(documents.length + 1)
  documents.forEach((d, k) => (firstSegment[k + 1] = firstSegment[k] + (d.segments?.length ?? 0)))
  const segmentDocument = new Int32Array(firstSegment[documents.length])
  documents.forEach((_, k) => segmentDocument.fill(k, firstSegment[k], firstSegment[k + 1]))
  return {
    documents,
    position: new Map(documents.map((d, k) => [d.id, k])),
    byName: documents.map((_, k) => k).sort((a, b) => compareStrings(documents[a].id, documents[b].id)),
    documentUnits: Int32Array.from(documents, (_, k) => k),
    firstSegment,
    segmentDocument,
    segmentsInOrder: documents.map((d) => inOrder(d.segments ?? [])),
  }
}

function inOrder(segments: readonly TextSegment[]): boolean {
  for (let s = 1; s < segments.length; s++) if (segments[s].start < segments[s - 1].start || segments[s].end < segments[s - 1].end) return false
  return true
}

/**
 * Calls `visit(k, r, spans)` for every transcript k on which coder r applied `code`: the work
 * follows the codings, not transcripts × coders (most codes appear in few transcripts).
 */
function forEachSpanList(index: CodingIndex, layout: ReportLayout, coders: readonly string[], code: string, visit: (k: number, r: number, spans: readonly Interval[]) => void): void {
  const byCoder = index.get(code)
  if (!byCoder) return
  coders.forEach((coder, r) => {
    for (const [document, spans] of byCoder.get(coder) ?? []) {
      const k = layout.position.get(document)
      if (k !== undefined) visit(k, r, spans)
    }
  })
}

/**
 * Segment presence (UNIT2 with minShare 0): a code is present in a segment for a coder when the
 * coder's merged spans of it overlap the segment by at least one character.
 */
export function segmentPresence(index: CodingIndex, layout: ReportLayout, coders: readonly string[], code: string): PresenceTable {
  const m = coders.length
  const units = layout.segmentDocument.length
  const cells = new Uint8Array(units * m)
  forEachSpanList(index, layout, coders, code, (k, r, spans) => {
    const segments = layout.documents[k].segments ?? []
    const base = layout.firstSegment[k]
    if (layout.segmentsInOrder[k]) {
      // The segments a span overlaps: from the first that ends after its start, while they start before its end.
      for (const span of spans)
        for (let s = firstEndingAfter(segments, span.start); s < segments.length && segments[s].start < span.end; s++) cells[(base + s) * m + r] = 1
    } else {
      for (let s = 0; s < segments.length; s++) if (overlapsAny(spans, segments[s].start, segments[s].end)) cells[(base + s) * m + r] = 1
    }
  })
  return { coders: m, units, cells, unitDocument: layout.segmentDocument }
}

/** Document presence (UNIT4): one unit per transcript, 1 when the coder applied the code anywhere in it. */
export function documentPresence(index: CodingIndex, layout: ReportLayout, coders: readonly string[], code: string): PresenceTable {
  const m = coders.length
  const cells = new Uint8Array(layout.documents.length * m)
  // The index holds no empty lists: a coder with a list applied the code there.
  forEachSpanList(index, layout, coders, code, (k, r) => (cells[k * m + r] = 1))
  return { coders: m, units: layout.documents.length, cells, unitDocument: layout.documentUnits }
}

const noSpans: readonly Interval[] = []

/**
 * Matched-segment presence (UNIT5, as `matchedSegmentUnits` derives it): every merged segment of
 * every coder is a unit; its owner rates 1, another coder 1 when they have an overlapping segment
 * of the code whose overlap reaches the threshold. Units come in the order of `matchedSegmentUnits`
 * (transcripts by id, then owners, then segments), which fixes the order of every sum over them.
 *
 * The cells are written straight from the index: going through `matchedSegmentUnits`' rows (an
 * object and a unit name per rating, every code's rows held at once, then parsed back) made the
 * matched report grow faster than its data.
 */
export function matchedPresence(
  index: CodingIndex,
  layout: ReportLayout,
  coders: readonly string[],
  codes: readonly string[],
  options: { threshold: number; overlap: 'union' | 'shorter' },
): Map<string, PresenceTable> {
  const m = coders.length
  const out = new Map<string, PresenceTable>()
  for (const code of codes) {
    // Each coded transcript's spans per coder, transcripts by id.
    const spansByCoder: (readonly Interval[])[][] = layout.documents.map(() => [])
    forEachSpanList(index, layout, coders, code, (k, r, spans) => (spansByCoder[k][r] = spans))
    const coded = layout.byName.filter((k) => spansByCoder[k].length > 0)
    const spansIn = coded.map((k) => coders.map((_, r) => spansByCoder[k][r] ?? noSpans))
    let units = 0
    for (const spans of spansIn) for (const list of spans) units += list.length
    const cells = new Uint8Array(units * m)
    const unitDocument = new Int32Array(units)
    let u = 0
    coded.forEach((k, i) => {
      visitMatchedUnits(spansIn[i], options.threshold, options.overlap, (_owner, _segment, agrees) => {
        cells.set(agrees, u * m)
        unitDocument[u++] = k
      })
    })
    out.set(code, { coders: m, units, cells, unitDocument })
  }
  return out
}

/** All codes' units in one table (AGR6: the overall figures pool code × unit). */
export function poolPresence(tables: readonly PresenceTable[], coders: number): PresenceTable {
  let units = 0
  for (const t of tables) units += t.units
  const cells = new Uint8Array(units * coders)
  const unitDocument = new Int32Array(units)
  let at = 0
  for (const t of tables) {
    cells.set(t.cells, at * coders)
    unitDocument.set(t.unitDocument, at)
    at += t.units
  }
  return { coders, units, cells, unitDocument }
}

/** The two columns `a` and `b` of a table (a coder pair). */
export function pairPresence(t: PresenceTable, a: number, b: number): PresenceTable {
  const cells = new Uint8Array(t.units * 2)
  for (let u = 0; u < t.units; u++) {
    cells[2 * u] = t.cells[u * t.coders + a]
    cells[2 * u + 1] = t.cells[u * t.coders + b]
  }
  return { coders: 2, units: t.units, cells, unitDocument: t.unitDocument }
}
