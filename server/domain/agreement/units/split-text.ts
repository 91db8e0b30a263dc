/**
 * Predefined units cut from a transcript's text: paragraphs (speaker turns are paragraphs in
 * Concord's transcripts) and sentences. Offsets are UTF-16 code units, end exclusive, and each
 * segment is trimmed of surrounding whitespace so that it covers exactly its visible text.
 * Rules UNIT6–UNIT7 in ./SPEC.md.
 */
import type { TextSegment } from './types'

const isSpace = (ch: string) => /\s/.test(ch)

/** Trims [start, end) of whitespace and appends it (numbered `${prefix}${n}`) when non-empty. */
function pushTrimmed(out: TextSegment[], text: string, start: number, end: number, prefix: string): void {
  while (start < end && isSpace(text[start])) start++
  while (end > start && isSpace(text[end - 1])) end--
  if (end > start) out.push({ id: `${prefix}${out.length + 1}`, start, end })
}

/**
 * Paragraphs: the text split on '\n' (a '\r' before it is trimmed as whitespace); empty or
 * whitespace-only lines are skipped. Ids `p1`, `p2`, … in text order.
 *
 * @example paragraphSegments('A: 你好\nB: hi') → [{ id: 'p1', start: 0, end: 5 }, { id: 'p2', start: 6, end: 11 }]
 */
export function paragraphSegments(text: string): TextSegment[] {
  const out: TextSegment[] = []
  let start = 0
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\n') {
      pushTrimmed(out, text, start, i, 'p')
      start = i + 1
    }
  }
  return out
}

const chineseTerminators = new Set(['。', '！', '？'])
const westernTerminators = new Set(['.', '!', '?'])
/** Characters that stay with the sentence they close: more terminators, ellipses, closing quotes and brackets. */
const trailing = new Set(['。', '！', '？', '.', '!', '?', '…', '”', '’', '"', "'", '」', '』', '）', ')', '》', '】', ']'])

/**
 * Sentences: a sentence ends after a Chinese terminator (。！？) wherever it stands, after a
 * Western terminator (.!?) only when whitespace or the end of the text follows (so "3.5" and
 * "v2.0版" do not split), and at every line break. Runs of terminators and closing quotes or
 * brackets ("？！", "...", "。”") stay with their sentence. Ids `s1`, `s2`, … in text order.
 *
 * @example splitSentences('我们合作。效果好吗？Yes. OK') → 。 ends s1, ？ ends s2, ". " ends s3, s4 = "OK"
 */
export function splitSentences(text: string): TextSegment[] {
  const out: TextSegment[] = []
  let start = 0
  let i = 0
  while (i < text.length) {
    const ch = text[i]
    if (ch === '\n') {
      pushTrimmed(out, text, start, i, 's')
      start = ++i
      continue
    }
    if (chineseTerminators.has(ch) || westernTerminators.has(ch)) {
      let j = i + 1
      while (j < text.length && trailing.has(text[j])) j++
      const western = !chineseTerminators.has(ch) && ![...text.slice(i, j)].some((c) => chineseTerminators.has(c))
      if (!western || j === text.length || isSpace(text[j])) {
        pushTrimmed(out, text, start, j, 's')
        start = j
      }
      i = j
      continue
    }
    i++
  }
  pushTrimmed(out, text, start, text.length, 's')
  return out
}
