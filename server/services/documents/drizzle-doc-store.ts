/**
 * Yjs persistence on Postgres/PGlite: an append-only update log plus a compacted snapshot.
 * load = snapshot + later updates; compact replaces everything up to now with one state,
 * in one transaction, so a crash mid-compaction loses nothing.
 */
import { and, eq, lte, sql } from 'drizzle-orm'
import { runDriverStatement, type Db } from '../../../db/client'
import { yjsSnapshots, yjsUpdates } from '../../../db/schema'

export interface StoredDoc {
  updates: Uint8Array[]
}

interface QueuedAppend {
  row: { docName: string; data: Uint8Array }
  resolve: () => void
  reject: (error: unknown) => void
}

/**
 * Group commit: appends that arrive in the same turn of the event loop (the sync server flushes
 * every room's micro-batch on the same clock tick) go to the database as one INSERT. With many
 * live rooms, one statement instead of one per room is most of the persistence cost (measured in
 * bench/sync). The rows travel as two array parameters, so the statement's text is the same for
 * any batch (prepared once per connection on Postgres; building drizzle's multi-row VALUES cost
 * more CPU than the insert itself), and it goes to the driver directly (runDriverStatement). A
 * room has at most one append in flight (its DocWriter waits for each), so the order of rows
 * within a batch does not matter. If the shared statement fails, each row is retried alone, so
 * one bad row cannot fail the other rooms.
 */
const appendStatement = {
  name: 'concord_append_updates',
  text: 'insert into yjs_updates (doc_name, data) select * from unnest($1::text[], $2::bytea[])',
}

function createGroupAppender(db: Db) {
  let queue: QueuedAppend[] = []
  const insertRows = (rows: QueuedAppend['row'][]) =>
    runDriverStatement(db, appendStatement, [rows.map((r) => r.docName), rows.map((r) => r.data)])
  const flush = async () => {
    const batch = queue
    queue = []
    try {
      await insertRows(batch.map((b) => b.row))
      for (const b of batch) b.resolve()
    } catch (error) {
      if (batch.length === 1) return batch[0].reject(error)
      for (const b of batch) await insertRows([b.row]).then(b.resolve, b.reject)
    }
  }
  return (docName: string, data: Uint8Array) =>
    new Promise<void>((resolve, reject) => {
      if (queue.push({ row: { docName, data }, resolve, reject }) === 1) setImmediate(() => void flush())
    })
}

export function createDrizzleDocStore(db: Db) {
  const appendRow = createGroupAppender(db)
  return {
    /**
     * One statement, so one view of the database: read as two queries, a compaction committing
     * between them (another instance's, or this one's while a reader loads) left the old snapshot
     * and the rows after it deleted, and the load lost them (seen in tests/realtime/blindness).
     */
    async load(room: string): Promise<StoredDoc> {
      const result = (await db.execute(sql`
        select 0 as part, 0::bigint as id, s.state as data from ${yjsSnapshots} s where s.doc_name = ${room}
        union all
        select 1, u.id, u.data from ${yjsUpdates} u
        where u.doc_name = ${room} and u.id > coalesce((select upto_id from ${yjsSnapshots} where doc_name = ${room}), 0)
        order by part, id`)) as unknown as { rows: { data: Uint8Array }[] }
      return { updates: result.rows.map((r) => r.data) }
    },

    append(room: string, update: Uint8Array): Promise<void> {
      return appendRow(room, update)
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

    /** Rooms stored as more than one update: log rows after the snapshot, plus the snapshot if any, above one. */
    async roomsWithTails(): Promise<string[]> {
      const result = (await db.execute(sql`
        select u.doc_name as room
        from ${yjsUpdates} u left join ${yjsSnapshots} s on s.doc_name = u.doc_name
        where u.id > coalesce(s.upto_id, 0)
        group by u.doc_name, s.doc_name
        having count(*) + (case when s.doc_name is null then 0 else 1 end) > 1
        order by u.doc_name`)) as unknown as { rows: { room: string }[] }
      return result.rows.map((r) => r.room)
    },

    async remove(room: string): Promise<void> {
      await db.delete(yjsUpdates).where(eq(yjsUpdates.docName, room))
      await db.delete(yjsSnapshots).where(eq(yjsSnapshots.docName, room))
    },
  }
}

export type DrizzleDocStore = ReturnType<typeof createDrizzleDocStore>
