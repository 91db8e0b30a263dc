/**
 * Pinned agreement reports: the list, one report (its stored result and what its snapshot pinned,
 * without the codings themselves), and the stored data for regeneration and export.
 */
import { and, desc, eq } from 'drizzle-orm'
import type { Db } from '../../../db/client'
import { agreementReports, users } from '../../../db/schema'
import { ConcordError } from '../../errors'
import { requireProjectRole, type Actor } from '../access'
import type { AgreementReport } from './get-agreement'
import type { PinnedSnapshot } from './pinned-snapshot'

export interface StoredReport {
  id: string
  createdAt: Date
  createdBy: string | null
  creatorName: string | null
  snapshot: PinnedSnapshot
  result: AgreementReport
}

export async function loadStoredReport(db: Db, projectId: string, reportId: string): Promise<StoredReport> {
  const [r] = await db
    .select({ id: agreementReports.id, createdAt: agreementReports.createdAt, createdBy: agreementReports.createdBy, creatorName: users.name, snapshot: agreementReports.snapshot, result: agreementReports.result })
    .from(agreementReports)
    .leftJoin(users, eq(users.id, agreementReports.createdBy))
    .where(and(eq(agreementReports.id, reportId), eq(agreementReports.projectId, projectId)))
  if (!r) throw new ConcordError('not_found', 'No such agreement report in this project.')
  return { ...r, snapshot: r.snapshot as PinnedSnapshot, result: r.result as AgreementReport }
}

function summarize(r: StoredReport) {
  const s = r.snapshot
  return {
    id: r.id,
    createdAt: r.createdAt.toISOString(),
    createdBy: r.createdBy ? { id: r.createdBy, name: r.creatorName } : null,
    snapshotId: s.id,
    software: s.software,
    round: s.round,
    parameters: r.result.parameters,
  }
}

export async function listReports(db: Db, actor: Actor | null, projectId: string) {
  await requireProjectRole(db, actor, projectId)
  const rows = await db
    .select({ id: agreementReports.id, createdAt: agreementReports.createdAt, createdBy: agreementReports.createdBy, creatorName: users.name, snapshot: agreementReports.snapshot, result: agreementReports.result })
    .from(agreementReports)
    .leftJoin(users, eq(users.id, agreementReports.createdBy))
    .where(eq(agreementReports.projectId, projectId))
    .orderBy(desc(agreementReports.createdAt))
  return rows.map((r) => {
    const stored = { ...r, snapshot: r.snapshot as PinnedSnapshot, result: r.result as AgreementReport }
    const res = stored.result as unknown as Record<string, unknown>
    const headline = res.unit === 'span' ? (res.overall as Record<string, number | null>).unitizingAlpha : (res.krippendorffAlpha as number | null)
    return { ...summarize(stored), headline }
  })
}

/** One report: the stored result and its snapshot's pins (without the codings rows and segments). */
export async function getReport(db: Db, actor: Actor | null, projectId: string, reportId: string) {
  await requireProjectRole(db, actor, projectId)
  const r = await loadStoredReport(db, projectId, reportId)
  const s = r.snapshot
  return {
    ...summarize(r),
    snapshot: {
      id: s.id,
      software: s.software,
      round: s.round,
      documents: s.documents.map(({ segments, ...d }) => ({ ...d, segments: segments?.length ?? null })),
      coders: s.coders,
      codes: s.codes.map((c) => c.id),
      codings: s.codings.length,
      statuses: s.statuses.length,
      layers: s.layers,
    },
    result: r.result,
  }
}
