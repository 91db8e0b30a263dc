import type { Node as PmNode } from '@tiptap/pm/model'
import { badInput } from '../../errors'
import type { ParagraphSpan } from './types'

/**
 * Plain-text offsets ↔ ProseMirror positions for the flat transcript schema (ED13). Paragraph i
 * opens at position Σ(len_j + 2) + 1 over the paragraphs before it, while its text starts at
 * Σ(len_j + 1): the two differ by i + 1. A hard break is one character and one position.
 * The browser uses these to code a retrieved segment or scroll to it.
 */

/** Where a paragraph's text sits in the plain text (a `ParagraphSpan` or any `{ start, end }`). */
export interface TextSpan {
  start: number
  end: number
}

/** The paragraphs of a live editor document, for the helpers below. */
export function paragraphSpansOfPmDoc(doc: PmNode): ParagraphSpan[] {
  const spans: ParagraphSpan[] = []
  let offset = 0
  doc.forEach((block, _pos, index) => {
    if (index > 0) offset += 1
    const speaker = block.attrs.speaker as unknown
    // content.size counts characters plus one per inline leaf, as the plain text does.
    spans.push({ index, start: offset, end: offset + block.content.size, speaker: typeof speaker === 'string' ? speaker : null })
    offset += block.content.size
  })
  return spans
}

function checkInteger(value: number, path: string): void {
  if (!Number.isInteger(value)) throw badInput(`${path} must be an integer`, [{ path, message: `got ${value}` }])
}

/**
 * The ProseMirror position of a plain-text offset. An offset at a paragraph's `end` (where the '\n'
 * is) maps to the end of that paragraph's content.
 * @example textOffsetToPmPos([{ start: 0, end: 3 }, { start: 4, end: 6 }], 4) // 6
 */
export function textOffsetToPmPos(paragraphs: readonly TextSpan[], offset: number): number {
  checkInteger(offset, 'offset')
  const last = paragraphs[paragraphs.length - 1]
  const length = last ? last.end : 0
  if (offset < 0 || offset > length) {
    throw badInput('offset is outside the text', [{ path: 'offset', message: `${offset} is not within 0..${length}` }])
  }
  if (!last) return 0
  return offset + paragraphIndexAt(paragraphs, offset) + 1
}

/**
 * Index of the paragraph holding `offset`: the first whose end is at or after it, so an offset
 * at a paragraph's end (where its '\n' is) belongs to that paragraph. Binary search over spans
 * sorted by start; 0 when there are none.
 */
export function paragraphIndexAt(paragraphs: readonly TextSpan[], offset: number): number {
  let lo = 0
  let hi = paragraphs.length - 1
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (paragraphs[mid].end < offset) lo = mid + 1
    else hi = mid
  }
  return lo
}

/**
 * The ProseMirror range { from, to } of plain-text [start, end), for `setTextSelection`,
 * `addMark` or `scrollIntoView`.
 * @example textRangeToPmRange(paragraphs, coding.start, coding.end)
 */
export function textRangeToPmRange(paragraphs: readonly TextSpan[], start: number, end: number): { from: number; to: number } {
  if (Number.isInteger(start) && Number.isInteger(end) && start > end) {
    throw badInput('start is after end', [{ path: 'start', message: `${start} > ${end}` }])
  }
  return { from: textOffsetToPmPos(paragraphs, start), to: textOffsetToPmPos(paragraphs, end) }
}

/**
 * The plain-text offset of a ProseMirror position. Positions between paragraphs map to the start
 * of the next paragraph, the last position of the document to the text's length.
 */
export function pmPosToTextOffset(paragraphs: readonly TextSpan[], pos: number): number {
  checkInteger(pos, 'pos')
  if (pos < 0) throw badInput('pos is negative', [{ path: 'pos', message: `${pos} < 0` }])
  let lo = 0
  let hi = paragraphs.length
  // First paragraph i whose content ends at or after pos (content end = end + i + 1).
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (paragraphs[mid].end + mid + 1 < pos) lo = mid + 1
    else hi = mid
  }
  if (lo === paragraphs.length) return paragraphs.length ? paragraphs[paragraphs.length - 1].end : 0
  const p = paragraphs[lo]
  return Math.max(p.start, pos - lo - 1)
}
