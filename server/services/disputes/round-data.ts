/** What arbitration needs to know about an independent round: its coders (in a stable order) and transcripts. */
import { and, asc, eq, inArray } from 'drizzle-orm'
import type { Db } from '../../../db/client'
import { projectMembers, roundCoders, rounds, roundTranscripts, transcripts } from '../../../db/schema'
import { ConcordError } from '../../errors'

export interface RoundData {
  id: string
  projectId: string
  name: string
  state: 'blind' | 'revealed'
  createdBy: string | null
  /** Coders in the order they joined the project (then id): versions are listed in this order. */
  coderIds: string[]
  documents: { id: string; caseId: string | null; title: string }[]
}

export async function loadRound(db: Db, projectId: string, roundId: string): Promise<RoundData> {
  const [round] = await db.select().from(rounds).where(and(eq(rounds.id, roundId), eq(rounds.projectId, projectId)))
  if (!round) throw new ConcordError('not_found', 'No such round in this project.')
  const coders = await db
    .select({ userId: roundCoders.userId, joinedAt: projectMembers.joinedAt })
    .from(roundCoders)
    .leftJoin(projectMembers, and(eq(projectMembers.userId, roundCoders.userId), eq(projectMembers.projectId, projectId)))
    .where(eq(roundCoders.roundId, roundId))
  coders.sort((a, b) => (a.joinedAt?.getTime() ?? 0) - (b.joinedAt?.getTime() ?? 0) || (a.userId < b.userId ? -1 : 1))
  const documents = await db
    .select({ id: transcripts.id, caseId: transcripts.caseId, title: transcripts.title })
    .from(roundTranscripts)
    .innerJoin(transcripts, eq(transcripts.id, roundTranscripts.transcriptId))
    .where(eq(roundTranscripts.roundId, roundId))
    .orderBy(asc(transcripts.position), asc(transcripts.createdAt))
  return { id: round.id, projectId, name: round.name, state: round.state, createdBy: round.createdBy, coderIds: coders.map((c) => c.userId), documents }
}

/** Whose id automatically merged consensus marks carry (DIS19): the round's creator, else a lead. */
export async function consensusOwner(db: Db, projectId: string, round: RoundData): Promise<string> {
  if (round.createdBy) return round.createdBy
  const leads = await db
    .select({ userId: projectMembers.userId })
    .from(projectMembers)
    .where(and(eq(projectMembers.projectId, projectId), inArray(projectMembers.role, ['lead'])))
    .orderBy(asc(projectMembers.joinedAt))
  if (!leads[0]) throw new ConcordError('internal', 'The project has no lead to own the consensus.')
  return leads[0].userId
}
