import { makeFingerprint } from './fingerprint'
import { intersectSpans, mergeSpans, spanLength } from './intervals'
import type { AgreedUnit, CodedSpan, DetectedSpanDispute, Span, SpanVersion } from './types'

export interface SpanDetectionInput {
  documentId: string
  /** The round's coders, in the order versions are listed (DIS7). */
  coders: readonly string[]
  /** Codings of the coders' independent layers; `coderId` is the layer's coder. */
  codings: readonly CodedSpan[]
  /** Boundary differences up to this many characters are agreement (DIS4, DIS5). */
  tolerance: number
}

export interface SpanDetectionResult {
  disputes: DetectedSpanDispute[]
  agreed: AgreedUnit[]
}

interface Unit {
  codeId: string
  start: number
  end: number
  byCoder: Map<string, Span[]>
}

/**
 * Finds the presence and boundary disputes of one transcript and the units every coder coded
 * alike (DIS1–DIS10).
 * @example detectSpanDisputes({ documentId: 't1', coders: ['a', 'b'], tolerance: 5, codings: [{ codeId: 'c', coderId: 'a', start: 0, end: 10 }] })
 *   // → one presence dispute: b has nothing at [0, 10)
 */
export function detectSpanDisputes(input: SpanDetectionInput): SpanDetectionResult {
  const tolerance = Math.max(0, input.tolerance)
  const disputes: DetectedSpanDispute[] = []
  const agreed: AgreedUnit[] = []
  for (const unit of findUnits(input)) {
    const versions: SpanVersion[] = input.coders.map((coderId) => ({ coderId, spans: unit.byCoder.get(coderId) ?? [] }))
    const kind = classifyUnit(versions, tolerance)
    const fingerprintOf = (k: string) =>
      makeFingerprint(k, input.documentId, unit.codeId, [...versions].sort((a, b) => cmp(a.coderId, b.coderId)).map((v) => [v.coderId, v.spans.map((s) => [s.start, s.end])]))
    if (kind === 'agreed') {
      agreed.push({ documentId: input.documentId, codeId: unit.codeId, start: unit.start, end: unit.end, versions, spans: agreedSpans(versions), fingerprint: fingerprintOf('agreed') })
      continue
    }
    disputes.push({
      kind,
      documentId: input.documentId,
      codeId: unit.codeId,
      start: unit.start,
      end: unit.end,
      versions,
      magnitude: spanMagnitude(versions),
      fingerprint: fingerprintOf(kind),
    })
  }
  return { disputes: sortDisputes(disputes), agreed }
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** Per code: each coder's merged spans (DIS1), linked into units by shared characters (DIS2). */
function findUnits(input: SpanDetectionInput): Unit[] {
  const coders = new Set(input.coders)
  const byCode = new Map<string, Map<string, Span[]>>()
  for (const c of input.codings) {
    if (!coders.has(c.coderId) || !(c.end > c.start)) continue
    let byCoder = byCode.get(c.codeId)
    if (!byCoder) byCode.set(c.codeId, (byCoder = new Map()))
    byCoder.set(c.coderId, [...(byCoder.get(c.coderId) ?? []), { start: c.start, end: c.end }])
  }
  const units: Unit[] = []
  for (const [codeId, byCoder] of [...byCode].sort((a, b) => cmp(a[0], b[0]))) {
    const tagged = [...byCoder].flatMap(([coderId, spans]) => mergeSpans(spans).map((s) => ({ coderId, ...s })))
    tagged.sort((a, b) => a.start - b.start || a.end - b.end)
    let current: Unit | null = null
    for (const s of tagged) {
      // Sorted by start, a span joins the current unit iff it shares a character with it.
      if (current && s.start < current.end) {
        current.end = Math.max(current.end, s.end)
      } else {
        current = { codeId, start: s.start, end: s.end, byCoder: new Map() }
        units.push(current)
      }
      current.byCoder.set(s.coderId, [...(current.byCoder.get(s.coderId) ?? []), { start: s.start, end: s.end }])
    }
  }
  return units
}

function classifyUnit(versions: SpanVersion[], tolerance: number): 'presence' | 'boundary' | 'agreed' {
  if (versions.some((v) => v.spans.length === 0)) return 'presence'
  const count = versions[0].spans.length
  if (versions.some((v) => v.spans.length !== count)) return 'boundary'
  for (let i = 0; i < count; i++) {
    const starts = versions.map((v) => v.spans[i].start)
    const ends = versions.map((v) => v.spans[i].end)
    if (Math.max(...starts) - Math.min(...starts) > tolerance || Math.max(...ends) - Math.min(...ends) > tolerance) return 'boundary'
  }
  return 'agreed'
}

/** DIS6: span by span, the smallest start and the largest end. */
function agreedSpans(versions: SpanVersion[]): Span[] {
  return mergeSpans(
    versions[0].spans.map((_, i) => ({
      start: Math.min(...versions.map((v) => v.spans[i].start)),
      end: Math.max(...versions.map((v) => v.spans[i].end)),
    })),
  )
}

/** DIS8: characters coded by some but not all coders. */
export function spanMagnitude(versions: readonly SpanVersion[]): number {
  if (versions.length === 0) return 0
  const union = mergeSpans(versions.flatMap((v) => v.spans))
  const common = versions.slice(1).reduce<Span[]>((acc, v) => intersectSpans(acc, v.spans), mergeSpans(versions[0].spans))
  return spanLength(union) - spanLength(common)
}

/** DIS9: biggest first, then document, start, code. */
export function sortDisputes<T extends { magnitude: number; documentId?: string | null; start?: number | null; codeId: string }>(list: T[]): T[] {
  return list.sort(
    (a, b) =>
      b.magnitude - a.magnitude || cmp(a.documentId ?? '', b.documentId ?? '') || (a.start ?? 0) - (b.start ?? 0) || cmp(a.codeId, b.codeId),
  )
}
