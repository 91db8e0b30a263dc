/**
 * How coded text looks: the background tint of one code (the first in the set) and a stack of
 * coloured underlines, one per code, so that every overlapping code stays visible. Inline
 * styles on ProseMirror decorations, cached per combination of codes.
 */

export type ColorOf = (codeId: string) => string

const fallback = '#8a8f98'

/** '#4e79a7' → 'rgba(78, 121, 167, 0.25)'. Accepts #rgb and #rrggbb; anything else is grey. */
export function tint(hex: string, alpha: number): string {
  let h = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(hex) ? hex.slice(1) : fallback.slice(1)
  if (h.length === 3) h = [...h].map((c) => c + c).join('')
  const n = parseInt(h, 16)
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`
}

/** Underlines drawn, at most; further codes show in the stripes and the hover card. */
export const MAX_UNDERLINES = 4
const UNDERLINE_PX = 2

/**
 * The inline style of text carrying these codes (in mark order, duplicates by other coders
 * counted once).
 * @example styleForCodes(['c1', 'c2'], colorOf) // 'background-color: rgba(…, 0.22); box-shadow: inset 0 -2px 0 #…, inset 0 -4px 0 #…'
 */
export function styleForCodes(codeIds: readonly string[], colorOf: ColorOf): string {
  const distinct = [...new Set(codeIds)]
  if (distinct.length === 0) return ''
  const shadows = distinct.slice(0, MAX_UNDERLINES).map((id, i) => `inset 0 -${(i + 1) * UNDERLINE_PX}px 0 ${colorOf(id) || fallback}`)
  return `background-color: ${tint(colorOf(distinct[0]) || fallback, distinct.length > 1 ? 0.3 : 0.22)}; box-shadow: ${shadows.join(', ')}`
}

/** A stable, readable colour per user (carets, avatars), from their id. */
export function userColor(userId: string): string {
  const palette = ['#d9480f', '#1971c2', '#2b8a3e', '#ae3ec9', '#e67700', '#0c8599', '#c2255c', '#5f3dc4', '#5c940d', '#364fc7']
  let h = 0
  for (let i = 0; i < userId.length; i++) h = (h * 31 + userId.charCodeAt(i)) >>> 0
  return palette[h % palette.length]
}
