/**
 * Runs once before the integration tests: migrates a PGlite database and dumps it as a template
 * (creating a PGlite directory from scratch takes seconds; loading a dump is fast), and, when
 * TEST_DATABASE_URL is set, migrates a Postgres template database that each test file clones.
 */
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { openDb } from '../../db/client'
import { runMigrations } from '../../db/migrate'

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string
    pgTemplateDb: string | null
  }
}

export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'concord-test-'))
  const handle = await openDb({})
  await runMigrations(handle)
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const client = (handle.db as any).$client as import('@electric-sql/pglite').PGlite
  const dump = await client.dumpDataDir('none')
  const file = join(dir, 'template.tar')
  writeFileSync(file, new Uint8Array(await dump.arrayBuffer()))
  await handle.close()
  project.provide('pgliteTemplate', file)

  let pgTemplate: string | null = null
  const url = process.env.TEST_DATABASE_URL
  if (url) {
    pgTemplate = `concord_tpl_${process.pid}`
    const admin = await openDb({ url })
    await admin.db.execute(`drop database if exists ${pgTemplate}`)
    await admin.db.execute(`create database ${pgTemplate}`)
    const tpl = await openDb({ url: withDatabase(url, pgTemplate) })
    await runMigrations(tpl)
    await tpl.close()
    await admin.close()
  }
  project.provide('pgTemplateDb', pgTemplate)

  return async () => {
    rmSync(dir, { recursive: true, force: true })
    if (url && pgTemplate) {
      const admin = await openDb({ url })
      // Drop the clones of this run, then the template.
      const rows = (await admin.db.execute(`select datname from pg_database where datname like 'concord_t_${process.pid}_%' or datname = '${pgTemplate}'`)) as unknown as { rows: { datname: string }[] }
      for (const r of rows.rows) await admin.db.execute(`drop database if exists ${r.datname} with (force)`)
      await admin.close()
    }
  }
}

export function withDatabase(url: string, db: string): string {
  const u = new URL(url)
  u.pathname = '/' + db
  return u.toString()
}
