/**
 * A fresh, migrated database per test file (or per test), on PGlite or on the real Postgres:
 * PGlite loads the dumped template; Postgres clones the template database. No truncation,
 * no shared state between files.
 */
import { readFileSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { describe, inject } from 'vitest'
import { openDb, type DbHandle } from '../../db/client'

export type Backend = 'pglite' | 'postgres'

export function availableBackends(): Backend[] {
  return inject('pgTemplateDb') && process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite']
}

export async function createTestDb(backend: Backend = 'pglite'): Promise<DbHandle> {
  if (backend === 'pglite') {
    const tar = readFileSync(inject('pgliteTemplate'))
    return openDb({ loadDataDir: new Blob([tar]) })
  }
  const url = process.env.TEST_DATABASE_URL!
  const template = inject('pgTemplateDb')!
  const name = `concord_t_${process.env.VITEST_POOL_ID ? '' : ''}${templatePid(template)}_${randomBytes(4).toString('hex')}`
  const admin = await openDb({ url })
  await admin.db.execute(`create database ${name} template ${template}`)
  await admin.close()
  const u = new URL(url)
  u.pathname = '/' + name
  const handle = await openDb({ url: u.toString() })
  return {
    ...handle,
    close: async () => {
      await handle.close()
      const a = await openDb({ url })
      await a.db.execute(`drop database if exists ${name} with (force)`)
      await a.close()
    },
  }
}

function templatePid(template: string) {
  return template.replace('concord_tpl_', '')
}

/** Runs a suite once per available backend: `describeEachBackend('x', (backend) => { … })`. */
export function describeEachBackend(name: string, fn: (backend: Backend) => void) {
  for (const backend of availableBackends()) describe(`${name} [${backend}]`, () => fn(backend))
}
