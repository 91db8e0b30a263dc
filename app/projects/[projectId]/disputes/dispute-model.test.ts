import { describe, expect, it } from 'vitest'
import { filterDisputes, keyAction, noFilters, previewSpans, previewStatus, segmentText, type DisputeItem } from './dispute-model'

const item = (over: Partial<DisputeItem>): DisputeItem =>
  ({ id: 'd', kind: 'boundary', state: 'open', codeId: 'c', documentId: 't', caseId: 'z', start: 10, end: 60, versions: [{ coderId: 'a', spans: [{ start: 10, end: 40 }] }, { coderId: 'b', spans: [{ start: 25, end: 60 }] }], ...over }) as DisputeItem

describe('disputes page model', () => {
  it('previews each choice with the rules the server applies (DIS14–DIS18, DIS22)', () => {
    const d = item({})
    expect(previewSpans(d, { choice: 'coder', coderId: 'b' }, 100)).toEqual([{ start: 25, end: 60 }])
    expect(previewSpans(d, { choice: 'union' }, 100)).toEqual([{ start: 10, end: 60 }])
    expect(previewSpans(d, { choice: 'intersection' }, 100)).toEqual([{ start: 25, end: 40 }])
    expect(previewSpans(d, { choice: 'none' }, 100)).toEqual([])
    expect(previewSpans(d, { choice: 'custom', start: 5, end: 70 }, 100)).toEqual([{ start: 5, end: 70 }])
    expect(previewSpans(d, { choice: 'custom', start: 70, end: 5 }, 100)).toBeNull()
    expect(previewSpans(item({ versions: [{ coderId: 'a', hidden: true }] as never }), { choice: 'union' }, 100)).toBeNull()
    const s = item({ kind: 'status', versions: [{ coderId: 'a', status: 'described' }, { coderId: 'b', status: 'none' }] as never })
    expect(previewStatus(s, { choice: 'intersection' })).toBe('none')
    expect(previewStatus(s, { choice: 'union' })).toBe('described')
  })

  it('filters by state, kind, code and a coder pair that disagrees', () => {
    const list = [item({ id: '1' }), item({ id: '2', state: 'decided' }), item({ id: '3', kind: 'presence', codeId: 'x' })]
    expect(filterDisputes(list, noFilters).map((d) => d.id)).toEqual(['1', '3'])
    expect(filterDisputes(list, { ...noFilters, state: '' }).map((d) => d.id)).toEqual(['1', '2', '3'])
    expect(filterDisputes(list, { ...noFilters, codeId: 'x' }).map((d) => d.id)).toEqual(['3'])
    const three = item({ id: '4', versions: [{ coderId: 'a', spans: [{ start: 1, end: 5 }] }, { coderId: 'b', spans: [{ start: 1, end: 5 }] }, { coderId: 'c', spans: [] }] as never })
    expect(filterDisputes([three], { ...noFilters, pair: 'a,b' })).toEqual([])
    expect(filterDisputes([three], { ...noFilters, pair: 'a,c' })).toHaveLength(1)
  })

  it('cuts text where marks begin and end', () => {
    const segs = segmentText('abcdefgh', 10, [
      { id: 'a', spans: [{ start: 11, end: 14 }] },
      { id: 'b', spans: [{ start: 13, end: 30 }] },
    ])
    expect(segs.map((s) => [s.text, s.ids])).toEqual([
      ['a', []],
      ['bc', ['a']],
      ['d', ['a', 'b']],
      ['efgh', ['b']],
    ])
  })

  it('maps the single keys of the decision view', () => {
    expect(keyAction({ key: 'j' })).toEqual({ type: 'next' })
    expect(keyAction({ key: 'ArrowUp' })).toEqual({ type: 'prev' })
    expect(keyAction({ key: '2' })).toEqual({ type: 'coder', index: 1 })
    expect(keyAction({ key: 'u' })).toEqual({ type: 'union' })
    expect(keyAction({ key: 'Enter' })).toEqual({ type: 'confirm' })
    expect(keyAction({ key: 'u', ctrlKey: true })).toBeNull()
    expect(keyAction({ key: '0' })).toBeNull()
  })
})
