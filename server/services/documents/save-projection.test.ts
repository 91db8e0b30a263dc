import { describe, expect, it } from 'vitest'
import { diffCodingRows } from './save-projection'

const row = (id: string, codeId: string, start: number, end: number, text = 'x') => ({ id, codeId, coderId: 'u1', start, end, text })
const coding = (codeId: string, start: number, end: number, text = 'x') => ({ codeId, coderId: 'u1', start, end, text })

describe('diffCodingRows: only what changed is written', () => {
  it('keeps equal rows, deletes the missing, inserts the new', () => {
    const stored = [row('r1', 'A', 0, 5), row('r2', 'A', 10, 15), row('r3', 'B', 0, 5)]
    const { stale, fresh } = diffCodingRows(stored, [coding('A', 0, 5), coding('A', 11, 16), coding('B', 0, 5)])
    expect(stale).toEqual(['r2'])
    expect(fresh).toEqual([coding('A', 11, 16)])
  })

  it('treats equal codings as a multiset (a duplicate row goes, a new duplicate is added)', () => {
    expect(diffCodingRows([row('r1', 'A', 0, 5), row('r2', 'A', 0, 5)], [coding('A', 0, 5)])).toEqual({ stale: ['r2'], fresh: [] })
    expect(diffCodingRows([row('r1', 'A', 0, 5)], [coding('A', 0, 5), coding('A', 0, 5)])).toEqual({ stale: [], fresh: [coding('A', 0, 5)] })
  })

  it('a change of the coded text alone (same offsets) replaces the row', () => {
    expect(diffCodingRows([row('r1', 'A', 0, 2, '甲乙')], [coding('A', 0, 2, '甲丙')])).toEqual({ stale: ['r1'], fresh: [coding('A', 0, 2, '甲丙')] })
  })

  it('empty sides', () => {
    expect(diffCodingRows([], [])).toEqual({ stale: [], fresh: [] })
    expect(diffCodingRows([row('r1', 'A', 0, 5)], [])).toEqual({ stale: ['r1'], fresh: [] })
  })
})
