import { and, eq } from 'drizzle-orm'
import type { Db } from '../../../db/client'
import { docVersions } from '../../../db/schema'
import type { LiveDocs } from '../../context'
import { computeRestoreUpdate } from '../../domain/history'
import { ConcordError } from '../../errors'
import { textRoom } from '../../realtime-rooms'
import type { Actor } from '../access'
import { requireTranscript } from '../documents/require-transcript'
import { BEFORE_RESTORE_PREFIX, saveVersion } from './save-version'

/**
 * Lead only: makes the transcript show a version again, as a forward edit on the live document
 * (new Yjs operations that everyone connected receives), never by replacing the document:
 * coder layers hold marks on the canonical items and a new document would orphan them. The
 * current state is saved first as an automatic version, so a restore can itself be undone.
 */
export async function restoreVersion(db: Db, live: LiveDocs | null, actor: Actor | null, projectId: string, transcriptId: string, versionId: string) {
  const access = await requireTranscript(db, actor, projectId, transcriptId, 'lead')
  const room = textRoom(transcriptId)
  const [row] = await db
    .select({ state: docVersions.state })
    .from(docVersions)
    .where(and(eq(docVersions.id, versionId), eq(docVersions.docName, room)))
  if (!row) throw new ConcordError('not_found', 'No such version of this transcript.')
  if (!live) throw new ConcordError('internal', 'Live documents are not available.')
  const current = await live.readState(room)
  const update = computeRestoreUpdate(current, row.state)
  if (!update) return { restored: false, backupVersionId: null }
  const backup = await saveVersion(db, room, { kind: 'auto', name: BEFORE_RESTORE_PREFIX + versionId, state: current, createdBy: access.userId })
  // Edits that arrive between the read and this apply are concurrent with the restore and merge.
  await live.applyUpdate(room, update)
  return { restored: true, backupVersionId: backup.id }
}
