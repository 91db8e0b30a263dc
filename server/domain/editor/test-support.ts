import fc from 'fast-check'
import * as Y from 'yjs'
import type { CodingSpan, ProjectedCoding, Turn } from './types'

/** Helpers for the editor tests only (fixtures, an independent oracle, Y.Doc inspection). */

/** Characters that exercise UTF-16: CJK, an astral CJK ideograph, emoji, an accent, a hard break. */
const units = ['a', 'b', ' ', '中', '文', '访', '𠀀', '😀', '👍🏽', 'é', '\n']

export const turnArb: fc.Arbitrary<Turn> = fc.record({
  speaker: fc.option(fc.constantFrom('I', 'R1', '受访者'), { nil: null }),
  text: fc.array(fc.constantFrom(...units), { maxLength: 10 }).map((a) => a.join('')),
})

/** Offsets that do not split a surrogate pair. */
export function codePointBoundaries(text: string): number[] {
  const out = [0]
  let i = 0
  for (const ch of text) out.push((i += ch.length))
  return out
}

/** Random codings on `text` that are valid input (ED9): boundaries on code points, some text covered. */
export function codingsArb(text: string, maxLength = 8): fc.Arbitrary<CodingSpan[]> {
  const bounds = codePointBoundaries(text)
  const one = fc
    .record({
      codeId: fc.constantFrom('c1', 'c2', 'c3'),
      coderId: fc.constantFrom('u1', 'u2'),
      a: fc.nat({ max: bounds.length - 1 }),
      b: fc.nat({ max: bounds.length - 1 }),
    })
    .map(({ codeId, coderId, a, b }) => ({ codeId, coderId, start: bounds[Math.min(a, b)], end: bounds[Math.max(a, b)] }))
  return fc.array(one, { maxLength }).map((cs) => cs.filter((c) => c.start < c.end && /[^\n]/.test(text.slice(c.start, c.end))))
}

/**
 * ED7's normalization, written independently of `projectDoc` (character coverage rather than
 * interval merging): per (codeId, coderId) the covered text characters, plus every line break
 * whose nearest text characters on both sides are covered, cut into maximal runs.
 */
export function normalizeCodings(text: string, codings: readonly CodingSpan[]): ProjectedCoding[] {
  const isText = Array.from({ length: text.length }, (_, i) => text[i] !== '\n')
  const pairs = new Map<string, CodingSpan[]>()
  for (const c of codings) {
    const k = JSON.stringify([c.codeId, c.coderId])
    pairs.set(k, [...(pairs.get(k) ?? []), c])
  }
  const out: ProjectedCoding[] = []
  for (const [k, list] of pairs) {
    const [codeId, coderId] = JSON.parse(k) as [string, string]
    const covered = new Array<boolean>(text.length).fill(false)
    for (const c of list) for (let i = c.start; i < c.end; i++) if (isText[i]) covered[i] = true
    for (let i = 0; i < text.length; i++) {
      if (isText[i]) continue
      let l = i - 1
      while (l >= 0 && !isText[l]) l--
      let r = i + 1
      while (r < text.length && !isText[r]) r++
      covered[i] = l >= 0 && r < text.length && covered[l] && covered[r]
    }
    for (let i = 0; i < text.length; ) {
      if (!covered[i]) {
        i++
        continue
      }
      let j = i
      while (j < text.length && covered[j]) j++
      out.push({ codeId, coderId, start: i, end: j, text: text.slice(i, j) })
      i = j
    }
  }
  return out.sort((a, b) => a.start - b.start || (a.codeId < b.codeId ? -1 : a.codeId > b.codeId ? 1 : 0) || (a.coderId < b.coderId ? -1 : a.coderId > b.coderId ? 1 : 0))
}

/** A fragment as nested plain data: elements with attributes, texts as Yjs deltas. */
export function dumpFragment(type: Y.XmlFragment | Y.XmlElement): unknown[] {
  return type.toArray().map((child) =>
    child instanceof Y.XmlText
      ? { delta: child.toDelta() }
      : child instanceof Y.XmlElement
        ? { name: child.nodeName, attrs: child.getAttributes(), children: dumpFragment(child) }
        : { other: String(child) },
  )
}

/**
 * Null if the update only adds format items and deletes nothing but format items (what a layer
 * may send, DESIGN.md), otherwise the reason. `before` is a copy of the doc taken before the
 * update (after it, deleted items have lost their content to garbage collection).
 */
export function formatOnlyProblem(before: Y.Doc, update: Uint8Array): string | null {
  const { structs, ds } = Y.decodeUpdate(update)
  for (const s of structs) {
    if (!(s instanceof Y.Item) || !(s.content instanceof Y.ContentFormat)) return `non-format struct ${s.constructor.name}`
  }
  for (const [client, ranges] of ds.clients) {
    const list = before.store.clients.get(client) ?? []
    for (const { clock, len } of ranges) {
      for (const it of list) {
        const overlaps = it.id.clock < clock + len && it.id.clock + it.length > clock
        if (overlaps && !it.deleted && !(it instanceof Y.Item && it.content instanceof Y.ContentFormat)) return 'deletes a non-format item'
      }
    }
  }
  return null
}

/** A copy of a doc, to compare an update against the state it was made on. */
export function copyDoc(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc()
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
  return copy
}

/** Records the updates a doc emits while `fn` runs. */
export function captureUpdates(doc: Y.Doc, fn: () => void): Uint8Array[] {
  const updates: Uint8Array[] = []
  const listen = (u: Uint8Array) => updates.push(u)
  doc.on('update', listen)
  try {
    fn()
  } finally {
    doc.off('update', listen)
  }
  return updates
}
