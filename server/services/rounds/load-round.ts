/**
 * An independent round with its coders and transcripts, as the rounds, layers and agreement
 * services read it. Coders are in the order they joined the project (then id), as arbitration
 * lists them, so that "first coder" means the same everywhere.
 */
import { and, asc, desc, eq } from 'drizzle-orm'
import type { Db } from '../../../db/client'
import { projectMembers, roundCoders, rounds, roundTranscripts, transcripts, users } from '../../../db/schema'
import { ConcordError } from '../../errors'

export interface RoundInfo {
  id: string
  name: string
  state: 'blind' | 'revealed'
  createdAt: Date
  revealedAt: Date | null
  coders: { id: string; name: string }[]
  transcripts: { id: string; title: string; caseId: string | null; charCount: number }[]
}

export async function loadRound(db: Db, projectId: string, roundId: string): Promise<RoundInfo> {
  const [round] = await db.select().from(rounds).where(and(eq(rounds.id, roundId), eq(rounds.projectId, projectId)))
  if (!round) throw new ConcordError('not_found', 'No such round in this project.')
  const coders = await db
    .select({ id: roundCoders.userId, name: users.name, joinedAt: projectMembers.joinedAt })
    .from(roundCoders)
    .innerJoin(users, eq(users.id, roundCoders.userId))
    .leftJoin(projectMembers, and(eq(projectMembers.userId, roundCoders.userId), eq(projectMembers.projectId, projectId)))
    .where(eq(roundCoders.roundId, roundId))
  coders.sort((a, b) => (a.joinedAt?.getTime() ?? 0) - (b.joinedAt?.getTime() ?? 0) || (a.id < b.id ? -1 : 1))
  const docs = await db
    .select({ id: transcripts.id, title: transcripts.title, caseId: transcripts.caseId, charCount: transcripts.charCount })
    .from(roundTranscripts)
    .innerJoin(transcripts, eq(transcripts.id, roundTranscripts.transcriptId))
    .where(eq(roundTranscripts.roundId, roundId))
    .orderBy(asc(transcripts.position), asc(transcripts.createdAt))
  return {
    id: round.id,
    name: round.name,
    state: round.state,
    createdAt: round.createdAt,
    revealedAt: round.revealedAt,
    coders: coders.map(({ id, name }) => ({ id, name })),
    transcripts: docs,
  }
}

/** The most recently revealed round of the project, or null. */
export async function latestRevealedRoundId(db: Db, projectId: string): Promise<string | null> {
  const rows = await db
    .select({ id: rounds.id, revealedAt: rounds.revealedAt, createdAt: rounds.createdAt })
    .from(rounds)
    .where(and(eq(rounds.projectId, projectId), eq(rounds.state, 'revealed')))
    .orderBy(desc(rounds.createdAt))
  const when = (r: (typeof rows)[number]) => (r.revealedAt ?? r.createdAt).getTime()
  rows.sort((a, b) => when(b) - when(a))
  return rows[0]?.id ?? null
}
