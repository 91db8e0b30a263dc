import { eq } from 'drizzle-orm'
import type { Db } from '../../../db/client'
import { memos, users } from '../../../db/schema'
import type { LiveDocs } from '../../context'
import { TRANSCRIPT_FIELD } from '../../domain/editor/extensions'
import { createTextAnchors, textAnchorSchema, type TextAnchor } from '../../domain/editor/text-anchors'
import { textRoom } from '../../realtime-rooms'
import type { Actor } from '../access'
import { readCurrentDoc } from '../documents/read-current-doc'
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

/** The stored anchor, or null for rows from before anchors (and anything unreadable: ED16's fallback). */
function anchorOf(stored: unknown): TextAnchor | null {
  const parsed = textAnchorSchema.safeParse(stored)
  return parsed.success ? parsed.data : null
}

/**
 * The memos on a transcript the caller may see, in reading order (API: GET …/transcripts/:tid/memos),
 * at the offsets their passages have now in the canonical document (ED15, ED16).
 */
export async function listMemos(db: Db, live: Pick<LiveDocs, 'readState'> | null, actor: Actor | null, projectId: string, transcriptId: string): Promise<MemoView[]> {
  const access = await requireTranscript(db, actor, projectId, transcriptId)
  const rows = (
    await db.select({ memo: memos, authorName: users.name }).from(memos).leftJoin(users, eq(users.id, memos.authorId)).where(eq(memos.transcriptId, transcriptId))
  ).filter((r) => memoVisible(access, r.memo.authorId))
  if (rows.length === 0) return []
  // One read of the document for the whole listing, however many memos.
  const doc = await readCurrentDoc(db, live, textRoom(transcriptId))
  try {
    const anchors = createTextAnchors(doc.getXmlFragment(TRANSCRIPT_FIELD))
    const views = rows.map(({ memo, authorName }) => ({
      id: memo.id,
      codeId: memo.codeId,
      ...anchors.currentRange(anchorOf(memo.anchor), { start: memo.start, end: memo.end }),
      body: memo.body,
      authorId: memo.authorId,
      authorName,
      createdAt: memo.createdAt.toISOString(),
    }))
    // Reading order by where the passages are now; ISO timestamps sort as text.
    return views.sort((a, b) => a.start - b.start || (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0) || (a.id < b.id ? -1 : 1))
  } finally {
    doc.destroy()
  }
}
