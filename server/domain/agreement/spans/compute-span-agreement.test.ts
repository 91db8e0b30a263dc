import { describe, expect, it } from 'vitest'
import { ConcordError } from '../../../errors'
import { parseCodingsCsv, parseLengthsCsv } from '../../formats/codings-csv'
import { computeSpanAgreement, type Coding } from './index'
import { computeUnitizingDisagreement } from './unitizing-alpha'

const coding = (coder: string, code: string, start: number, end: number, document = 'T1'): Coding => ({ document, coder, code, start, end })

/** Krippendorff (2004) p. 254, shifted from [150, 450) to [0, 300) (see unitizing-alpha.test.ts). */
const bookExample: Coding[] = [
  coding('i', 'c', 75, 145),
  coding('i', 'c', 220, 250),
  coding('j', 'c', 70, 150),
  coding('j', 'c', 205, 225),
  coding('j', 'c', 250, 270),
  coding('i', 'k', 30, 90),
  coding('i', 'k', 150, 200),
  coding('j', 'k', 30, 90),
  coding('j', 'k', 150, 200),
]

function thrown(fn: () => unknown): ConcordError {
  try {
    fn()
  } catch (e) {
    if (e instanceof ConcordError) return e
    throw e
  }
  throw new Error('expected a ConcordError')
}

