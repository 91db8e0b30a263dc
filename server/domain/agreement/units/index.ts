/**
 * Unit derivations (METHOD.md §2): codings → reliability data `{ unit, coder, value }[]` per
 * code for the segment, document and matched-segment units, which the coefficients module
 * turns into percent agreement, kappa, alpha and friends. Rules: ./SPEC.md (UNIT1…). Pure.
 */
export type * from './types'
export { segmentUnits, iterateSegmentUnits, segmentUnitName, type SegmentUnitOptions } from './segment-units'
export { documentUnits } from './document-units'
export { matchedSegmentUnits, measureOverlap, visitMatchedUnits, type MatchedSegmentOptions } from './matched-segment-units'
export { splitSentences, paragraphSegments } from './split-text'
