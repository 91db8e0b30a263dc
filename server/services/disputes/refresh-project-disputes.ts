import { and, eq } from 'drizzle-orm'
import { z } from 'zod'
import type { Db } from '../../../db/client'
import { rounds } from '../../../db/schema'
import type { LiveDocs } from '../../context'
import type { ProjectEvents } from '../../events'
import { badInput, problemsFromZod } from '../../errors'
import { requireProjectRole, type Actor } from '../access'
import { refreshDisputesForRound, type RefreshResult } from './refresh-disputes'

const inputSchema = z.object({ roundId: z.string().min(1).optional() })

/** Lead: re-detects the disputes of every revealed round (or one), e.g. after the tolerance changed. */
export async function refreshProjectDisputes(db: Db, live: LiveDocs | null, actor: Actor | null, projectId: string, raw: unknown, options: { events?: ProjectEvents } = {}) {
  await requireProjectRole(db, actor, projectId, 'lead')
  const parsed = inputSchema.safeParse(raw ?? {})
  if (!parsed.success) throw badInput('Invalid request.', problemsFromZod(parsed.error.issues))
  const revealed = await db
    .select({ id: rounds.id })
    .from(rounds)
    .where(and(eq(rounds.projectId, projectId), eq(rounds.state, 'revealed'), ...(parsed.data.roundId ? [eq(rounds.id, parsed.data.roundId)] : [])))
  const total: RefreshResult & { rounds: number } = { rounds: revealed.length, detected: 0, created: 0, superseded: 0, merged: 0 }
  for (const r of revealed) {
    const one = await refreshDisputesForRound(db, live, projectId, r.id)
    total.detected += one.detected
    total.created += one.created
    total.superseded += one.superseded
    total.merged += one.merged
  }
  options.events?.publish(projectId, 'disputes')
  return total
}
