import * as Y from 'yjs'
import type { Db } from '../../../db/client'
import type { LiveDocs } from '../../context'
import { createDrizzleDocStore } from './drizzle-doc-store'

/**
 * A document as it stands now, as a fresh Y.Doc the caller owns (and destroys): through the
 * running sync server, which holds edits not yet persisted, else (CLI, tests, no server) the
 * stored snapshot and update log. Only for reading: changes to it go nowhere.
 * @example const doc = await readCurrentDoc(db, live, textRoom(id)); try { … } finally { doc.destroy() }
 */
export async function readCurrentDoc(db: Db, live: Pick<LiveDocs, 'readState'> | null, room: string): Promise<Y.Doc> {
  const doc = new Y.Doc()
  if (live) {
    Y.applyUpdate(doc, await live.readState(room))
  } else {
    const { updates } = await createDrizzleDocStore(db).load(room)
    for (const u of updates) Y.applyUpdate(doc, u)
  }
  return doc
}
