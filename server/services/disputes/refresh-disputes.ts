/**
 * Dispute detection for a revealed round (issue 6; called by the reveal, the demo seed and the
 * CLI): detects every disagreement between the round's coders, stores new disputes, keeps known
 * ones with their decisions, supersedes those no longer found (DIS23), and merges the agreed
 * units into the consensus (DIS24), like INCEpTION's curation auto-merge.
 */
import { and, eq, inArray, isNotNull, isNull, notInArray } from 'drizzle-orm'
import type { Db } from '../../../db/client'
import { codings, consensusMerges, disputes, fitStatuses, projects } from '../../../db/schema'
import type { LiveDocs } from '../../context'
import type { ProjectEvents } from '../../events'
import { detectSpanDisputes } from '../../domain/disputes/detect-span-disputes'
import { detectStatusDisputes } from '../../domain/disputes/detect-status-disputes'
import { mergeSpans, subtractSpans } from '../../domain/disputes/intervals'
import type { AgreedUnit, CodedSpan, DetectedDispute, FitStatusValue } from '../../domain/disputes/types'
import { newId } from '../../ids'
import { textRoom } from '../../realtime-rooms'
import { editDocCodings, readDocProjection } from '../documents/edit-stored-codings'
import { consensusOwner, loadRound } from './round-data'

export interface RefreshResult {
  /** Disputes found now (open or decided). */
  detected: number
  created: number
  superseded: number
  /** Agreed units merged into the consensus by this call. */
  merged: number
}

const empty: RefreshResult = { detected: 0, created: 0, superseded: 0, merged: 0 }

/**
 * Detects and stores the disputes of a revealed round and merges its agreed codings into the
 * consensus. A blind round is left alone (detection would reveal what coders did). Safe to call
 * again at any time: nothing is duplicated.
 * @example await refreshDisputesForRound(ctx.db, ctx.live, projectId, roundId, { events: ctx.events })
 */
