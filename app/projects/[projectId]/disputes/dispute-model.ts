/**
 * Pure helpers of the disputes page: filtering the queue, the preview of a choice (the same
 * domain functions the server applies), text segments for marks, and the keyboard map.
 */
import { chooseSpans, chooseStatus } from '@/server/domain/disputes/choose-consensus'
import type { DecisionChoice, FitStatusValue, Span } from '@/server/domain/disputes/types'
import type { listDisputes } from '@/server/services/disputes/list-disputes'

export type DisputeItem = Awaited<ReturnType<typeof listDisputes>>['items'][number]
export interface ShownVersion {
  coderId: string
  spans?: Span[]
  status?: FitStatusValue
  hidden?: boolean
}

export const versionsOf = (d: DisputeItem) => d.versions as ShownVersion[]

export interface DisputeFilters {
  state: '' | 'open' | 'decided'
  kind: string
  codeId: string
  documentId: string
  caseId: string
  /** "a,b": disputes on which these two coders' versions differ. */
  pair: string
}

export const noFilters: DisputeFilters = { state: 'open', kind: '', codeId: '', documentId: '', caseId: '', pair: '' }

function versionKey(v: ShownVersion | undefined): string {
  if (!v || v.hidden) return '?'
  return v.status ?? JSON.stringify(v.spans ?? [])
}

/** The queue after the filters, in the server's order (biggest first). */
export function filterDisputes(items: readonly DisputeItem[], f: DisputeFilters, ignoreState = false): DisputeItem[] {
  return items.filter((d) => {
    if (!ignoreState && f.state && d.state !== f.state) return false
    if (f.kind && d.kind !== f.kind) return false
    if (f.codeId && d.codeId !== f.codeId) return false
    if (f.documentId && d.documentId !== f.documentId) return false
    if (f.caseId && d.caseId !== f.caseId) return false
    if (f.pair) {
      const [a, b] = f.pair.split(',')
      const vs = versionsOf(d)
      const va = vs.find((v) => v.coderId === a)
      const vb = vs.find((v) => v.coderId === b)
      if (!va || !vb || versionKey(va) === versionKey(vb)) return false
    }
    return true
  })
}

export type Draft =
  | { choice: 'coder'; coderId: string }
  | { choice: 'union' }
  | { choice: 'intersection' }
  | { choice: 'none' }
  | { choice: 'custom'; start: number; end: number; status?: FitStatusValue }

/** What the consensus would become with this draft (null when the draft is incomplete). */
export function previewSpans(d: DisputeItem, draft: Draft | null, textLength: number): Span[] | null {
  if (!draft || d.kind === 'status') return null
  const versions = versionsOf(d)
  if (versions.some((v) => v.hidden)) return null
  try {
    return chooseSpans(versions.map((v) => ({ coderId: v.coderId, spans: v.spans ?? [] })), draft as DecisionChoice, textLength)
  } catch {
    return null
  }
}

export function previewStatus(d: DisputeItem, draft: Draft | null): FitStatusValue | null {
  if (!draft || d.kind !== 'status') return null
  try {
    return chooseStatus(versionsOf(d).map((v) => ({ coderId: v.coderId, status: v.status ?? 'none' })), draft as DecisionChoice)
  } catch {
    return null
  }
}

/** The request body of a draft. */
export function decisionBody(draft: Draft, rationale: string): Record<string, unknown> {
  return { ...draft, rationale }
}

export interface Segment {
  start: number
  end: number
  text: string
  /** Ids of the layers covering this piece. */
  ids: string[]
}

/**
 * Cuts `text` (which starts at absolute offset `offset`) where any layer's span begins or ends.
 * @example segmentText('abcdef', 10, [{ id: 'a', spans: [{ start: 11, end: 13 }] }]) // 'a' | 'bc'(a) | 'def'
 */
export function segmentText(text: string, offset: number, layers: readonly { id: string; spans: readonly Span[] }[]): Segment[] {
  const end = offset + text.length
  const cuts = new Set([offset, end])
  for (const l of layers) {
    for (const s of l.spans) {
      if (s.start > offset && s.start < end) cuts.add(s.start)
      if (s.end > offset && s.end < end) cuts.add(s.end)
    }
  }
  const sorted = [...cuts].sort((a, b) => a - b)
  const out: Segment[] = []
  for (let i = 0; i + 1 < sorted.length; i++) {
    const [a, b] = [sorted[i], sorted[i + 1]]
    const ids = layers.filter((l) => l.spans.some((s) => s.start <= a && s.end >= b)).map((l) => l.id)
    out.push({ start: a, end: b, text: text.slice(a - offset, b - offset), ids })
  }
  return out
}

/** A window around [start, end) inside [min, max). */
export function windowAround(start: number, end: number, pad: number, min: number, max: number): { start: number; end: number } {
  return { start: Math.max(min, start - pad), end: Math.min(max, end + pad) }
}

// Colour-blind-safe, distinct from the code colours' usual blues (Okabe–Ito palette).
const coderPalette = ['#E69F00', '#0072B2', '#CC79A7', '#009E73', '#D55E00', '#56B4E9', '#F0E442', '#000000']
export const coderColor = (index: number) => coderPalette[index % coderPalette.length]

export type KeyAction =
  | { type: 'next' }
  | { type: 'prev' }
  | { type: 'coder'; index: number }
  | { type: 'union' }
  | { type: 'intersection' }
  | { type: 'none' }
  | { type: 'edit' }
  | { type: 'rationale' }
  | { type: 'confirm' }

/** The single keys of the decision view (INCEpTION's curation style); null = not ours. */
export function keyAction(e: { key: string; ctrlKey?: boolean; metaKey?: boolean; altKey?: boolean }): KeyAction | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null
  switch (e.key) {
    case 'j':
    case 'ArrowDown':
      return { type: 'next' }
    case 'k':
    case 'ArrowUp':
      return { type: 'prev' }
    case 'u':
      return { type: 'union' }
    case 'i':
      return { type: 'intersection' }
    case 'n':
      return { type: 'none' }
    case 'e':
      return { type: 'edit' }
    case 'r':
      return { type: 'rationale' }
    case 'Enter':
      return { type: 'confirm' }
  }
  if (/^[1-9]$/.test(e.key)) return { type: 'coder', index: Number(e.key) - 1 }
  return null
}
