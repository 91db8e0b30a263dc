import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { coveredWithin, indexCodings, intersectionLength, mergeIntervals, totalLength } from './intervals'
import type { Interval } from './types'

/** The set of characters covered, the slow and obvious way. */
const chars = (intervals: readonly Interval[]) => {
  const s = new Set<number>()
  for (const iv of intervals) for (let i = iv.start; i < iv.end; i++) s.add(i)
  return s
}

const intervalsArb = fc.array(
  fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 15 })).map(([start, len]) => ({ start, end: start + len })),
  { maxLength: 10 },
)

describe('interval helpers', () => {
  it('[SPAN2] merging joins overlapping and touching spans into their union', () => {
    expect(mergeIntervals([{ start: 10, end: 12 }, { start: 0, end: 5 }, { start: 5, end: 8 }, { start: 11, end: 20 }, { start: 0, end: 5 }])).toEqual([
      { start: 0, end: 8 },
      { start: 10, end: 20 },
    ])
    expect(mergeIntervals([{ start: 0, end: 5 }, { start: 6, end: 8 }])).toHaveLength(2)
  })

  it('[SPAN2] [SPAN14] merged spans, intersections and coverage equal per-character counting', () => {
    fc.assert(
      fc.property(intervalsArb, intervalsArb, fc.integer({ min: 0, max: 70 }), fc.integer({ min: 0, max: 20 }), (a, b, from, width) => {
        const ma = mergeIntervals(a)
        const mb = mergeIntervals(b)
        const ca = chars(a)
        const cb = chars(b)
        expect(chars(ma)).toEqual(ca)
        for (let i = 1; i < ma.length; i++) expect(ma[i].start).toBeGreaterThan(ma[i - 1].end) // disjoint, not touching
        expect(totalLength(ma)).toBe(ca.size)
        expect(intersectionLength(ma, mb)).toBe([...ca].filter((x) => cb.has(x)).length)
        expect(coveredWithin(ma, from, from + width)).toBe([...ca].filter((x) => x >= from && x < from + width).length)
      }),
      { numRuns: 300 },
    )
  })

  it('[SPAN2] the index merges per code, coder and document, never across them', () => {
    const idx = indexCodings([
      { document: 'T1', coder: 'a', code: 'X', start: 0, end: 5 },
      { document: 'T1', coder: 'a', code: 'X', start: 5, end: 9 },
      { document: 'T1', coder: 'b', code: 'X', start: 9, end: 12 },
      { document: 'T1', coder: 'a', code: 'Y', start: 9, end: 12 },
      { document: 'T2', coder: 'a', code: 'X', start: 9, end: 12 },
    ])
    expect(idx.get('X')?.get('a')?.get('T1')).toEqual([{ start: 0, end: 9 }])
    expect(idx.get('X')?.get('b')?.get('T1')).toEqual([{ start: 9, end: 12 }])
    expect(idx.get('Y')?.get('a')?.get('T1')).toEqual([{ start: 9, end: 12 }])
    expect(idx.get('X')?.get('a')?.get('T2')).toEqual([{ start: 9, end: 12 }])
  })
})
