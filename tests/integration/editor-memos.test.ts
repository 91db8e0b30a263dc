import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import * as Y from 'yjs'
import * as memosRoute from '@/app/api/projects/[projectId]/transcripts/[transcriptId]/memos/route'
import * as memoRoute from '@/app/api/projects/[projectId]/transcripts/[transcriptId]/memos/[memoId]/route'
import { memos, rounds, yjsUpdates } from '../../db/schema'
import { newId } from '../../server/ids'
import { textRoom } from '../../server/realtime-rooms'
import { startRealtime, type RealtimeHandle } from '../../server/realtime-wiring'
import { readDocProjection } from '../../server/services/documents/edit-stored-codings'
import { readCurrentDoc } from '../../server/services/documents/read-current-doc'
import { saveDocProjection } from '../../server/services/documents/save-projection'
import { callRoute, createTestApp, type TestApp } from '../support/test-app'
import { describeEachBackend } from '../support/test-db'
import { fixtureText, makeCodingProject, spanOfText, type CodingProject } from '../support/editor-fixtures'

describeEachBackend('memos API', (backend) => {
  let app: TestApp
  let p: CodingProject
  beforeAll(async () => {
    app = await createTestApp(backend)
    p = await makeCodingProject(app)
  })
  afterAll(() => app.close())

  const list = (transcriptId: string, token: string) => callRoute(memosRoute, 'GET', { params: { projectId: p.projectId, transcriptId }, token })
  const create = (transcriptId: string, token: string, body: unknown) => callRoute(memosRoute, 'POST', { params: { projectId: p.projectId, transcriptId }, token, body })
  const remove = (transcriptId: string, memoId: string, token: string) => callRoute(memoRoute, 'DELETE', { params: { projectId: p.projectId, transcriptId, memoId }, token })

  it('a coder writes a memo on a coded span; every member reads it with its author; an event is published', async () => {
    const topics: string[] = []
    const off = app.ctx.events.subscribe(p.projectId, (e) => topics.push(e.topic))
    const res = await create(p.transcripts.open, p.coder1.token, { codeId: p.codes.programs, ...spanOfText('joint programs'), body: 'Programs co-designed with the park.' })
    off()
    expect(res.status).toBe(200)
    expect(topics).toContain('memos')
    const seen = await list(p.transcripts.open, p.viewer.token)
    expect(seen.status).toBe(200)
    expect(seen.body).toEqual([
      expect.objectContaining({ id: res.body.id, codeId: p.codes.programs, ...spanOfText('joint programs'), body: 'Programs co-designed with the park.', authorId: p.coder1.id, authorName: 'coder1' }),
    ])
  })

  it('lists every problem of an invalid memo', async () => {
    const res = await create(p.transcripts.open, p.coder1.token, { codeId: 'nope', start: 5, end: fixtureText.length + 3, body: 'x' })
    expect(res.status).toBe(400)
    expect(res.body.error.problems.map((x: { path: string }) => x.path).sort()).toEqual(['codeId', 'end'])
    const res2 = await create(p.transcripts.open, p.coder1.token, { start: 9, end: 4, body: '   ' })
    expect(res2.status).toBe(400)
    expect(res2.body.error.problems.map((x: { path: string }) => x.path)).toEqual(['body', 'end'])
  })

  it('viewers cannot write memos; outsiders see nothing; transcripts of other projects are not found', async () => {
    expect((await create(p.transcripts.open, p.viewer.token, { start: 0, end: 3, body: 'hi' })).status).toBe(403)
    expect((await list(p.transcripts.open, p.outsider.token)).status).toBe(404)
    const other = await makeCodingProject(app)
    expect((await list(other.transcripts.open, p.lead.token)).status).toBe(404)
  })

  it('while a round is blind, a memo is seen only by its author; after the reveal by everyone', async () => {
    const res = await create(p.transcripts.blind, p.coder1.token, { codeId: p.codes.programs, ...spanOfText('joint programs'), body: 'my reading' })
    expect(res.status).toBe(200)
    expect((await list(p.transcripts.blind, p.coder1.token)).body).toHaveLength(1)
    expect((await list(p.transcripts.blind, p.coder2.token)).body).toEqual([])
    expect((await list(p.transcripts.blind, p.lead.token)).body).toEqual([])
    // Nobody else can delete what they cannot see.
    expect((await remove(p.transcripts.blind, res.body.id, p.lead.token)).status).toBe(404)
    await app.ctx.db.update(rounds).set({ state: 'revealed' }).where(eq(rounds.id, p.rounds.blind))
    expect((await list(p.transcripts.blind, p.coder2.token)).body).toHaveLength(1)
    await app.ctx.db.update(rounds).set({ state: 'blind' }).where(eq(rounds.id, p.rounds.blind))
  })

  it('only its author or the lead deletes a memo', async () => {
    const res = await create(p.transcripts.open, p.coder1.token, { start: 0, end: 3, body: 'to delete' })
    expect((await remove(p.transcripts.open, res.body.id, p.coder2.token)).status).toBe(403)
    expect((await remove(p.transcripts.open, res.body.id, p.lead.token)).status).toBe(200)
    expect((await list(p.transcripts.open, p.lead.token)).body.map((m: { id: string }) => m.id)).not.toContain(res.body.id)
    const own = await create(p.transcripts.open, p.coder2.token, { start: 0, end: 3, body: 'mine' })
    expect((await remove(p.transcripts.open, own.body.id, p.coder2.token)).status).toBe(200)
    expect((await remove(p.transcripts.open, own.body.id, p.coder2.token)).status).toBe(404)
  })
})

