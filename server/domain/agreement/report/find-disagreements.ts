/**
 * The drill-down of a table cell (AGR10): the passages on which the compared coders disagree
 * about one code, in the unit of the report, each with every coder's spans there, so that the
 * lead can open the transcript at the passage. Pure.
 */
import { mergeIntervals } from '../spans/intervals'
import type { Coding, Interval } from '../spans/types'
import { measureOverlap } from '../units'
import type { AgreementDocument, AgreementUnit } from './types'

export interface DisagreementPassage {
  document: string
  start: number
  end: number
  /** `presence`: some coder has nothing of the code here; `boundary`: all have it, with other limits. */
  kind: 'presence' | 'boundary'
  /** The segment id (segment unit) or the owner's segment (matched unit). */
  unit?: string
  coders: { coder: string; spans: Interval[] }[]
}

export interface DisagreementQuery {
  unit: Exclude<AgreementUnit, 'status'>
  documents: readonly AgreementDocument[]
  coders: readonly string[]
  code: string
  codings: readonly Coding[]
  threshold?: number
  overlap?: 'union' | 'shorter'
  /** At most this many passages (default 500); the rest are counted. */
  limit?: number
}

export function findDisagreements(q: DisagreementQuery): { passages: DisagreementPassage[]; total: number } {
  const limit = q.limit ?? 500
  const wanted = new Set(q.coders)
  const byDoc = new Map<string, Map<string, Interval[]>>()
  for (const c of q.codings) {
    if (c.code !== q.code || !wanted.has(c.coder)) continue
    let m = byDoc.get(c.document)
    if (!m) byDoc.set(c.document, (m = new Map()))
    m.set(c.coder, [...(m.get(c.coder) ?? []), { start: c.start, end: c.end }])
  }
  const out: DisagreementPassage[] = []
  for (const d of q.documents) {
    const raw = byDoc.get(d.id)
    const spans = q.coders.map((coder) => mergeIntervals(raw?.get(coder) ?? []))
    if (spans.every((s) => s.length === 0)) continue
    if (q.unit === 'segment') out.push(...segmentPassages(d, q.coders, spans))
    else if (q.unit === 'matched') out.push(...matchedPassages(d.id, q.coders, spans, q.threshold ?? 0.9, q.overlap ?? 'union'))
    else {
      // Document unit: a transcript disagrees when some coder never applied the code in it.
      if (q.unit === 'document' && spans.every((s) => s.length > 0)) continue
      out.push(...componentPassages(d.id, q.coders, spans, q.unit === 'document'))
    }
  }
  return { passages: out.slice(0, limit), total: out.length }
}

const within = (spans: Interval[], start: number, end: number) => spans.filter((s) => s.start < end && s.end > start)
const same = (a: Interval[], b: Interval[]) => a.length === b.length && a.every((x, i) => x.start === b[i].start && x.end === b[i].end)

/** Connected stretches of the union of everyone's spans; one passage per stretch where the coders differ. */
function componentPassages(document: string, coders: readonly string[], spans: Interval[][], all: boolean): DisagreementPassage[] {
  const union = mergeIntervals(spans.flat())
  const out: DisagreementPassage[] = []
  for (const part of union) {
    const each = spans.map((s) => within(s, part.start, part.end))
    if (!all && each.every((s) => same(s, each[0]))) continue
    out.push({ document, start: part.start, end: part.end, kind: each.some((s) => s.length === 0) ? 'presence' : 'boundary', coders: coders.map((coder, i) => ({ coder, spans: each[i] })) })
  }
  return out
}

function segmentPassages(d: AgreementDocument, coders: readonly string[], spans: Interval[][]): DisagreementPassage[] {
  const out: DisagreementPassage[] = []
  for (const s of d.segments ?? []) {
    const each = spans.map((list) => within(list, s.start, s.end))
    const present = each.map((l) => l.length > 0)
    if (present.every((p) => p === present[0])) continue
    out.push({ document: d.id, start: s.start, end: s.end, kind: 'presence', unit: s.id, coders: coders.map((coder, i) => ({ coder, spans: each[i] })) })
  }
  return out
}

/** Each coder's segment that some other coder does not match (overlap below the threshold). */
function matchedPassages(document: string, coders: readonly string[], spans: Interval[][], threshold: number, overlap: 'union' | 'shorter'): DisagreementPassage[] {
  const out: DisagreementPassage[] = []
  const seen = new Set<string>()
  spans.forEach((own, i) => {
    for (const seg of own) {
      const unmatched = spans.some((other, j) => j !== i && !other.some((o) => measureOverlap(seg, o, overlap) >= threshold - 1e-12))
      if (!unmatched) continue
      // Both sides of one mismatch often give the same stretch: list it once.
      const lo = Math.min(seg.start, ...spans.flatMap((o) => within(o, seg.start, seg.end).map((x) => x.start)))
      const hi = Math.max(seg.end, ...spans.flatMap((o) => within(o, seg.start, seg.end).map((x) => x.end)))
      const key = `${lo}-${hi}`
      if (seen.has(key)) continue
      seen.add(key)
      const each = spans.map((list) => within(list, lo, hi))
      out.push({ document, start: lo, end: hi, kind: each.some((l) => l.length === 0) ? 'presence' : 'boundary', unit: `${coders[i]}#${seg.start}-${seg.end}`, coders: coders.map((coder, k) => ({ coder, spans: each[k] })) })
    }
  })
  return out.sort((a, b) => a.start - b.start || a.end - b.end)
}
