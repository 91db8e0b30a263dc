/**
 * Readers of the codings rows see every edit the server has received (SYNC19): a live room
 * projects 300 ms after a pause, or every 20 s while people keep typing, so a service that reads
 * codings first asks the sync server to write the project's waiting projections. Through the
 * real wiring (`startRealtime`) with the official y-websocket client. Here rooms project only
 * when asked (the timers are a minute), so a read that did not ask would find nothing.
 */
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import * as Y from 'yjs'
import * as codingsRoute from '@/app/api/projects/[projectId]/codings/route'
import { codes } from '../../db/schema'
import { codeMarkAttrs, codeMarkKey } from '../../server/domain/editor/mark-keys'
import { projectDoc } from '../../server/domain/editor/project-codings'
import { textRoom } from '../../server/realtime-rooms'
import { createCode } from '../../server/services/codebook/edit-codes'
import { createDrizzleDocStore } from '../../server/services/documents/drizzle-doc-store'
import { deleteCode, mergeCode } from '../../server/services/codebook/merge-or-delete-code'
import { seedDemo, type DemoResult } from '../../server/services/demo/seed-demo'
import { createAccessToken } from '../../server/services/tokens/manage-tokens'
import { importTranscript } from '../../server/services/transcripts/import-transcript'
import { callRoute, createTestApp, type TestApp } from '../support/test-app'
import { describeEachBackend } from '../support/test-db'
import { connectClient, destroyClients, serveRealtime, until, whenSynced, type WiredRealtime } from './support'

describeEachBackend('reads of codings rows include what the live documents received', (backend) => {
  let app: TestApp
  let demo: DemoResult
  let server: WiredRealtime
  let base: string
  let coderToken: string
  let leadToken: string
  let room: string
  let codeIds: string[]

  beforeAll(async () => {
    app = await createTestApp(backend)
    demo = await seedDemo(app.ctx.db)
    coderToken = (await createAccessToken(app.ctx.db, { userId: demo.userIds.coder1 }, { name: 'test' })).token
    leadToken = (await createAccessToken(app.ctx.db, { userId: demo.userIds.lead }, { name: 'test' })).token
    const t = await importTranscript(app.ctx.db, { userId: demo.userIds.lead }, demo.projectId, {
      meta: { title: 'Fresh reads' },
      text: 'Interviewer: How do you train teachers?\nRespondent: We send them to the factory floor every summer.',
    })
    room = textRoom(t.id)
    codeIds = (await app.ctx.db.select({ id: codes.id }).from(codes).where(eq(codes.projectId, demo.projectId))).map((c) => c.id)
    server = await serveRealtime(app.ctx, { docChangedDelayMs: 60_000, docChangedMaxWaitMs: 60_000 })
    base = server.base
  })
  afterEach(() => destroyClients())
  afterAll(async () => {
    destroyClients()
    await server?.close()
    await app?.close()
  })

  /** coder1 codes `phrase` in the live doc; resolves once another client has it (so the server applied it). */
  async function codeLive(codeId: string, phrase: string) {
    const writer = connectClient(base, room, coderToken)
    const watcher = connectClient(base, room, leadToken)
    await Promise.all([whenSynced(writer.provider), whenSynced(watcher.provider)])
    // toString() would include the marks as tags: read the plain text of each paragraph
    const plainOf = (t: Y.XmlText) => (t.toDelta() as { insert: string }[]).map((op) => op.insert).join('')
    const paragraph = writer.doc.getXmlFragment('default').toArray()
      .map((p) => (p as Y.XmlElement).get(0) as Y.XmlText)
      .find((t) => plainOf(t).includes(phrase))!
    const at = plainOf(paragraph).indexOf(phrase)
    paragraph.format(at, phrase.length, { [codeMarkKey(codeId, demo.userIds.coder1)]: codeMarkAttrs(codeId, demo.userIds.coder1) })
    await until(watcher.doc, (d) => projectDoc(d.getXmlFragment('default')).codings.some((c) => c.codeId === codeId))
    return watcher
  }

  it('code retrieval right after a coder codes a segment lists the segment', async () => {
    const codeId = codeIds[0]
    await codeLive(codeId, 'factory floor')
    const res = await callRoute(codingsRoute, 'GET', {
      params: { projectId: demo.projectId },
      token: coderToken,
      url: `http://localhost/api/projects/${demo.projectId}/codings?codeId=${codeId}&layer=shared`,
    })
    expect(res.status).toBe(200)
    expect(res.body.items.map((i: { text: string }) => i.text)).toContain('factory floor')
  })

  it('pages hear of codings written for a reader at most every 5 s, and always in the end', async () => {
    const events: number[] = []
    const unsubscribe = app.ctx.events.subscribe(demo.projectId, (e) => void (e.topic === 'codings' && events.push(Date.now())))
    const read = () => callRoute(codingsRoute, 'GET', { params: { projectId: demo.projectId }, token: coderToken, url: `http://localhost/api/projects/${demo.projectId}/codings` })
    try {
      // Three edits, each read at once: three projections a reader asked for.
      for (const [i, phrase] of ['How do you', 'send them', 'factory'].entries()) {
        await codeLive(codeIds[i + 1], phrase)
        expect((await read()).status).toBe(200)
      }
      expect(events.length).toBeLessThanOrEqual(1) // each would refetch and ask again: not one event per read
      const before = events.length
      await new Promise<void>((resolve) => {
        const check = setInterval(() => events.length > before && (clearInterval(check), resolve()), 50)
      })
    } finally {
      unsubscribe()
    }
  }, 15_000)

  const lead = () => ({ userId: demo.userIds.lead })
  const newCode = async (nameEn: string) => (await createCode(app.ctx.db, lead(), demo.projectId, { nameEn })).id

  it('deleting a code applied a moment ago (its only use) asks for force, then removes the marks from the open document', async () => {
    const codeId = await newCode(`fresh ${backend}`)
    const watcher = await codeLive(codeId, 'every summer')
    await expect(deleteCode(app.ctx.db, app.ctx.live, lead(), demo.projectId, codeId, false)).rejects.toMatchObject({ code: 'conflict' })
    const result = await deleteCode(app.ctx.db, app.ctx.live, lead(), demo.projectId, codeId, true)
    expect(result.codingsRemoved).toBe(1)
    await until(watcher.doc, (d) => !projectDoc(d.getXmlFragment('default')).codings.some((c) => c.codeId === codeId))
  })

  it('merging a code applied a moment ago moves the new marks in the open document', async () => {
    const from = await newCode(`from ${backend}`)
    const into = await newCode(`into ${backend}`)
    const watcher = await codeLive(from, 'train teachers')
    await mergeCode(app.ctx.db, app.ctx.live, lead(), demo.projectId, from, { intoId: into })
    await until(watcher.doc, (d) => projectDoc(d.getXmlFragment('default')).codings.some((c) => c.codeId === into && c.text === 'train teachers'))
  })
})

