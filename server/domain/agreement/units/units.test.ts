import { describe, expect, it } from 'vitest'
import { ConcordError } from '../../../errors'
import type { Coding } from '../spans/types'
import { documentUnits, iterateSegmentUnits, matchedSegmentUnits, paragraphSegments, segmentUnits, splitSentences, type Segment } from './index'

const coding = (coder: string, code: string, start: number, end: number, document = 'T1'): Coding => ({ document, coder, code, start, end })
const seg = (id: string, start: number, end: number, document = 'T1'): Segment => ({ document, id, start, end })
const texts = (text: string, parts: { start: number; end: number }[]) => parts.map((p) => text.slice(p.start, p.end))

function thrown(fn: () => unknown): ConcordError {
  try {
    fn()
  } catch (e) {
    if (e instanceof ConcordError) return e
    throw e
  }
  throw new Error('expected a ConcordError')
}

/** The rows as "unit coder=value" strings, for compact expectations. */
const flat = (rows: { unit: string; coder: string; value: string | number }[]) => rows.map((r) => `${r.unit} ${r.coder}=${r.value}`)

describe('segmentUnits', () => {
  const segments = [seg('p1', 0, 10), seg('p2', 10, 20), seg('p3', 20, 30)]

  it('[UNIT1] [UNIT2] presence per segment and coder, 1/0, codes in the order asked', () => {
    const codings = [coding('a', 'X', 2, 4), coding('b', 'X', 8, 12), coding('a', 'Y', 25, 30), coding('c', 'X', 0, 30)]
    const r = segmentUnits(codings, segments, ['a', 'b'], ['Y', 'X', 'Y'])
    expect(Object.keys(r)).toEqual(['Y', 'X'])
    expect(flat(r.X)).toEqual(['T1#p1 a=1', 'T1#p1 b=1', 'T1#p2 a=0', 'T1#p2 b=1', 'T1#p3 a=0', 'T1#p3 b=0'])
    expect(flat(r.Y)).toEqual(['T1#p1 a=0', 'T1#p1 b=0', 'T1#p2 a=0', 'T1#p2 b=0', 'T1#p3 a=1', 'T1#p3 b=0'])
  })

  it('[UNIT2] one character of overlap counts; touching the edge does not', () => {
    const r = segmentUnits([coding('a', 'X', 5, 10), coding('b', 'X', 9, 11)], segments, ['a', 'b'], ['X'])
    expect(flat(r.X)).toEqual(['T1#p1 a=1', 'T1#p1 b=1', 'T1#p2 a=0', 'T1#p2 b=1', 'T1#p3 a=0', 'T1#p3 b=0'])
  })

  it('[UNIT2] minShare counts the share of the segment covered by the merged spans', () => {
    // a covers 3 + 2 = 5 of p1's 10 characters (two spans, overlapping pieces merged); b covers 4.
    const codings = [coding('a', 'X', 0, 2), coding('a', 'X', 1, 3), coding('a', 'X', 6, 8), coding('b', 'X', 0, 4)]
    expect(flat(segmentUnits(codings, [segments[0]], ['a', 'b'], ['X'], { minShare: 0.5 }).X)).toEqual(['T1#p1 a=1', 'T1#p1 b=0'])
    expect(flat(segmentUnits(codings, [segments[0]], ['a', 'b'], ['X'], { minShare: 0.4 }).X)).toEqual(['T1#p1 a=1', 'T1#p1 b=1'])
    // 0.3 × 10 must not miss 3 covered characters through floating-point noise.
    expect(flat(segmentUnits([coding('a', 'X', 0, 3)], [segments[0]], ['a'], ['X'], { minShare: 0.1 * 3 }).X)).toEqual(['T1#p1 a=1'])
  })

  it('[UNIT1] codings on other documents, codes and coders are ignored', () => {
    const codings = [coding('a', 'X', 0, 5, 'T2'), coding('z', 'X', 0, 5), coding('a', 'Q', 0, 5)]
    expect(flat(segmentUnits(codings, [segments[0]], ['a'], ['X']).X)).toEqual(['T1#p1 a=0'])
  })

  it('[UNIT3] codersByDocument: coders who did not code a document give no rating there', () => {
    const r = segmentUnits([coding('a', 'X', 0, 5)], [seg('p1', 0, 10), seg('p1', 0, 10, 'T2')], ['a', 'b'], ['X'], {
      codersByDocument: { T2: ['b'] },
    })
    expect(flat(r.X)).toEqual(['T1#p1 a=1', 'T1#p1 b=0', 'T2#p1 b=0'])
  })

  it('[UNIT2] iterateSegmentUnits yields the same data one code at a time', () => {
    const codings = [coding('a', 'X', 2, 4), coding('b', 'Y', 8, 12)]
    const args = [codings, segments, ['a', 'b'], ['X', 'Y']] as const
    const it = iterateSegmentUnits(...args)
    const first = it.next()
    expect(first.value?.[0]).toBe('X')
    expect(Object.fromEntries(iterateSegmentUnits(...args))).toEqual(segmentUnits(...args))
  })

  it('[UNIT8] lists every problem in codings, segments and options', () => {
    const e = thrown(() =>
      segmentUnits([coding('a', 'X', 4, 2)], [seg('p1', 0, 10), seg('p1', 3, 4), seg('', 5, 5)], ['a'], ['X'], { minShare: 2 }),
    )
    expect(e.code).toBe('bad_input')
    expect(e.problems.map((p) => p.path)).toEqual(['codings[0]', 'segments[1]', 'segments[2]', 'segments[2]', 'minShare'])
  })
})

