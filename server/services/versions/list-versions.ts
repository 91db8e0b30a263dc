import { desc, eq } from 'drizzle-orm'
import type { Db } from '../../../db/client'
import { docVersions, users } from '../../../db/schema'
import { textRoom } from '../../realtime-rooms'
import type { Actor } from '../access'
import { requireTranscript } from '../documents/require-transcript'

/** A transcript's versions, newest first, without their states (API: GET …/versions). */
export async function listVersions(db: Db, actor: Actor | null, projectId: string, transcriptId: string) {
  await requireTranscript(db, actor, projectId, transcriptId)
  const rows = await db
    .select({
      id: docVersions.id,
      kind: docVersions.kind,
      name: docVersions.name,
      charCount: docVersions.charCount,
      codingCount: docVersions.codingCount,
      createdBy: docVersions.createdBy,
      createdByName: users.name,
      createdAt: docVersions.createdAt,
    })
    .from(docVersions)
    .leftJoin(users, eq(users.id, docVersions.createdBy))
    .where(eq(docVersions.docName, textRoom(transcriptId)))
    .orderBy(desc(docVersions.createdAt), desc(docVersions.id))
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }))
}
