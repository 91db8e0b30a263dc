/**
 * [SYNC18] The realtime server's DocStore contract over the Drizzle store (yjs_updates +
 * yjs_snapshots) on PGlite and, with TEST_DATABASE_URL, on Postgres.
 */
import { afterAll, beforeAll } from 'vitest'
import { runDocStoreContract } from '../../server/realtime/doc-store.contract'
import { createDrizzleDocStore } from '../../server/services/documents/drizzle-doc-store'
import type { DbHandle } from '../../db/client'
import { createTestDb, describeEachBackend } from '../support/test-db'

describeEachBackend('Drizzle DocStore', (backend) => {
  let handle: DbHandle
  beforeAll(async () => {
    handle = await createTestDb(backend)
  })
  afterAll(async () => {
    await handle?.close()
  })
  // Rooms are fresh per test, so one store over one database serves every test.
  runDocStoreContract(backend, async () => createDrizzleDocStore(handle.db))
})
