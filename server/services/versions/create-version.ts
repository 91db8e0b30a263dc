import { z } from 'zod'
import type { Db } from '../../../db/client'
import type { LiveDocs } from '../../context'
import { ConcordError, badInput, problemsFromZod } from '../../errors'
import { textRoom } from '../../realtime-rooms'
import type { Actor } from '../access'
import { requireTranscript } from '../documents/require-transcript'
import { saveVersion } from './save-version'

export const createVersionSchema = z.object({
  name: z.string().trim().min(1, 'Name the version.').max(200, 'At most 200 characters.'),
})

/** Saves the transcript as it is now under a name (coders and the lead). */
export async function createVersion(db: Db, live: LiveDocs | null, actor: Actor | null, projectId: string, transcriptId: string, input: unknown) {
  const access = await requireTranscript(db, actor, projectId, transcriptId, 'coder')
  const parsed = createVersionSchema.safeParse(input)
  if (!parsed.success) throw badInput('Please correct the version.', problemsFromZod(parsed.error.issues))
  if (!live) throw new ConcordError('internal', 'Live documents are not available.')
  const room = textRoom(transcriptId)
  const state = await live.readState(room)
  return saveVersion(db, room, { kind: 'named', name: parsed.data.name, state, createdBy: access.userId })
}
