/**
 * The report's shared work against the straightforward computation it replaced. These numbers go
 * into published papers, so making the report fast (issue #4's benchmark) must not move any of
 * them, not even in the last bit:
 *
 * - span unit: the codings are validated, indexed and laid out once, and every coder pair's report
 *   is read from that (`reportSpanAgreement`). It used to be `computeSpanAgreement` run again on
 *   the pair's own codings; each pair's report must still equal that, field for field.
 * - segment and document units: the tables follow each coder's spans (a span marks the run of
 *   segments it overlaps, found by binary search when the segments are in order) instead of
 *   testing every segment of every transcript for every coder and code. They must equal the
 *   units module's rows, for segments in order and for segments that are not (overlapping,
 *   shuffled), which take the general path.
 * - matched unit: the presence tables are written straight from the index (`matchedPresence`),
 *   where they used to be parsed back from `matchedSegmentUnits`' rows; `matchedSegmentUnits`
 *   itself now walks the units through the same function. Both must equal a plain
 *   implementation of UNIT5 written out below.
 *
 * The rounds are seeded and random, with what breaks shortcuts: several coders (one who coded
 * nothing), codes only some coders applied or nobody applied, touching and duplicated spans,
 * spans at document ends (touching across a document boundary on the continuum), an empty
 * document, documents listed out of name order.
 */
import { describe, expect, it } from 'vitest'
import { createRandom } from '../coefficients/random'
import { computeSpanAgreement, mergeIntervals, prepareSpanAgreement, reportSpanAgreement, type Coding, type Interval, type SpanStatistics } from '../spans'
import { indexCodings } from '../spans/intervals'
import { documentUnits, matchedSegmentUnits, measureOverlap, segmentUnits, type ReliabilityDataByCode, type ReliabilityDatum } from '../units'
import { documentPresence, layOutReport, matchedPresence, segmentPresence, type PresenceTable } from './presence-tables'
import { computeAgreement, type AgreementDocument, type SpanAgreement } from '.'

interface Round {
  documents: AgreementDocument[]
  coders: string[]
  codes: string[]
  codings: Coding[]
}

/** A random round; `seed` fixes everything. */
function randomRound(seed: number): Round {
  const random = createRandom(seed)
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1))
  const coders = Array.from({ length: int(3, 5) }, (_, i) => `coder${i + 1}`)
  const silent = coders[coders.length - 1] // codes nothing, still compared
  const codes = Array.from({ length: int(4, 7) }, (_, i) => `K${i + 1}`)
  const unused = codes[codes.length - 1] // listed, nobody applies it
  const solo = codes[0] // only the first coder applies it
  const documents: AgreementDocument[] = Array.from({ length: int(6, 12) }, (_, d) => ({ id: `T${String(d + 1).padStart(2, '0')}`, length: d === 2 ? 0 : int(80, 400) }))
  documents.reverse() // report order is not name order
  const codings: Coding[] = []
  for (const d of documents) {
    if (d.length === 0) continue
    for (const code of codes) {
      if (code === unused) continue
      const passages = Array.from({ length: int(0, 3) }, () => {
        const start = int(0, d.length - 10)
        return { start, end: Math.min(d.length, start + int(2, 60)) }
      })
      for (const coder of coders) {
        if (coder === silent || (code === solo && coder !== coders[0])) continue
        for (const p of passages) {
          if (random() < 0.25) continue
          const start = Math.max(0, p.start + int(-5, 5))
          const end = Math.min(d.length, Math.max(start + 1, p.end + int(-5, 5)))
          codings.push({ document: d.id, coder, code, start, end })
          if (random() < 0.1) codings.push({ document: d.id, coder, code, start, end }) // duplicate
          if (random() < 0.1 && end < d.length) codings.push({ document: d.id, coder, code, start: end, end: Math.min(d.length, end + int(1, 9)) }) // touching
        }
        if (random() < 0.2) codings.push({ document: d.id, coder, code, start: d.length - int(1, 8), end: d.length })
        if (random() < 0.2) codings.push({ document: d.id, coder, code, start: 0, end: int(1, 8) })
      }
    }
  }
  return { documents, coders, codes, codings: shuffle(codings, random) }
}

