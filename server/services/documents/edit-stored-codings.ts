/**
 * Changing a document's code marks when no sync server is running (the demo seed at start, the
 * CLI with the server stopped): load the stored state, edit a Y.Doc the way the live server would,
 * append only the diff to the update log, and re-project the codings rows.
 *
 * Never use this while a sync server has the room loaded: the server would not see the update,
 * and its next compaction (which writes its in-memory state over the log) would drop it. With a
 * server running, go through `ctx.live` — `editDocCodings` below picks the right path.
 */
import * as Y from 'yjs'
import type { Db } from '../../../db/client'
import type { LiveDocs, PlainCoding } from '../../context'
import { addCodingsToDoc, removeCodingFromDoc } from '../../domain/editor/build-doc'
import { projectDoc } from '../../domain/editor/project-codings'
import type { DocProjection } from '../../domain/editor/types'
import { createDrizzleDocStore } from './drizzle-doc-store'
import { saveDocProjection } from './save-projection'

export interface CodingsEdit {
  add?: PlainCoding[]
  remove?: PlainCoding[]
}

async function loadStoredDoc(db: Db, room: string): Promise<Y.Doc> {
  const { updates } = await createDrizzleDocStore(db).load(room)
  const doc = new Y.Doc()
  for (const u of updates) Y.applyUpdate(doc, u)
  return doc
}

/** Applies `edit` to the stored document `room` (removals first, as LiveDocs.editCodings does). */
export async function editStoredCodings(db: Db, projectId: string, room: string, edit: CodingsEdit): Promise<void> {
  const doc = await loadStoredDoc(db, room)
  try {
    const before = Y.encodeStateVector(doc)
    for (const c of edit.remove ?? []) removeCodingFromDoc(doc, c)
    if (edit.add?.length) addCodingsToDoc(doc, edit.add)
    const diff = Y.encodeStateAsUpdate(doc, before)
    // An update with no structs and no deletions is 2 bytes: nothing to store.
    if (diff.length > 2) await createDrizzleDocStore(db).append(room, diff)
    await saveDocProjection(db, projectId, room, doc)
  } finally {
    doc.destroy()
  }
}

/** The stored document's text, paragraphs and codings. */
export async function readStoredProjection(db: Db, room: string): Promise<DocProjection> {
  const doc = await loadStoredDoc(db, room)
  try {
    return projectDoc(doc.getXmlFragment('default'))
  } finally {
    doc.destroy()
  }
}

/** Edits through the running sync server when there is one, else the stored document. */
export async function editDocCodings(db: Db, live: LiveDocs | null, projectId: string, room: string, edit: CodingsEdit): Promise<void> {
  if (!edit.add?.length && !edit.remove?.length) return
  if (live) await live.editCodings(room, edit)
  else await editStoredCodings(db, projectId, room, edit)
}

/** Reads through the running sync server when there is one, else the stored document. */
export async function readDocProjection(db: Db, live: LiveDocs | null, room: string): Promise<DocProjection> {
  return live ? live.readProjection(room) : readStoredProjection(db, room)
}
