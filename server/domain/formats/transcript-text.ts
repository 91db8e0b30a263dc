/**
 * Turns plain interview text into speaker turns. A line that starts with a short label
 * followed by a colon (full-width "：" or ":") opens a new turn: `访谈者：`, `受访者A：`,
 * `Interviewer:`, `A:`. Lines without a label continue the current turn as a new paragraph
 * of the same speaker. Pure: used by import (server) and the paste preview (browser).
 */
export interface Turn {
  speaker: string | null
  text: string
}

// A label is at most 24 characters, no sentence punctuation, and not a time like "10:30".
const LABEL = /^\s*([^\s:：。，,.!?！？;；()（）\d][^:：。，,.!?！？;；]{0,23}?)\s*[:：]\s*(.*)$/
const TIMESTAMP = /^\s*\[?\d{1,2}:\d{2}(:\d{2})?\]?\s*/

export function parseTurns(raw: string): Turn[] {
  const text = raw.replace(/\r\n?/g, '\n').replace(/\u00a0/g, ' ')
  const turns: Turn[] = []
  for (const rawLine of text.split('\n')) {
    const line = rawLine.replace(TIMESTAMP, '').trim()
    if (!line) continue
    const m = line.match(LABEL)
    if (m && m[2].trim() !== '' && !/^https?$/i.test(m[1])) {
      turns.push({ speaker: m[1].trim(), text: m[2].trim() })
    } else {
      const prev = turns[turns.length - 1]
      turns.push({ speaker: prev ? prev.speaker : null, text: line })
    }
  }
  return turns
}

/** Light Markdown clean-up before turn parsing: headings, emphasis, list bullets, block quotes. */
export function stripMarkdown(md: string): string {
  return md
    .replace(/^\s{0,3}#{1,6}\s+/gm, '')
    .replace(/^\s*>\s?/gm, '')
    .replace(/^\s*[-*+]\s+/gm, '')
    .replace(/(\*\*|__)(.*?)\1/g, '$2')
    .replace(/(\*|_)(.*?)\1/g, '$2')
    .replace(/`([^`]*)`/g, '$1')
}