/** Fisher–Yates, in place. */
function shuffle<T>(list: T[], random: () => number): T[] {
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[list[i], list[j]] = [list[j], list[i]]
  }
  return list
}

const rounds = Array.from({ length: 12 }, (_, i) => randomRound(1000 + i))
const lengthsOf = (r: Round) => r.documents.map((d) => ({ document: d.id, length: d.length }))
const pairsOf = (coders: string[]) => coders.flatMap((a, i) => coders.slice(i + 1).map((b) => [a, b] as [string, string]))

describe('span unit: one preparation, every pair read from it', () => {
  it('[AGR2] each pair’s report equals computeSpanAgreement on the pair’s codings alone, notes and details included', () => {
    for (const r of rounds) {
      const prepared = prepareSpanAgreement({ codings: r.codings, lengths: lengthsOf(r), coders: r.coders, codes: r.codes })
      expect(reportSpanAgreement(prepared)).toEqual(computeSpanAgreement({ codings: r.codings, lengths: lengthsOf(r), coders: r.coders, codes: r.codes }))
      for (const pair of pairsOf(r.coders)) {
        const alone = computeSpanAgreement({ codings: r.codings.filter((c) => pair.includes(c.coder)), lengths: lengthsOf(r), coders: pair, codes: r.codes })
        expect(reportSpanAgreement(prepared, pair)).toEqual(alone)
        expect(reportSpanAgreement(prepared, [pair[1], pair[0]])).toEqual(alone) // coders are sorted, as on its own
        // Without the listed codes, a pair reports only the codes it applied, as on its own.
        const unlisted = computeSpanAgreement({ codings: r.codings.filter((c) => pair.includes(c.coder)), lengths: lengthsOf(r), coders: pair })
        expect(reportSpanAgreement(prepareSpanAgreement({ codings: r.codings, lengths: lengthsOf(r) }), pair)).toEqual(unlisted)
      }
    }
  })

  it('[AGR2] the report’s pair tables hold exactly the statistics of the pair’s own report', () => {
    for (const r of rounds) {
      const report = computeAgreement({ unit: 'span', ...r }) as SpanAgreement
      const all = computeSpanAgreement({ codings: r.codings, lengths: lengthsOf(r), coders: r.coders, codes: r.codes })
      expect(report.details).toEqual(all.details)
      expect(report.notes).toEqual(all.notes)
      const stats = ({ unitizingAlpha, characterKappa, characterPercentAgreement }: SpanStatistics): SpanStatistics => ({ unitizingAlpha, characterKappa, characterPercentAgreement })
      expect(report.pairs.map((p) => p.coders)).toEqual(pairsOf(r.coders))
      for (const p of report.pairs) {
        const alone = computeSpanAgreement({ codings: r.codings.filter((c) => p.coders.includes(c.coder)), lengths: lengthsOf(r), coders: p.coders, codes: r.codes })
        expect(stats(p.overall)).toEqual(alone.overall)
        for (const code of r.codes) expect(stats(p.codes[code])).toEqual(alone.codes[code])
      }
    }
  })
})

describe('segment and document units: tables follow the spans', () => {
  /** The report's documents with segments: turns of 5–40 characters, in order or (odd seeds) shuffled with overlaps added. */
  function withSegments(r: Round, seed: number): AgreementDocument[] {
    const random = createRandom(seed)
    return r.documents.map((d) => {
      const segments = []
      for (let at = 0; at < d.length; ) {
        const end = Math.min(d.length, at + 5 + Math.floor(random() * 36))
        segments.push({ id: `t${segments.length + 1}`, start: at, end })
        at = end
      }
      if (seed % 2 && d.length > 0) {
        segments.push({ id: 'half', start: 0, end: Math.ceil(d.length / 2) }, { id: 'end', start: d.length - 1, end: d.length })
        shuffle(segments, random)
      }
      return { ...d, segments }
    })
  }

  /** The report's table cells as the units module's rows would fill them (row order: units by segment, coders). */
  const cellsOf = (rows: ReliabilityDatum[]) => Uint8Array.from(rows, (row) => Number(row.value))

  it('[AGR3] [AGR4] segment and document tables equal segmentUnits and documentUnits, segments in order or not', () => {
    rounds.forEach((r, i) => {
      const documents = withSegments(r, i)
      const index = indexCodings(r.codings)
      const layout = layOutReport(documents)
      const segments = documents.flatMap((d) => d.segments!.map((x) => ({ ...x, document: d.id })))
      const segmentRows = segmentUnits(r.codings, segments, r.coders, r.codes)
      const documentRows = documentUnits(r.codings, documents.map((d) => d.id), r.coders, r.codes)
      for (const code of r.codes) {
        const bySegment = segmentPresence(index, layout, r.coders, code)
        expect(bySegment.cells).toEqual(cellsOf(segmentRows[code]))
        expect([...bySegment.unitDocument]).toEqual(documents.flatMap((d, k) => d.segments!.map(() => k)))
        expect(documentPresence(index, layout, r.coders, code).cells).toEqual(cellsOf(documentRows[code]))
      }
    })
  })
})

