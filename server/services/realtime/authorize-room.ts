/**
 * Which sync rooms a user may open, and how (rw / ro / marks). The realtime server calls this
 * on every upgrade; blind coding is enforced here: before the reveal, only a layer's own coder
 * may open it.
 */
import { and, eq } from 'drizzle-orm'
import type { Db } from '../../../db/client'
import { cases, codes, projects, transcripts } from '../../../db/schema'
import { ConcordError } from '../../errors'
import { parseRoom } from '../../realtime-rooms'
import { requireProjectRole, type Actor } from '../access'
import { findLatestRounds } from '../transcripts/find-rounds'

export type SyncMode = 'rw' | 'ro' | 'marks'
export interface RoomGrant {
  userId: string
  mode: SyncMode
  projectId: string
}

export async function authorizeRoom(db: Db, actor: Actor | null, room: string): Promise<RoomGrant> {
  if (!actor) throw new ConcordError('unauthenticated', 'Please sign in.')
  const parsed = parseRoom(room)
  if (!parsed) throw new ConcordError('not_found', 'No such document.')

  if (parsed.kind === 'summary') {
    const ok = await db
      .select({ id: cases.id })
      .from(cases)
      .innerJoin(codes, and(eq(codes.projectId, cases.projectId), eq(codes.id, parsed.codeId)))
      .where(and(eq(cases.id, parsed.caseId), eq(cases.projectId, parsed.projectId)))
    if (!ok[0]) throw new ConcordError('not_found', 'No such document.')
    const role = await requireProjectRole(db, actor, parsed.projectId)
    return { userId: actor.userId, projectId: parsed.projectId, mode: role === 'viewer' ? 'ro' : 'rw' }
  }

  const t = await db.select({ projectId: transcripts.projectId }).from(transcripts).where(eq(transcripts.id, parsed.transcriptId))
  if (!t[0]) throw new ConcordError('not_found', 'No such document.')
  const projectId = t[0].projectId
  const role = await requireProjectRole(db, actor, projectId)
  const round = (await findLatestRounds(db, [parsed.transcriptId])).get(parsed.transcriptId) ?? null

  if (parsed.kind === 'text') {
    if (role === 'viewer') return { userId: actor.userId, projectId, mode: 'ro' }
    // The text is frozen during a blind round so that every coder codes the same text; the
    // lead keeps write access to the shared layer (it receives the consensus).
    if (round?.state === 'blind' && role !== 'lead') return { userId: actor.userId, projectId, mode: 'ro' }
    return { userId: actor.userId, projectId, mode: 'rw' }
  }

  // A coder's independent layer.
  if (!round || !round.coderIds.includes(parsed.coderId)) throw new ConcordError('not_found', 'No such coding layer.')
  if (parsed.coderId === actor.userId && role !== 'viewer') {
    return { userId: actor.userId, projectId, mode: round.state === 'blind' ? 'marks' : 'ro' }
  }
  if (round.state === 'revealed') {
    if (role === 'lead') return { userId: actor.userId, projectId, mode: 'ro' }
    const [p] = await db.select({ settings: projects.settings }).from(projects).where(eq(projects.id, projectId))
    if (p?.settings.coderSeesRevealed && role === 'coder') return { userId: actor.userId, projectId, mode: 'ro' }
  }
  throw new ConcordError('forbidden', 'This coding layer is blind until the lead reveals the round.')
}
