import { describe, expect, it } from 'vitest'
import { applyStatus, heatmapPoints, moveInGrid, percent, statusForKey, transcriptHref, type FrameworkMatrix } from './matrix-model'

const fit = (level: 'high' | 'medium' | 'low', unseenShare: number) => ({ unseenShare, level, levelLabel: { zh: '', en: '' }, counts: { described: 0, partial: 0, none: 0 }, indicators: 1 })
const matrix = {
  cases: [
    { id: 'c1', key: 'S', name: { zh: 'S', en: 'S' }, round: null, canRecordOwn: false },
    { id: 'c2', key: 'T', name: { zh: 'T', en: 'T' }, round: null, canRecordOwn: true },
  ],
  dimensions: [{ id: 'd', key: 'talent', name: { zh: '人才', en: 'talent' }, short: null, color: '', indicators: [{ id: 'i', key: 'talent.a', name: { zh: 'a', en: 'a' }, color: '' }] }],
  cells: [
    { caseId: 'c1', codeId: 'i', status: null, suggested: 'none', evidence: [], summary: '', room: 'm/p/c1/i', coders: {} },
    { caseId: 'c2', codeId: 'i', status: 'none', suggested: 'none', evidence: [], summary: '', room: 'm/p/c2/i', coders: { u1: 'partial' } },
  ],
  report: { cases: { S: { dimensions: { talent: fit('low', 1) }, model: { zh: '弱均衡', en: 'weak balanced' } }, T: { dimensions: { talent: fit('medium', 0.5) }, model: { zh: '中均衡', en: 'medium balanced' } } }, settings: {} },
} as unknown as FrameworkMatrix

describe('framework page helpers', () => {
  it('status keys: D/P/N and 1–3 set, Delete/Backspace/0 clear, others do nothing', () => {
    expect(['d', 'P', 'n', '1', '2', '3'].map(statusForKey)).toEqual(['described', 'partial', 'none', 'described', 'partial', 'none'])
    expect(['Delete', 'Backspace', '0'].map(statusForKey)).toEqual([null, null, null])
    expect(statusForKey('x')).toBeUndefined()
  })

  it('arrow keys move within the grid and stop at its edges', () => {
    expect(moveInGrid('ArrowRight', 0, 0, 2, 3)).toEqual([0, 1])
    expect(moveInGrid('ArrowUp', 0, 0, 2, 3)).toBeNull()
    expect(moveInGrid('ArrowDown', 1, 2, 2, 3)).toBeNull()
    expect(moveInGrid('Enter', 0, 0, 2, 3)).toBeNull()
  })

  it('a team status change updates the cell and the case fit; a coder status only the coders map', () => {
    const after = applyStatus(matrix, { caseId: 'c1', codeId: 'i', coderId: '', status: 'described', fit: { dimensions: { talent: fit('high', 0) }, model: { zh: '强均衡', en: 'strong balanced' } } as never })
    expect(after.cells[0].status).toBe('described')
    expect(after.report.cases.S.model.zh).toBe('强均衡')
    expect(after.report.cases.T).toBe(matrix.report.cases.T)
    const own = applyStatus(matrix, { caseId: 'c2', codeId: 'i', coderId: 'u1', status: null, fit: {} as never })
    expect(own.cells[1].coders).toEqual({})
    expect(own.cells[1].status).toBe('none')
    expect(own.report).toBe(matrix.report)
  })

  it('links, percentages and heatmap points', () => {
    expect(transcriptHref('p', { transcriptId: 't', start: 3, end: 9 })).toBe('/projects/p/transcripts/t?at=3-9')
    expect(percent(3 / 7)).toBe('42.86%')
    expect(percent(0.2)).toBe('20%')
    expect(heatmapPoints(matrix).map((p) => p.value)).toEqual([[0, 0, 0, 1], [0, 1, 1, 0.5]])
  })
})
