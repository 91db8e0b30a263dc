import * as Y from 'yjs'
import { z } from 'zod'
import { badInput } from '../../errors'
import { paragraphIndexAt } from './positions'

/**
 * Plain-text ranges anchored in a transcript Y.XmlFragment with Yjs relative positions (ED15,
 * ED16), so that something kept outside the document (a memo row) follows its passage while the
 * text is edited, as code marks do by living inside the document.
 *
 * Offsets are those of `projectDoc` (ED5): paragraphs joined by '\n', a hard break '\n', any other
 * inline leaf one U+FFFC. Isomorphic: no I/O, base64 through `btoa`/`atob` (Node ≥ 16, browsers).
 */

/** Which neighbour an offset holds on to: a range's start its following character, its end its preceding one. */
export type AnchorSide = 'start' | 'end'

/** A range's two ends as base64 of `Y.encodeRelativePosition` (stored as JSON, e.g. in `memos.anchor`). */
export interface TextAnchor {
  start: string
  end: string
}

/** For reading an anchor back from storage or the wire. */
export const textAnchorSchema = z.object({ start: z.string().min(1), end: z.string().min(1) })

export interface TextRange {
  start: number
  end: number
}

/** Where the fragment's parts sit in the plain text, read once and shared by every anchor. */
interface ParagraphLayout {
  element: Y.XmlElement
  start: number
  end: number
  /** Per child (Yjs index): plain-text offset of its first character and its length. */
  children: { type: Y.XmlElement | Y.XmlText | Y.XmlHook; start: number; length: number }[]
}

interface Layout {
  /** Per top-level child (Yjs index); null for children that are not paragraphs (ED5 skips them). */
  blocks: (ParagraphLayout | null)[]
  paragraphs: ParagraphLayout[]
  // Keyed by the Yjs type objects (identity), whatever their generic parameters.
  textStart: Map<object, number>
  paragraphOf: Map<object, ParagraphLayout>
  length: number
}

// Mirrors readFragmentText (ED5) but only needs lengths: Y.XmlText.length counts a string's UTF-16
// units and one per embed, exactly the characters toDelta gives there.
function readLayout(fragment: Y.XmlFragment): Layout {
  const blocks: (ParagraphLayout | null)[] = []
  const paragraphs: ParagraphLayout[] = []
  const textStart = new Map<object, number>()
  const paragraphOf = new Map<object, ParagraphLayout>()
  let offset = 0
  for (const block of fragment.toArray()) {
    if (!(block instanceof Y.XmlElement)) {
      blocks.push(null)
      continue
    }
    if (paragraphs.length > 0) offset += 1
    const p: ParagraphLayout = { element: block, start: offset, end: offset, children: [] }
    for (const child of block.toArray()) {
      const length = child instanceof Y.XmlText ? child.length : child instanceof Y.XmlElement ? 1 : 0
      if (child instanceof Y.XmlText) textStart.set(child, offset)
      p.children.push({ type: child, start: offset, length })
      offset += length
    }
    p.end = offset
    blocks.push(p)
    paragraphs.push(p)
    paragraphOf.set(block, p)
  }
  return { blocks, paragraphs, textStart, paragraphOf, length: offset }
}

function checkOffset(layout: Layout, offset: number, path: string): void {
  if (!Number.isInteger(offset) || offset < 0 || offset > layout.length) {
    throw badInput(`${path} is outside the text`, [{ path, message: `${offset} is not a whole number within 0..${layout.length}` }])
  }
}

/** ED15: the relative position of `offset`, holding on to the neighbour its side says. */
function positionAt(fragment: Y.XmlFragment, layout: Layout, offset: number, side: AnchorSide): Y.RelativePosition {
  // assoc ≥ 0 sticks to the item at the index (the following character), < 0 to the one before it.
  const assoc = side === 'start' ? 0 : -1
  if (layout.paragraphs.length === 0) return Y.createRelativePositionFromTypeIndex(fragment, 0, assoc)
  // start <= offset <= end, unique: paragraphs are one '\n' apart.
  const p = layout.paragraphs[paragraphIndexAt(layout.paragraphs, offset)]
  for (let i = 0; i < p.children.length; i++) {
    const c = p.children[i]
    const holds = side === 'start' ? c.start <= offset && offset < c.start + c.length : c.start < offset && offset <= c.start + c.length
    if (!holds) continue
    if (c.type instanceof Y.XmlText) return Y.createRelativePositionFromTypeIndex(c.type, offset - c.start, assoc)
    // A hard break (or other leaf): hold on to the leaf itself, in its paragraph.
    return Y.createRelativePositionFromTypeIndex(p.element, side === 'start' ? i : i + 1, assoc)
  }
  // No character of this paragraph on that side: the start sits at the paragraph's end (before its
  // '\n' or the end of the text), the end at its beginning. Hold on to the paragraph's edge.
  return Y.createRelativePositionFromTypeIndex(p.element, side === 'start' ? p.element.length : 0, assoc)
}

