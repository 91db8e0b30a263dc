/**
 * The project agreement report against the engines it is built on: every number must equal what
 * `computeSpanAgreement`, `computeReliability` (the CLI's `--data` report) and the unit
 * derivations of `../units` give on the same codings. Those engines are checked against published
 * worked examples in their own tests (Krippendorff 2004 p. 254; Krippendorff 2011; Fleiss 1971;
 * Gwet 2014; …); here the question is whether the report feeds them the right data.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ConcordError } from '../../../errors'
import { computeCoefficients, computeReliability, krippendorffAlpha, tabulateRatings, type RatingRow } from '../coefficients'
import { createRandom, quantileOfSorted } from '../coefficients/random'
import { computeSpanAgreement, type Coding } from '../spans'
import { documentUnits, matchedSegmentUnits, segmentUnits, type ReliabilityDatum } from '../units'
import { computeAgreement, computeAgreementSteps, type AgreementDocument, type AgreementInput, type ReliabilityAgreement, type ReliabilityTable, type SpanAgreement } from '.'

/** Documents of 60–200 characters cut into segments of 10–30 characters. */
function makeDocuments(lengths: number[], seed = 7): AgreementDocument[] {
  const random = createRandom(seed)
  return lengths.map((length, d) => {
    const segments = []
    let at = 0
    while (at < length) {
      const end = Math.min(length, at + 10 + Math.floor(random() * 20))
      segments.push({ id: `s${segments.length + 1}`, start: at, end })
      at = end
    }
    return { id: `T${d + 1}`, length, segments }
  })
}

/** Random codings of `codes` by `coders` on the documents: coders mostly agree, with moved edges and strays. */
function makeCodings(documents: AgreementDocument[], coders: string[], codes: string[], seed: number): Coding[] {
  const random = createRandom(seed)
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1))
  const out: Coding[] = []
  for (const d of documents)
    for (const code of codes) {
      const passages = random() < 0.4 ? [] : Array.from({ length: int(1, 3) }, () => {
        const start = int(0, d.length - 12)
        return { start, end: Math.min(d.length, start + int(3, 40)) }
      })
      for (const coder of coders) {
        for (const p of passages) {
          if (random() < 0.2) continue
          const start = Math.max(0, p.start + int(-4, 4))
          const end = Math.min(d.length, Math.max(start + 1, p.end + int(-4, 4)))
          out.push({ document: d.id, coder, code, start, end })
        }
        if (random() < 0.2) {
          const start = int(0, d.length - 5)
          out.push({ document: d.id, coder, code, start, end: start + int(1, 4) })
        }
      }
    }
  return out
}

/** The fields `computeReliability` shares with a report table (its interval is REL13's; the report's AGR8's). */
function sharedFields(t: ReliabilityTable | ReturnType<typeof computeReliability>) {
  const { units, coders, level, krippendorffAlpha, fleissKappa, cohenKappa, scottPi, brennanPrediger, gwetAC1, percentAgreement, notes } = t
  return { units, coders, level, krippendorffAlpha, fleissKappa, cohenKappa, scottPi, brennanPrediger, gwetAC1, percentAgreement, notes: notes.filter((n) => !n.startsWith('overall:') && !n.includes('bootstrap')) }
}

const statistics = ['krippendorffAlpha', 'fleissKappa', 'cohenKappa', 'scottPi', 'brennanPrediger', 'gwetAC1', 'percentAgreement'] as const

/**
 * A report table equals `computeReliability` on the same rows: the same units, coders, notes and
 * rounded values. One exception, and only one: an exact tie at the third decimal (0.6875), which
 * floating-point noise in either summation order may round either way; the difference is then one
 * step (0.001) and the exact value is checked to be that tie.
 */
