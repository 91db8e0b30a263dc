import type { Span } from './types'

/**
 * Interval sets as sorted, disjoint, non-touching lists of half-open spans. Every function
 * returns a new list in that normal form.
 */

/** Union of overlapping or touching spans (DIS1). Example: [0,5) [5,8) [10,12) → [0,8) [10,12). */
export function mergeSpans(spans: readonly Span[]): Span[] {
  const sorted = spans.filter((s) => s.end > s.start).sort((a, b) => a.start - b.start || a.end - b.end)
  const out: Span[] = []
  for (const s of sorted) {
    const last = out[out.length - 1]
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end)
    else out.push({ start: s.start, end: s.end })
  }
  return out
}

/** Characters in both sets. */
export function intersectSpans(a: readonly Span[], b: readonly Span[]): Span[] {
  const x = mergeSpans(a)
  const y = mergeSpans(b)
  const out: Span[] = []
  let i = 0
  let j = 0
  while (i < x.length && j < y.length) {
    const lo = Math.max(x[i].start, y[j].start)
    const hi = Math.min(x[i].end, y[j].end)
    if (hi > lo) out.push({ start: lo, end: hi })
    if (x[i].end < y[j].end) i++
    else j++
  }
  return mergeSpans(out)
}

/** Characters of `a` not in `b`. */
export function subtractSpans(a: readonly Span[], b: readonly Span[]): Span[] {
  const cut = mergeSpans(b)
  const out: Span[] = []
  for (const s of mergeSpans(a)) {
    let from = s.start
    for (const c of cut) {
      if (c.end <= from || c.start >= s.end) continue
      if (c.start > from) out.push({ start: from, end: c.start })
      from = Math.max(from, c.end)
    }
    if (from < s.end) out.push({ start: from, end: s.end })
  }
  return out
}

/** Total characters of a set. */
export function spanLength(spans: readonly Span[]): number {
  return mergeSpans(spans).reduce((n, s) => n + s.end - s.start, 0)
}

export function sameSpans(a: readonly Span[], b: readonly Span[]): boolean {
  const x = mergeSpans(a)
  const y = mergeSpans(b)
  return x.length === y.length && x.every((s, i) => s.start === y[i].start && s.end === y[i].end)
}
