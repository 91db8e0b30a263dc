import * as Y from 'yjs'
import { Mark, type Node as PmNode } from '@tiptap/pm/model'
import { prosemirrorToYXmlFragment } from '@tiptap/y-tiptap'
import { badInput } from '../../errors'
import { CODE_MARK_NAME, TRANSCRIPT_FIELD, getTranscriptSchema } from './extensions'
import { readFragmentText, type FragmentText, type TextPiece } from './fragment-text'
import { codeMarkAttrs, codeMarkKey, readCodeMark } from './mark-keys'
import type { CodingSpan, Turn } from './types'
import { checkCodings, checkTurns } from './validate'

/**
 * Writing transcripts and codes into Y.Docs the way the browser editor (Tiptap Collaboration +
 * y-tiptap) writes them, so that an editor opening the doc shows the codes and can remove them.
 * Offsets are those of `projectDoc` (ED5).
 */

/** `textBefore` for a text whose only non-text characters are '\n' (paragraph or hard breaks). */
function textBeforeOf(text: string): Uint32Array {
  const before = new Uint32Array(text.length + 1)
  for (let i = 0; i < text.length; i++) before[i + 1] = before[i] + (text.charCodeAt(i) === 10 ? 0 : 1)
  return before
}

/**
 * A fresh Y.Doc whose `getXmlFragment('default')` holds one paragraph per turn, with `speaker`,
 * hard breaks for '\n' inside a turn, and the given code marks (ED4). Throws `bad_input` listing
 * every invalid turn and coding (ED9).
 * @example buildTranscriptDoc([{ speaker: 'I', text: 'Why?' }], [{ codeId: 'c1', coderId: 'u1', start: 0, end: 3 }])
 */
export function buildTranscriptDoc(turns: readonly Turn[], codings: readonly CodingSpan[] = []): Y.Doc {
  const turnProblems = checkTurns(turns)
  if (turnProblems.length) throw badInput('invalid transcript turns', turnProblems)
  const text = turns.map((t) => t.text).join('\n')
  const codingProblems = checkCodings(codings, text, textBeforeOf(text), { requireText: true })
  if (codingProblems.length) throw badInput('invalid codings', codingProblems)

  const schema = getTranscriptSchema()
  const marks = codings.map((c) => schema.mark(CODE_MARK_NAME, { codeId: c.codeId, coderId: c.coderId }))
  const paragraphs: PmNode[] = []
  let offset = 0
  for (const turn of turns) {
    const start = offset
    const end = offset + turn.text.length
    const inTurn = codings.map((c, i) => ({ c, mark: marks[i] })).filter(({ c }) => c.start < end && c.end > start)
    const cuts = new Set([start, end])
    for (let j = turn.text.indexOf('\n'); j !== -1; j = turn.text.indexOf('\n', j + 1)) cuts.add(start + j).add(start + j + 1)
    for (const { c } of inTurn) {
      if (c.start > start) cuts.add(c.start)
      if (c.end < end) cuts.add(c.end)
    }
    const sorted = [...cuts].sort((a, b) => a - b)
    const content: PmNode[] = []
    for (let k = 0; k + 1 < sorted.length; k++) {
      const [a, b] = [sorted[k], sorted[k + 1]]
      if (text.charCodeAt(a) === 10) {
        content.push(schema.nodes.hardBreak.create())
        continue
      }
      let set = Mark.none
      for (const { c, mark } of inTurn) if (c.start <= a && c.end >= b) set = mark.addToSet(set)
      content.push(schema.text(text.slice(a, b), set))
    }
    paragraphs.push(schema.nodes.paragraph.create({ speaker: turn.speaker }, content))
    offset = end + 1
  }
  const doc = new Y.Doc()
  // y-tiptap's own writer, so node attributes, text splits and mark keys are exactly its own.
  prosemirrorToYXmlFragment(schema.topNodeType.create(null, paragraphs), doc.getXmlFragment(TRANSCRIPT_FIELD))
  return doc
}