function expectLikeReliability(t: ReliabilityTable, rows: RatingRow[]) {
  const ref = computeReliability(rows, 'nominal', { bootstrap: 0 })
  const { krippendorffAlpha: _a, fleissKappa: _f, cohenKappa: _c, scottPi: _s, brennanPrediger: _b, gwetAC1: _g, percentAgreement: _p, ...rest } = sharedFields(t)
  const { krippendorffAlpha: _a2, fleissKappa: _f2, cohenKappa: _c2, scottPi: _s2, brennanPrediger: _b2, gwetAC1: _g2, percentAgreement: _p2, ...refRest } = sharedFields(ref)
  expect(rest).toEqual(refRest)
  const exact = computeCoefficients(tabulateRatings(rows, 'nominal').matrix, 'nominal')
  for (const s of statistics) {
    if (ref[s] === null) expect(t[s], s).toBeNull()
    else if (t[s] !== ref[s]) {
      expect(Math.abs(t[s]! - ref[s]!), s).toBeCloseTo(0.001, 9)
      const x = exact[s].value! * 1000
      expect(Math.abs(x - Math.floor(x) - 0.5), `${s} differs without a tie`).toBeLessThan(1e-6)
    }
  }
}

const scenario = fc.record({
  lengths: fc.array(fc.integer({ min: 60, max: 200 }), { minLength: 1, maxLength: 5 }),
  coders: fc.integer({ min: 2, max: 4 }),
  codes: fc.integer({ min: 1, max: 3 }),
  seed: fc.integer({ min: 1, max: 1_000_000 }),
})

function build(s: { lengths: number[]; coders: number; codes: number; seed: number }) {
  const documents = makeDocuments(s.lengths, s.seed)
  const coders = Array.from({ length: s.coders }, (_, i) => `c${i + 1}`)
  const codes = Array.from({ length: s.codes }, (_, i) => `K${i + 1}`)
  return { documents, coders, codes, codings: makeCodings(documents, coders, codes, s.seed + 1) }
}

const pooledRows = (byCode: Record<string, ReliabilityDatum[]>) => Object.entries(byCode).flatMap(([code, rows]) => rows.map((r) => ({ ...r, unit: `${code}|${r.unit}` })))

describe('span unit', () => {
  it('[AGR2] equals computeSpanAgreement on the same codings, codes in the caller’s order, pairs = the pair’s own report', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { documents, coders, codes, codings } = build(s)
        const asked = [...codes].reverse()
        const r = computeAgreement({ unit: 'span', documents, coders, codes: asked, codings }) as SpanAgreement
        const lengths = documents.map((d) => ({ document: d.id, length: d.length }))
        const ref = computeSpanAgreement({ codings, lengths, coders, codes })
        expect(Object.keys(r.codes)).toEqual(asked)
        for (const code of codes) expect(r.codes[code]).toMatchObject(ref.codes[code])
        expect(r.overall).toMatchObject(ref.overall)
        expect(r.notes).toEqual(ref.notes)
        expect(r.pairs).toHaveLength((coders.length * (coders.length - 1)) / 2)
        for (const p of r.pairs) {
          const own = computeSpanAgreement({ codings: codings.filter((c) => p.coders.includes(c.coder)), lengths, coders: p.coders, codes })
          expect(p.overall).toMatchObject(own.overall)
          for (const code of codes) expect(p.codes[code]).toMatchObject(own.codes[code])
        }
      }),
      { numRuns: 25 },
    )
  })

  it('[AGR2] a coder who coded nothing still counts, and bands are read from the exact values', () => {
    const documents = [{ id: 'T1', length: 100 }]
    const codings: Coding[] = [
      { document: 'T1', coder: 'a', code: 'X', start: 0, end: 40 },
      { document: 'T1', coder: 'b', code: 'X', start: 0, end: 40 },
    ]
    const two = computeAgreement({ unit: 'span', documents, coders: ['a', 'b'], codes: ['X'], codings }) as SpanAgreement
    expect(two.overall.unitizingAlpha).toBe(1)
    expect(two.overall.bands).toEqual({ unitizingAlpha: 'reliable', characterKappa: 'almostPerfect' })
    const three = computeAgreement({ unit: 'span', documents, coders: ['a', 'b', 'c'], codes: ['X'], codings }) as SpanAgreement
    expect(three.coders).toEqual(['a', 'b', 'c'])
    expect(three.overall.unitizingAlpha).toBeLessThan(1)
    expect(three.overall.characterKappa).toBeNull()
    expect(three.pairs.find((p) => p.coders.join() === 'a,b')!.overall.characterKappa).toBe(1)
  })
})

