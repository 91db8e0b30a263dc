/**
 * PGlite has no autovacuum: without the sync server's vacuum schedule its update log grows by
 * every update ever appended, though compaction deletes them (server/services/maintenance/vacuum.ts).
 * Runs on both backends (the statement must work on Postgres too, where autovacuum also exists).
 */
import { afterAll, beforeAll, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import type { DbHandle } from '../../db/client'
import { createDrizzleDocStore } from '../../server/services/documents/drizzle-doc-store'
import { churningTablesWithAutovacuumOff, databaseLacksAutovacuum, startVacuumSchedule, vacuumChurningTables } from '../../server/services/maintenance/vacuum'
import { createTestDb, describeEachBackend } from '../support/test-db'

describeEachBackend('vacuum of the churning tables', (backend) => {
  let handle: DbHandle
  beforeAll(async () => {
    handle = await createTestDb(backend)
  })
  afterAll(async () => {
    await handle?.close()
  })

  const logBytes = async () => {
    const result = (await handle.db.execute(sql`select pg_relation_size('yjs_updates')::bigint as n`)) as unknown as { rows: { n: string | number }[] }
    return Number(result.rows[0].n)
  }
  // A busy room: a few hundred small updates, then the compaction that deletes them.
  const busyRoom = async (room: string) => {
    const store = createDrizzleDocStore(handle.db)
    for (let i = 0; i < 300; i++) await store.append(room, new Uint8Array(200).fill(i % 256))
    await store.compact(room, new Uint8Array(1000))
  }

  it('lets the update log reuse the space of compacted rows instead of growing with every update', async () => {
    const room = `t/vacuum-${backend}-${Date.now()}`
    await busyRoom(room)
    await vacuumChurningTables(handle.db)
    const settled = await logBytes()
    for (let round = 0; round < 3; round++) {
      await busyRoom(room)
      await vacuumChurningTables(handle.db)
    }
    // Without vacuum, each round adds its 300 rows' pages (about 70 kB) to the file for good.
    expect(await logBytes()).toBeLessThanOrEqual(settled + 8192)
  })

  it('the server vacuums where nothing else does: PGlite, or a Postgres with autovacuum off', async () => {
    const setting = (await handle.db.execute(sql`select current_setting('autovacuum') as a`)) as unknown as { rows: { a: string }[] }
    expect(await databaseLacksAutovacuum(handle.db, backend)).toBe(backend === 'pglite' || setting.rows[0].a === 'off')
    // The setting is server-wide (not one a test may change): both answers, from a database that gives them.
    // (first query: the setting; second: the tables with autovacuum off)
    const answering = (autovacuum: string, tablesOff: string[] = []) => {
      const answers = [{ rows: [{ autovacuum }] }, { rows: tablesOff.map((name) => ({ name })) }]
      return { execute: async () => answers.shift() } as unknown as typeof handle.db
    }
    expect(await databaseLacksAutovacuum(answering('off'), 'postgres')).toBe(true)
    expect(await databaseLacksAutovacuum(answering('on'), 'postgres')).toBe(false)
    expect(await databaseLacksAutovacuum(answering('on', ['codings']), 'postgres')).toBe(true)
    expect(await databaseLacksAutovacuum(answering('on'), 'pglite')).toBe(true)
  })

  it('finds a churning table whose own autovacuum_enabled storage parameter is off', async () => {
    expect(await churningTablesWithAutovacuumOff(handle.db)).toEqual([])
    await handle.db.execute(sql`alter table codings set (autovacuum_enabled = off)`)
    await handle.db.execute(sql`alter table yjs_updates set (autovacuum_enabled = false, fillfactor = 90)`)
    await handle.db.execute(sql`alter table projects set (autovacuum_enabled = false)`) // not a churning table
    try {
      expect(await churningTablesWithAutovacuumOff(handle.db)).toEqual(['codings', 'yjs_updates'])
      if (backend === 'postgres') expect(await databaseLacksAutovacuum(handle.db, backend)).toBe(true)
    } finally {
      for (const table of ['codings', 'yjs_updates', 'projects']) await handle.db.execute(sql.raw(`alter table ${table} reset (autovacuum_enabled, fillfactor)`))
    }
    expect(await churningTablesWithAutovacuumOff(handle.db)).toEqual([])
  })

  it('runs on a schedule until stopped', async () => {
    const vacuums = async () => {
      const r = (await handle.db.execute(sql`select coalesce(max(vacuum_count), 0)::int as n from pg_stat_user_tables where relname = 'yjs_updates'`)) as unknown as { rows: { n: number }[] }
      return Number(r.rows[0].n)
    }
    const before = await vacuums()
    const schedule = startVacuumSchedule(handle.db, { intervalMs: 20, onError: (e) => { throw e } })
    await new Promise((resolve) => setTimeout(resolve, 300))
    await schedule.stop()
    const stopped = await vacuums()
    expect(stopped - before).toBeGreaterThan(1)
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(await vacuums()).toBe(stopped)
  })
})
