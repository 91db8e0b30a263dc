import { and, eq } from 'drizzle-orm'
import { z } from 'zod'
import type { Db } from '../../../db/client'
import { codes, memos, transcriptTexts } from '../../../db/schema'
import { badInput, problemsFromZod, type Problem } from '../../errors'
import { newId } from '../../ids'
import type { Actor } from '../access'
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
 * or the lead. Offsets are plain-text offsets of the transcript (end exclusive).
 */
export async function createMemo(db: Db, actor: Actor | null, projectId: string, transcriptId: string, input: unknown) {
  const access = await requireTranscript(db, actor, projectId, transcriptId, 'coder')
  const parsed = memoInputSchema.safeParse(input)
  const problems: Problem[] = parsed.success ? [] : problemsFromZod(parsed.error.issues)
  // Range and code checks run even when another field is wrong, so every problem is listed.
  const raw = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>
  const start = Number.isInteger(raw.start) ? (raw.start as number) : null
  const end = Number.isInteger(raw.end) ? (raw.end as number) : null
  if (start !== null && end !== null && start >= end) problems.push({ path: 'end', message: `end (${end}) must be after start (${start})` })
  // UTF-16 length, as the offsets are: Postgres' length() counts code points.
  const [stored] = await db.select({ text: transcriptTexts.text }).from(transcriptTexts).where(eq(transcriptTexts.transcriptId, transcriptId))
  const length = stored?.text.length ?? access.transcript.charCount
  if (end !== null && end > length) problems.push({ path: 'end', message: `end (${end}) is past the end of the transcript (${length} characters)` })
  if (typeof raw.codeId === 'string' && raw.codeId.trim()) {
    const [code] = await db.select({ id: codes.id }).from(codes).where(and(eq(codes.id, raw.codeId.trim()), eq(codes.projectId, projectId)))
    if (!code) problems.push({ path: 'codeId', message: 'no such code in this project' })
  }
  if (problems.length || !parsed.success) throw badInput('Please correct the memo.', problems)
  const m = parsed.data
  const id = newId()
  const [row] = await db
    .insert(memos)
    .values({ id, projectId, transcriptId, codeId: m.codeId, start: m.start, end: m.end, body: m.body, authorId: access.userId })
    .returning()
  return { id, codeId: row.codeId, start: row.start, end: row.end, body: row.body, authorId: row.authorId, createdAt: row.createdAt.toISOString() }
}
