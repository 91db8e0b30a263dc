import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { detectSpanDisputes } from './detect-span-disputes'
import type { CodedSpan } from './types'

const c = (coderId: string, start: number, end: number, codeId = 'x'): CodedSpan => ({ codeId, coderId, start, end })
const detect = (codings: CodedSpan[], coders = ['a', 'b'], tolerance = 5) => detectSpanDisputes({ documentId: 'doc', coders, codings, tolerance })

describe('detectSpanDisputes', () => {
  it('[DIS5] identical codings → no dispute, one agreed unit', () => {
    const r = detect([c('a', 10, 40), c('b', 10, 40)])
    expect(r.disputes).toEqual([])
    expect(r.agreed).toHaveLength(1)
    expect(r.agreed[0]).toMatchObject({ codeId: 'x', start: 10, end: 40, spans: [{ start: 10, end: 40 }] })
  })

  it('[DIS5] boundaries within the tolerance → no dispute; just beyond → boundary dispute', () => {
    expect(detect([c('a', 10, 40), c('b', 15, 35)]).disputes).toEqual([])
    expect(detect([c('a', 10, 40), c('b', 16, 40)]).disputes.map((d) => d.kind)).toEqual(['boundary'])
    expect(detect([c('a', 10, 40), c('b', 10, 46)]).disputes.map((d) => d.kind)).toEqual(['boundary'])
    expect(detect([c('a', 10, 40), c('b', 11, 40)], ['a', 'b'], 0).disputes.map((d) => d.kind)).toEqual(['boundary'])
  })

  it('[DIS6] an agreed unit within the tolerance goes to the consensus as the union', () => {
    expect(detect([c('a', 10, 40), c('b', 13, 42)]).agreed[0].spans).toEqual([{ start: 10, end: 42 }])
  })

  it('[DIS3] a code applied by one coder only → one presence dispute with an empty version', () => {
    const r = detect([c('a', 10, 40)])
    expect(r.disputes).toHaveLength(1)
    expect(r.disputes[0]).toMatchObject({ kind: 'presence', start: 10, end: 40, magnitude: 30 })
    expect(r.disputes[0].versions).toEqual([
      { coderId: 'a', spans: [{ start: 10, end: 40 }] },
      { coderId: 'b', spans: [] },
    ])
    expect(r.agreed).toEqual([])
  })

  it('[DIS4] boundaries beyond the tolerance → one boundary dispute with both versions', () => {
    const r = detect([c('a', 10, 40), c('b', 25, 60)])
    expect(r.disputes).toHaveLength(1)
    expect(r.disputes[0]).toMatchObject({ kind: 'boundary', start: 10, end: 60 })
    expect(r.disputes[0].versions.map((v) => v.spans)).toEqual([[{ start: 10, end: 40 }], [{ start: 25, end: 60 }]])
  })

  it('[DIS4] a different number of spans in the unit is a boundary dispute', () => {
    const r = detect([c('a', 0, 20), c('a', 30, 50), c('b', 0, 50)])
    expect(r.disputes.map((d) => d.kind)).toEqual(['boundary'])
    expect(r.disputes[0].magnitude).toBe(10)
  })

  it('[DIS1] a coder\'s touching or overlapping spans are merged first: no dispute against one span', () => {
    expect(detect([c('a', 0, 20), c('a', 20, 50), c('a', 10, 30), c('b', 0, 50)]).disputes).toEqual([])
  })

  it('[DIS1] codings of someone who is not a coder of the round are ignored', () => {
    const r = detect([c('a', 0, 20), c('b', 0, 20), c('intruder', 40, 60)])
    expect(r.disputes).toEqual([])
  })

  it('[DIS2] different codes never form one unit; touching spans are separate units', () => {
    const r = detect([c('a', 0, 20, 'x'), c('b', 0, 20, 'y'), c('a', 30, 40), c('b', 40, 50)])
    expect(r.disputes.map((d) => [d.kind, d.codeId, d.start, d.end])).toEqual([
      ['presence', 'x', 0, 20],
      ['presence', 'y', 0, 20],
      ['presence', 'x', 30, 40],
      ['presence', 'x', 40, 50],
    ])
  })

  it('[DIS2] a chain of overlapping spans forms one unit', () => {
    const r = detect([c('a', 0, 20), c('b', 15, 35), c('a', 30, 50)])
    expect(r.disputes).toHaveLength(1)
    expect(r.disputes[0]).toMatchObject({ start: 0, end: 50, kind: 'boundary' })
  })

  it('[DIS3] three coders: two agree, the third has nothing → one presence dispute', () => {
    const r = detect([c('a', 10, 40), c('b', 10, 40)], ['a', 'b', 'c'])
    expect(r.disputes).toHaveLength(1)
    expect(r.disputes[0].kind).toBe('presence')
    expect(r.disputes[0].versions.map((v) => v.coderId)).toEqual(['a', 'b', 'c'])
    expect(r.disputes[0].magnitude).toBe(30)
  })

  it('[DIS4] three coders: all coded, the third beyond the tolerance → one boundary dispute; all within → agreed', () => {
    expect(detect([c('a', 10, 40), c('b', 12, 41), c('c', 10, 70)], ['a', 'b', 'c']).disputes.map((d) => d.kind)).toEqual(['boundary'])
    // pairwise within 5 but not overall: 10, 14, 18 → largest − smallest = 8 > 5
    expect(detect([c('a', 10, 40), c('b', 14, 40), c('c', 18, 40)], ['a', 'b', 'c']).disputes.map((d) => d.kind)).toEqual(['boundary'])
    const agreed = detect([c('a', 10, 40), c('b', 12, 42), c('c', 11, 39)], ['a', 'b', 'c'])
    expect(agreed.disputes).toEqual([])
    expect(agreed.agreed[0].spans).toEqual([{ start: 10, end: 42 }])
  })

  it('[DIS8] magnitude is the characters coded by some but not all coders', () => {
    const [d] = detect([c('a', 0, 40), c('b', 20, 60)]).disputes
    expect(d.magnitude).toBe(40) // union [0,60) minus common [20,40)
    const [three] = detect([c('a', 0, 40), c('b', 10, 40), c('c', 0, 30)], ['a', 'b', 'c']).disputes
    expect(three.magnitude).toBe(20) // union [0,40) minus common [10,30)
  })

  it('[DIS9] disputes come biggest first', () => {
    const r = detect([c('a', 0, 10), c('a', 100, 300), c('b', 500, 550)])
    expect(r.disputes.map((d) => d.magnitude)).toEqual([200, 50, 10])
  })

  it('[DIS10] the fingerprint ignores input order and changes with any coder\'s spans', () => {
    const one = detect([c('a', 10, 40), c('b', 25, 60)]).disputes[0].fingerprint
    expect(detectSpanDisputes({ documentId: 'doc', coders: ['b', 'a'], codings: [c('b', 25, 60), c('a', 10, 40)], tolerance: 5 }).disputes[0].fingerprint).toBe(one)
    expect(detect([c('a', 10, 40), c('b', 25, 61)]).disputes[0].fingerprint).not.toBe(one)
    expect(detect([c('a', 10, 40), c('b', 25, 60)], ['a', 'b', 'c']).disputes[0].fingerprint).not.toBe(one)
    expect(detectSpanDisputes({ documentId: 'other', coders: ['a', 'b'], codings: [c('a', 10, 40), c('b', 25, 60)], tolerance: 5 }).disputes[0].fingerprint).not.toBe(one)
  })

  it('[DIS7] every unit gives exactly one dispute or one agreed unit, and units of a code never overlap', () => {
    const coding = fc.record({ coderId: fc.constantFrom('a', 'b', 'c'), codeId: fc.constantFrom('x', 'y'), start: fc.integer({ min: 0, max: 200 }), len: fc.integer({ min: 1, max: 60 }) })
    fc.assert(
      fc.property(fc.array(coding, { maxLength: 25 }), fc.integer({ min: 0, max: 8 }), (raw, tolerance) => {
        const codings = raw.map((r) => c(r.coderId, r.start, r.start + r.len, r.codeId))
        const r = detectSpanDisputes({ documentId: 'd', coders: ['a', 'b', 'c'], codings, tolerance })
        const units = [...r.disputes, ...r.agreed].sort((p, q) => (p.codeId < q.codeId ? -1 : p.codeId > q.codeId ? 1 : p.start - q.start))
        for (let i = 1; i < units.length; i++) if (units[i].codeId === units[i - 1].codeId) expect(units[i].start).toBeGreaterThanOrEqual(units[i - 1].end)
        // every coded character of every coder lies in exactly one unit of its code
        for (const cd of codings) expect(units.some((u) => u.codeId === cd.codeId && u.start <= cd.start && u.end >= cd.end)).toBe(true)
        for (const d of r.disputes) expect(d.magnitude).toBeGreaterThan(0)
      }),
    )
  })
})
