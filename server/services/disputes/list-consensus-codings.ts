/**
 * The consensus layer of a round's transcripts as plain codings, so that agreement can be computed
 * before arbitration (coder layers against each other) and after it (each coder against the
 * consensus). The consensus is the shared layer: the canonical transcript documents.
 */
import type { LiveDocs } from '../../context'
import { and, eq, inArray } from 'drizzle-orm'
import type { Db } from '../../../db/client'
import { codings, transcripts } from '../../../db/schema'
import { requireProjectRole, type Actor } from '../access'
import { loadRound } from './round-data'

export async function listConsensusCodings(db: Db, actor: Actor | null, projectId: string, roundId: string, live: Pick<LiveDocs, 'settleCodings'> | null = null) {
  await requireProjectRole(db, actor, projectId)
  const round = await loadRound(db, projectId, roundId)
  await live?.settleCodings(projectId) // rows include what the live documents have received
  const docIds = round.documents.map((d) => d.id)
  const lengths = docIds.length ? await db.select({ id: transcripts.id, length: transcripts.charCount }).from(transcripts).where(inArray(transcripts.id, docIds)) : []
  const rows = docIds.length
    ? await db
        .select({ documentId: codings.transcriptId, codeId: codings.codeId, coderId: codings.coderId, start: codings.start, end: codings.end })
        .from(codings)
        .where(and(inArray(codings.transcriptId, docIds), eq(codings.layer, 'shared')))
    : []
  rows.sort((a, b) => docIds.indexOf(a.documentId) - docIds.indexOf(b.documentId) || a.start - b.start || a.end - b.end || (a.codeId < b.codeId ? -1 : 1))
  return {
    roundId,
    state: round.state,
    coders: round.coderIds,
    documents: round.documents.map((d) => ({ id: d.id, title: d.title, caseId: d.caseId, length: lengths.find((l) => l.id === d.id)?.length ?? 0 })),
    /** The consensus (shared layer) codings of the round's transcripts; `coderId` is who made each consensus. */
    codings: rows,
  }
}
