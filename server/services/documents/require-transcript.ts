/**
 * A transcript of a project, after authorizing the caller, with the independent round it is in:
 * the first step of every per-transcript service (memos, versions). A transcript of another
 * project is `not_found`, as is a project the caller is not a member of.
 */
import { and, eq } from 'drizzle-orm'
import type { Db } from '../../../db/client'
import type { Role } from '../../../db/schema'
import { transcripts } from '../../../db/schema'
import { ConcordError } from '../../errors'
import { requireProjectRole, type Actor } from '../access'
import { findLatestRounds, type TranscriptRound } from '../transcripts/find-rounds'

export interface TranscriptAccess {
  role: Role
  userId: string
  transcript: { id: string; projectId: string; title: string; charCount: number }
  round: TranscriptRound | null
}

export async function requireTranscript(db: Db, actor: Actor | null, projectId: string, transcriptId: string, minRole: Role = 'viewer'): Promise<TranscriptAccess> {
  const role = await requireProjectRole(db, actor, projectId, minRole)
  const [t] = await db
    .select({ id: transcripts.id, projectId: transcripts.projectId, title: transcripts.title, charCount: transcripts.charCount })
    .from(transcripts)
    .where(and(eq(transcripts.id, transcriptId), eq(transcripts.projectId, projectId)))
  if (!t) throw new ConcordError('not_found', 'No such transcript in this project.')
  const round = (await findLatestRounds(db, [t.id])).get(t.id) ?? null
  return { role, userId: actor!.userId, transcript: t, round }
}
