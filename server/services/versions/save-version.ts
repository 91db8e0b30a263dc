/**
 * Writes one version row from a document state. Shared by named versions, automatic
 * checkpoints and the safety copy a restore takes first; not authorized here (callers are).
 */
import * as Y from 'yjs'
import type { Db } from '../../../db/client'
import { docVersions } from '../../../db/schema'
import { projectDoc } from '../../domain/editor/project-codings'
import { newId } from '../../ids'

/** `name` of the automatic version a restore saves first (the UI labels it). */
export const BEFORE_RESTORE_PREFIX = 'before-restore:'

export interface SavedVersion {
  id: string
  kind: 'auto' | 'named'
  name: string | null
  charCount: number
  codingCount: number
  createdBy: string | null
  createdAt: string
}

export async function saveVersion(
  db: Db,
  room: string,
  version: { kind: 'auto' | 'named'; name: string | null; state: Uint8Array; createdBy: string | null },
): Promise<SavedVersion> {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, version.state)
  const projection = projectDoc(doc.getXmlFragment('default'))
  doc.destroy()
  const id = newId()
  const [row] = await db
    .insert(docVersions)
    .values({
      id,
      docName: room,
      kind: version.kind,
      name: version.name,
      state: version.state,
      charCount: projection.text.length,
      codingCount: projection.codings.length,
      createdBy: version.createdBy,
    })
    .returning()
  return { id, kind: row.kind, name: row.name, charCount: row.charCount, codingCount: row.codingCount, createdBy: row.createdBy, createdAt: row.createdAt.toISOString() }
}
