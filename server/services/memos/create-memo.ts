import { and, eq } from 'drizzle-orm'
import { z } from 'zod'
import type { Db } from '../../../db/client'
import { codes, memos } from '../../../db/schema'
import type { LiveDocs } from '../../context'
import { TRANSCRIPT_FIELD } from '../../domain/editor/extensions'
import { createTextAnchors } from '../../domain/editor/text-anchors'
import { badInput, problemsFromZod, type Problem } from '../../errors'
import { newId } from '../../ids'
import { textRoom } from '../../realtime-rooms'
import type { Actor } from '../access'
import { readCurrentDoc } from '../documents/read-current-doc'
import { requireTranscript } from '../documents/require-transcript'

export const memoInputSchema = z.object({
  codeId: z.string().trim().min(1).nullable().default(null),
  start: z.number().int('start must be a whole number').min(0),
  end: z.number().int('end must be a whole number').min(0),
  body: z.string().trim().min(1, 'Write the memo first.').max(20_000, 'A memo holds at most 20,000 characters.'),
})
export type MemoInput = z.infer<typeof memoInputSchema>

/**
 * A memo on a span of a transcript (usually a coded span: `codeId` says which code), by a coder
 * or the lead. Offsets are plain-text offsets of the transcript (end exclusive) as the caller's
 * editor shows it; the memo is anchored in the canonical document (ED15) so that it follows edits.
 */
export async function createMemo(db: Db, live: Pick<LiveDocs, 'readState'> | null, actor: Actor | null, projectId: string, transcriptId: string, input: unknown) {
  const access = await requireTranscript(db, actor, projectId, transcriptId, 'coder')
  const parsed = memoInputSchema.safeParse(input)
  const problems: Problem[] = parsed.success ? [] : problemsFromZod(parsed.error.issues)
  // Range and code checks run even when another field is wrong, so every problem is listed.
  const raw = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>
  const start = Number.isInteger(raw.start) ? (raw.start as number) : null
  const end = Number.isInteger(raw.end) ? (raw.end as number) : null
  if (start !== null && end !== null && start >= end) problems.push({ path: 'end', message: `end (${end}) must be after start (${start})` })
  // The document as editors see it now (the sync server's copy when it runs): the projected text
  // in transcript_texts can lag behind typing by seconds.
  const doc = await readCurrentDoc(db, live, textRoom(transcriptId))
  try {
    const anchors = createTextAnchors(doc.getXmlFragment(TRANSCRIPT_FIELD))
    if (end !== null && end > anchors.length) problems.push({ path: 'end', message: `end (${end}) is past the end of the transcript (${anchors.length} characters)` })
    if (typeof raw.codeId === 'string' && raw.codeId.trim()) {
      const [code] = await db.select({ id: codes.id }).from(codes).where(and(eq(codes.id, raw.codeId.trim()), eq(codes.projectId, projectId)))
      if (!code) problems.push({ path: 'codeId', message: 'no such code in this project' })
    }
    if (problems.length || !parsed.success) throw badInput('Please correct the memo.', problems)
    const m = parsed.data
    const id = newId()
    const anchor = anchors.anchor(m.start, m.end)
    const [row] = await db
      .insert(memos)
      .values({ id, projectId, transcriptId, codeId: m.codeId, start: m.start, end: m.end, anchor, body: m.body, authorId: access.userId })
      .returning()
    return { id, codeId: row.codeId, start: row.start, end: row.end, body: row.body, authorId: row.authorId, createdAt: row.createdAt.toISOString() }
  } finally {
    doc.destroy()
  }
}
