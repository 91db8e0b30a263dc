import type { DocProjection } from '../editor/types'

/**
 * Comparing two states of a transcript (a stored version and now) for the history panel: a
 * paragraph diff (speaker + text) and a coding diff keyed by what was coded rather than where,
 * so that an insertion earlier in the text does not make every later coding look changed.
 */

export interface ParagraphText {
  speaker: string | null
  text: string
}

export type ParagraphChange = ParagraphText & { kind: 'same' | 'added' | 'removed' }

export interface CodingText {
  codeId: string
  coderId: string
  start: number
  end: number
  text: string
}

export interface CodingDiff {
  added: CodingText[]
  removed: CodingText[]
}

export interface VersionComparison {
  paragraphs: ParagraphChange[]
  codings: CodingDiff
  counts: { paragraphsAdded: number; paragraphsRemoved: number; codingsAdded: number; codingsRemoved: number }
  changed: boolean
}

/** Cells of the LCS table we allow before falling back to "replace the middle" (HIS2). */
const maxCells = 4_000_000

const keyOf = (p: ParagraphText) => `${p.speaker ?? '\u0000'}\u0001${p.text}`

/**
 * Paragraph diff (HIS1, HIS2): every paragraph once, in reading order, `same`/`removed`/`added`.
 * @example diffParagraphs([{ speaker: 'I', text: 'a' }], [{ speaker: 'I', text: 'b' }]) // removed a, added b
 */
export function diffParagraphs(from: readonly ParagraphText[], to: readonly ParagraphText[]): ParagraphChange[] {
  const a = from.map(keyOf)
  const b = to.map(keyOf)
  let head = 0
  while (head < a.length && head < b.length && a[head] === b[head]) head++
  let tail = 0
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++
  const out: ParagraphChange[] = []
  for (let i = 0; i < head; i++) out.push({ ...from[i], kind: 'same' })
  const n = a.length - head - tail
  const m = b.length - head - tail
  if (n * m > maxCells) {
    for (let i = 0; i < n; i++) out.push({ ...from[head + i], kind: 'removed' })
    for (let j = 0; j < m; j++) out.push({ ...to[head + j], kind: 'added' })
  } else {
    // lcs[i][j] = LCS length of a[head+i..] and b[head+j..], in one flat array.
    const w = m + 1
    const lcs = new Uint32Array((n + 1) * w)
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        lcs[i * w + j] = a[head + i] === b[head + j] ? lcs[(i + 1) * w + j + 1] + 1 : Math.max(lcs[(i + 1) * w + j], lcs[i * w + j + 1])
      }
    }
    let i = 0
    let j = 0
    while (i < n || j < m) {
      if (i < n && j < m && a[head + i] === b[head + j]) {
        out.push({ ...from[head + i], kind: 'same' })
        i++
        j++
      } else if (i < n && (j === m || lcs[(i + 1) * w + j] >= lcs[i * w + j + 1])) {
        // Removals before additions: a changed paragraph reads "old, then new".
        out.push({ ...from[head + i], kind: 'removed' })
        i++
      } else {
        out.push({ ...to[head + j], kind: 'added' })
        j++
      }
    }
  }
  for (let k = a.length - tail; k < a.length; k++) out.push({ ...from[k], kind: 'same' })
  return out
}

const codingKey = (c: CodingText) => JSON.stringify([c.codeId, c.coderId, c.text])

/** The items of `list` left over after matching each against one equal item of `other`. */
function unmatched(list: readonly CodingText[], other: readonly CodingText[]): CodingText[] {
  const available = new Map<string, number>()
  for (const c of other) available.set(codingKey(c), (available.get(codingKey(c)) ?? 0) + 1)
  return list.filter((c) => {
    const left = available.get(codingKey(c)) ?? 0
    if (left === 0) return true
    available.set(codingKey(c), left - 1)
    return false
  })
}

/** Coding diff as multisets of (codeId, coderId, text) (HIS3). */
export function diffCodings(from: readonly CodingText[], to: readonly CodingText[]): CodingDiff {
  return { added: unmatched(to, from), removed: unmatched(from, to) }
}

/** The paragraphs of a projection as speaker + text. */
export function paragraphTexts(p: Pick<DocProjection, 'text' | 'paragraphs'>): ParagraphText[] {
  return p.paragraphs.map((s) => ({ speaker: s.speaker, text: p.text.slice(s.start, s.end) }))
}

/** Both diffs and their counts, from `from` (e.g. the version) to `to` (e.g. now) (HIS4). */
export function compareVersions(from: DocProjection, to: DocProjection): VersionComparison {
  const paragraphs = diffParagraphs(paragraphTexts(from), paragraphTexts(to))
  const strip = (c: CodingText): CodingText => ({ codeId: c.codeId, coderId: c.coderId, start: c.start, end: c.end, text: c.text })
  const codings = diffCodings(from.codings.map(strip), to.codings.map(strip))
  const counts = {
    paragraphsAdded: paragraphs.filter((p) => p.kind === 'added').length,
    paragraphsRemoved: paragraphs.filter((p) => p.kind === 'removed').length,
    codingsAdded: codings.added.length,
    codingsRemoved: codings.removed.length,
  }
  return { paragraphs, codings, counts, changed: Object.values(counts).some((n) => n > 0) }
}
