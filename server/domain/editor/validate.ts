import type { Problem } from '../../errors'
import { holdsNoText } from './fragment-text'
import type { CodingSpan, Turn } from './types'

/** Input checks shared by `build-doc.ts` (ED9). Each returns every problem, not the first. */

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

export function checkTurns(turns: readonly Turn[]): Problem[] {
  const problems: Problem[] = []
  if (!Array.isArray(turns)) return [{ path: 'turns', message: 'must be an array' }]
  turns.forEach((turn, i) => {
    const path = `turns[${i}]`
    if (typeof turn !== 'object' || turn === null) {
      problems.push({ path, message: 'must be an object { speaker, text }' })
      return
    }
    if (turn.speaker !== null && typeof turn.speaker !== 'string') problems.push({ path: `${path}.speaker`, message: 'must be a string or null' })
    if (typeof turn.text !== 'string') {
      problems.push({ path: `${path}.text`, message: 'must be a string' })
      return
    }
    // '\r' would become a character inside a text node and shift every later offset on export.
    if (turn.text.includes('\r')) problems.push({ path: `${path}.text`, message: 'contains a carriage return; normalize line endings to \\n' })
    // Yjs encodes strings as UTF-8, where a lone surrogate becomes U+FFFD on every peer.
    if (LONE_SURROGATE.test(turn.text)) problems.push({ path: `${path}.text`, message: 'contains a lone UTF-16 surrogate' })
  })
  return problems
}

/** Whether offset i falls between the two halves of a surrogate pair (Yjs would corrupt both). */
function splitsSurrogatePair(text: string, i: number): boolean {
  if (i <= 0 || i >= text.length) return false
  const before = text.charCodeAt(i - 1)
  const after = text.charCodeAt(i)
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff
}

/**
 * Checks coding spans against the plain text. `requireText`: the span must cover at least one
 * character of text, since a span of line breaks only cannot carry a mark and would vanish.
 */
export function checkCodings(
  codings: readonly CodingSpan[],
  text: string,
  textBefore: Uint32Array,
  options: { requireText: boolean; path?: string },
): Problem[] {
  const problems: Problem[] = []
  const base = options.path ?? 'codings'
  if (!Array.isArray(codings)) return [{ path: base, message: 'must be an array' }]
  codings.forEach((c, i) => {
    const path = `${base}[${i}]`
    if (typeof c !== 'object' || c === null) {
      problems.push({ path, message: 'must be an object { codeId, coderId, start, end }' })
      return
    }
    if (typeof c.codeId !== 'string' || c.codeId === '') problems.push({ path: `${path}.codeId`, message: 'must be a non-empty string' })
    if (typeof c.coderId !== 'string' || c.coderId === '') problems.push({ path: `${path}.coderId`, message: 'must be a non-empty string' })
    const startOk = Number.isInteger(c.start) && c.start >= 0 && c.start <= text.length
    const endOk = Number.isInteger(c.end) && c.end >= 0 && c.end <= text.length
    if (!startOk) problems.push({ path: `${path}.start`, message: `must be an integer within 0..${text.length}, got ${c.start}` })
    if (!endOk) problems.push({ path: `${path}.end`, message: `must be an integer within 0..${text.length}, got ${c.end}` })
    if (!startOk || !endOk) return
    if (c.start >= c.end) {
      problems.push({ path, message: `start (${c.start}) must be before end (${c.end})` })
      return
    }
    if (splitsSurrogatePair(text, c.start)) problems.push({ path: `${path}.start`, message: `${c.start} splits a surrogate pair (emoji or rare character)` })
    if (splitsSurrogatePair(text, c.end)) problems.push({ path: `${path}.end`, message: `${c.end} splits a surrogate pair (emoji or rare character)` })
    if (options.requireText && holdsNoText(textBefore, c.start, c.end)) {
      problems.push({ path, message: `[${c.start}, ${c.end}) covers only line breaks` })
    }
  })
  return problems
}
