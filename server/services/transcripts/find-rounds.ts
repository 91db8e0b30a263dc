import { desc, eq, inArray } from 'drizzle-orm'
import type { Db } from '../../../db/client'
import { roundCoders, rounds, roundTranscripts } from '../../../db/schema'

export interface TranscriptRound {
  id: string
  name: string
  state: 'blind' | 'revealed'
  coderIds: string[]
}

/** For each transcript, the most recent independent round it belongs to (with its coders). */
export async function findLatestRounds(db: Db, transcriptIds: string[]): Promise<Map<string, TranscriptRound>> {
  const out = new Map<string, TranscriptRound>()
  if (transcriptIds.length === 0) return out
  const rows = await db
    .select({ transcriptId: roundTranscripts.transcriptId, id: rounds.id, name: rounds.name, state: rounds.state, createdAt: rounds.createdAt })
    .from(roundTranscripts)
    .innerJoin(rounds, eq(rounds.id, roundTranscripts.roundId))
    .where(inArray(roundTranscripts.transcriptId, transcriptIds))
    .orderBy(desc(rounds.createdAt))
  const roundIds = [...new Set(rows.map((r) => r.id))]
  const coders = roundIds.length
    ? await db.select().from(roundCoders).where(inArray(roundCoders.roundId, roundIds))
    : []
  const codersByRound = new Map<string, string[]>()
  for (const c of coders) codersByRound.set(c.roundId, [...(codersByRound.get(c.roundId) ?? []), c.userId])
  for (const r of rows) {
    if (out.has(r.transcriptId)) continue // rows are newest first
    out.set(r.transcriptId, { id: r.id, name: r.name, state: r.state, coderIds: codersByRound.get(r.id) ?? [] })
  }
  return out
}