/**
 * Memos follow their passage while the transcript is edited (editor SPEC ED15, ED16), whether the
 * edits reach the canonical document through the running sync server or straight into the stored
 * log (no server: CLI, tests).
 */
describeEachBackend('memos follow their passage', (backend) => {
  for (const via of ['sync server', 'stored document'] as const) {
    describe(`edits through the ${via}`, () => {
      let app: TestApp
      let realtime: RealtimeHandle | null = null
      let p: CodingProject
      beforeAll(async () => {
        app = await createTestApp(backend)
        if (via === 'sync server') {
          realtime = await startRealtime(app.ctx)
          await realtime.caughtUp // the stored rooms it catches up at start, before the test acts
          app.ctx.live = realtime.live
        }
        p = await makeCodingProject(app)
      })
      afterAll(async () => {
        await realtime?.close()
        await app.close()
      })

      const room = () => textRoom(p.transcripts.open)
      const list = async () => {
        const res = await callRoute(memosRoute, 'GET', { params: { projectId: p.projectId, transcriptId: p.transcripts.open }, token: p.lead.token })
        expect(res.status).toBe(200)
        return res.body as { id: string; start: number; end: number }[]
      }
      const write = async (span: { start: number; end: number }, body: string) => {
        const res = await callRoute(memosRoute, 'POST', { params: { projectId: p.projectId, transcriptId: p.transcripts.open }, token: p.coder1.token, body: { ...span, body } })
        expect(res.status).toBe(200)
        return res.body.id as string
      }
      const currentText = async () => (await readDocProjection(app.ctx.db, app.ctx.live, room())).text
      /** Offsets of `s` in the document as it is now (earlier tests edit it). */
      const spanNow = async (s: string) => {
        const start = (await currentText()).indexOf(s)
        expect(start).toBeGreaterThanOrEqual(0)
        return { start, end: start + s.length }
      }
      const covered = async (memoId: string) => {
        const m = (await list()).find((x) => x.id === memoId)!
        return (await currentText()).slice(m.start, m.end)
      }
      /** A text edit of the canonical document, as a connected editor's update would arrive. */
      const editText = async (edit: (paragraph: (i: number) => Y.XmlText, fragment: Y.XmlFragment) => void) => {
        const doc = await readCurrentDoc(app.ctx.db, app.ctx.live, room())
        const fragment = doc.getXmlFragment('default')
        const before = Y.encodeStateVector(doc)
        edit((i) => (fragment.get(i) as Y.XmlElement).get(0) as Y.XmlText, fragment)
        const update = Y.encodeStateAsUpdate(doc, before)
        if (app.ctx.live) {
          await app.ctx.live.applyUpdate(room(), update)
        } else {
          await app.ctx.db.insert(yjsUpdates).values({ docName: room(), data: update })
          await saveDocProjection(app.ctx.db, p.projectId, room(), doc)
        }
        doc.destroy()
      }

      it('text inserted before a memo and inside its paragraph leaves it on the same words; text inside the passage widens it', async () => {
        const memoId = await write(spanOfText('joint programs'), 'On the joint programs.')
        await editText((paragraph) => {
          paragraph(0).insert(0, 'Tell me: ') // an earlier paragraph
          paragraph(1).insert(0, 'Well, ') // the memo's paragraph, before the passage
          paragraph(1).insert('Well, We run'.length, ' several') // right before the passage
        })
        expect(await currentText()).toContain('Well, We run several joint programs with the park')
        expect(await covered(memoId)).toBe('joint programs')
        const m = (await list()).find((x) => x.id === memoId)!
        expect(m.start).not.toBe(spanOfText('joint programs').start) // stored offsets would point elsewhere now
        await editText((paragraph) => paragraph(1).insert('Well, We run several joint'.length, ' training'))
        expect(await covered(memoId)).toBe('joint training programs')
      })

      it('a deleted passage collapses to where it was; a memo whose paragraph is removed shows at its stored offsets, clipped', async () => {
        const shared = await write(await spanNow('share a research lab'), 'The lab.')
        const stored = await spanNow('companies fund the programs')
        const lastTurn = await write(stored, 'Who pays.')
        const paragraph1 = (await currentText()).split('\n')[1]
        await editText((paragraph) => paragraph(1).delete(paragraph1.indexOf(' and share a research lab'), ' and share a research lab'.length))
        const text = await currentText()
        const collapsed = (await list()).find((x) => x.id === shared)!
        expect(collapsed.end).toBe(collapsed.start)
        expect(text.slice(0, collapsed.start)).toMatch(/with the park$/)
        // The last paragraph as a whole: Yjs garbage-collects its characters, the anchor cannot be placed.
        await editText((_, fragment) => fragment.delete(3, 1))
        const length = (await currentText()).length
        const fallback = (await list()).find((x) => x.id === lastTurn)!
        expect(stored.start).toBeGreaterThan(length) // so the stored offsets are clipped to the end
        expect(fallback).toMatchObject({ start: length, end: length })
      })

      it('a memo written before anchors (no anchor) lists at its stored offsets, in reading order with the others', async () => {
        const legacyId = newId()
        await app.ctx.db.insert(memos).values({ id: legacyId, projectId: p.projectId, transcriptId: p.transcripts.open, start: 3, end: 7, body: 'old memo', authorId: p.coder2.id })
        const listed = await list()
        expect(listed.find((x) => x.id === legacyId)).toMatchObject({ start: 3, end: 7, body: 'old memo', authorName: 'coder2' })
        expect(listed.map((x) => x.start)).toEqual([...listed.map((x) => x.start)].sort((a, b) => a - b))
      })
    })
  }
})