describe('documentUnits', () => {
  it('[UNIT4] one unit per document: did the coder apply the code anywhere in it?', () => {
    const codings = [coding('a', 'X', 0, 5, 'T1'), coding('b', 'X', 90, 95, 'T1'), coding('a', 'X', 3, 4, 'T2'), coding('b', 'Y', 3, 4, 'T2')]
    const r = documentUnits(codings, ['T1', 'T2', 'T3'], ['a', 'b'], ['X', 'Y'])
    expect(flat(r.X)).toEqual(['T1 a=1', 'T1 b=1', 'T2 a=1', 'T2 b=0', 'T3 a=0', 'T3 b=0'])
    expect(flat(r.Y)).toEqual(['T1 a=0', 'T1 b=0', 'T2 a=0', 'T2 b=1', 'T3 a=0', 'T3 b=0'])
  })

  it('[UNIT3] codersByDocument leaves ratings missing', () => {
    const r = documentUnits([coding('a', 'X', 0, 5)], ['T1'], ['a', 'b'], ['X'], { codersByDocument: { T1: ['a'] } })
    expect(flat(r.X)).toEqual(['T1 a=1'])
  })
})

describe('matchedSegmentUnits', () => {
  // a: [0,10) and [50,60); b: [1,10) (Jaccard 0.9, shorter 1.0) and [70,80) (no overlap).
  const codings = [coding('a', 'X', 0, 10), coding('a', 'X', 50, 60), coding('b', 'X', 1, 10), coding('b', 'X', 70, 80)]

  it('[UNIT5] each segment of each coder is a unit; the other agrees when the overlap reaches the threshold', () => {
    const r = matchedSegmentUnits(codings, { threshold: 0.9 })
    expect(flat(r.X)).toEqual([
      'T1#a#0-10 a=1',
      'T1#a#0-10 b=1',
      'T1#a#50-60 a=1',
      'T1#a#50-60 b=0',
      'T1#b#1-10 a=1',
      'T1#b#1-10 b=1',
      'T1#b#70-80 a=0',
      'T1#b#70-80 b=1',
    ])
  })

  it('[UNIT5] union overlap |A∩B|/|A∪B| vs shorter overlap |A∩B|/min', () => {
    // a [0,10) vs b [0,4): union 0.4, shorter 1.0.
    const pair = [coding('a', 'X', 0, 10), coding('b', 'X', 0, 4)]
    expect(flat(matchedSegmentUnits(pair, { threshold: 0.5 }).X)).toEqual(['T1#a#0-10 a=1', 'T1#a#0-10 b=0', 'T1#b#0-4 a=0', 'T1#b#0-4 b=1'])
    expect(flat(matchedSegmentUnits(pair, { threshold: 0.5, overlap: 'shorter' }).X)).toEqual([
      'T1#a#0-10 a=1',
      'T1#a#0-10 b=1',
      'T1#b#0-4 a=1',
      'T1#b#0-4 b=1',
    ])
    // Exactly at the threshold matches (0.4 ≥ 0.4).
    expect(flat(matchedSegmentUnits(pair, { threshold: 0.4 }).X)).toContain('T1#a#0-10 b=1')
  })

  it('[UNIT5] a just-below-threshold overlap does not match', () => {
    expect(flat(matchedSegmentUnits(codings, { threshold: 0.91 }).X)).toContain('T1#a#0-10 b=0')
  })

  it('[UNIT5] codes are kept apart, documents too, and a listed coder with no codings rates 0', () => {
    const r = matchedSegmentUnits([coding('a', 'X', 0, 10), coding('b', 'Y', 0, 10), coding('b', 'X', 0, 10, 'T2')], {
      threshold: 0.5,
      coders: ['a', 'b', 'c'],
    })
    expect(flat(r.X)).toEqual(['T1#a#0-10 a=1', 'T1#a#0-10 b=0', 'T1#a#0-10 c=0', 'T2#b#0-10 a=0', 'T2#b#0-10 b=1', 'T2#b#0-10 c=0'])
    expect(flat(r.Y)).toEqual(['T1#b#0-10 a=0', 'T1#b#0-10 b=1', 'T1#b#0-10 c=0'])
  })

  it('[UNIT1] [UNIT5] touching segments of one coder are merged into one unit first', () => {
    const r = matchedSegmentUnits([coding('a', 'X', 0, 5), coding('a', 'X', 5, 10), coding('b', 'X', 0, 10)], { threshold: 1 })
    expect(flat(r.X)).toEqual(['T1#a#0-10 a=1', 'T1#a#0-10 b=1', 'T1#b#0-10 a=1', 'T1#b#0-10 b=1'])
  })

  it('[UNIT8] threshold must be in (0, 1]', () => {
    expect(thrown(() => matchedSegmentUnits(codings, { threshold: 0 })).problems[0].path).toBe('threshold')
    expect(thrown(() => matchedSegmentUnits(codings, { threshold: 1.5 })).problems[0].path).toBe('threshold')
  })
})

