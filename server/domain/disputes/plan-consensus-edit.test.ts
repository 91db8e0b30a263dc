import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { mergeSpans, subtractSpans } from './intervals'
import { planConsensusEdit } from './plan-consensus-edit'
import type { CodedSpan, Span } from './types'

const k = (coderId: string, start: number, end: number, codeId = 'x'): CodedSpan => ({ codeId, coderId, start, end })

/** Applies an edit the way the live document does: removals, then additions; merged per coder and code. */
function applyEdit(current: CodedSpan[], edit: { add: CodedSpan[]; remove: CodedSpan[] }): CodedSpan[] {
  const map = new Map<string, Span[]>()
  const key = (c: CodedSpan) => `${c.codeId}|${c.coderId}`
  for (const c of current) map.set(key(c), [...(map.get(key(c)) ?? []), c])
  for (const c of edit.remove) map.set(key(c), subtractSpans(map.get(key(c)) ?? [], [c]))
  for (const c of edit.add) map.set(key(c), [...(map.get(key(c)) ?? []), c])
  return [...map].flatMap(([kk, spans]) => {
    const [codeId, coderId] = kk.split('|')
    return mergeSpans(spans).map((s) => ({ codeId, coderId, ...s }))
  }).sort((a, b) => a.start - b.start || (a.coderId < b.coderId ? -1 : 1))
}

describe('planConsensusEdit', () => {
  it('[DIS20] adds the chosen spans under the consensus coder on an empty consensus', () => {
    const p = planConsensusEdit({ codeId: 'x', current: [], extent: { start: 10, end: 60 }, chosen: [{ start: 25, end: 40 }], consensusCoderId: 'lead' })
    expect(p.edit).toEqual({ add: [k('lead', 25, 40)], remove: [] })
    expect(p.applied).toEqual({ added: [k('lead', 25, 40)], removed: [] })
  })

  it('[DIS20] clears the code over the region only, leaving other codes and the code outside it', () => {
    const current = [k('u', 0, 100), k('v', 20, 30), k('u', 0, 100, 'other')]
    const p = planConsensusEdit({ codeId: 'x', current, extent: { start: 10, end: 60 }, chosen: [], consensusCoderId: 'lead' })
    expect(p.edit.add).toEqual([])
    expect(p.edit.remove).toEqual([k('u', 10, 60), k('v', 20, 30)])
    const byKey = (list: CodedSpan[]) => list.map((c) => `${c.codeId}/${c.coderId}/${c.start}-${c.end}`).sort()
    expect(byKey(applyEdit(current, p.edit))).toEqual(['other/u/0-100', 'x/u/0-10', 'x/u/60-100'])
  })

  it('[DIS20] a custom span reaching beyond the unit widens the region', () => {
    const current = [k('u', 0, 8)]
    const p = planConsensusEdit({ codeId: 'x', current, extent: { start: 10, end: 60 }, chosen: [{ start: 5, end: 70 }], consensusCoderId: 'lead' })
    expect(p.edit.remove).toEqual([k('u', 5, 8)])
    expect(p.edit.add).toEqual([k('lead', 5, 70)])
  })

  it('[DIS21] re-deciding reverts the previous decision, then applies the new one; only the net change is sent', () => {
    // Before the first decision the consensus had an open-coding mark [0, 20) of coder u.
    const before = [k('u', 0, 20)]
    const first = planConsensusEdit({ codeId: 'x', current: before, extent: { start: 10, end: 60 }, chosen: [{ start: 10, end: 60 }], consensusCoderId: 'lead' })
    const afterFirst = applyEdit(before, first.edit)
    expect(afterFirst).toEqual([k('lead', 10, 60), k('u', 0, 10)].sort((a, b) => a.start - b.start))
    // Reopened, decided "none": the lead's [10, 60) goes, u's [10, 20) is restored … then cleared by the region.
    const second = planConsensusEdit({ codeId: 'x', current: afterFirst, previous: first.applied, extent: { start: 10, end: 60 }, chosen: [], consensusCoderId: 'lead' })
    expect(applyEdit(afterFirst, second.edit)).toEqual([k('u', 0, 10)])
    expect(second.edit).toEqual({ add: [], remove: [k('lead', 10, 60)] })
    // Its own change is relative to the reverted state: it removed u's [10, 20).
    expect(second.applied).toEqual({ added: [], removed: [k('u', 10, 20)] })
    // Reverting everything gives back the consensus before the first decision.
    const third = planConsensusEdit({ codeId: 'x', current: applyEdit(afterFirst, second.edit), previous: second.applied, extent: { start: 10, end: 60 }, chosen: [{ start: 30, end: 40 }], consensusCoderId: 'lead2' })
    expect(applyEdit(applyEdit(afterFirst, second.edit), third.edit)).toEqual([k('u', 0, 10), k('lead2', 30, 40)])
  })

  it('[DIS21] revert then apply restores the prior consensus exactly (property)', () => {
    const span = fc.record({ coderId: fc.constantFrom('u', 'v', 'lead'), start: fc.integer({ min: 0, max: 80 }), len: fc.integer({ min: 1, max: 30 }) })
    fc.assert(
      fc.property(fc.array(span, { maxLength: 8 }), fc.array(span, { maxLength: 3 }), fc.array(span, { maxLength: 3 }), (base, c1, c2) => {
        const current = applyEdit([], { add: base.map((s) => k(s.coderId, s.start, s.start + s.len)), remove: [] })
        const extent = { start: 20, end: 60 }
        const chosen1 = c1.map((s) => ({ start: s.start, end: s.start + s.len }))
        const p1 = planConsensusEdit({ codeId: 'x', current, extent, chosen: chosen1, consensusCoderId: 'lead' })
        const after1 = applyEdit(current, p1.edit)
        // the consensus holds exactly the chosen spans over the region
        const region = mergeSpans([extent, ...chosen1])
        const inRegion = after1.flatMap((c) => mergeSpans(region).flatMap((r) => (c.end > r.start && c.start < r.end ? [{ coderId: c.coderId, start: Math.max(c.start, r.start), end: Math.min(c.end, r.end) }] : [])))
        expect(mergeSpans(inRegion.filter((c) => c.coderId !== 'lead'))).toEqual([])
        expect(mergeSpans(inRegion)).toEqual(mergeSpans(chosen1))
        // deciding again with the first decision's chosen spans as "none" then reverting lands on `current` outside the region
        const chosen2 = c2.map((s) => ({ start: s.start, end: s.start + s.len }))
        const p2 = planConsensusEdit({ codeId: 'x', current: after1, previous: p1.applied, extent, chosen: chosen2, consensusCoderId: 'lead' })
        const after2 = applyEdit(after1, p2.edit)
        const direct = applyEdit(current, planConsensusEdit({ codeId: 'x', current, extent, chosen: chosen2, consensusCoderId: 'lead' }).edit)
        expect(after2).toEqual(direct)
      }),
    )
  })
})
