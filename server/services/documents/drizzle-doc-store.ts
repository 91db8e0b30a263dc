/**
 * Yjs persistence on Postgres/PGlite: an append-only update log plus a compacted snapshot.
 * load = snapshot + later updates; compact replaces everything up to now with one state,
 * in one transaction, so a crash mid-compaction loses nothing.
 */
import { and, asc, eq, gt, lte, sql } from 'drizzle-orm'
import type { Db } from '../../../db/client'
import { yjsSnapshots, yjsUpdates } from '../../../db/schema'

export interface StoredDoc {
  updates: Uint8Array[]
}

export function createDrizzleDocStore(db: Db) {
  return {
    async load(room: string): Promise<StoredDoc> {
      const snap = await db.select().from(yjsSnapshots).where(eq(yjsSnapshots.docName, room)).limit(1)
      const after = snap[0]?.uptoId ?? 0
      const rows = await db
        .select({ data: yjsUpdates.data })
        .from(yjsUpdates)
        .where(and(eq(yjsUpdates.docName, room), gt(yjsUpdates.id, after)))
        .orderBy(asc(yjsUpdates.id))
      return { updates: [...(snap[0] ? [snap[0].state] : []), ...rows.map((r) => r.data)] }
    },

    async append(room: string, update: Uint8Array): Promise<void> {
      await db.insert(yjsUpdates).values({ docName: room, data: update })
    },

    /** Count of log rows after the snapshot (compaction trigger). */
    async pendingCount(room: string): Promise<number> {
      const rows = await db.select({ n: sql<number>`count(*)::int` }).from(yjsUpdates).where(eq(yjsUpdates.docName, room))
      return rows[0]?.n ?? 0
    },

    /**
     * `state` must include every update stored so far (the caller encodes its loaded doc after
     * all appends resolved). Rows appended concurrently after we read the max id survive.
     */
    async compact(room: string, state: Uint8Array): Promise<void> {
      await db.transaction(async (tx) => {
        const max = await tx
          .select({ id: sql<number>`coalesce(max(${yjsUpdates.id}), 0)::bigint` })
          .from(yjsUpdates)
          .where(eq(yjsUpdates.docName, room))
        const prev = await tx.select({ uptoId: yjsSnapshots.uptoId }).from(yjsSnapshots).where(eq(yjsSnapshots.docName, room))
        const upto = Math.max(Number(max[0]?.id ?? 0), prev[0]?.uptoId ?? 0)
        await tx
          .insert(yjsSnapshots)
          .values({ docName: room, state, uptoId: upto })
          .onConflictDoUpdate({ target: yjsSnapshots.docName, set: { state, uptoId: upto, updatedAt: new Date() } })
        await tx.delete(yjsUpdates).where(and(eq(yjsUpdates.docName, room), lte(yjsUpdates.id, upto)))
      })
    },

    async remove(room: string): Promise<void> {
      await db.delete(yjsUpdates).where(eq(yjsUpdates.docName, room))
      await db.delete(yjsSnapshots).where(eq(yjsSnapshots.docName, room))
    },
  }
}

export type DrizzleDocStore = ReturnType<typeof createDrizzleDocStore>
