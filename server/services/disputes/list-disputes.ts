/**
 * The disputes queue (API.md `GET /api/projects/:id/disputes`): biggest disagreements first, with
 * the passage and its context, each coder's version (as far as the caller may see it, DIS25), the
 * decision in force and the number of comments.
 */
import { and, eq, inArray, isNull, sql } from 'drizzle-orm'
import { z } from 'zod'
import type { Db } from '../../../db/client'
import { cases, codes, decisions, disputeComments, disputes, transcripts, transcriptTexts } from '../../../db/schema'
import { sortDisputes } from '../../domain/disputes/detect-span-disputes'
import type { SpanVersion, StatusVersion } from '../../domain/disputes/types'
import { badInput, problemsFromZod } from '../../errors'
import { requireProjectRole, type Actor } from '../access'
import { presentDecision, projectSettings, type DecisionRow } from './load-dispute'
import { redactVersions, type Viewer } from './visibility'

export const disputeFilterSchema = z.object({
  state: z.enum(['open', 'decided']).optional(),
  kind: z.enum(['presence', 'boundary', 'status']).optional(),
  codeId: z.string().min(1).optional(),
  documentId: z.string().min(1).optional(),
  caseId: z.string().min(1).optional(),
  roundId: z.string().min(1).optional(),
  /** Two coder ids, comma-separated: disputes on which these two disagree. */
  coders: z
    .string()
    .regex(/^[^,]+,[^,]+$/, 'two coder ids separated by a comma')
    .optional(),
})
export type DisputeFilter = z.infer<typeof disputeFilterSchema>

/** Characters of context shown on each side of the passage (cut at the speaker turn when nearer). */
export const CONTEXT_CHARS = 160

export interface DisputeContext {
  start: number
  end: number
  text: string
  /** Speaker turns starting inside the context (offsets into the transcript). */
  turns: { start: number; speaker: string | null }[]
}

function contextOf(full: { text: string; paragraphs: { start: number; end: number; speaker: string | null }[] } | undefined, start: number, end: number): DisputeContext | null {
  if (!full) return null
  const para = (pos: number) => full.paragraphs.find((p) => p.start <= pos && pos <= p.end)
  const from = Math.max(para(start)?.start ?? 0, start - CONTEXT_CHARS, 0)
  const to = Math.min(para(Math.max(start, end - 1))?.end ?? full.text.length, end + CONTEXT_CHARS, full.text.length)
  const turns = full.paragraphs.filter((p) => p.start >= from && p.start < to).map((p) => ({ start: p.start, speaker: p.speaker }))
  const first = para(from)
  if (first && first.start < from) turns.unshift({ start: from, speaker: first.speaker })
  return { start: from, end: to, text: full.text.slice(from, to), turns }
}

function pairDisagrees(versions: unknown, a: string, b: string, tolerance: number): boolean {
  const list = versions as (SpanVersion | StatusVersion)[]
  const va = list.find((v) => v.coderId === a)
  const vb = list.find((v) => v.coderId === b)
  if (!va || !vb) return false
  if ('status' in va && 'status' in vb) return va.status !== vb.status
  const sa = (va as SpanVersion).spans
  const sb = (vb as SpanVersion).spans
  return sa.length !== sb.length || sa.some((s, i) => Math.abs(s.start - sb[i].start) > tolerance || Math.abs(s.end - sb[i].end) > tolerance)
}

export async function listDisputes(db: Db, actor: Actor | null, projectId: string, rawFilter: unknown = {}) {
  const role = await requireProjectRole(db, actor, projectId)
  const parsed = disputeFilterSchema.safeParse(rawFilter ?? {})
  if (!parsed.success) throw badInput('Invalid dispute filter.', problemsFromZod(parsed.error.issues))
  const filter = parsed.data
  const settings = await projectSettings(db, projectId)
  const viewer: Viewer = { userId: actor!.userId, role, coderSeesRevealed: settings.coderSeesRevealed }

  const conditions = [eq(disputes.projectId, projectId), isNull(disputes.supersededAt)]
  if (filter.kind) conditions.push(eq(disputes.kind, filter.kind))
  if (filter.codeId) conditions.push(eq(disputes.codeId, filter.codeId))
  if (filter.documentId) conditions.push(eq(disputes.documentId, filter.documentId))
  if (filter.caseId) conditions.push(eq(disputes.caseId, filter.caseId))
  if (filter.roundId) conditions.push(eq(disputes.roundId, filter.roundId))
  let rows = await db
    .select({ d: disputes, title: transcripts.title, caseKey: cases.key, codeZh: codes.nameZh, codeEn: codes.nameEn, codeColor: codes.color })
    .from(disputes)
    .leftJoin(transcripts, eq(transcripts.id, disputes.documentId))
    .leftJoin(cases, eq(cases.id, disputes.caseId))
    .leftJoin(codes, eq(codes.id, disputes.codeId))
    .where(and(...conditions))
  if (filter.coders) {
    const [a, b] = filter.coders.split(',')
    rows = rows.filter((r) => pairDisagrees(r.d.versions, a, b, settings.boundaryTolerance))
  }
  const progress = { decided: rows.filter((r) => r.d.state === 'decided').length, total: rows.length }
  if (filter.state) rows = rows.filter((r) => r.d.state === filter.state)

  const ids = rows.map((r) => r.d.id)
  const decisionRows: DecisionRow[] = ids.length ? await db.select().from(decisions).where(inArray(decisions.disputeId, ids)) : []
  const replaced = new Set(decisionRows.map((d) => d.replacesId).filter(Boolean))
  const current = new Map(decisionRows.filter((d) => !replaced.has(d.id)).map((d) => [d.disputeId, d]))
  const commentCounts = ids.length
    ? await db.select({ disputeId: disputeComments.disputeId, n: sql<number>`count(*)::int` }).from(disputeComments).where(inArray(disputeComments.disputeId, ids)).groupBy(disputeComments.disputeId)
    : []
  const commentsOf = new Map(commentCounts.map((c) => [c.disputeId, c.n]))
  const docIds = [...new Set(rows.map((r) => r.d.documentId).filter((x): x is string => !!x))]
  const texts = docIds.length ? await db.select().from(transcriptTexts).where(inArray(transcriptTexts.transcriptId, docIds)) : []
  const textOf = new Map(texts.map((t) => [t.transcriptId, t]))

  const items = rows.map(({ d, title, caseKey, codeZh, codeEn, codeColor }) => {
    const decision = current.get(d.id)
    return {
      id: d.id,
      kind: d.kind,
      documentId: d.documentId,
      codeId: d.codeId,
      state: d.state,
      coders: (d.versions as { coderId: string }[]).map((v) => v.coderId),
      roundId: d.roundId,
      caseId: d.caseId,
      caseKey: caseKey ?? null,
      documentTitle: title ?? null,
      code: { name: { zh: codeZh ?? '', en: codeEn ?? '' }, color: codeColor ?? null },
      start: d.start,
      end: d.end,
      magnitude: d.magnitude,
      versions: redactVersions(viewer, d.versions),
      context: d.documentId && d.start !== null && d.end !== null ? contextOf(textOf.get(d.documentId), d.start, d.end) : null,
      /** The decision in force (decided), or the last one before a reopen (open). */
      decision: decision ? { ...presentDecision(decision), before: redactVersions(viewer, decision.before) } : null,
      commentCount: commentsOf.get(d.id) ?? 0,
      createdAt: d.createdAt.toISOString(),
    }
  })
  return { items: sortDisputes(items), progress }
}
