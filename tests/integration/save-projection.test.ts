/**
 * The codings projection's writes (save-projection.ts) on PGlite and Postgres: rows of a shifted
 * coding are updated in place (same id), removed codings are deleted, new ones inserted, a layer
 * keeps only its owner's marks, the text row follows, and a transcript with more codings than
 * Postgres allows parameters in one statement (65,535 / 10 columns) is written in one go. And the
 * row plan (planCodingRows, unit-tested beside it) as the database ends up with it: rows are what
 * retrieval links and comments point at, so a coding that only shifted must keep its row.
 */
import { afterAll, beforeAll, expect, it } from 'vitest'
import { and, eq } from 'drizzle-orm'
import type { DbHandle } from '../../db/client'
import { codings, transcripts, transcriptTexts } from '../../db/schema'
import type { DocProjection, ProjectedCoding } from '../../server/domain/editor/types'
import { layerRoom, textRoom } from '../../server/realtime-rooms'
import { planCodingRows, saveProjection } from '../../server/services/documents/save-projection'
import { createProject } from '../../server/services/projects/create-project'
import { importTranscript } from '../../server/services/transcripts/import-transcript'
import { signUp } from '../../server/services/users/sign-up'
import { createTestDb, describeEachBackend } from '../support/test-db'

/** A projection of `text` (one paragraph) with the given codings; their text is cut from `text`. */
function projectionOf(text: string, spans: Omit<ProjectedCoding, 'text'>[]): DocProjection {
  return {
    text,
    paragraphs: [{ index: 0, start: 0, end: text.length, speaker: null }] as DocProjection['paragraphs'],
    codings: spans.map((s) => ({ ...s, text: text.slice(s.start, s.end) })),
  }
}

