/**
 * The project agreement report: a round's codings → per-code, per-pair and overall tables for the
 * span, segment, matched-segment, document and framework-status units; the drill-down to the
 * disagreeing passages; CSV and the methods paragraph. Rules: ./SPEC.md (AGR1…). Pure.
 */
export type * from './types'
export { agreementUnits, segmentKinds } from './types'
export { computeAgreement, computeAgreementSteps, statusScale } from './compute-agreement'
export { checkAgreementInput, maxBootstrap } from './check-input'
export { findDisagreements, type DisagreementPassage, type DisagreementQuery } from './find-disagreements'
export { writeReportCsv, csvCell, type CsvLabels } from './report-csv'
export { writeMethodsParagraph, type MethodsContext } from './methods-text'
export { documentSegments } from './document-segments'