describe('presence units equal computeReliability on the units module’s rows', () => {
  it('[AGR3] [AGR6] [AGR7] segment: per code and pooled overall, for every coder pair too', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { documents, coders, codes, codings } = build(s)
        const r = computeAgreement({ unit: 'segment', documents, coders, codes, codings, bootstrap: 0 }) as ReliabilityAgreement
        const segments = documents.flatMap((d) => d.segments!.map((x) => ({ ...x, document: d.id })))
        const rows = segmentUnits(codings, segments, coders, codes)
        for (const code of codes) expectLikeReliability(r.codes[code], rows[code])
        expectLikeReliability(r, pooledRows(rows))
        for (const p of r.pairs) {
          const pairRows = segmentUnits(codings, segments, p.coders, codes)
          for (const code of codes) expectLikeReliability(p.codes[code], pairRows[code])
          expectLikeReliability(p.overall, pooledRows(pairRows))
        }
      }),
      { numRuns: 30 },
    )
  })

  it('[AGR4] [AGR8] document: equal to computeReliability including alpha’s interval (one unit per transcript: the same bootstrap)', () => {
    const { documents, coders, codes, codings } = build({ lengths: Array.from({ length: 40 }, (_, i) => 80 + i), coders: 2, codes: 3, seed: 11 })
    const r = computeAgreement({ unit: 'document', documents, coders, codes, codings, bootstrap: 500, seed: 3 }) as ReliabilityAgreement
    const rows = documentUnits(codings, documents.map((d) => d.id), coders, codes)
    let compared = 0
    for (const code of codes) {
      const ref = computeReliability(rows[code], 'nominal', { bootstrap: 500, seed: 3 })
      expect(sharedFields(r.codes[code])).toEqual(sharedFields(ref))
      expect(r.codes[code].alphaCI).toEqual(ref.alphaCI)
      if (ref.alphaCI) compared++
    }
    expect(compared).toBeGreaterThan(0)
  })

  it('[AGR5] matched segments: equal to computeReliability on matchedSegmentUnits', () => {
    fc.assert(
      fc.property(scenario, fc.constantFrom(0.5, 0.8, 1), fc.constantFrom('union' as const, 'shorter' as const), (s, threshold, overlap) => {
        const { documents, coders, codes, codings } = build(s)
        const r = computeAgreement({ unit: 'matched', documents, coders, codes, codings, threshold, overlap, bootstrap: 0 }) as ReliabilityAgreement
        const rows = matchedSegmentUnits(codings, { threshold, overlap, coders, codes })
        for (const code of codes) {
          if (rows[code].length === 0) expect(r.codes[code].units).toBe(0)
          else expectLikeReliability(r.codes[code], rows[code])
        }
      }),
      { numRuns: 25 },
    )
  })

  it('[AGR7] standard errors are those of the coefficients module, and bands follow the exact value', () => {
    const { documents, coders, codes, codings } = build({ lengths: [150, 180, 120], coders: 2, codes: 2, seed: 5 })
    const r = computeAgreement({ unit: 'segment', documents, coders, codes, codings, bootstrap: 0 }) as ReliabilityAgreement
    const segments = documents.flatMap((d) => d.segments!.map((x) => ({ ...x, document: d.id })))
    const rows = segmentUnits(codings, segments, coders, codes)[codes[0]]
    const matrix = documents.flatMap((d) => d.segments!.map((x) => coders.map((c) => rows.find((row) => row.unit === `${d.id}#${x.id}` && row.coder === c)!.value)))
    const set = computeCoefficients(matrix, 'nominal')
    const t = r.codes[codes[0]]
    expect(set.cohenKappa.value).not.toBeNull()
    expect(t.se.cohenKappa).toBeCloseTo((set.cohenKappa as { se: number }).se, 3)
    expect(t.se.gwetAC1).toBeCloseTo((set.gwetAC1 as { se: number }).se, 3)
    expect(t.bands.krippendorffAlpha).toBe(set.krippendorffAlpha.value! >= 0.8 ? 'reliable' : set.krippendorffAlpha.value! >= 0.667 ? 'tentative' : 'unreliable')
    expect(t.bands.percentAgreement).toBeUndefined()
  })

  it('[AGR6] a code nobody applied is undefined with the reason, and adds only absent units to the pool', () => {
    const documents = makeDocuments([100, 100])
    const codings: Coding[] = [
      { document: 'T1', coder: 'a', code: 'X', start: 0, end: 30 },
      { document: 'T1', coder: 'b', code: 'X', start: 5, end: 30 },
      { document: 'T2', coder: 'a', code: 'X', start: 50, end: 60 },
    ]
    const r = computeAgreement({ unit: 'segment', documents, coders: ['a', 'b'], codes: ['X', 'Y'], codings, bootstrap: 0 }) as ReliabilityAgreement
    expect(r.codes.Y.krippendorffAlpha).toBeNull()
    expect(r.codes.Y.notes.join()).toMatch(/only one category/)
    expect(r.units).toBe(r.codes.X.units + r.codes.Y.units)
    expect(r.notes.some((n) => n.startsWith('overall: pools'))).toBe(true)
  })
})

