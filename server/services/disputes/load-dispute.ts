import { and, desc, eq } from 'drizzle-orm'
import type { Db } from '../../../db/client'
import { decisions, disputes, projects } from '../../../db/schema'
import { ConcordError } from '../../errors'

export type DisputeRow = typeof disputes.$inferSelect
export type DecisionRow = typeof decisions.$inferSelect

/** A dispute of the project (not_found otherwise, so ids of other projects do not leak). */
export async function loadDispute(db: Db, projectId: string, disputeId: string): Promise<DisputeRow> {
  const [row] = await db.select().from(disputes).where(and(eq(disputes.id, disputeId), eq(disputes.projectId, projectId)))
  if (!row) throw new ConcordError('not_found', 'No such dispute in this project.')
  return row
}

/** The dispute's latest decision (the one in force, or the last one before a reopen). */
export async function latestDecision(db: Db, disputeId: string): Promise<DecisionRow | null> {
  const rows = await db.select().from(decisions).where(eq(decisions.disputeId, disputeId)).orderBy(desc(decisions.decidedAt))
  // The end of the replaces-chain, which timestamps alone cannot order within one millisecond.
  const replaced = new Set(rows.map((r) => r.replacesId).filter(Boolean))
  return rows.find((r) => !replaced.has(r.id)) ?? null
}

export async function projectSettings(db: Db, projectId: string) {
  const [p] = await db.select({ settings: projects.settings }).from(projects).where(eq(projects.id, projectId))
  if (!p) throw new ConcordError('not_found', 'No such project.')
  return p.settings
}

/** The decision in the shape of API.md's decision log, plus the fields scripts need to follow a chain. */
export function presentDecision(d: DecisionRow) {
  return {
    id: d.id,
    disputeId: d.disputeId,
    decidedBy: d.decidedBy,
    decidedAt: d.decidedAt.toISOString(),
    choice: d.choice,
    coderId: d.coderId,
    rationale: d.rationale,
    before: d.before,
    after: d.after,
    replacesId: d.replacesId,
  }
}
