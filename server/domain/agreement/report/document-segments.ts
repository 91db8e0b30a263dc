/**
 * The predefined segments of a transcript for the segment unit (AGR3): speaker turns (the
 * transcript's paragraphs as the editor projects them), paragraphs (lines of the plain text,
 * UNIT6) or sentences (UNIT7).
 */
import { paragraphSegments, splitSentences } from '../units'
import type { TextSegment } from '../units/types'
import type { SegmentKind } from './types'

export function documentSegments(kind: SegmentKind, text: string, turns: readonly { start: number; end: number }[]): TextSegment[] {
  if (kind === 'paragraph') return paragraphSegments(text)
  if (kind === 'sentence') return splitSentences(text)
  // Speaker turns: empty turns are no unit (nothing could be coded in them).
  return turns.map((t, i) => ({ id: `t${i + 1}`, start: t.start, end: t.end })).filter((t) => t.end > t.start)
}
