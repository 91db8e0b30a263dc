/**
 * What a citable report pins (stored in `agreement_reports.snapshot`): the exact codings rows,
 * documents (lengths, text hashes, segments), statuses, coders and codes it used, and, per coder
 * layer, where the layer stood (its update log position and, when the sync server is running, a
 * hash of its Yjs state). Regeneration rebuilds the computation's input from this alone.
 */
import { inArray, max } from 'drizzle-orm'
import type { Db } from '../../../db/client'
import { yjsUpdates } from '../../../db/schema'
import type { LiveDocs } from '../../context'
import type { AgreementInput, FitStatusValue } from '../../domain/agreement/report'
import { createHash } from 'node:crypto'
import { layerRoom } from '../../realtime-rooms'
import pkg from '../../../package.json'
import type { AgreementQuery } from './agreement-query'
import type { AgreementData } from './load-agreement-data'

export const software = { name: 'Concord', version: pkg.version }

export interface LayerPin {
  room: string
  transcriptId: string
  coderId: string
  codings: number
  /** Id of the last stored update of the layer (its log position), null if it never stored one. */
  lastUpdateId: number | null
  /** SHA-256 of the layer's Yjs state (`Y.encodeStateAsUpdate`) when read from the sync server. */
  stateHash: string | null
  stateBytes: number | null
}

export interface PinnedSnapshot {
  id: string
  software: { name: string; version: string }
  round: { id: string; name: string }
  query: AgreementQuery
  documents: { id: string; title: string; caseId: string | null; length: number; textHash: string; segments?: [string, number, number][] }[]
  coders: { id: string; name: string }[]
  codes: { id: string; key: string | null; name: { zh: string; en: string }; color: string }[]
  codings: [string, string, string, number, number][]
  statuses: [string, string, string, FitStatusValue][]
  layers: LayerPin[]
  notes: string[]
}

/** Layer states are hashed through the sync server for rounds up to this many layers (each read loads the layer). */
const maxHashedLayers = 200

export async function pinSnapshot(db: Db, live: LiveDocs | null, round: { id: string; name: string }, query: AgreementQuery, data: AgreementData): Promise<PinnedSnapshot> {
  const { input, labels } = data
  const layers = input.documents.flatMap((d) => input.coders.map((coderId) => ({ room: layerRoom(d.id, coderId), transcriptId: d.id, coderId })))
  const positions = layers.length
    ? await db
        .select({ room: yjsUpdates.docName, last: max(yjsUpdates.id) })
        .from(yjsUpdates)
        .where(inArray(yjsUpdates.docName, layers.map((l) => l.room)))
        .groupBy(yjsUpdates.docName)
    : []
  const lastOf = new Map(positions.map((p) => [p.room, p.last === null ? null : Number(p.last)]))
  const counts = new Map<string, number>()
  for (const c of input.codings) counts.set(layerRoom(c.document, c.coder), (counts.get(layerRoom(c.document, c.coder)) ?? 0) + 1)
  const pins: LayerPin[] = []
  for (const l of layers) {
    let stateHash: string | null = null
    let stateBytes: number | null = null
    if (live && layers.length <= maxHashedLayers) {
      const state = await live.readState(l.room)
      stateHash = createHash('sha256').update(state).digest('hex')
      stateBytes = state.byteLength
    }
    pins.push({ ...l, codings: counts.get(l.room) ?? 0, lastUpdateId: lastOf.get(l.room) ?? null, stateHash, stateBytes })
  }
  return {
    id: data.snapshotId,
    software,
    round,
    query,
    documents: input.documents.map((d) => ({
      id: d.id,
      title: labels.transcripts[d.id]?.title ?? d.id,
      caseId: d.caseId ?? null,
      length: d.length,
      textHash: data.textHashes[d.id],
      ...(d.segments ? { segments: d.segments.map((s) => [s.id, s.start, s.end] as [string, number, number]) } : {}),
    })),
    coders: input.coders.map((id) => ({ id, name: labels.coders[id] ?? id })),
    codes: input.codes.map((id) => ({ id, ...(labels.codes[id] ?? { key: null, name: { zh: id, en: id }, color: '#999999' }) })),
    codings: input.codings.map((c) => [c.document, c.coder, c.code, c.start, c.end]),
    statuses: (input.statuses ?? []).map((s) => [s.caseId, s.codeId, s.coderId, s.status]),
    layers: pins,
    notes: data.notes,
  }
}

/** The computation's input, rebuilt from a pinned snapshot alone. */
export function inputFromSnapshot(s: PinnedSnapshot): AgreementInput {
  return {
    unit: s.query.unit,
    documents: s.documents.map((d) => ({ id: d.id, length: d.length, caseId: d.caseId, ...(d.segments ? { segments: d.segments.map(([id, start, end]) => ({ id, start, end })) } : {}) })),
    coders: s.coders.map((c) => c.id),
    codes: s.codes.map((c) => c.id),
    codings: s.codings.map(([document, coder, code, start, end]) => ({ document, coder, code, start, end })),
    statuses: s.statuses.map(([caseId, codeId, coderId, status]) => ({ caseId, codeId, coderId, status })),
    threshold: s.query.threshold,
    overlap: s.query.overlap,
    bootstrap: s.query.bootstrap,
    seed: s.query.seed,
  }
}

/** The labels a report shows, from its snapshot. */
export function labelsFromSnapshot(s: PinnedSnapshot): AgreementData['labels'] {
  return {
    coders: Object.fromEntries(s.coders.map((c) => [c.id, c.name])),
    codes: Object.fromEntries(s.codes.map((c) => [c.id, { key: c.key, name: c.name, color: c.color }])),
    transcripts: Object.fromEntries(s.documents.map((d) => [d.id, { title: d.title, caseId: d.caseId }])),
  }
}