/** The plain-text offset of an absolute position, if its type is part of the current layout. */
function offsetIn(fragment: Y.XmlFragment, layout: Layout, type: object, index: number, assoc: number): number | undefined {
  const textStart = layout.textStart.get(type)
  if (textStart !== undefined) return textStart + Math.min(index, (type as Y.XmlText).length)
  const p = layout.paragraphOf.get(type)
  if (p) return index < p.children.length ? p.children[index].start : p.end
  if (type === fragment) {
    // Between paragraphs: a start moves to the next paragraph's start, an end back to the previous one's end.
    if (assoc >= 0) return layout.blocks.slice(index).find((b) => b !== null)?.start ?? layout.length
    return layout.blocks.slice(0, index).findLast((b) => b !== null)?.end ?? 0
  }
  return undefined
}

/** ED15: the current plain-text offset of a relative position, or null when it cannot be placed. */
function offsetOf(fragment: Y.XmlFragment, layout: Layout, rpos: Y.RelativePosition): number | null {
  const doc = fragment.doc!
  let abs = Y.createAbsolutePositionFromRelativePosition(rpos, doc)
  // A position inside a type that is no longer in the document (a deleted paragraph whose content
  // was not garbage-collected) or not a paragraph's direct child: place it where that type sits.
  for (let depth = 0; abs && depth < 64; depth++) {
    const offset = offsetIn(fragment, layout, abs.type, abs.index, rpos.assoc)
    if (offset !== undefined) return offset
    const item = abs.type._item
    if (!item) return null // a root type other than this fragment
    abs = Y.createAbsolutePositionFromRelativePosition(Y.createRelativePositionFromJSON({ item: item.id, assoc: rpos.assoc }), doc)
  }
  return null
}

function toBase64(bytes: Uint8Array): string {
  let binary = ''
  for (const b of bytes) binary += String.fromCharCode(b)
  return btoa(binary)
}

function decodePosition(fragment: Y.XmlFragment, base64: string): Y.RelativePosition | null {
  let rpos: Y.RelativePosition
  try {
    const binary = atob(base64)
    const bytes = new Uint8Array(binary.length)
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
    rpos = Y.decodeRelativePosition(bytes)
  } catch {
    return null // not base64, or not an encoded relative position: an anchor that cannot be placed
  }
  if (rpos.item === null && rpos.type === null && rpos.tname === null) return null
  // A named root type other than this fragment: Yjs would create it in the doc (doc.get) to resolve it.
  if (rpos.tname !== null && (fragment.doc!.share.get(rpos.tname) as object | undefined) !== fragment) return null
  return rpos
}

export interface TextAnchors {
  /** The text length at the time `createTextAnchors` read the fragment. */
  readonly length: number
  /** ED15: anchors [start, end). Throws `bad_input` for offsets outside 0..length or start > end. */
  anchor(start: number, end: number): TextAnchor
  /** ED15: where an anchor's ends are now, or null when either cannot be placed (ED16). */
  resolve(anchor: TextAnchor): TextRange | null
  /** ED16: the range to show for a row with an optional anchor and the offsets stored with it. */
  currentRange(anchor: TextAnchor | null, stored: TextRange): TextRange
}

/**
 * Reads the fragment's layout once for many anchors. The fragment must belong to a Y.Doc, and must
 * not change while the returned object is used: create a new one after an edit.
 * @example const anchors = createTextAnchors(doc.getXmlFragment('default')); const range = anchors.resolve(anchors.anchor(4, 9))
 */
export function createTextAnchors(fragment: Y.XmlFragment): TextAnchors {
  if (!fragment.doc) throw new Error('createTextAnchors: the fragment is not part of a Y.Doc (relative positions need its store)')
  const layout = readLayout(fragment)
  const encode = (offset: number, side: AnchorSide) => toBase64(Y.encodeRelativePosition(positionAt(fragment, layout, offset, side)))
  const place = (base64: string) => {
    const rpos = decodePosition(fragment, base64)
    return rpos ? offsetOf(fragment, layout, rpos) : null
  }
  const resolve = (anchor: TextAnchor): TextRange | null => {
    const start = place(anchor.start)
    const end = place(anchor.end)
    if (start === null || end === null) return null
    // A passage deleted as a whole leaves both ends where it was: an empty range there.
    return { start, end: Math.max(start, end) }
  }
  return {
    length: layout.length,
    anchor(start, end) {
      checkOffset(layout, start, 'start')
      checkOffset(layout, end, 'end')
      if (start > end) throw badInput('start is after end', [{ path: 'end', message: `end (${end}) is before start (${start})` }])
      return { start: encode(start, 'start'), end: encode(end, 'end') }
    },
    resolve,
    currentRange(anchor, stored) {
      const resolved = anchor ? resolve(anchor) : null
      if (resolved) return resolved
      const start = Math.min(Math.max(0, stored.start), layout.length)
      return { start, end: Math.min(Math.max(start, stored.end), layout.length) }
    },
  }
}
