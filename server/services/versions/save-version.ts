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

export interface VersionCounts {
  charCount: number
  codingCount: number
}

/** Characters and codings of a live doc, read at the moment its state is encoded. */
export function countsOfDoc(doc: Y.Doc): VersionCounts {
  const projection = projectDoc(doc.getXmlFragment('default'))
  return { charCount: projection.text.length, codingCount: projection.codings.length }
}

function countsOfState(state: Uint8Array): VersionCounts {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, state)
  const counts = countsOfDoc(doc)
  doc.destroy()
  return counts
}

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
  version: {
    kind: 'auto' | 'named'
    name: string | null
    state: Uint8Array
    createdBy: string | null
    /** The state's text length and codings count, when the caller has them (else read from the state). */
    counts?: VersionCounts
  },
): Promise<SavedVersion> {
  const { charCount, codingCount } = version.counts ?? countsOfState(version.state)
  const id = newId()
  const [row] = await db
    .insert(docVersions)
    .values({
      id,
      docName: room,
      kind: version.kind,
      name: version.name,
      state: version.state,
      charCount,
      codingCount,
      createdBy: version.createdBy,
    })
    .returning()
  return { id, kind: row.kind, name: row.name, charCount: row.charCount, codingCount: row.codingCount, createdBy: row.createdBy, createdAt: row.createdAt.toISOString() }
}
