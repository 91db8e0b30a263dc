import { asc, eq } from 'drizzle-orm'
import type { Db } from '../../../db/client'
import { projects, transcripts } from '../../../db/schema'
import { requireProjectRole, type Actor } from '../access'
import { findLatestRounds } from './find-rounds'
import { layerRoom, textRoom } from '../../realtime-rooms'

/**
 * The project's transcripts with the independent round each is in and the sync rooms the
 * caller may open (API.md `GET /api/projects/:id/documents`).
 */
export async function listDocuments(db: Db, actor: Actor | null, projectId: string) {
  const role = await requireProjectRole(db, actor, projectId)
  const [project] = await db.select({ settings: projects.settings }).from(projects).where(eq(projects.id, projectId))
  const rows = await db
    .select()
    .from(transcripts)
    .where(eq(transcripts.projectId, projectId))
    .orderBy(asc(transcripts.position), asc(transcripts.createdAt))
  const roundsByTranscript = await findLatestRounds(db, rows.map((r) => r.id))
  return rows.map((t) => {
    const round = roundsByTranscript.get(t.id) ?? null
    const rooms: { text: string; layer?: string } = { text: textRoom(t.id) }
    if (round && round.coderIds.includes(actor!.userId)) rooms.layer = layerRoom(t.id, actor!.userId)
    const canSeeLayers = round?.state === 'revealed' && (role === 'lead' || (project?.settings.coderSeesRevealed ?? false))
    return {
      id: t.id,
      title: t.title,
      caseId: t.caseId,
      respondentRole: t.respondentRole,
      interviewDate: t.interviewDate,
      mode: t.mode,
      durationMinutes: t.durationMinutes,
      charCount: t.charCount,
      round: round ? { id: round.id, state: round.state } : null,
      rooms,
      ...(canSeeLayers ? { revealedLayers: round!.coderIds.map((c) => ({ coderId: c, room: layerRoom(t.id, c) })) } : {}),
    }
  })
}
