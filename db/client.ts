/**
 * One database client for the server, the CLI and the tests: PGlite (Postgres in WASM, stored in
 * a directory) when no URL is given, node-postgres otherwise. Same schema and dialect for both.
 * Never import next/* here (STYLE rule 4).
 */
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import * as schema from './schema'

export type Schema = typeof schema
export type Db = PgDatabase<PgQueryResultHKT, Schema>

export interface DbHandle {
  db: Db
  kind: 'pglite' | 'postgres'
  close(): Promise<void>
}

export interface DbOptions {
  /** postgres://… ; when absent PGlite is used. */
  url?: string
  /** PGlite data directory; absent with no url = in-memory. */
  dataDir?: string
  /** PGlite: start from a dumped data directory (tests clone a migrated template this way). */
  loadDataDir?: Blob
}

/** The driver drizzle wraps: PGlite or a pg Pool. Both take `query(text, values)`; pg also a config object. */
interface DriverClient {
  query(textOrConfig: string | { name: string; text: string; values: unknown[] }, values?: unknown[]): Promise<unknown>
  waitReady?: Promise<void>
}

/**
 * Runs one statement on the driver under drizzle, for the rare hot statement where drizzle's
 * query building and result handling cost more CPU than the statement itself: the sync
 * server's update-log appends, a few per second per live room (bench/sync; on PGlite an append
 * took 1.34 ms of CPU through `db.execute`, 0.94 ms this way). On Postgres the statement is
 * prepared under `name` (parsed and planned once per connection). Results are not returned:
 * use drizzle for anything that reads.
 */
export async function runDriverStatement(db: Db, statement: { name: string; text: string }, values: unknown[]): Promise<void> {
  const client = (db as unknown as { $client: DriverClient }).$client
  if (client.waitReady) await client.query(statement.text, values) // PGlite: no named statements
  else await client.query({ name: statement.name, text: statement.text, values })
}

export async function openDb(options: DbOptions): Promise<DbHandle> {
  if (options.url) {
    const { Pool } = await import('pg')
    const { drizzle } = await import('drizzle-orm/node-postgres')
    // Idle connections stay open (pg's default closes them after 10 s): a Postgres backend
    // costs tens of ms of CPU to start and again to exit (it unmaps shared buffers), so a pool
    // that shrinks after each burst of sockets and grows at the next one spent more CPU on
    // connections than on the sync server's writes (bench/sync, Postgres CPU from /proc).
    const pool = new Pool({ connectionString: options.url, max: 10, idleTimeoutMillis: 0 })
    // An idle connection that the server drops (restart, failover, a dropped test database)
    // emits 'error' on the pool; unhandled, that would crash the whole process. The pool
    // replaces the connection on the next query, so a warning is enough.
    pool.on('error', (err: Error & { code?: string }) => {
      if (err.code !== '57P01') console.warn('postgres: idle connection error:', err.message)
    })
    const db = drizzle(pool, { schema }) as unknown as Db
    return { db, kind: 'postgres', close: () => pool.end() }
  }
  const { PGlite } = await import('@electric-sql/pglite')
  const { drizzle } = await import('drizzle-orm/pglite')
  const { pgliteCodecs } = await import('./pglite-codecs')
  const pgliteOptions = { ...pgliteCodecs, ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}) }
  const client = options.dataDir ? new PGlite(options.dataDir, pgliteOptions) : new PGlite(pgliteOptions)
  await client.waitReady
  const db = drizzle(client, { schema }) as unknown as Db
  let closed = false
  return {
    db,
    kind: 'pglite',
    close: async () => {
      if (closed) return
      closed = true
      await client.close()
    },
  }
}
