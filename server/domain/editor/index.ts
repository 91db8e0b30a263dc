/** The isomorphic transcript editor domain: schema, Y.Doc writers, projection, positions. */
export {
  CODE_MARK_NAME,
  TRANSCRIPT_FIELD,
  CodeMark,
  LayerMarksOnly,
  SpeakerAttribute,
  getTranscriptSchema,
  isLayerTransactionAllowed,
  transcriptExtensions,
  type CodeMarkAttrs,
} from './extensions'
export { addCodingsToDoc, buildTranscriptDoc, removeCodingFromDoc } from './build-doc'
export { codeMarkAttrs, codeMarkKey, hashOfJson, markNameOfKey, readCodeMark } from './mark-keys'
export { compareCodings, projectDoc } from './project-codings'
export { paragraphSpansOfPmDoc, pmPosToTextOffset, textOffsetToPmPos, textRangeToPmRange, type TextSpan } from './positions'
export { createTextAnchors, textAnchorSchema, type AnchorSide, type TextAnchor, type TextAnchors, type TextRange } from './text-anchors'
export type { CodingSpan, DocProjection, ParagraphSpan, ProjectedCoding, Turn } from './types'
