/**
 * The decision log (API.md `GET /api/projects/:id/decisions`): every decision ever taken, in the
 * order taken, with what it replaced and whether it is still in force; and its CSV export.
 */
import { asc, eq, inArray } from 'drizzle-orm'
import type { Db } from '../../../db/client'
import { cases, codes, decisions, disputes, transcripts, users } from '../../../db/schema'
import { formatDecisionLogCsv, type DecisionLogCsvEntry } from '../../domain/disputes/decision-log-csv'
import { requireProjectRole, type Actor } from '../access'
import { presentDecision, projectSettings } from './load-dispute'
import { redactVersions, type Viewer } from './visibility'

export async function listDecisions(db: Db, actor: Actor | null, projectId: string) {
  const role = await requireProjectRole(db, actor, projectId)
  const settings = await projectSettings(db, projectId)
  const viewer: Viewer = { userId: actor!.userId, role, coderSeesRevealed: settings.coderSeesRevealed }
  const rows = await db
    .select({ d: decisions, dispute: disputes, title: transcripts.title, caseKey: cases.key, codeZh: codes.nameZh, codeEn: codes.nameEn, deciderName: users.name })
    .from(decisions)
    .innerJoin(disputes, eq(disputes.id, decisions.disputeId))
    .leftJoin(transcripts, eq(transcripts.id, disputes.documentId))
    .leftJoin(cases, eq(cases.id, disputes.caseId))
    .leftJoin(codes, eq(codes.id, disputes.codeId))
    .leftJoin(users, eq(users.id, decisions.decidedBy))
    .where(eq(decisions.projectId, projectId))
    .orderBy(asc(decisions.decidedAt))
  const replacedBy = new Map(rows.filter((r) => r.d.replacesId).map((r) => [r.d.replacesId!, r.d.id]))
  return rows.map(({ d, dispute, title, caseKey, codeZh, codeEn, deciderName }) => ({
    ...presentDecision(d),
    before: redactVersions(viewer, d.before),
    decidedByName: deciderName ?? null,
    replacedById: replacedBy.get(d.id) ?? null,
    /** Still the dispute's decision: not replaced, dispute not reopened and not superseded. */
    inForce: !replacedBy.has(d.id) && dispute.state === 'decided' && !dispute.supersededAt,
    dispute: {
      kind: dispute.kind,
      documentId: dispute.documentId,
      documentTitle: title ?? null,
      caseId: dispute.caseId,
      caseKey: caseKey ?? null,
      codeId: dispute.codeId,
      codeName: { zh: codeZh ?? '', en: codeEn ?? '' },
      start: dispute.start,
      end: dispute.end,
      superseded: !!dispute.supersededAt,
    },
  }))
}

export type DecisionLogEntry = Awaited<ReturnType<typeof listDecisions>>[number]

/** The log as CSV, names instead of ids where a reader needs them (DIS27). */
export async function exportDecisionsCsv(db: Db, actor: Actor | null, projectId: string, locale: 'zh' | 'en' = 'zh'): Promise<string> {
  const log = await listDecisions(db, actor, projectId)
  const ids = new Set<string>()
  for (const e of log) {
    for (const v of e.before as { coderId: string }[]) ids.add(v.coderId)
    if (e.coderId) ids.add(e.coderId)
  }
  const people = ids.size ? await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, [...ids])) : []
  const name = new Map(people.map((p) => [p.id, p.name]))
  const entries: DecisionLogCsvEntry[] = log.map((e) => ({
    id: e.id,
    decidedAt: e.decidedAt,
    decidedBy: e.decidedByName ?? e.decidedBy ?? '',
    disputeId: e.disputeId,
    kind: e.dispute.kind,
    transcript: e.dispute.documentTitle ?? '',
    caseKey: e.dispute.caseKey ?? '',
    code: (locale === 'zh' ? e.dispute.codeName.zh || e.dispute.codeName.en : e.dispute.codeName.en || e.dispute.codeName.zh) || e.dispute.codeId,
    start: e.dispute.start,
    end: e.dispute.end,
    before: (e.before as { coderId: string; spans?: { start: number; end: number }[]; status?: string; hidden?: boolean }[]).map((v) => ({ coder: name.get(v.coderId) ?? v.coderId, spans: v.spans, status: v.status, hidden: v.hidden })),
    choice: e.choice,
    chosenCoder: e.coderId ? (name.get(e.coderId) ?? e.coderId) : '',
    after: e.after as DecisionLogCsvEntry['after'],
    rationale: e.rationale,
    replacesId: e.replacesId ?? '',
    inForce: e.inForce,
  }))
  return formatDecisionLogCsv(entries)
}
