/**
 * Automatic checkpoints of transcript documents: while a text room changes, the server saves
 * its state as an `auto` version at most once per interval (10 minutes). Hooked into the sync
 * server's `onDocChanged` (server/realtime-wiring.ts), which runs debounced after changes, so a
 * document nobody edits gets no checkpoints. Only the newest `keep` automatic versions of a
 * document are kept; named versions are never pruned.
 */
import { and, desc, eq, inArray, max } from 'drizzle-orm'
import * as Y from 'yjs'
import type { Db } from '../../../db/client'
import { docVersions } from '../../../db/schema'
import { parseRoom } from '../../realtime-rooms'
import { countsOfDoc, saveVersion } from '../versions/save-version'

export interface AutoCheckpointOptions {
  intervalMs?: number
  keep?: number
  now?: () => number
  /** Told after a checkpoint was saved (e.g. to publish a 'versions' event). */
  onSaved?: (room: string) => void
}

export type AutoCheckpointer = (room: string, doc: Y.Doc) => Promise<boolean>

export function createAutoCheckpointer(db: Db, options: AutoCheckpointOptions = {}): AutoCheckpointer {
  const intervalMs = options.intervalMs ?? 10 * 60_000
  const keep = options.keep ?? 100
  const now = options.now ?? Date.now
  // room → time of its latest version: read from the database once (so a restart does not
  // checkpoint at once), then kept here. Several instances may each save one per interval.
  const last = new Map<string, number>()
  const busy = new Set<string>()

  async function latest(room: string): Promise<number> {
    const cached = last.get(room)
    if (cached !== undefined) return cached
    const [row] = await db.select({ at: max(docVersions.createdAt) }).from(docVersions).where(eq(docVersions.docName, room))
    const at = row?.at ? new Date(row.at).getTime() : 0
    last.set(room, at)
    return at
  }

  async function prune(room: string) {
    const autos = await db
      .select({ id: docVersions.id })
      .from(docVersions)
      .where(and(eq(docVersions.docName, room), eq(docVersions.kind, 'auto')))
      .orderBy(desc(docVersions.createdAt))
    const old = autos.slice(keep).map((r) => r.id)
    if (old.length) await db.delete(docVersions).where(inArray(docVersions.id, old))
  }

  /** Saves a checkpoint of `doc` if the room is a transcript text room and one is due; returns whether it did. */
  return async function checkpoint(room, doc) {
    if (parseRoom(room)?.kind !== 'text' || busy.has(room)) return false
    busy.add(room)
    try {
      if (now() - (await latest(room)) < intervalMs) return false
      // State and counts from the live doc in the same turn (no copy of the doc rebuilt from its state).
      await saveVersion(db, room, { kind: 'auto', name: null, state: Y.encodeStateAsUpdate(doc), createdBy: null, counts: countsOfDoc(doc) })
      last.set(room, now())
      await prune(room)
      options.onSaved?.(room)
      return true
    } finally {
      busy.delete(room)
    }
  }
}
