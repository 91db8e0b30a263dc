/**
 * Code retrieval: every coded segment of a code across the project's transcripts, with the text
 * around it, filtered by case, respondent role, coder and layer, and never showing what blind
 * coding hides (`coding-visibility.ts`). Reads the projected rows, never the live documents.
 */
import type { LiveDocs } from '../../context'
import { and, asc, eq, inArray, type SQL } from 'drizzle-orm'
import { z } from 'zod'
import type { Db } from '../../../db/client'
import { cases, codes, codings, projects, transcripts, transcriptTexts, users } from '../../../db/schema'
import { paragraphIndexAt } from '../../domain/editor/positions'
import { badInput, problemsFromZod } from '../../errors'
import { requireProjectRole, type Actor } from '../access'
import { findLatestRounds } from '../transcripts/find-rounds'
import { codingVisible } from './coding-visibility'

const optionalId = z
  .string()
  .trim()
  .transform((s) => s || undefined)
  .optional()

export const retrievalQuerySchema = z.object({
  codeId: optionalId,
  /** Include the codes under `codeId` (a dimension's indicators). */
  subcodes: z.enum(['0', '1', 'true', 'false']).optional().transform((v) => v === '1' || v === 'true'),
  caseId: optionalId,
  role: z.enum(['park', 'college', 'enterprise', 'research', 'other']).optional(),
  coderId: optionalId,
  transcriptId: optionalId,
  layer: z.enum(['shared', 'coder']).optional(),
  /** Characters of context on each side. */
  context: z.coerce.number().int().min(0).max(1000).default(120),
  limit: z.coerce.number().int().min(1).max(5000).default(1000),
})
export type RetrievalQuery = z.input<typeof retrievalQuerySchema>

export interface RetrievedSegment {
  id: string
  transcriptId: string
  transcriptTitle: string
  caseId: string | null
  caseKey: string | null
  caseName: { zh: string; en: string } | null
  respondentRole: string
  layer: 'shared' | 'coder'
  layerOwner: string | null
  codeId: string
  coderId: string
  coderName: string | null
  start: number
  end: number
  text: string
  before: string
  after: string
  /** Whether the speaker turn goes on before `before` / after `after`. */
  clippedBefore: boolean
  clippedAfter: boolean
  speaker: string | null
}

/** Reads `?codeId=&subcodes=1&caseId=&role=&coderId=&layer=` from a URL's search params. */
export function retrievalQueryFromSearch(params: URLSearchParams): Record<string, string> {
  return Object.fromEntries([...params.entries()].filter(([, v]) => v !== ''))
}

