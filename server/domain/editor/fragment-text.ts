import * as Y from 'yjs'
import type { ParagraphSpan } from './types'

/**
 * Reads a transcript Y.XmlFragment as plain text (ED5), keeping for every Y.XmlText where its
 * characters sit in that text, so that projection and mark edits share one offset scheme.
 * Internal to the editor module.
 */

export interface DeltaOp {
  insert: string
  attributes?: Record<string, unknown>
}

/** A Y.XmlText child of a paragraph and the plain-text offset of its first character. */
export interface TextPiece {
  start: number
  length: number
  ytext: Y.XmlText
  ops: DeltaOp[]
}

export interface FragmentText {
  text: string
  paragraphs: ParagraphSpan[]
  pieces: TextPiece[]
  /** `textBefore[i]` = characters before offset i that belong to a Y.XmlText (not line breaks). */
  textBefore: Uint32Array
}

// Inline leaf nodes are one ProseMirror position wide; one character each keeps offsets and
// positions in step. Only hardBreak exists in the schema; anything else is an object placeholder.
const HARD_BREAK = 'hardBreak'
const OBJECT_REPLACEMENT = '\uFFFC'

export function readFragmentText(fragment: Y.XmlFragment): FragmentText {
  const parts: string[] = []
  const paragraphs: ParagraphSpan[] = []
  const pieces: TextPiece[] = []
  let offset = 0
  for (const block of fragment.toArray()) {
    // A top-level Y.XmlText is not a ProseMirror block; y-tiptap would not show it either.
    if (!(block instanceof Y.XmlElement)) continue
    if (paragraphs.length > 0) {
      parts.push('\n')
      offset += 1
    }
    const start = offset
    for (const child of block.toArray()) {
      if (child instanceof Y.XmlText) {
        const ops = (child.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]).map((op) => ({
          insert: typeof op.insert === 'string' ? op.insert : OBJECT_REPLACEMENT,
          attributes: op.attributes,
        }))
        const str = ops.map((op) => op.insert).join('')
        pieces.push({ start: offset, length: str.length, ytext: child, ops })
        parts.push(str)
        offset += str.length
      } else if (child instanceof Y.XmlElement) {
        parts.push(child.nodeName === HARD_BREAK ? '\n' : OBJECT_REPLACEMENT)
        offset += 1
      }
    }
    const speaker = block.getAttribute('speaker') as unknown
    paragraphs.push({ index: paragraphs.length, start, end: offset, speaker: typeof speaker === 'string' ? speaker : null })
  }
  const text = parts.join('')
  const textBefore = new Uint32Array(text.length + 1)
  const isText = new Uint8Array(text.length)
  for (const p of pieces) isText.fill(1, p.start, p.start + p.length)
  for (let i = 0; i < text.length; i++) textBefore[i + 1] = textBefore[i] + isText[i]
  return { text, paragraphs, pieces, textBefore }
}

/** Whether [start, end) holds no Y.XmlText character, only paragraph breaks and inline leaves. */
export function holdsNoText(textBefore: Uint32Array, start: number, end: number): boolean {
  return textBefore[end] - textBefore[start] === 0
}
