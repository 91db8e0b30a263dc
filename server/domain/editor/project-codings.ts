import type * as Y from 'yjs'
import { holdsNoText, readFragmentText, type FragmentText } from './fragment-text'
import { readCodeMark } from './mark-keys'
import type { DocProjection, ProjectedCoding } from './types'

export { pmPosToTextOffset, textOffsetToPmPos, textRangeToPmRange, paragraphSpansOfPmDoc } from './positions'

/**
 * The transcript's plain text, paragraphs and codings as they stand in a Y.XmlFragment written by
 * the browser editor or by `build-doc.ts` (ED5, ED6, ED8). Plain data out: the server stores it as
 * rows, statistics never see the doc.
 * @example projectDoc(doc.getXmlFragment('default')).codings // [{ codeId, coderId, start, end, text }]
 */
export function projectDoc(fragment: Y.XmlFragment): DocProjection {
  const ft = readFragmentText(fragment)
  return { text: ft.text, paragraphs: ft.paragraphs, codings: projectCodings(ft) }
}

function projectCodings(ft: FragmentText): ProjectedCoding[] {
  // (codeId, coderId) → covered ranges, in reading order per Y.XmlText but not globally.
  const byPair = new Map<string, { codeId: string; coderId: string; ranges: [number, number][] }>()
  for (const piece of ft.pieces) {
    let at = piece.start
    for (const op of piece.ops) {
      const end = at + op.insert.length
      for (const [key, value] of Object.entries(op.attributes ?? {})) {
        const code = readCodeMark(key, value)
        if (!code) continue
        const pairKey = JSON.stringify([code.codeId, code.coderId])
        let entry = byPair.get(pairKey)
        if (!entry) byPair.set(pairKey, (entry = { ...code, ranges: [] }))
        entry.ranges.push([at, end])
      }
      at = end
    }
  }
  const codings: ProjectedCoding[] = []
  for (const { codeId, coderId, ranges } of byPair.values()) {
    ranges.sort((a, b) => a[0] - b[0])
    let [start, end] = ranges[0]
    const flush = () => codings.push({ codeId, coderId, start, end, text: ft.text.slice(start, end) })
    for (const [s, e] of ranges.slice(1)) {
      // Overlapping, touching, or separated only by line breaks with the mark on both sides.
      if (s <= end || holdsNoText(ft.textBefore, end, s)) {
        end = Math.max(end, e)
      } else {
        flush()
        ;[start, end] = [s, e]
      }
    }
    flush()
  }
  return codings.sort(compareCodings)
}

/** Order of projected codings: start, then codeId, then coderId (code-unit order, not locale). */
export function compareCodings(a: { start: number; codeId: string; coderId: string }, b: typeof a): number {
  if (a.start !== b.start) return a.start - b.start
  if (a.codeId !== b.codeId) return a.codeId < b.codeId ? -1 : 1
  if (a.coderId !== b.coderId) return a.coderId < b.coderId ? -1 : 1
  return 0
}