describe('computeSpanAgreement', () => {
  it('[SPAN4] returns the documented shape: coders, documents, codes, overall (+ notes, details)', () => {
    const r = computeSpanAgreement({ codings: bookExample, lengths: [{ document: 'T1', length: 300 }] })
    expect(Object.keys(r).sort()).toEqual(['characters', 'coders', 'codes', 'details', 'documents', 'notes', 'overall'])
    expect(r.coders).toEqual(['i', 'j'])
    expect(r.documents).toBe(1)
    expect(r.characters).toBe(300)
    expect(Object.keys(r.codes)).toEqual(['c', 'k'])
    expect(Object.keys(r.codes.c).sort()).toEqual(['characterKappa', 'characterPercentAgreement', 'unitizingAlpha'])
    expect(Object.keys(r.overall).sort()).toEqual(['characterKappa', 'characterPercentAgreement', 'unitizingAlpha'])
    expect(JSON.parse(JSON.stringify(r))).toEqual(r)
  })

  it('[SPAN6] [SPAN7] reproduces Krippendorff (2004) p. 254: uα_c 0.7286, uα_k 1, overall 0.8591', () => {
    const r = computeSpanAgreement({ codings: bookExample, lengths: [{ document: 'T1', length: 300 }] })
    expect(Math.abs(r.codes.c.unitizingAlpha! - 0.7286)).toBeLessThan(0.0001)
    expect(r.codes.k.unitizingAlpha).toBe(1)
    expect(Math.abs(r.overall.unitizingAlpha! - 0.8591)).toBeLessThan(0.0005)
    const d = r.details.codes
    expect(r.overall.unitizingAlpha).toBeCloseTo(
      1 - (d.c.observedDisagreement! + d.k.observedDisagreement!) / (d.c.expectedDisagreement! + d.k.expectedDisagreement!),
      14,
    )
  })

  it('[SPAN8] [SPAN9] character statistics of the book example, computed by hand', () => {
    // c: i = [75,145) ∪ [220,250) (100 chars), j = [70,150) ∪ [205,225) ∪ [250,270) (120 chars),
    //    both = 70 + 5 = 75, only i = 25, only j = 45, neither = 155; p_o = 230/300,
    //    p_e = (1/3)(0.4) + (2/3)(0.6) = 0.5333…, κ = 0.2333…/0.4666… = 0.5.
    // k: identical, both = 110, neither = 190 → κ = 1, agreement 1.
    // overall pools the counts: both 185, only i 25, only j 45, neither 345 (n = 600):
    //    p_o = 53/60, p_e = (7/20)(23/60) + (13/20)(37/60) = 642/1200, κ = 418/558.
    const r = computeSpanAgreement({ codings: bookExample, lengths: [{ document: 'T1', length: 300 }] })
    expect(r.details.codes.c.characters).toEqual({ both: 75, onlyFirst: 25, onlySecond: 45, neither: 155 })
    expect(r.codes.c.characterKappa).toBeCloseTo(0.5, 12)
    expect(r.codes.c.characterPercentAgreement).toBeCloseTo(230 / 300, 12)
    expect(r.codes.k.characterKappa).toBeCloseTo(1, 12)
    expect(r.codes.k.characterPercentAgreement).toBe(1)
    expect(r.details.overall.characters).toEqual({ both: 185, onlyFirst: 25, onlySecond: 45, neither: 345 })
    expect(r.overall.characterKappa).toBeCloseTo(418 / 558, 12)
    expect(r.overall.characterPercentAgreement).toBeCloseTo(53 / 60, 12)
  })

  it('[SPAN6] identical codings of two or more coders give uα = 1 and κ = 1', () => {
    const spans = [coding('a', 'X', 5, 20), coding('a', 'X', 40, 41), coding('a', 'Y', 0, 100)]
    const two = computeSpanAgreement({
      codings: [...spans, ...spans.map((c) => ({ ...c, coder: 'b' }))],
      lengths: [{ document: 'T1', length: 200 }],
    })
    expect(two.codes.X).toEqual({ unitizingAlpha: 1, characterKappa: 1, characterPercentAgreement: 1 })
    expect(two.overall.unitizingAlpha).toBe(1)
    const four = computeSpanAgreement({
      codings: ['a', 'b', 'c', 'd'].flatMap((coder) => spans.map((c) => ({ ...c, coder }))),
      lengths: [{ document: 'T1', length: 200 }],
    })
    expect(four.codes.X.unitizingAlpha).toBe(1)
    expect(four.codes.Y.unitizingAlpha).toBe(1)
  })

  it('[SPAN6] [SPAN10] three coders: uα by the formula (0.812541 by hand), character statistics null with a note', () => {
    // Same case as the hand computation in unitizing-alpha.test.ts.
    const r = computeSpanAgreement({
      codings: [coding('a', 'X', 2, 5), coding('b', 'X', 2, 5), coding('c', 'X', 3, 6)],
      lengths: [{ document: 'T1', length: 10 }],
    })
    expect(r.codes.X.unitizingAlpha).toBeCloseTo(1 - 6816 / 36360, 12)
    expect(r.codes.X.characterKappa).toBeNull()
    expect(r.codes.X.characterPercentAgreement).toBeNull()
    expect(r.overall.characterKappa).toBeNull()
    expect(r.notes).toContain('characterKappa, characterPercentAgreement: need exactly two coders (3 found)')
  })

  it('[SPAN4] [SPAN10] a coder passed in `coders` who coded nothing still counts', () => {
    const codings = [coding('a', 'X', 2, 5), coding('b', 'X', 2, 5)]
    const withSilent = computeSpanAgreement({ codings, lengths: [{ document: 'T1', length: 10 }], coders: ['z'] })
    expect(withSilent.coders).toEqual(['a', 'b', 'z'])
    expect(withSilent.codes.X.unitizingAlpha).toBeLessThan(1)
    expect(withSilent.codes.X.unitizingAlpha).toBeCloseTo(
      1 - computeUnitizingDisagreement([[{ start: 2, end: 5 }], [{ start: 2, end: 5 }], []], 10).observed /
        computeUnitizingDisagreement([[{ start: 2, end: 5 }], [{ start: 2, end: 5 }], []], 10).expected,
      14,
    )
  })

  it('[SPAN10] one coder: uα null with a note', () => {
    const r = computeSpanAgreement({ codings: [coding('a', 'X', 2, 5)], lengths: [{ document: 'T1', length: 10 }] })
    expect(r.codes.X.unitizingAlpha).toBeNull()
    expect(r.overall.unitizingAlpha).toBeNull()
    expect(r.notes).toContain('unitizingAlpha: needs at least two coders (1 found)')
  })

  it('[SPAN11] a code nobody applied is null everywhere with a note, and does not change overall', () => {
    const lengths = [{ document: 'T1', length: 300 }]
    const base = computeSpanAgreement({ codings: bookExample, lengths })
    const r = computeSpanAgreement({ codings: bookExample, lengths, codes: ['unused'] })
    expect(r.codes.unused).toEqual({ unitizingAlpha: null, characterKappa: null, characterPercentAgreement: null })
    expect(r.notes).toContain('unused: nobody applied this code, so its statistics are undefined')
    // [SPAN9] listing unused codes does not add "neither" characters to the pooled table.
    expect(r.overall).toEqual(base.overall)
  })

  it('[SPAN11] kappa with a single category is null with a note; uα stays defined', () => {
    const r = computeSpanAgreement({
      codings: [coding('a', 'X', 0, 50), coding('b', 'X', 0, 50)],
      lengths: [{ document: 'T1', length: 50 }],
    })
    expect(r.codes.X.characterKappa).toBeNull()
    expect(r.codes.X.characterPercentAgreement).toBe(1)
    expect(r.notes).toContain('X: characterKappa is undefined: both coders coded every character (one category only)')
    expect(r.codes.X.unitizingAlpha).toBe(1)
  })

  it('[SPAN11] no codings at all: everything null with notes', () => {
    const r = computeSpanAgreement({ codings: [], lengths: [{ document: 'T1', length: 50 }], coders: ['a', 'b'] })
    expect(r.codes).toEqual({})
    expect(r.overall).toEqual({ unitizingAlpha: null, characterKappa: null, characterPercentAgreement: null })
    expect(r.notes.some((n) => n.includes('no codings'))).toBe(true)
  })

  it('[SPAN2] overlapping, touching and duplicate spans of one coder are merged before any statistic', () => {
    const lengths = [{ document: 'T1', length: 300 }]
    const base = computeSpanAgreement({ codings: bookExample, lengths })
    // i's [75,145) split into touching and overlapping pieces, plus a duplicate.
    const pieces = bookExample.filter((c) => !(c.coder === 'i' && c.code === 'c' && c.start === 75))
    pieces.push(coding('i', 'c', 75, 100), coding('i', 'c', 100, 120), coding('i', 'c', 110, 145), coding('i', 'c', 110, 145))
    const merged = computeSpanAgreement({ codings: pieces, lengths })
    expect(merged.codes).toEqual(base.codes)
    expect(merged.details.codes.c.units).toBe(5)
  })

  it('[SPAN5] documents are laid end to end in the order of the lengths rows', () => {
    const twoDocs: Coding[] = [
      coding('a', 'X', 10, 30, 'D1'),
      coding('b', 'X', 12, 30, 'D1'),
      coding('a', 'X', 5, 50, 'D2'),
      coding('b', 'X', 60, 80, 'D2'),
      coding('b', 'Y', 0, 10, 'D2'),
    ]
    const split = computeSpanAgreement({ codings: twoDocs, lengths: [{ document: 'D1', length: 40 }, { document: 'D2', length: 100 }] })
    const joined = computeSpanAgreement({
      codings: twoDocs.map((c) => (c.document === 'D2' ? { ...c, document: 'J', start: c.start + 40, end: c.end + 40 } : { ...c, document: 'J' })),
      lengths: [{ document: 'J', length: 140 }],
    })
    expect(split.codes).toEqual(joined.codes)
    expect(split.overall).toEqual(joined.overall)
    // The other order is another continuum.
    const reversed = computeSpanAgreement({
      codings: twoDocs.map((c) => (c.document === 'D1' ? { ...c, document: 'J', start: c.start + 100, end: c.end + 100 } : { ...c, document: 'J' })),
      lengths: [{ document: 'J', length: 140 }],
    })
    const swapped = computeSpanAgreement({ codings: twoDocs, lengths: [{ document: 'D2', length: 100 }, { document: 'D1', length: 40 }] })
    expect(swapped.codes).toEqual(reversed.codes)
    expect(split.documents).toBe(2)
    expect(split.characters).toBe(140)
  })

  it('[SPAN5] a document nobody coded is gap for everyone: its characters count as neither', () => {
    const codings = [coding('a', 'X', 10, 30), coding('b', 'X', 12, 30)]
    const one = computeSpanAgreement({ codings, lengths: [{ document: 'T1', length: 40 }] })
    const more = computeSpanAgreement({ codings, lengths: [{ document: 'T1', length: 40 }, { document: 'T2', length: 400 }] })
    expect(more.codes.X.characterKappa).not.toBe(one.codes.X.characterKappa)
    expect(more.details.codes.X.characters!.neither).toBe(one.details.codes.X.characters!.neither + 400)
  })

  it('[SPAN5] units touching across a document boundary stay two units', () => {
    const codings = [coding('a', 'X', 90, 100, 'D1'), coding('a', 'X', 0, 10, 'D2'), coding('b', 'X', 90, 100, 'D1')]
    const r = computeSpanAgreement({ codings, lengths: [{ document: 'D1', length: 100 }, { document: 'D2', length: 100 }] })
    expect(r.details.codes.X.units).toBe(3)
    const t = computeUnitizingDisagreement([[{ start: 90, end: 100 }, { start: 100, end: 110 }], [{ start: 90, end: 100 }]], 200)
    expect(r.codes.X.unitizingAlpha).toBeCloseTo(1 - t.observed / t.expected, 14)
  })

  it('[SPAN1] offsets are UTF-16 code units, end exclusive: a coding may end at the length, not past it', () => {
    const text = '我们😀ok' // 😀 is two UTF-16 code units: length 6
    expect(text.length).toBe(6)
    const ok = computeSpanAgreement({
      codings: [coding('a', 'X', 2, 4), coding('b', 'X', 2, 6)],
      lengths: [{ document: 'T1', length: text.length }],
    })
    expect(ok.details.codes.X.characters).toEqual({ both: 2, onlyFirst: 0, onlySecond: 2, neither: 2 })
    const e = thrown(() => computeSpanAgreement({ codings: [coding('a', 'X', 2, 7)], lengths: [{ document: 'T1', length: 6 }] }))
    expect(e.problems[0].message).toMatch(/ends after the end of document "T1" \(length 6\)/)
  })

  it('[SPAN3] lists every problem: unknown document, past the end, bad offsets, bad or duplicate lengths', () => {
    const e = thrown(() =>
      computeSpanAgreement({
        codings: [
          { ...coding('a', 'X', 0, 5, 'nope'), source: 'codings.csv:2' },
          { ...coding('a', 'X', 0, 500), source: 'codings.csv:3' },
          coding('a', 'X', 5, 5),
          coding('', 'X', -1, 2.5),
        ],
        lengths: [
          { document: 'T1', length: 100, source: 'lengths.csv:2' },
          { document: 'T1', length: 100, source: 'lengths.csv:3' },
          { document: 'T2', length: -4 },
        ],
      }),
    )
    expect(e.code).toBe('bad_input')
    const paths = e.problems.map((p) => `${p.path}: ${p.message}`)
    expect(paths).toEqual([
      'lengths.csv:3: document "T1" is listed twice (first at lengths.csv:2)',
      'lengths[2]: length must be a non-negative integer, got -4',
      'codings.csv:2: document "nope" is not in the lengths file',
      'codings.csv:3: coding [0, 500) ends after the end of document "T1" (length 100)',
      'codings[2]: end (5) must be greater than start (5)',
      'codings[3]: coder is empty',
      'codings[3]: start must be a non-negative integer, got -1',
      'codings[3]: end must be a non-negative integer, got 2.5',
    ])
    expect(e.message).toMatch(/^8 problem\(s\)/)
  })

  it('[SPAN3] [SPAN12] problems found after parsing name the CSV file and line', () => {
    const codings = parseCodingsCsv('document,coder,code,start,end\nT1,a,X,0,5\nT9,a,X,0,5\nT1,b,X,0,101\n', 'codings.csv')
    const lengths = parseLengthsCsv('document,length\nT1,100\n', 'lengths.csv')
    const e = thrown(() => computeSpanAgreement({ codings, lengths }))
    expect(e.problems.map((p) => p.path)).toEqual(['codings.csv:3', 'codings.csv:4'])
    expect(e.message).toContain('codings.csv:3')
  })

  it('[SPAN14] no per-character work: a continuum of a billion characters is as cheap as a short one', () => {
    const n = 1_000_000_000
    const r = computeSpanAgreement({
      codings: [coding('a', 'X', 10, 500_000_000), coding('b', 'X', 20, 500_000_000), coding('b', 'X', 900_000_000, n)],
      lengths: [{ document: 'T1', length: n }],
    })
    expect(r.details.codes.X.characters).toEqual({ both: 499_999_980, onlyFirst: 10, onlySecond: 100_000_000, neither: 400_000_010 })
    expect(r.codes.X.unitizingAlpha).toBeGreaterThan(0)
    expect(r.codes.X.unitizingAlpha).toBeLessThan(1)
  })
})
