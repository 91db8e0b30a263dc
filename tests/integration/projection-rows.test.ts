/**
 * The projection's row plan (planCodingRows, unit-tested in save-projection.test.ts) as the
 * database ends up with it, on PGlite and Postgres: after saveProjection, the stored rows that
 * the plan keeps or moves are there under their ids with the projected values, the stale ones
 * are gone, and the fresh codings have new rows. Rows are what retrieval links and comments
 * point at, so a coding that only shifted must keep its row.
 */
import { afterAll, beforeAll, expect, it } from 'vitest'
import { and, eq } from 'drizzle-orm'
import type { DbHandle } from '../../db/client'
import { codings } from '../../db/schema'
import { textRoom } from '../../server/realtime-rooms'
import { planCodingRows, saveProjection } from '../../server/services/documents/save-projection'
import { createProject } from '../../server/services/projects/create-project'
import { importTranscript } from '../../server/services/transcripts/import-transcript'
import { signUp } from '../../server/services/users/sign-up'
import { createTestDb, describeEachBackend } from '../support/test-db'

type Coding = { codeId: string; coderId: string; start: number; end: number; text: string }
type Row = Coding & { id: string }

const coding = (codeId: string, start: number, end: number, text = 'x', coderId = 'u1'): Coding => ({ codeId, coderId, start, end, text })
const row = (id: string, codeId: string, start: number, end: number, text = 'x', coderId = 'u1'): Row => ({ id, ...coding(codeId, start, end, text, coderId) })

describeEachBackend('codings rows of a projection', (backend) => {
  let handle: DbHandle
  let projectId: string
  let transcriptId: string
  beforeAll(async () => {
    handle = await createTestDb(backend)
    const { id: userId } = await signUp(handle.db, { email: 'lead@rows.test', name: 'Lead', password: 'projection-pass' })
    projectId = (await createProject(handle.db, { userId }, { name: 'Rows', template: 'blank' })).id
    transcriptId = (await importTranscript(handle.db, { userId }, projectId, { meta: { title: 'T' }, text: 'placeholder' })).id
  })
  afterAll(async () => {
    await handle?.close()
  })

  const room = () => textRoom(transcriptId)
  const sortKey = (r: Coding & { id?: string }) => `${r.id ?? ''}|${r.codeId}|${r.coderId}|${r.start}|${r.end}|${r.text}`
  /** Stores exactly `rows` for the room, projects `projected`, and returns the rows after. */
  async function project(rows: Row[], projected: Coding[]): Promise<Row[]> {
    await handle.db.delete(codings).where(eq(codings.transcriptId, transcriptId))
    // Inserted in reverse: the database then returns them out of id order, as it may after updates.
    for (const r of [...rows].reverse()) {
      await handle.db.insert(codings).values({ ...r, projectId, transcriptId, layer: 'shared' as const, layerOwner: null })
    }
    await saveProjection(handle.db, projectId, room(), { text: 'placeholder', paragraphs: [], codings: projected })
    const after = await handle.db.select().from(codings).where(and(eq(codings.transcriptId, transcriptId), eq(codings.layer, 'shared')))
    return after.map((r) => ({ id: r.id, codeId: r.codeId, coderId: r.coderId, start: r.start, end: r.end, text: r.text }))
  }
  const byId = (rows: Row[]) => Object.fromEntries(rows.map(({ id, ...c }) => [id, c]))

  it('keeps equal rows and moves a shifted one in place', async () => {
    const stored = [row('r1', 'A', 0, 5), row('r2', 'A', 10, 15), row('r3', 'B', 0, 5)]
    const after = await project(stored, [coding('A', 0, 5), coding('A', 11, 16), coding('B', 0, 5)])
    expect(byId(after)).toEqual({ r1: coding('A', 0, 5), r2: coding('A', 11, 16), r3: coding('B', 0, 5) })
  })

  it('ends with the plan applied on seeded random cases: which rows stay, where they go, what is new', async () => {
    let seed = 42
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) >>> 0
      return Math.floor((seed / 2 ** 32) * n)
    }
    // Small spaces in half the rounds: many equal codings, so ties between rows matter.
    let space = 30
    const randomCoding = () => {
      const start = random(space)
      return coding('ABC'[random(3)], start, start + 1 + random(space > 5 ? 5 : 2), 'xy'[random(2)], random(2) ? 'u1' : 'u2')
    }
    for (let round = 0; round < 120; round++) {
      space = round % 2 ? 30 : 3
      const stored = Array.from({ length: random(8) }, (_, i) => ({ ...randomCoding(), id: `r${i}` }))
      const projected = Array.from({ length: random(8) }, randomCoding)
      const after = await project(stored, projected)
      const plan = planCodingRows(stored, projected)
      const kept = stored
        .filter((r) => !plan.stale.includes(r.id))
        .map((r) => ({ ...r, ...plan.moved.find((m) => m.id === r.id) }))
      const isStored = (r: Row) => stored.some((s) => s.id === r.id)
      expect(after.filter(isStored).map(sortKey).sort()).toEqual(kept.map(sortKey).sort())
      expect(after.filter((r) => !isStored(r)).map(({ id: _id, ...c }) => sortKey(c)).sort()).toEqual(plan.fresh.map(sortKey).sort())
      // and the rows are exactly the projected codings
      expect(after.map(({ id: _id, ...c }) => sortKey(c)).sort()).toEqual(projected.map(sortKey).sort())
    }
  })
})
