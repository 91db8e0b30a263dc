/**
 * Vacuum for the embedded database. PGlite runs Postgres as one process, without the
 * autovacuum launcher (its `autovacuum` setting says "on", but nothing acts on it), so nothing
 * reclaims the rows that update-log compactions delete and projections replace: the update log
 * grew by every update ever written (measured: 0.85 MB per 2,000 appends, for good, while a
 * vacuumed table stayed at 0.5 MB), and the planner kept the statistics of an empty database.
 * This does autovacuum's job for the tables that churn. On Postgres, autovacuum does it, unless
 * it is switched off (some machines run Postgres so, this one's CI included): then this runs there too.
 * Cost: after ten busy minutes (20 rooms, 120,000 appends, 240 compactions) a run took 63 ms
 * of PGlite's one thread, 6 ms when there is nothing to do (bench/out measurement, 2026-11-29).
 */
import { sql } from 'drizzle-orm'
import type { Db } from '../../../db/client'

/** Tables that the sync server rewrites all day: the update log and snapshots, the projection, versions. */
export const CHURNING_TABLES = ['yjs_updates', 'yjs_snapshots', 'codings', 'transcript_texts', 'transcripts', 'doc_versions'] as const

export async function vacuumChurningTables(db: Db): Promise<void> {
  await db.execute(sql.raw(`vacuum (analyze) ${CHURNING_TABLES.join(', ')}`))
}

/**
 * Whether nothing but us will vacuum: PGlite never does; a Postgres with `autovacuum = off`
 * neither, nor for a churning table whose own `autovacuum_enabled` storage parameter is off.
 */
export async function databaseLacksAutovacuum(db: Db, kind: 'pglite' | 'postgres'): Promise<boolean> {
  if (kind === 'pglite') return true
  const result = (await db.execute(sql`select current_setting('autovacuum') as autovacuum`)) as unknown as { rows: { autovacuum: string }[] }
  return result.rows[0]?.autovacuum === 'off' || (await churningTablesWithAutovacuumOff(db)).length > 0
}

/** The churning tables whose `autovacuum_enabled` storage parameter is off (`alter table … set (autovacuum_enabled = false)`). */
export async function churningTablesWithAutovacuumOff(db: Db): Promise<string[]> {
  const result = (await db.execute(sql`
    select c.relname as name
    from pg_class c cross join lateral unnest(c.reloptions) as o(option)
    where c.oid in (select to_regclass(t) from unnest(${sql.param([...CHURNING_TABLES])}::text[]) as t)
      -- Postgres keeps the value as it was written: any spelling of false
      and lower(o.option) ~ '^autovacuum_enabled=(f|fa|fal|fals|false|of|off|n|no|0)$'
    order by c.relname`)) as unknown as { rows: { name: string }[] }
  return result.rows.map((r) => r.name)
}

export interface VacuumSchedule {
  /** Stops the timer and waits for a vacuum that is running (the database can then be closed). */
  stop(): Promise<void>
}

/** Vacuums every `intervalMs` (default 10 minutes); a run that fails is logged and retried next time. */
export function startVacuumSchedule(db: Db, options: { intervalMs?: number; onError?: (error: unknown) => void } = {}): VacuumSchedule {
  const onError = options.onError ?? ((error) => console.error('vacuum failed', error))
  let running: Promise<void> | null = null
  const timer = setInterval(() => {
    if (running) return
    running = vacuumChurningTables(db)
      .catch(onError)
      .finally(() => {
        running = null
      })
  }, options.intervalMs ?? 10 * 60_000)
  timer.unref?.()
  return {
    async stop() {
      clearInterval(timer)
      await running?.catch(() => {}) // its failure went to onError
    },
  }
}