describe('paragraphSegments', () => {
  it('[UNIT6] splits on \\n, trims, skips empty lines, numbers p1…', () => {
    const text = '主持人：请介绍一下。\r\n\n  受访者：好的。 \nlast'
    const p = paragraphSegments(text)
    expect(p.map((x) => x.id)).toEqual(['p1', 'p2', 'p3'])
    expect(texts(text, p)).toEqual(['主持人：请介绍一下。', '受访者：好的。', 'last'])
  })

  it('[UNIT6] empty text has no paragraphs', () => {
    expect(paragraphSegments('')).toEqual([])
    expect(paragraphSegments('\n \n')).toEqual([])
  })
})

describe('splitSentences', () => {
  it('[UNIT7] Chinese terminators end sentences anywhere; runs and closing quotes stay', () => {
    const text = '我们和企业合作。效果好吗？！他说：“很好。”然后呢'
    expect(texts(text, splitSentences(text))).toEqual(['我们和企业合作。', '效果好吗？！', '他说：“很好。”', '然后呢'])
  })

  it('[UNIT7] Western terminators need whitespace or the end after them', () => {
    const text = 'Version 3.5 works. Really?! Yes... (ok.) v2.0版本 fine'
    expect(texts(text, splitSentences(text))).toEqual(['Version 3.5 works.', 'Really?!', 'Yes...', '(ok.)', 'v2.0版本 fine'])
  })

  it('[UNIT7] line breaks end sentences; offsets are UTF-16 indices into the text', () => {
    const text = 'A 😀 line\nnext one。 after'
    const s = splitSentences(text)
    expect(texts(text, s)).toEqual(['A 😀 line', 'next one。', 'after'])
    expect(s.map((x) => x.id)).toEqual(['s1', 's2', 's3'])
    expect(s[0]).toEqual({ id: 's1', start: 0, end: 9 })
  })

  it('[UNIT2] [UNIT7] sentences feed segmentUnits', () => {
    const text = '第一句。第二句。第三句。'
    const segments = splitSentences(text).map((s) => ({ document: 'T1', ...s }))
    const r = segmentUnits([coding('a', 'X', 4, 6), coding('b', 'X', 5, 12)], segments, ['a', 'b'], ['X'])
    expect(flat(r.X)).toEqual(['T1#s1 a=0', 'T1#s1 b=0', 'T1#s2 a=1', 'T1#s2 b=1', 'T1#s3 a=0', 'T1#s3 b=1'])
  })
})
