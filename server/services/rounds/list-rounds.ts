/**
 * The project's independent rounds with their transcripts, coders and progress. Progress is a
 * count of codings per coder and transcript — never the codings — and while a round is blind a
 * coder sees only their own counts (the lead sees everyone's, to know when to reveal).
 */
import { and, asc, count, eq, inArray } from 'drizzle-orm'
import type { Db } from '../../../db/client'
import type { LiveDocs } from '../../context'
import { codings, rounds } from '../../../db/schema'
import { requireProjectRole, type Actor } from '../access'
import { ownMarks } from '../agreement/load-agreement-data'
import { loadRound } from './load-round'

export async function listRounds(db: Db, actor: Actor | null, projectId: string, live: Pick<LiveDocs, 'settleCodings'> | null = null) {
  const role = await requireProjectRole(db, actor, projectId)
  await live?.settleCodings(projectId) // progress counts include what the live documents have received
  const rows = await db.select({ id: rounds.id }).from(rounds).where(eq(rounds.projectId, projectId)).orderBy(asc(rounds.createdAt))
  const out = []
  for (const { id } of rows) {
    const r = await loadRound(db, projectId, id)
    const mine = r.coders.some((c) => c.id === actor!.userId)
    const visibleCoders = role === 'lead' ? r.coders.map((c) => c.id) : mine ? [actor!.userId] : []
    const counts =
      visibleCoders.length && r.transcripts.length
        ? await db
            .select({ transcriptId: codings.transcriptId, coderId: codings.layerOwner, n: count() })
            .from(codings)
            .where(and(inArray(codings.transcriptId, r.transcripts.map((t) => t.id)), eq(codings.layer, 'coder'), inArray(codings.layerOwner, visibleCoders), ownMarks))
            .groupBy(codings.transcriptId, codings.layerOwner)
        : []
    out.push({
      id: r.id,
      name: r.name,
      state: r.state,
      createdAt: r.createdAt.toISOString(),
      revealedAt: r.revealedAt?.toISOString() ?? null,
      mine,
      coders: r.coders,
      transcripts: r.transcripts,
      progress: counts.map((c) => ({ coderId: c.coderId!, transcriptId: c.transcriptId, codings: Number(c.n) })),
    })
  }
  return out
}
