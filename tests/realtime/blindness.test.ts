/**
 * Blind coding through the real sync server as Concord wires it (`startRealtime`: authentication
 * by personal access token, room authorization from the database, persistence, projection), with
 * the official y-websocket client, on the demo's blind round (coder1 and coder2 on case K):
 *
 * - a coder's connection to another coder's layer is closed with 4403 before the reveal (the lead's
 *   too); the coder's own layer never contains another coder's marks;
 * - a forged text insert, or a mark claiming another coder, is rejected (4400) and never stored;
 * - the reveal re-authorizes open sockets, and afterwards the lead reads every layer.
 * Every wait is on an event (sync, close, doc update), never on a timer.
 */
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest'
import { and, eq } from 'drizzle-orm'
import * as Y from 'yjs'
import { codings } from '../../db/schema'
import { createDrizzleDocStore } from '../../server/services/documents/drizzle-doc-store'
import { addCodingsToDoc } from '../../server/domain/editor/build-doc'
import { projectDoc } from '../../server/domain/editor/project-codings'
import { layerRoom, textRoom } from '../../server/realtime-rooms'
import { seedDemo, type DemoResult } from '../../server/services/demo/seed-demo'
import { revealRound } from '../../server/services/rounds/reveal-round'
import { listRounds } from '../../server/services/rounds/list-rounds'
import { createAccessToken } from '../../server/services/tokens/manage-tokens'
import { createTestApp, type TestApp } from '../support/test-app'
import { describeEachBackend } from '../support/test-db'
import { connectClient, destroyClients, serveRealtime, until, untilAwareness, whenClosed, whenSynced, type WiredRealtime } from './support'

type Who = 'lead' | 'coder1' | 'coder2' | 'viewer'