export async function retrieveCodings(db: Db, actor: Actor | null, projectId: string, input: unknown, live: Pick<LiveDocs, 'settleCodings'> | null = null) {
  const role = await requireProjectRole(db, actor, projectId)
  const parsed = retrievalQuerySchema.safeParse(input)
  if (!parsed.success) throw badInput('Please correct the retrieval filters.', problemsFromZod(parsed.error.issues))
  const q = parsed.data
  await live?.settleCodings(projectId) // rows include what the live documents have received

  let codeIds: string[] | null = null
  if (q.codeId) {
    const all = await db.select({ id: codes.id, parentId: codes.parentId }).from(codes).where(eq(codes.projectId, projectId))
    if (!all.some((c) => c.id === q.codeId)) throw badInput('No such code in this project.', [{ path: 'codeId', message: 'unknown code' }])
    codeIds = [q.codeId]
    if (q.subcodes) {
      for (let i = 0; i < codeIds.length; i++) for (const c of all) if (c.parentId === codeIds[i] && !codeIds.includes(c.id)) codeIds.push(c.id)
    }
  }

  const where: SQL[] = [eq(codings.projectId, projectId)]
  if (codeIds) where.push(inArray(codings.codeId, codeIds))
  if (q.caseId) where.push(eq(transcripts.caseId, q.caseId))
  if (q.role) where.push(eq(transcripts.respondentRole, q.role))
  if (q.coderId) where.push(eq(codings.coderId, q.coderId))
  if (q.transcriptId) where.push(eq(codings.transcriptId, q.transcriptId))
  if (q.layer) where.push(eq(codings.layer, q.layer))

  const rows = await db
    .select({
      c: codings,
      transcriptTitle: transcripts.title,
      caseId: transcripts.caseId,
      caseKey: cases.key,
      caseZh: cases.nameZh,
      caseEn: cases.nameEn,
      respondentRole: transcripts.respondentRole,
      coderName: users.name,
    })
    .from(codings)
    .innerJoin(transcripts, eq(transcripts.id, codings.transcriptId))
    .leftJoin(cases, eq(cases.id, transcripts.caseId))
    .leftJoin(users, eq(users.id, codings.coderId))
    .where(and(...where))
    .orderBy(asc(cases.position), asc(transcripts.position), asc(transcripts.createdAt), asc(codings.start), asc(codings.codeId), asc(codings.coderId))

  const [project] = await db.select({ settings: projects.settings }).from(projects).where(eq(projects.id, projectId))
  const caller = { userId: actor!.userId, role, coderSeesRevealed: project?.settings.coderSeesRevealed ?? false }
  const rounds = await findLatestRounds(db, [...new Set(rows.filter((r) => r.c.layer === 'coder').map((r) => r.c.transcriptId))])
  const visible = rows.filter((r) => codingVisible(r.c, caller, rounds.get(r.c.transcriptId) ?? null))
  const page = visible.slice(0, q.limit)

  const texts = new Map<string, { text: string; paragraphs: { start: number; end: number; speaker: string | null }[] }>()
  const ids = [...new Set(page.map((r) => r.c.transcriptId))]
  if (ids.length) for (const t of await db.select().from(transcriptTexts).where(inArray(transcriptTexts.transcriptId, ids))) texts.set(t.transcriptId, t)

  const items: RetrievedSegment[] = page.map((r) => {
    const t = texts.get(r.c.transcriptId)
    return {
      id: r.c.id,
      transcriptId: r.c.transcriptId,
      transcriptTitle: r.transcriptTitle,
      caseId: r.caseId,
      caseKey: r.caseKey,
      caseName: r.caseKey ? { zh: r.caseZh ?? '', en: r.caseEn ?? '' } : null,
      respondentRole: r.respondentRole,
      layer: r.c.layer,
      layerOwner: r.c.layerOwner,
      codeId: r.c.codeId,
      coderId: r.c.coderId,
      coderName: r.coderName,
      start: r.c.start,
      end: r.c.end,
      text: r.c.text,
      ...contextOf(t?.text ?? '', t?.paragraphs ?? [], r.c.start, r.c.end, q.context),
      speaker: t?.paragraphs[paragraphIndexAt(t.paragraphs, r.c.start)]?.speaker ?? null,
    }
  })
  return { items, total: visible.length, truncated: visible.length > page.length }
}

/**
 * Up to `n` characters on each side of the segment, within the speaker turns the segment starts
 * and ends in (context from another turn reads as if the same person said it), with whether
 * the turn goes on beyond what is shown.
 */
function contextOf(
  text: string,
  paragraphs: { start: number; end: number }[],
  start: number,
  end: number,
  n: number,
): { before: string; after: string; clippedBefore: boolean; clippedAfter: boolean } {
  if (!text || n === 0) return { before: '', after: '', clippedBefore: start > 0, clippedAfter: end < text.length }
  const first = paragraphs[paragraphIndexAt(paragraphs, start)] ?? { start: 0, end: text.length }
  const last = paragraphs[paragraphIndexAt(paragraphs, end)] ?? { start: 0, end: text.length }
  const from = Math.max(first.start, start - n)
  const to = Math.min(last.end, end + n)
  return { before: text.slice(from, start), after: text.slice(end, to), clippedBefore: from > first.start, clippedAfter: to < last.end }
}