export async function refreshDisputesForRound(
  db: Db,
  live: LiveDocs | null,
  projectId: string,
  roundId: string,
  options: { events?: ProjectEvents } = {},
): Promise<RefreshResult> {
  const round = await loadRound(db, projectId, roundId)
  if (round.state !== 'revealed' || round.coderIds.length < 2 || round.documents.length === 0) return { ...empty }
  await live?.settleCodings(projectId) // rows include what the live documents have received
  const [project] = await db.select({ settings: projects.settings }).from(projects).where(eq(projects.id, projectId))
  const tolerance = project?.settings.boundaryTolerance ?? 0
  const docIds = round.documents.map((d) => d.id)

  const layerRows = await db
    .select({ transcriptId: codings.transcriptId, codeId: codings.codeId, owner: codings.layerOwner, start: codings.start, end: codings.end })
    .from(codings)
    // A layer shares the canonical doc's structs, consensus marks included: only the layer
    // owner's own marks are their coding.
    .where(and(inArray(codings.transcriptId, docIds), eq(codings.layer, 'coder'), inArray(codings.layerOwner, round.coderIds), eq(codings.coderId, codings.layerOwner)))
  const byDoc = new Map<string, CodedSpan[]>()
  for (const r of layerRows) byDoc.set(r.transcriptId, [...(byDoc.get(r.transcriptId) ?? []), { codeId: r.codeId, coderId: r.owner!, start: r.start, end: r.end }])

  const detected: (DetectedDispute & { caseId: string | null })[] = []
  const agreed: AgreedUnit[] = []
  for (const d of round.documents) {
    const r = detectSpanDisputes({ documentId: d.id, coders: round.coderIds, codings: byDoc.get(d.id) ?? [], tolerance })
    detected.push(...r.disputes.map((x) => ({ ...x, caseId: d.caseId })))
    agreed.push(...r.agreed)
  }
  const caseIds = [...new Set(round.documents.map((d) => d.caseId).filter((c): c is string => !!c))]
  if (caseIds.length) {
    const statusRows = await db
      .select({ caseId: fitStatuses.caseId, codeId: fitStatuses.codeId, coderId: fitStatuses.coderId, status: fitStatuses.status })
      .from(fitStatuses)
      .where(and(eq(fitStatuses.projectId, projectId), inArray(fitStatuses.caseId, caseIds), inArray(fitStatuses.coderId, round.coderIds)))
    for (const caseId of caseIds) {
      detected.push(...detectStatusDisputes({ caseId, coders: round.coderIds, statuses: statusRows.filter((s) => s.caseId === caseId).map((s) => ({ ...s, status: s.status as FitStatusValue })) }))
    }
  }

  const fingerprints = detected.map((d) => d.fingerprint)
  const result: RefreshResult = { ...empty, detected: detected.length }
  await db.transaction(async (tx) => {
    if (detected.length) {
      const inserted = await tx
        .insert(disputes)
        .values(
          detected.map((d) => ({
            id: newId(),
            projectId,
            roundId,
            kind: d.kind,
            documentId: d.kind === 'status' ? null : d.documentId,
            caseId: d.caseId,
            codeId: d.codeId,
            start: d.kind === 'status' ? null : d.start,
            end: d.kind === 'status' ? null : d.end,
            versions: d.versions,
            magnitude: d.magnitude,
            fingerprint: d.fingerprint,
          })),
        )
        .onConflictDoNothing({ target: [disputes.projectId, disputes.fingerprint] })
        .returning({ id: disputes.id })
      result.created = inserted.length
      // Found again after being superseded (codings changed back): back in the queue (DIS23).
      await tx
        .update(disputes)
        .set({ supersededAt: null })
        .where(and(eq(disputes.projectId, projectId), inArray(disputes.fingerprint, fingerprints), isNotNull(disputes.supersededAt)))
    }
    const stale = await tx
      .update(disputes)
      .set({ supersededAt: new Date() })
      .where(
        and(
          eq(disputes.projectId, projectId),
          eq(disputes.roundId, roundId),
          isNull(disputes.supersededAt),
          ...(fingerprints.length ? [notInArray(disputes.fingerprint, fingerprints)] : []),
        ),
      )
      .returning({ id: disputes.id })
    result.superseded = stale.length
  })

  result.merged = await mergeAgreedUnits(db, live, projectId, roundId, await consensusOwner(db, projectId, round), agreed)
  options.events?.publish(projectId, 'disputes')
  return result
}

/** DIS24: each agreed unit once, adding only characters the consensus lacks for that code. */
async function mergeAgreedUnits(db: Db, live: LiveDocs | null, projectId: string, roundId: string, ownerId: string, agreed: AgreedUnit[]): Promise<number> {
  if (agreed.length === 0) return 0
  const done = await db
    .select({ fingerprint: consensusMerges.fingerprint })
    .from(consensusMerges)
    .where(and(eq(consensusMerges.projectId, projectId), inArray(consensusMerges.fingerprint, agreed.map((a) => a.fingerprint))))
  const known = new Set(done.map((d) => d.fingerprint))
  const todo = agreed.filter((a) => !known.has(a.fingerprint))
  const byDoc = new Map<string, AgreedUnit[]>()
  for (const a of todo) byDoc.set(a.documentId, [...(byDoc.get(a.documentId) ?? []), a])
  let merged = 0
  for (const [documentId, units] of byDoc) {
    const room = textRoom(documentId)
    const consensus = (await readDocProjection(db, live, room)).codings
    const add: CodedSpan[] = []
    const rows = units.map((u) => {
      const present = mergeSpans(consensus.filter((c) => c.codeId === u.codeId))
      const missing = subtractSpans(u.spans, present).map((s) => ({ codeId: u.codeId, coderId: ownerId, start: s.start, end: s.end }))
      add.push(...missing)
      return { id: newId(), projectId, roundId, documentId, codeId: u.codeId, fingerprint: u.fingerprint, spans: missing }
    })
    await editDocCodings(db, live, projectId, room, { add })
    const inserted = await db.insert(consensusMerges).values(rows).onConflictDoNothing({ target: [consensusMerges.projectId, consensusMerges.fingerprint] }).returning({ id: consensusMerges.id })
    merged += inserted.length
  }
  return merged
}
