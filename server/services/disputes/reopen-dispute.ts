import { and, eq } from 'drizzle-orm'
import type { Db } from '../../../db/client'
import { disputes } from '../../../db/schema'
import { ConcordError } from '../../errors'
import { requireProjectRole, type Actor } from '../access'
import { loadDispute } from './load-dispute'

/**
 * Reopens a decided dispute (lead only). The consensus keeps the decision's marks until the next
 * decision, which reverts them before applying its own (DIS21), so nothing is lost in between.
 */
export async function reopenDispute(db: Db, actor: Actor | null, projectId: string, disputeId: string) {
  await requireProjectRole(db, actor, projectId, 'lead')
  const dispute = await loadDispute(db, projectId, disputeId)
  if (dispute.supersededAt) throw new ConcordError('conflict', 'This dispute was superseded by new codings and cannot be reopened.')
  if (dispute.state === 'open') throw new ConcordError('conflict', 'This dispute is already open.')
  await db.update(disputes).set({ state: 'open' }).where(and(eq(disputes.id, disputeId), eq(disputes.state, 'decided')))
  return { id: disputeId, state: 'open' as const }
}