/**
 * UNIT5 written out plainly: documents by name, each coder's merged segments, every other coder's
 * segments scanned one by one for a match. What `matchedSegmentUnits` computed before the change.
 */
function plainMatchedUnits(codings: Coding[], coders: string[], codes: string[], threshold: number, overlap: 'union' | 'shorter'): ReliabilityDataByCode {
  const merged = (code: string, coder: string, document: string): Interval[] =>
    mergeIntervals(codings.filter((c) => c.code === code && c.coder === coder && c.document === document))
  const documents = [...new Set(codings.map((c) => c.document))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  const out: ReliabilityDataByCode = {}
  for (const code of codes) {
    const rows: ReliabilityDatum[] = []
    for (const document of documents) {
      for (const owner of coders) {
        for (const segment of merged(code, owner, document)) {
          const unit = `${document}#${owner}#${segment.start}-${segment.end}`
          for (const coder of coders) {
            const agrees = coder === owner || merged(code, coder, document).some((other) => measureOverlap(segment, other, overlap) >= threshold - 1e-12)
            rows.push({ unit, coder, value: agrees ? 1 : 0 })
          }
        }
      }
    }
    out[code] = rows
  }
  return out
}

/** The presence table of one code's rows, as the report used to build it: units in row order, 1 where rated 1. */
function tableOfRows(rows: ReliabilityDatum[], coders: string[], documents: AgreementDocument[]): PresenceTable {
  const units = [...new Set(rows.map((row) => row.unit))]
  const cells = new Uint8Array(units.length * coders.length)
  for (const row of rows) if (row.value === 1) cells[units.indexOf(row.unit) * coders.length + coders.indexOf(row.coder)] = 1
  const unitDocument = Int32Array.from(units, (unit) => documents.findIndex((d) => unit.startsWith(`${d.id}#`)))
  return { coders: coders.length, units: units.length, cells, unitDocument }
}

describe('matched unit: tables straight from the index', () => {
  const settings = [
    { threshold: 0.9, overlap: 'union' as const },
    { threshold: 0.5, overlap: 'shorter' as const },
    { threshold: 1, overlap: 'union' as const },
  ]

  it('[UNIT5] matchedSegmentUnits equals the plain implementation, rows in the same order', () => {
    for (const r of rounds)
      for (const { threshold, overlap } of settings)
        expect(matchedSegmentUnits(r.codings, { threshold, overlap, coders: r.coders, codes: r.codes })).toEqual(plainMatchedUnits(r.codings, r.coders, r.codes, threshold, overlap))
  })

  it('[AGR5] the report’s presence tables equal those built from the plain rows: the same units, order, cells and transcripts', () => {
    for (const r of rounds)
      for (const { threshold, overlap } of settings) {
        const tables = matchedPresence(indexCodings(r.codings), layOutReport(r.documents), r.coders, r.codes, { threshold, overlap })
        const plain = plainMatchedUnits(r.codings, r.coders, r.codes, threshold, overlap)
        expect([...tables.keys()]).toEqual(r.codes)
        for (const code of r.codes) expect(tables.get(code)).toEqual(tableOfRows(plain[code], r.coders, r.documents))
      }
  })
})