describeEachBackend('codings projection writes', (backend) => {
  let handle: DbHandle
  let projectId: string
  let transcriptId: string
  let userId: string
  /** A transcript of its own for the row-plan cases, which replace its rows each time. */
  let planTranscriptId: string
  beforeAll(async () => {
    handle = await createTestDb(backend)
    const user = await signUp(handle.db, { email: 'lead@projection.test', name: 'Lead', password: 'projection-pass' })
    userId = user.id
    projectId = (await createProject(handle.db, { userId }, { name: 'Projection', template: 'blank' })).id
    transcriptId = (await importTranscript(handle.db, { userId }, projectId, { meta: { title: 'T' }, text: 'placeholder' })).id
    planTranscriptId = (await importTranscript(handle.db, { userId }, projectId, { meta: { title: 'Plan' }, text: 'placeholder' })).id
  })
  afterAll(async () => {
    await handle?.close()
  })

  const rowsOf = async (layer: 'shared' | 'coder' = 'shared') =>
    (await handle.db.select().from(codings).where(and(eq(codings.transcriptId, transcriptId), eq(codings.layer, layer))))
      .map((r) => ({ id: r.id, codeId: r.codeId, coderId: r.coderId, start: r.start, end: r.end, text: r.text, layerOwner: r.layerOwner, projectId: r.projectId }))
      .sort((a, b) => a.start - b.start || a.codeId.localeCompare(b.codeId))

  it('moves shifted rows in place, deletes removed codings and inserts new ones; the text row follows', async () => {
    const room = textRoom(transcriptId)
    const text = 'We run joint programs with the park.'
    await saveProjection(handle.db, projectId, room, projectionOf(text, [
      { codeId: 'A', coderId: 'u1', start: 7, end: 21 },
      { codeId: 'B', coderId: 'u1', start: 31, end: 35 },
      { codeId: 'C', coderId: 'u2', start: 0, end: 2 },
    ]))
    const first = await rowsOf()
    expect(first.map((r) => `${r.codeId}:${r.text}`)).toEqual(['C:We', 'A:joint programs', 'B:park'])
    expect(first.every((r) => r.projectId === projectId && r.layerOwner === null)).toBe(true)

    // Someone types "Now " at the start, removes C and codes "run" with D.
    const next = 'Now We run joint programs with the park.'
    const nextSpans = [
      { codeId: 'A', coderId: 'u1', start: 11, end: 25 },
      { codeId: 'B', coderId: 'u1', start: 35, end: 39 },
      { codeId: 'D', coderId: 'u2', start: 7, end: 10 },
    ]
    await saveProjection(handle.db, projectId, room, projectionOf(next, nextSpans))
    const second = await rowsOf()
    expect(second.map((r) => `${r.codeId}:${r.start}-${r.end}:${r.text}`)).toEqual(['D:7-10:run', 'A:11-25:joint programs', 'B:35-39:park'])
    const idOf = (rows: typeof first, codeId: string) => rows.find((r) => r.codeId === codeId)?.id
    expect(idOf(second, 'A')).toBe(idOf(first, 'A'))
    expect(idOf(second, 'B')).toBe(idOf(first, 'B'))
    expect(second.some((r) => r.id === idOf(first, 'C'))).toBe(false)

    const [stored] = await handle.db.select().from(transcriptTexts).where(eq(transcriptTexts.transcriptId, transcriptId))
    expect(stored.text).toBe(next)
    expect(stored.paragraphs).toEqual([{ start: 0, end: next.length, speaker: null }])
    const [t] = await handle.db.select({ charCount: transcripts.charCount }).from(transcripts).where(eq(transcripts.id, transcriptId))
    expect(t.charCount).toBe(next.length)

    // The same projection again writes nothing new.
    await saveProjection(handle.db, projectId, room, projectionOf(next, nextSpans))
    expect(await rowsOf()).toEqual(second)
  })

  it('a layer keeps only its owner’s marks, apart from the shared rows', async () => {
    const text = 'We run joint programs with the park.'
    await saveProjection(handle.db, projectId, layerRoom(transcriptId, userId), projectionOf(text, [
      { codeId: 'A', coderId: userId, start: 7, end: 21 },
      { codeId: 'B', coderId: 'someone-else', start: 31, end: 35 },
    ]))
    expect((await rowsOf('coder')).map((r) => `${r.codeId}:${r.layerOwner === userId}`)).toEqual(['A:true'])
    expect(await rowsOf('shared')).toHaveLength(3) // the first test's rows, untouched
  })

  it('a row must name its transcript’s project (one foreign key over both columns)', async () => {
    const other = (await createProject(handle.db, { userId }, { name: 'Other', template: 'blank' })).id
    const text = 'We run joint programs with the park.'
    await expect(saveProjection(handle.db, other, layerRoom(transcriptId, 'u9'), projectionOf(text, [{ codeId: 'A', coderId: 'u9', start: 0, end: 2 }])))
      .rejects.toThrow()
    expect((await handle.db.select().from(codings).where(eq(codings.projectId, other)))).toEqual([])
  })

  it('lets other tasks run between its steps (PGlite would otherwise hold the event loop for the whole projection)', async () => {
    const text = 'We run joint programs with the park.'
    let ticks = 0
    let ticking = true
    const tick = () => {
      ticks++
      if (ticking) setImmediate(tick)
    }
    setImmediate(tick)
    await new Promise((resolve) => setTimeout(resolve, 5))
    ticks = 0
    try {
      await saveProjection(handle.db, projectId, textRoom(transcriptId), projectionOf(text, [{ codeId: 'A', coderId: 'u1', start: 0, end: 2 }]))
    } finally {
      ticking = false
    }
    // Between the rows read and the write at least (a PGlite transaction alone runs in one task: 0).
    expect(ticks).toBeGreaterThanOrEqual(1)
  })

  it('writes 8,000 codings (80,000 values) at once and then shifts them all', async () => {
    const text = 'x'.repeat(8_010)
    const many = Array.from({ length: 8_000 }, (_, i) => ({ codeId: `K${i % 7}`, coderId: 'u1', start: i, end: i + 3 }))
    const room = textRoom(transcriptId)
    await saveProjection(handle.db, projectId, room, projectionOf(text, many))
    expect(await rowsOf()).toHaveLength(8_000)
    await saveProjection(handle.db, projectId, room, projectionOf(`y${text}`, many.map((c) => ({ ...c, start: c.start + 1, end: c.end + 1 }))))
    const rows = await rowsOf()
    expect(rows).toHaveLength(8_000)
    expect(rows[0]).toMatchObject({ start: 1, end: 4, text: 'xxx' })
    expect(rows.at(-1)).toMatchObject({ start: 8_000, end: 8_003 })
  })

  type Coding = { codeId: string; coderId: string; start: number; end: number; text: string }
  type Row = Coding & { id: string }
  const coding = (codeId: string, start: number, end: number, text = 'x', coderId = 'u1'): Coding => ({ codeId, coderId, start, end, text })
  const sortKey = (r: Coding & { id?: string }) => `${r.id ?? ''}|${r.codeId}|${r.coderId}|${r.start}|${r.end}|${r.text}`
  /** Stores exactly `rows` for the plan transcript, projects `projected`, and returns the rows after. */
  async function project(rows: Row[], projected: Coding[]): Promise<Row[]> {
    await handle.db.delete(codings).where(eq(codings.transcriptId, planTranscriptId))
    // Inserted in reverse: the database then returns them out of id order, as it may after updates.
    for (const r of [...rows].reverse()) {
      await handle.db.insert(codings).values({ ...r, projectId, transcriptId: planTranscriptId, layer: 'shared' as const, layerOwner: null })
    }
    await saveProjection(handle.db, projectId, textRoom(planTranscriptId), { text: 'placeholder', paragraphs: [], codings: projected })
    const after = await handle.db.select().from(codings).where(and(eq(codings.transcriptId, planTranscriptId), eq(codings.layer, 'shared')))
    return after.map((r) => ({ id: r.id, codeId: r.codeId, coderId: r.coderId, start: r.start, end: r.end, text: r.text }))
  }

  it('ends with the row plan applied on seeded random cases: which rows stay, where they go, what is new', async () => {
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
