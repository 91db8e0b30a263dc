import { and, eq, sql } from 'drizzle-orm'
import * as Y from 'yjs'
import { z } from 'zod'
import type { Db } from '../../../db/client'
import { cases, transcripts, yjsUpdates } from '../../../db/schema'
import { saveProjection } from '../documents/save-projection'
import { buildTranscriptDoc } from '../../domain/editor/build-doc'
import { projectDoc } from '../../domain/editor/project-codings'
import { badInput, problemsFromZod } from '../../errors'
import { newId } from '../../ids'
import { textRoom } from '../../realtime-rooms'
import { requireProjectRole, type Actor } from '../access'
import { readUpload } from './read-upload'

export const transcriptMetaSchema = z.object({
  title: z.string().trim().min(1, 'Give the transcript a title.').max(300),
  caseId: z.string().trim().min(1).nullable().default(null),
  respondentRole: z.enum(['park', 'college', 'enterprise', 'research', 'other']).default('other'),
  interviewDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2023-07-12.')
    .nullable()
    .default(null),
  mode: z.enum(['onsite', 'video']).default('onsite'),
  durationMinutes: z.coerce.number().int().min(1).max(24 * 60).nullable().default(null),
  protocol: z.string().trim().max(200).default(''),
  participants: z.array(z.string().trim().min(1).max(100)).max(50).default([]),
})
export type TranscriptMeta = z.infer<typeof transcriptMetaSchema>

/**
 * Imports a transcript (file or pasted text) into a project: one row, its canonical Yjs doc
 * (one paragraph per speaker turn) and its projected text. Bad input changes nothing.
 */
export async function importTranscript(
  db: Db,
  actor: Actor | null,
  projectId: string,
  input: { meta: unknown; file?: { name: string; bytes: Uint8Array } | null; text?: string | null },
) {
  await requireProjectRole(db, actor, projectId, 'lead')
  const parsed = transcriptMetaSchema.safeParse(input.meta)
  if (!parsed.success) throw badInput('Please correct the transcript details.', problemsFromZod(parsed.error.issues))
  const meta = parsed.data
  if (meta.caseId) {
    const c = await db.select({ id: cases.id }).from(cases).where(and(eq(cases.id, meta.caseId), eq(cases.projectId, projectId)))
    if (!c[0]) throw badInput('That case does not belong to this project.', [{ path: 'caseId', message: 'unknown case' }])
  }
  const { turns, sourceName } = await readUpload(input.file ?? null, input.text ?? null)
  return createTranscriptFromTurns(db, actor!, projectId, meta, turns, { sourceName })
}

/** Shared by import and the demo seed: writes the transcript row, its doc and its text. */
export async function createTranscriptFromTurns(
  db: Db,
  actor: Actor,
  projectId: string,
  meta: TranscriptMeta,
  turns: { speaker: string | null; text: string }[],
  extra: { sourceName?: string | null; codings?: { codeId: string; coderId: string; start: number; end: number }[] } = {},
) {
  const id = newId()
  const doc = buildTranscriptDoc(turns, extra.codings ?? [])
  const state = Y.encodeStateAsUpdate(doc)
  const projection = projectDoc(doc.getXmlFragment('default'))
  doc.destroy()
  await db.transaction(async (tx) => {
    const pos = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(transcripts)
      .where(eq(transcripts.projectId, projectId))
    await tx.insert(transcripts).values({
      id,
      projectId,
      caseId: meta.caseId,
      title: meta.title,
      respondentRole: meta.respondentRole,
      interviewDate: meta.interviewDate,
      mode: meta.mode,
      durationMinutes: meta.durationMinutes,
      protocol: meta.protocol,
      participants: meta.participants,
      sourceName: extra.sourceName ?? null,
      charCount: projection.text.length,
      position: pos[0]?.n ?? 0,
      createdBy: actor.userId,
    })
    await tx.insert(yjsUpdates).values({ docName: textRoom(id), data: state })
    await saveProjection(tx, projectId, textRoom(id), projection)
  })
  return { id, title: meta.title, charCount: projection.text.length, turns: turns.length }
}