describe('alpha’s interval by transcript (cluster bootstrap)', () => {
  /** Brute force: resample transcripts with the same generator, rebuild the matrix, call the coefficients module. */
  function bruteForce(documents: AgreementDocument[], coders: string[], rows: ReliabilityDatum[], replicates: number, seed: number) {
    const byDoc = documents.map((d) => d.segments!.map((x) => coders.map((c) => rows.find((r) => r.unit === `${d.id}#${x.id}` && r.coder === c)!.value as number)))
    const random = createRandom(seed)
    const alphas: number[] = []
    for (let r = 0; r < replicates; r++) {
      const matrix: number[][] = []
      for (let i = 0; i < documents.length; i++) matrix.push(...byDoc[Math.floor(random() * documents.length)])
      const a = krippendorffAlpha(matrix, 'nominal').value
      if (a !== null) alphas.push(a)
    }
    const sorted = Float64Array.from(alphas).sort()
    return [quantileOfSorted(sorted, 0.025), quantileOfSorted(sorted, 0.975)].map((x) => Math.round(x * 1000) / 1000)
  }

  it('[AGR8] equals resampling whole transcripts and recomputing alpha with the coefficients module', () => {
    const { documents, coders, codes, codings } = build({ lengths: [120, 150, 90, 200, 140, 110, 170, 130, 160, 100, 180, 150], coders: 3, codes: 2, seed: 21 })
    const r = computeAgreement({ unit: 'segment', documents, coders, codes, codings, bootstrap: 200, seed: 9 }) as ReliabilityAgreement
    const segments = documents.flatMap((d) => d.segments!.map((x) => ({ ...x, document: d.id })))
    const rows = segmentUnits(codings, segments, coders, codes)
    for (const code of codes) {
      expect(r.codes[code].bootstrap).toMatchObject({ method: 'documents', replicates: 200, seed: 9, resampled: documents.length })
      expect(r.codes[code].alphaCI).toEqual(bruteForce(documents, coders, rows[code], 200, 9))
    }
  })

  it('[AGR8] a code’s interval does not depend on the other codes, and the same seed gives the same interval', () => {
    const { documents, coders, codes, codings } = build({ lengths: [120, 150, 90, 200, 140, 110, 170, 130, 160, 100], coders: 2, codes: 3, seed: 4 })
    const input: AgreementInput = { unit: 'segment', documents, coders, codes, codings, bootstrap: 300, seed: 2 }
    const all = computeAgreement(input) as ReliabilityAgreement
    const alone = computeAgreement({ ...input, codes: [codes[1]] }) as ReliabilityAgreement
    expect(alone.codes[codes[1]].alphaCI).toEqual(all.codes[codes[1]].alphaCI)
    expect((computeAgreement(input) as ReliabilityAgreement).alphaCI).toEqual(all.alphaCI)
    const other = computeAgreement({ ...input, seed: 3 }) as ReliabilityAgreement
    expect(other.alphaCI).not.toEqual(all.alphaCI)
  })

  it('[AGR8] with fewer than 10 transcripts the interval is REL13’s unit bootstrap, equal to computeReliability’s', () => {
    const { documents, coders, codes, codings } = build({ lengths: [150, 180, 120, 160], coders: 2, codes: 2, seed: 8 })
    const r = computeAgreement({ unit: 'segment', documents, coders, codes, codings, bootstrap: 400, seed: 6 }) as ReliabilityAgreement
    const segments = documents.flatMap((d) => d.segments!.map((x) => ({ ...x, document: d.id })))
    const rows = segmentUnits(codings, segments, coders, codes)
    for (const code of codes) {
      const ref = computeReliability(rows[code], 'nominal', { bootstrap: 400, seed: 6 })
      expect(r.codes[code].alphaCI).toEqual(ref.alphaCI)
      if (ref.alphaCI) expect(r.codes[code].bootstrap).toMatchObject({ method: 'units', replicates: 400, seed: 6 })
    }
    expect(r.alphaCI).toEqual(computeReliability(pooledRows(rows), 'nominal', { bootstrap: 400, seed: 6 }).alphaCI)
  })
})

