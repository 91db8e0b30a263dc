/** Version history: compare states of a transcript, restore one as a forward edit. */
export { compareVersions, diffCodings, diffParagraphs, paragraphTexts } from './diff-versions'
export type { CodingDiff, CodingText, ParagraphChange, ParagraphText, VersionComparison } from './diff-versions'
export { computeRestoreUpdate } from './restore-update'
