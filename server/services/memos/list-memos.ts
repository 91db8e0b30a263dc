import { asc, eq } from 'drizzle-orm'
import type { Db } from '../../../db/client'
import { memos, users } from '../../../db/schema'
import type { Actor } from '../access'
import { requireTranscript } from '../documents/require-transcript'
import { memoVisible } from './memo-visibility'

export interface MemoView {
  id: string
  codeId: string | null
  start: number
  end: number
  body: string
  authorId: string | null
  authorName: string | null
  createdAt: string
}

/** The memos on a transcript the caller may see, in reading order (API: GET …/transcripts/:tid/memos). */
export async function listMemos(db: Db, actor: Actor | null, projectId: string, transcriptId: string): Promise<MemoView[]> {
  const access = await requireTranscript(db, actor, projectId, transcriptId)
  const rows = await db
    .select({ memo: memos, authorName: users.name })
    .from(memos)
    .leftJoin(users, eq(users.id, memos.authorId))
    .where(eq(memos.transcriptId, transcriptId))
    .orderBy(asc(memos.start), asc(memos.createdAt))
  return rows
    .filter((r) => memoVisible(access, r.memo.authorId))
    .map(({ memo, authorName }) => ({
      id: memo.id,
      codeId: memo.codeId,
      start: memo.start,
      end: memo.end,
      body: memo.body,
      authorId: memo.authorId,
      authorName,
      createdAt: memo.createdAt.toISOString(),
    }))
}
