import { and, eq } from 'drizzle-orm'
import type { Db } from '../../../db/client'
import { memos } from '../../../db/schema'
import { ConcordError } from '../../errors'
import type { Actor } from '../access'
import { requireTranscript } from '../documents/require-transcript'
import { memoVisible } from './memo-visibility'

/** Deletes a memo: its author, or the lead. */
export async function deleteMemo(db: Db, actor: Actor | null, projectId: string, transcriptId: string, memoId: string) {
  const access = await requireTranscript(db, actor, projectId, transcriptId, 'coder')
  const [memo] = await db.select().from(memos).where(and(eq(memos.id, memoId), eq(memos.transcriptId, transcriptId)))
  // A memo the caller may not see does not exist for them.
  if (!memo || !memoVisible(access, memo.authorId)) throw new ConcordError('not_found', 'No such memo.')
  if (memo.authorId !== access.userId && access.role !== 'lead') throw new ConcordError('forbidden', 'Only its author or the project lead can delete a memo.')
  await db.delete(memos).where(eq(memos.id, memoId))
  return { ok: true }
}
