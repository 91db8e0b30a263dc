import { describe, expect, it } from 'vitest'
import { planCodingRows } from './save-projection'

const row = (id: string, codeId: string, start: number, end: number, text = 'x', coderId = 'u1') => ({ id, codeId, coderId, start, end, text })
const coding = (codeId: string, start: number, end: number, text = 'x', coderId = 'u1') => ({ codeId, coderId, start, end, text })

describe('planCodingRows: only what changed is written', () => {
  it('keeps equal rows and moves a shifted one in place', () => {
    const stored = [row('r1', 'A', 0, 5), row('r2', 'A', 10, 15), row('r3', 'B', 0, 5)]
    expect(planCodingRows(stored, [coding('A', 0, 5), coding('A', 11, 16), coding('B', 0, 5)])).toEqual({
      stale: [], moved: [{ id: 'r2', start: 11, end: 16, text: 'x' }], fresh: [],
    })
  })

  it('typing before several spans of one code moves each row to the span in the same order', () => {
    const stored = [row('r1', 'A', 20, 25, 'b'), row('r2', 'A', 10, 15, 'a'), row('r3', 'A', 30, 35, 'c')]
    const plan = planCodingRows(stored, [coding('A', 13, 18, 'a'), coding('A', 23, 28, 'b'), coding('A', 33, 38, 'c')])
    expect(plan.moved).toEqual([
      { id: 'r2', start: 13, end: 18, text: 'a' },
      { id: 'r1', start: 23, end: 28, text: 'b' },
      { id: 'r3', start: 33, end: 38, text: 'c' },
    ])
    expect(plan.stale).toEqual([])
    expect(plan.fresh).toEqual([])
  })

  it('never moves a row to another code or coder: that is a delete and an insert', () => {
    expect(planCodingRows([row('r1', 'A', 0, 5)], [coding('B', 0, 5)])).toEqual({ stale: ['r1'], moved: [], fresh: [coding('B', 0, 5)] })
    expect(planCodingRows([row('r1', 'A', 0, 5, 'x', 'u1')], [coding('A', 0, 5, 'x', 'u2')])).toEqual({
      stale: ['r1'], moved: [], fresh: [coding('A', 0, 5, 'x', 'u2')],
    })
  })

  it('more rows than codings of a code: the rows past the paired ones go; fewer: the rest is inserted', () => {
    expect(planCodingRows([row('r1', 'A', 0, 5), row('r2', 'A', 10, 15)], [coding('A', 1, 6)])).toEqual({
      stale: ['r2'], moved: [{ id: 'r1', start: 1, end: 6, text: 'x' }], fresh: [],
    })
    expect(planCodingRows([row('r1', 'A', 0, 5)], [coding('A', 1, 6), coding('A', 20, 25)])).toEqual({
      stale: [], moved: [{ id: 'r1', start: 1, end: 6, text: 'x' }], fresh: [coding('A', 20, 25)],
    })
  })

  it('treats equal codings as a multiset (a duplicate row goes, a new duplicate is added)', () => {
    expect(planCodingRows([row('r1', 'A', 0, 5), row('r2', 'A', 0, 5)], [coding('A', 0, 5)])).toEqual({ stale: ['r2'], moved: [], fresh: [] })
    expect(planCodingRows([row('r1', 'A', 0, 5)], [coding('A', 0, 5), coding('A', 0, 5)])).toEqual({ stale: [], moved: [], fresh: [coding('A', 0, 5)] })
  })

  it('a change of the coded text alone (same offsets) updates the row', () => {
    expect(planCodingRows([row('r1', 'A', 0, 2, '甲乙')], [coding('A', 0, 2, '甲丙')])).toEqual({
      stale: [], moved: [{ id: 'r1', start: 0, end: 2, text: '甲丙' }], fresh: [],
    })
  })

  it('does not depend on the order the rows come in (ties go by row id)', () => {
    const stored = [row('r2', 'A', 0, 5, 'x'), row('r1', 'A', 0, 5, 'x'), row('r3', 'A', 0, 5, 'y')]
    const projected = [coding('A', 0, 5, 'x'), coding('A', 3, 8, 'z')]
    const plan = planCodingRows(stored, projected)
    expect(planCodingRows([...stored].reverse(), projected)).toEqual(plan)
    expect(plan).toEqual({ stale: ['r3'], moved: [{ id: 'r2', start: 3, end: 8, text: 'z' }], fresh: [] })
  })

  it('empty sides', () => {
    expect(planCodingRows([], [])).toEqual({ stale: [], moved: [], fresh: [] })
    expect(planCodingRows([row('r1', 'A', 0, 5)], [])).toEqual({ stale: ['r1'], moved: [], fresh: [] })
    expect(planCodingRows([], [coding('A', 0, 5)])).toEqual({ stale: [], moved: [], fresh: [coding('A', 0, 5)] })
  })

  it('applying the plan to the stored rows gives exactly the projected codings (seeded random cases)', () => {
    let seed = 42
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) >>> 0
      return Math.floor((seed / 2 ** 32) * n)
    }
    const randomCoding = () => {
      const start = random(30)
      return coding('ABC'[random(3)], start, start + 1 + random(5), 'xy'[random(2)], random(2) ? 'u1' : 'u2')
    }
    const sortKey = (c: ReturnType<typeof coding>) => `${c.codeId}|${c.coderId}|${c.start}|${c.end}|${c.text}`
    for (let round = 0; round < 300; round++) {
      const stored = Array.from({ length: random(8) }, (_, i) => ({ id: `r${i}`, ...randomCoding() }))
      const projected = Array.from({ length: random(8) }, randomCoding)
      const plan = planCodingRows(stored, projected)
      const byId = new Map(stored.map((r) => [r.id, { ...r }]))
      for (const id of plan.stale) expect(byId.delete(id)).toBe(true)
      for (const m of plan.moved) {
        const r = byId.get(m.id)!
        expect(r).toBeDefined()
        Object.assign(r, { start: m.start, end: m.end, text: m.text })
      }
      const after = [...[...byId.values()].map(({ id: _id, ...c }) => c), ...plan.fresh].map(sortKey).sort()
      expect(after).toEqual(projected.map(sortKey).sort())
      // Nothing is both kept and touched, and no row is touched twice.
      const touched = [...plan.stale, ...plan.moved.map((m) => m.id)]
      expect(new Set(touched).size).toBe(touched.length)
    }
  })
})
