/** A small discussion thread per dispute: coders and the lead comment while it is open; everyone reads (DIS25). */
import { asc, eq } from 'drizzle-orm'
import { z } from 'zod'
import type { Db } from '../../../db/client'
import { disputeComments, users } from '../../../db/schema'
import { badInput, ConcordError, problemsFromZod } from '../../errors'
import { newId } from '../../ids'
import { requireProjectRole, type Actor } from '../access'
import { loadDispute } from './load-dispute'

export const commentInputSchema = z.object({ body: z.string().trim().min(1, 'write something first').max(4000) })

export async function listDisputeComments(db: Db, actor: Actor | null, projectId: string, disputeId: string) {
  await requireProjectRole(db, actor, projectId)
  await loadDispute(db, projectId, disputeId)
  const rows = await db
    .select({ id: disputeComments.id, authorId: disputeComments.authorId, authorName: users.name, body: disputeComments.body, createdAt: disputeComments.createdAt })
    .from(disputeComments)
    .leftJoin(users, eq(users.id, disputeComments.authorId))
    .where(eq(disputeComments.disputeId, disputeId))
    .orderBy(asc(disputeComments.createdAt))
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }))
}

export async function addDisputeComment(db: Db, actor: Actor | null, projectId: string, disputeId: string, raw: unknown) {
  await requireProjectRole(db, actor, projectId, 'coder')
  const parsed = commentInputSchema.safeParse(raw ?? {})
  if (!parsed.success) throw badInput('Invalid comment.', problemsFromZod(parsed.error.issues))
  const dispute = await loadDispute(db, projectId, disputeId)
  if (dispute.supersededAt) throw new ConcordError('conflict', 'This dispute was superseded by new codings; comment on the new one.')
  if (dispute.state !== 'open') throw new ConcordError('conflict', 'The lead has decided this dispute; comments are closed unless it is reopened.')
  const [row] = await db.insert(disputeComments).values({ id: newId(), disputeId, authorId: actor!.userId, body: parsed.data.body }).returning()
  return { id: row.id, authorId: row.authorId, body: row.body, createdAt: row.createdAt.toISOString() }
}
