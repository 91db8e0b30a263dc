import { mergeSpans, subtractSpans } from './intervals'
import type { AppliedSpans, CodedSpan, Span } from './types'

export interface ConsensusEditInput {
  codeId: string
  /** The consensus (shared layer) codings now; other codes are ignored. */
  current: readonly CodedSpan[]
  /** The change of the decision being replaced, to revert first (DIS21). */
  previous?: AppliedSpans | null
  /** The dispute's unit extent. */
  extent: Span
  /** The spans the decision chose (chooseSpans). */
  chosen: readonly Span[]
  /** Whose id the new consensus marks carry (DIS19). */
  consensusCoderId: string
}

export interface ConsensusEditPlan {
  /** The net edit for the document: now → after the decision. */
  edit: { add: CodedSpan[]; remove: CodedSpan[] }
  /** The decision's own change, relative to the reverted state (store it to revert later). */
  applied: AppliedSpans
}

type Coverage = Map<string, Span[]>

function coverageOf(codings: readonly CodedSpan[], codeId: string): Coverage {
  const out: Coverage = new Map()
  for (const c of codings) if (c.codeId === codeId) out.set(c.coderId, [...(out.get(c.coderId) ?? []), { start: c.start, end: c.end }])
  for (const [k, v] of out) out.set(k, mergeSpans(v))
  return out
}

function addTo(cov: Coverage, coderId: string, spans: readonly Span[]): void {
  cov.set(coderId, mergeSpans([...(cov.get(coderId) ?? []), ...spans]))
}

function removeFrom(cov: Coverage, coderId: string, spans: readonly Span[]): void {
  cov.set(coderId, subtractSpans(cov.get(coderId) ?? [], spans))
}

function clone(cov: Coverage): Coverage {
  return new Map([...cov].map(([k, v]) => [k, v.map((s) => ({ ...s }))]))
}

/** What is in `to` but not in `from`, per coder, as codings of `codeId`. */
function difference(to: Coverage, from: Coverage, codeId: string): CodedSpan[] {
  const out: CodedSpan[] = []
  for (const coderId of [...to.keys()].sort()) {
    for (const s of subtractSpans(to.get(coderId) ?? [], from.get(coderId) ?? [])) out.push({ codeId, coderId, start: s.start, end: s.end })
  }
  return out
}

/**
 * The consensus change of a span decision (DIS20, DIS21): revert the previous decision, clear the
 * code over the region (extent ∪ chosen), add the chosen spans.
 * @example planConsensusEdit({ codeId: 'c', current: [], extent: { start: 0, end: 9 }, chosen: [{ start: 2, end: 9 }], consensusCoderId: 'lead' })
 *   // → edit.add = [{ codeId: 'c', coderId: 'lead', start: 2, end: 9 }], edit.remove = []
 */
export function planConsensusEdit(input: ConsensusEditInput): ConsensusEditPlan {
  const { codeId } = input
  const now = coverageOf(input.current, codeId)
  const reverted = clone(now)
  for (const c of input.previous?.added ?? []) if (c.codeId === codeId) removeFrom(reverted, c.coderId, [c])
  for (const c of input.previous?.removed ?? []) if (c.codeId === codeId) addTo(reverted, c.coderId, [c])
  const region = mergeSpans([input.extent, ...input.chosen])
  const after = clone(reverted)
  for (const coderId of [...after.keys()]) removeFrom(after, coderId, region)
  addTo(after, input.consensusCoderId, input.chosen)
  return {
    edit: { add: difference(after, now, codeId), remove: difference(now, after, codeId) },
    applied: { added: difference(after, reverted, codeId), removed: difference(reverted, after, codeId) },
  }
}