/** The parts of Y.XmlText pieces that lie in [start, end), in piece-local offsets. */
function slicesIn(ft: FragmentText, start: number, end: number): { piece: TextPiece; from: number; length: number }[] {
  const slices: { piece: TextPiece; from: number; length: number }[] = []
  for (const piece of ft.pieces) {
    const from = Math.max(start, piece.start)
    const to = Math.min(end, piece.start + piece.length)
    if (from < to) slices.push({ piece, from: from - piece.start, length: to - from })
  }
  return slices
}

/**
 * The keys under which this code sits anywhere in [from, from + length) of a piece (piece-local
 * offsets), and whether its canonical key covers the whole slice.
 */
function findCodeKeys(piece: TextPiece, from: number, length: number, want: { codeId: string; coderId: string }): { keys: Set<string>; throughout: boolean } {
  const canonicalKey = codeMarkKey(want.codeId, want.coderId)
  const keys = new Set<string>()
  let throughout = true
  let at = 0
  for (const op of piece.ops) {
    const opEnd = at + op.insert.length
    if (at < from + length && opEnd > from) {
      let here = false
      for (const [key, value] of Object.entries(op.attributes ?? {})) {
        const code = readCodeMark(key, value)
        if (!code || code.codeId !== want.codeId || code.coderId !== want.coderId) continue
        keys.add(key)
        here ||= key === canonicalKey
      }
      throughout &&= here
    }
    at = opEnd
  }
  return { keys, throughout }
}

/**
 * Adds code marks to an existing transcript doc in one Yjs transaction (ED10): only format
 * items are written, under the keys y-tiptap uses, so it is a valid layer update. Adding a code
 * that is already there changes nothing. Throws `bad_input` listing every invalid coding.
 * @example addCodingsToDoc(consensusDoc, [{ codeId, coderId: leadId, start, end }], { origin: 'arbitration' })
 */
export function addCodingsToDoc(doc: Y.Doc, codings: readonly CodingSpan[], options: { origin?: unknown } = {}): void {
  const ft = readFragmentText(doc.getXmlFragment(TRANSCRIPT_FIELD))
  const problems = checkCodings(codings, ft.text, ft.textBefore, { requireText: true })
  if (problems.length) throw badInput('invalid codings', problems)
  doc.transact(() => {
    for (const c of codings) {
      const key = codeMarkKey(c.codeId, c.coderId)
      for (const { piece, from, length } of slicesIn(ft, c.start, c.end)) {
        // Yjs would re-write format items that are already there (delete + insert): skip them.
        if (findCodeKeys(piece, from, length, c).throughout) continue
        piece.ytext.format(from, length, { [key]: codeMarkAttrs(c.codeId, c.coderId) })
      }
    }
  }, options.origin ?? null)
}

/**
 * Removes one code of one coder from [start, end) in one Yjs transaction (ED11), whatever key it
 * is stored under, leaving other codes and the code's parts outside the range. Returns whether
 * anything was removed.
 */
export function removeCodingFromDoc(doc: Y.Doc, coding: CodingSpan, options: { origin?: unknown } = {}): boolean {
  const ft = readFragmentText(doc.getXmlFragment(TRANSCRIPT_FIELD))
  const problems = checkCodings([coding], ft.text, ft.textBefore, { requireText: false, path: 'coding' })
  if (problems.length) throw badInput('invalid coding', problems.map((p) => ({ ...p, path: p.path.replace('coding[0]', 'coding') })))
  let removed = false
  doc.transact(() => {
    for (const { piece, from, length } of slicesIn(ft, coding.start, coding.end)) {
      const { keys } = findCodeKeys(piece, from, length, coding)
      if (keys.size === 0) continue
      piece.ytext.format(from, length, Object.fromEntries([...keys].map((k) => [k, null])))
      removed = true
    }
  }, options.origin ?? null)
  return removed
}