describe('framework statuses', () => {
  it('[AGR9] blank = none for a case the coder judged, missing for a case they did not; ordinal alpha on [0,1,2]', () => {
    const documents = [
      { id: 'T1', length: 10, caseId: 'Z' },
      { id: 'T2', length: 10, caseId: 'K' },
    ]
    const statuses = [
      { caseId: 'Z', codeId: 'i1', coderId: 'a', status: 'described' as const },
      { caseId: 'Z', codeId: 'i2', coderId: 'a', status: 'partial' as const },
      { caseId: 'Z', codeId: 'i1', coderId: 'b', status: 'described' as const },
      { caseId: 'Z', codeId: 'i3', coderId: 'b', status: 'partial' as const },
      { caseId: 'K', codeId: 'i1', coderId: 'a', status: 'none' as const },
      { caseId: 'K', codeId: 'i2', coderId: 'a', status: 'described' as const },
    ]
    const r = computeAgreement({ unit: 'status', documents, coders: ['a', 'b'], codes: ['i1', 'i2', 'i3'], codings: [], statuses, bootstrap: 0 }) as ReliabilityAgreement
    // Units in the order indicator × case: b judged Z only, so K's units have a's rating alone.
    const matrix = [
      [2, 2],
      [0, null],
      [1, 0],
      [2, null],
      [0, 1],
      [0, null],
    ]
    const ref = computeCoefficients(matrix, 'ordinal', { categories: [0, 1, 2] })
    expect(r.krippendorffAlpha).toBe(Math.round(ref.krippendorffAlpha.value! * 1000) / 1000)
    expect(r.units).toBe(6)
    expect(r.level).toBe('ordinal')
    expect(r.cohenKappa).toBeNull() // incomplete: K was judged by one coder
    expect(r.pairs[0].overall.units).toBe(3)
    expect(r.pairs[0].overall.cohenKappaWeighted).toBeDefined()
  })
})

describe('checks and progress', () => {
  it('[AGR1] lists every problem at once', () => {
    try {
      computeAgreement({
        unit: 'segment',
        documents: [{ id: 'T1', length: 10 }, { id: 'T1', length: -1 }],
        coders: ['a'],
        codes: ['X'],
        codings: [{ document: 'T1', coder: 'a', code: 'X', start: 5, end: 50 }],
        threshold: 2,
        bootstrap: 1.5,
      })
      expect.unreachable()
    } catch (e) {
      expect(e).toBeInstanceOf(ConcordError)
      const paths = (e as ConcordError).problems.map((p) => p.path)
      expect(paths).toEqual(expect.arrayContaining(['coders', 'documents[1]', 'documents[0]', 'threshold', 'bootstrap']))
    }
  })

  it('[AGR1] codings of coders, codes or documents not compared are left out', () => {
    const documents = makeDocuments([100])
    const codings: Coding[] = [
      { document: 'T1', coder: 'a', code: 'X', start: 0, end: 30 },
      { document: 'T1', coder: 'b', code: 'X', start: 0, end: 30 },
      { document: 'T1', coder: 'z', code: 'X', start: 50, end: 90 },
      { document: 'T9', coder: 'a', code: 'X', start: 0, end: 5000 },
    ]
    const r = computeAgreement({ unit: 'span', documents, coders: ['a', 'b'], codes: ['X'], codings }) as SpanAgreement
    expect(r.overall.unitizingAlpha).toBe(1)
  })

  it('[AGR6] yields progress after each code, then the overall table', () => {
    const { documents, coders, codes, codings } = build({ lengths: [100, 120], coders: 2, codes: 3, seed: 1 })
    const steps = computeAgreementSteps({ unit: 'segment', documents, coders, codes, codings, bootstrap: 0 })
    const seen = []
    for (let next = steps.next(); !next.done; next = steps.next()) seen.push(next.value)
    expect(seen).toEqual([1, 2, 3, 4].map((done) => ({ done, total: 4 })))
  })
})