describeEachBackend('blind coding over the sync server', (backend) => {
  let app: TestApp
  let demo: DemoResult
  let server: WiredRealtime
  let base: string
  let roundId: string
  let transcriptId: string
  const tokens = {} as Record<Who, string>

  beforeAll(async () => {
    app = await createTestApp(backend)
    demo = await seedDemo(app.ctx.db)
    for (const who of ['lead', 'coder1', 'coder2', 'viewer'] as const) tokens[who] = (await createAccessToken(app.ctx.db, { userId: demo.userIds[who] }, { name: 'test' })).token
    server = await serveRealtime(app.ctx)
    base = server.base
    const blind = (await listRounds(app.ctx.db, { userId: demo.userIds.lead }, demo.projectId)).find((r) => r.state === 'blind')!
    roundId = blind.id
    transcriptId = blind.transcripts[0].id
  })
  afterEach(() => destroyClients())
  afterAll(async () => {
    destroyClients()
    await server?.close()
    await app?.close()
  })

  const id = (who: Who) => demo.userIds[who]
  const connect = (room: string, who: Who) => connectClient(base, room, tokens[who])
  const marks = (doc: Y.Doc) => projectDoc(doc.getXmlFragment('default')).codings
  const text = (doc: Y.Doc) => projectDoc(doc.getXmlFragment('default')).text
  /** The first paragraph's Y.XmlText (the transcript's first speaker turn). */
  const firstText = (doc: Y.Doc) => (doc.getXmlFragment('default').get(0) as Y.XmlElement).get(0) as Y.XmlText
  // What is stored (snapshot and log; a restart may have compacted the log into the snapshot).
  const storedDoc = async (room: string) => (await createDrizzleDocStore(app.ctx.db).load(room)).updates
  const storedLayer = (coder: Who) => storedDoc(layerRoom(transcriptId, id(coder)))
  const someCode = async () => (await app.ctx.db.select({ codeId: codings.codeId }).from(codings).where(eq(codings.transcriptId, transcriptId)).limit(1))[0].codeId

  it('before the reveal a coder’s connection to another coder’s layer is closed with 4403, and so is the lead’s', async () => {
    const spy = connect(layerRoom(transcriptId, id('coder2')), 'coder1')
    const lead = connect(layerRoom(transcriptId, id('coder1')), 'lead')
    const viewer = connect(layerRoom(transcriptId, id('coder1')), 'viewer')
    const closes = await Promise.all([spy, lead, viewer].map((c) => whenClosed(c.provider)))
    expect(closes.map((c) => c.code)).toEqual([4403, 4403, 4403])
    expect(marks(spy.doc)).toEqual([])
    expect(text(spy.doc)).toBe('') // not even the text came through that socket
  })

  it('a coder’s own layer holds the transcript and only their own marks', async () => {
    const own = connect(layerRoom(transcriptId, id('coder1')), 'coder1')
    await whenSynced(own.provider)
    const mine = marks(own.doc)
    expect(text(own.doc).length).toBeGreaterThan(1000)
    expect(mine.length).toBeGreaterThan(5)
    expect(new Set(mine.map((m) => m.coderId))).toEqual(new Set([id('coder1')]))
    const other = connect(layerRoom(transcriptId, id('coder2')), 'coder2')
    await whenSynced(other.provider)
    expect(new Set(marks(other.doc).map((m) => m.coderId))).toEqual(new Set([id('coder2')]))
    // The two layers really differ (the demo's coders disagree somewhere).
    expect(JSON.stringify(marks(other.doc).map(({ codeId, start, end }) => [codeId, start, end]))).not.toBe(JSON.stringify(mine.map(({ codeId, start, end }) => [codeId, start, end])))
  })

  it('a forged text insert and a mark claiming another coder are rejected with 4400 and never stored', async () => {
    const codeId = await someCode()
    const forger = connect(layerRoom(transcriptId, id('coder1')), 'coder1')
    await whenSynced(forger.provider)
    const original = text(forger.doc)
    const closed = whenClosed(forger.provider)
    firstText(forger.doc).insert(0, 'FORGED ')
    expect((await closed).code).toBe(4400)

    const impostor = connect(layerRoom(transcriptId, id('coder1')), 'coder1') // a fresh doc, as the app reconnects
    await whenSynced(impostor.provider)
    const closedAgain = whenClosed(impostor.provider)
    addCodingsToDoc(impostor.doc, [{ codeId, coderId: id('coder2'), start: 3, end: 9 }])
    expect((await closedAgain).code).toBe(4400)

    // A legitimate mark afterwards is accepted; a second tab sees it, and nothing forged.
    const honest = connect(layerRoom(transcriptId, id('coder1')), 'coder1')
    const tab = connect(layerRoom(transcriptId, id('coder1')), 'coder1')
    await Promise.all([whenSynced(honest.provider), whenSynced(tab.provider)])
    addCodingsToDoc(honest.doc, [{ codeId, coderId: id('coder1'), start: 3, end: 9 }])
    await until(tab.doc, (d) => marks(d).some((m) => m.start === 3 && m.end === 9 && m.codeId === codeId))
    expect(text(tab.doc)).toBe(original)
    expect(marks(tab.doc).every((m) => m.coderId === id('coder1'))).toBe(true)
    destroyClients()
    await server.restart() // the close flushes every pending update to the database

    const stored = new Y.Doc()
    for (const u of await storedDoc(textRoom(transcriptId))) Y.applyUpdate(stored, u)
    for (const u of await storedLayer('coder1')) Y.applyUpdate(stored, u)
    expect(text(stored)).toBe(original)
    expect(marks(stored).every((m) => m.coderId === id('coder1'))).toBe(true)
    expect(marks(stored).some((m) => m.start === 3 && m.end === 9 && m.codeId === codeId)).toBe(true)
    const projected = await app.ctx.db.select().from(codings).where(and(eq(codings.transcriptId, transcriptId), eq(codings.layerOwner, id('coder1'))))
    expect(projected.every((r) => r.coderId === id('coder1'))).toBe(true)
  })

  it('the reveal re-authorizes open sockets; then the lead reads every layer (read-only), and the coder’s own layer is frozen', async () => {
    const coderTab = connect(layerRoom(transcriptId, id('coder1')), 'coder1')
    await whenSynced(coderTab.provider)
    await revealRound(app.ctx.db, { userId: id('lead') }, demo.projectId, roundId, { live: app.ctx.live, events: app.ctx.events })

    const c1 = connect(layerRoom(transcriptId, id('coder1')), 'lead')
    const c2 = connect(layerRoom(transcriptId, id('coder2')), 'lead')
    await Promise.all([whenSynced(c1.provider), whenSynced(c2.provider)])
    // Each layer has its coder's marks and never the other coder's (the reveal may add the team's
    // consensus marks to the canonical text, which every layer shares).
    expect(marks(c1.doc).filter((m) => m.coderId === id('coder1')).length).toBeGreaterThan(5)
    expect(marks(c2.doc).filter((m) => m.coderId === id('coder2')).length).toBeGreaterThan(5)
    expect(marks(c1.doc).some((m) => m.coderId === id('coder2'))).toBe(false)
    expect(marks(c2.doc).some((m) => m.coderId === id('coder1'))).toBe(false)

    // Another coder still cannot open coder1's layer (the project does not show revealed layers to coders).
    const spy = connect(layerRoom(transcriptId, id('coder1')), 'coder2')
    expect((await whenClosed(spy.provider)).code).toBe(4403)

    // coder1's socket is read-only now: a new mark is dropped, not stored.
    const count = marks(c1.doc).length
    const codeId = await someCode()
    addCodingsToDoc(coderTab.doc, [{ codeId, coderId: id('coder1'), start: 20, end: 30 }])
    // Sent after the mark on the same socket: once the lead sees it, the server has handled the mark.
    coderTab.provider.awareness.setLocalStateField('user', { name: 'coder1' })
    await untilAwareness(c1.provider, (states) => 'user' in (states.get(coderTab.doc.clientID) ?? {}))
    expect(marks(c1.doc)).toHaveLength(count)
    const later = connect(layerRoom(transcriptId, id('coder1')), 'lead')
    await whenSynced(later.provider)
    expect(marks(later.doc)).toHaveLength(count)
  })
})
