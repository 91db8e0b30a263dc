/**
 * Presence data (1 = the coder applied the code to the unit, 0 = not) as compact units × coders
 * tables, one per code, built straight from the merged spans (AGR3–AGR5). The long-form rows of
 * `../units` hold one object per rating: 6 million of them for a study-sized round, which is
 * what made the report slow; these tables hold one byte per rating and remember each unit's
 * transcript, so that alpha's interval can resample whole transcripts (AGR8).
 */
import { coveredWithin, indexCodings, intervalsOf, type CodingIndex } from '../spans/intervals'
import type { Coding } from '../spans/types'
import { matchedSegmentUnits } from '../units'
import type { AgreementDocument } from './types'

/** Complete binary data: every coder rates every unit. */
export interface PresenceTable {
  coders: number
  units: number
  /** units × coders, row-major, 0 or 1. */
  cells: Uint8Array
  /** Index (into the report's documents) of each unit's transcript. */
  unitDocument: Int32Array
}

export const emptyPresence = (coders: number): PresenceTable => ({ coders, units: 0, cells: new Uint8Array(0), unitDocument: new Int32Array(0) })

/** Indexes the codings once per report (merged spans per code × coder × document). */
export const indexSpans = (codings: readonly Coding[]): CodingIndex => indexCodings(codings)

/**
 * Segment presence (UNIT2 with minShare 0): a code is present in a segment for a coder when the
 * coder's merged spans of it overlap the segment by at least one character.
 */
export function segmentPresence(index: CodingIndex, documents: readonly AgreementDocument[], coders: readonly string[], code: string): PresenceTable {
  const m = coders.length
  let units = 0
  for (const d of documents) units += d.segments?.length ?? 0
  const cells = new Uint8Array(units * m)
  const unitDocument = new Int32Array(units)
  let base = 0
  documents.forEach((d, k) => {
    const segments = d.segments ?? []
    unitDocument.fill(k, base, base + segments.length)
    for (let r = 0; r < m; r++) {
      const spans = intervalsOf(index, code, coders[r], d.id)
      if (spans.length === 0) continue
      for (let s = 0; s < segments.length; s++) if (coveredWithin(spans, segments[s].start, segments[s].end) > 0) cells[(base + s) * m + r] = 1
    }
    base += segments.length
  })
  return { coders: m, units, cells, unitDocument }
}

/** Document presence (UNIT4): one unit per transcript, 1 when the coder applied the code anywhere in it. */
export function documentPresence(index: CodingIndex, documents: readonly AgreementDocument[], coders: readonly string[], code: string): PresenceTable {
  const m = coders.length
  const cells = new Uint8Array(documents.length * m)
  documents.forEach((d, k) => {
    for (let r = 0; r < m; r++) if (intervalsOf(index, code, coders[r], d.id).length > 0) cells[k * m + r] = 1
  })
  return { coders: m, units: documents.length, cells, unitDocument: Int32Array.from(documents, (_, k) => k) }
}

/**
 * Matched-segment presence (UNIT5, from `matchedSegmentUnits`): every merged segment of every
 * coder is a unit; its owner rates 1, another coder 1 when they have an overlapping segment of the
 * code whose overlap reaches the threshold. Units keep the order of `matchedSegmentUnits`.
 */
export function matchedPresence(
  codings: readonly Coding[],
  documents: readonly AgreementDocument[],
  coders: readonly string[],
  codes: readonly string[],
  options: { threshold: number; overlap: 'union' | 'shorter' },
): Map<string, PresenceTable> {
  const byCode = matchedSegmentUnits(codings, { threshold: options.threshold, overlap: options.overlap, coders, codes })
  const documentIndex = new Map(documents.map((d, k) => [d.id, k]))
  const coderIndex = new Map(coders.map((c, k) => [c, k]))
  const m = coders.length
  const out = new Map<string, PresenceTable>()
  for (const code of codes) {
    const rows = byCode[code] ?? []
    const unitIndex = new Map<string, number>()
    const unitDocs: number[] = []
    for (const row of rows) {
      if (unitIndex.has(row.unit)) continue
      unitIndex.set(row.unit, unitIndex.size)
      unitDocs.push(documentOfMatchedUnit(row.unit, coders, documentIndex))
    }
    const cells = new Uint8Array(unitIndex.size * m)
    for (const row of rows) if (Number(row.value) === 1) cells[unitIndex.get(row.unit)! * m + coderIndex.get(row.coder)!] = 1
    out.set(code, { coders: m, units: unitIndex.size, cells, unitDocument: Int32Array.from(unitDocs) })
  }
  return out
}

/** `document#coder#start-end` → the document's index; names may contain '#', so match the known coders. */
function documentOfMatchedUnit(unit: string, coders: readonly string[], documentIndex: Map<string, number>): number {
  const rest = unit.replace(/#\d+-\d+$/, '')
  for (const coder of coders) {
    if (!rest.endsWith(`#${coder}`)) continue
    const k = documentIndex.get(rest.slice(0, rest.length - coder.length - 1))
    if (k !== undefined) return k
  }
  throw new Error(`matched unit "${unit}" names no known document`)
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
