/** Arbitration: detecting disputes between independent coders and what a decision makes the consensus (SPEC.md). */
export { detectSpanDisputes, sortDisputes, spanMagnitude, type SpanDetectionInput, type SpanDetectionResult } from './detect-span-disputes'
export { detectStatusDisputes, statusRank, STATUS_STEP_MAGNITUDE, type StatusDetectionInput } from './detect-status-disputes'
export { chooseSpans, chooseStatus } from './choose-consensus'
export { planConsensusEdit, type ConsensusEditInput, type ConsensusEditPlan } from './plan-consensus-edit'
export { intersectSpans, mergeSpans, sameSpans, spanLength, subtractSpans } from './intervals'
export { makeFingerprint } from './fingerprint'
export type * from './types'
