/**
 * Lead: reveals a blind round. From now on the lead (and, if the project allows, the coders) may
 * read every layer of it; open sockets are re-authorized so that each gets its new mode at once
 * (a coder's own layer becomes read-only), and the round's disagreements become disputes.
 */
import { and, eq } from 'drizzle-orm'
import type { Db } from '../../../db/client'
import { rounds } from '../../../db/schema'
import { ConcordError } from '../../errors'
import { refreshDisputesForRound } from '../disputes/refresh-disputes'
import { requireProjectRole, type Actor } from '../access'
import type { RoundEffects } from './create-round'

export async function revealRound(db: Db, actor: Actor | null, projectId: string, roundId: string, effects: RoundEffects = {}) {
  await requireProjectRole(db, actor, projectId, 'lead')
  const [round] = await db.select().from(rounds).where(and(eq(rounds.id, roundId), eq(rounds.projectId, projectId)))
  if (!round) throw new ConcordError('not_found', 'No such round in this project.')
  if (round.state === 'revealed') return { id: round.id, state: 'revealed' as const, revealedAt: round.revealedAt, alreadyRevealed: true, disputes: null }
  const revealedAt = new Date()
  await db.update(rounds).set({ state: 'revealed', revealedAt }).where(eq(rounds.id, roundId))
  await effects.live?.recheckAccess()
  let disputes: { detected: number; created: number } | null = null
  try {
    const r = await refreshDisputesForRound(db, effects.live ?? null, projectId, roundId, { events: effects.events })
    disputes = { detected: r.detected, created: r.created }
  } catch (e) {
    // The reveal stands; arbitration can detect the disputes again later (refresh is idempotent).
    console.error('Concord: dispute detection after the reveal failed:', e)
  }
  effects.events?.publish(projectId, 'rounds')
  effects.events?.publish(projectId, 'documents')
  effects.events?.publish(projectId, 'codings')
  return { id: round.id, state: 'revealed' as const, revealedAt, alreadyRevealed: false, disputes }
}