describeEachBackend('codings rows after a crash', (backend) => {
  let app: TestApp
  let demo: DemoResult
  let server: WiredRealtime
  afterAll(async () => {
    destroyClients()
    await server?.close()
    await app?.close()
  })

  it('a coding the crashed server stored but never projected is in the rows after the restart, before anyone opens the transcript', async () => {
    app = await createTestApp(backend)
    demo = await seedDemo(app.ctx.db)
    const coderToken = (await createAccessToken(app.ctx.db, { userId: demo.userIds.coder1 }, { name: 'test' })).token
    const t = await importTranscript(app.ctx.db, { userId: demo.userIds.lead }, demo.projectId, {
      meta: { title: 'Crashed' },
      text: 'Interviewer: Who teaches the apprentices?\nRespondent: A master craftsman from the partner company.',
    })
    const room = textRoom(t.id)
    const [{ id: codeId }] = await app.ctx.db.select({ id: codes.id }).from(codes).where(eq(codes.projectId, demo.projectId)).limit(1)
    // What a server that crashed during the 20 s backstop leaves behind: the coding is in the
    // update log (appended within 100 ms) but its projection never ran.
    const store = createDrizzleDocStore(app.ctx.db)
    const doc = new Y.Doc()
    for (const update of (await store.load(room)).updates) Y.applyUpdate(doc, update)
    const before = Y.encodeStateVector(doc)
    const phrase = 'master craftsman'
    const plainOf = (text: Y.XmlText) => (text.toDelta() as { insert: string }[]).map((op) => op.insert).join('')
    const paragraph = doc.getXmlFragment('default').toArray()
      .map((p) => (p as Y.XmlElement).get(0) as Y.XmlText)
      .find((text) => plainOf(text).includes(phrase))!
    const at = plainOf(paragraph).indexOf(phrase)
    paragraph.format(at, phrase.length, { [codeMarkKey(codeId, demo.userIds.coder1)]: codeMarkAttrs(codeId, demo.userIds.coder1) })
    await store.append(room, Y.encodeStateAsUpdate(doc, before))

    server = await serveRealtime(app.ctx, { docChangedDelayMs: 60_000, docChangedMaxWaitMs: 60_000 }) // (waits for the catch-up)
    const res = await callRoute(codingsRoute, 'GET', {
      params: { projectId: demo.projectId },
      token: coderToken,
      url: `http://localhost/api/projects/${demo.projectId}/codings?codeId=${codeId}&layer=shared`,
    })
    expect(res.status).toBe(200)
    expect(res.body.items.map((i: { text: string }) => i.text)).toEqual([phrase])
  })
})
