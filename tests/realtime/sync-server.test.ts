import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import WebSocket, { WebSocketServer } from 'ws'
import { createSyncServer } from '../../server/realtime/sync-server'
import { createMemoryDocStore } from '../../server/realtime/doc-store'
import {
  codeSpans, makeTranscriptUpdate, paragraphText, plainText, transcriptText,
} from '../../server/realtime/testing/sim-client'
import { createSpyStore } from '../../server/realtime/testing/spy-store'
import {
  connectClient, destroyClients, quietLogger, rawClient, startServer, tokenAuthorize, until, untilAwareness,
  whenClosed, whenSynced, type Acl, type TestServer,
} from './support'

const servers: TestServer[] = []
async function serve(...args: Parameters<typeof startServer>) {
  const server = await startServer(...args)
  servers.push(server)
  return server
}
afterEach(async () => {
  destroyClients()
  await Promise.all(servers.splice(0).map((s) => s.close()))
})

const acl: Acl = {
  't/T': { alice: 'rw', bob: 'rw', carol: 'rw', viewer: 'ro' },
  'l/T/alice': { alice: 'marks' },
}
const seededStore = async () => {
  const store = createMemoryDocStore()
  await store.append('t/T', makeTranscriptUpdate(['I felt the pain every day.', 'Then it got better.']))
  return store
}
const code = (codeId: string, coderId: string) => ({ codeId, coderId })
const storedClients = async (store: { load(room: string): Promise<{ updates: Uint8Array[] }> }, room: string) =>
  new Set((await store.load(room)).updates.flatMap((u) => Y.decodeUpdate(u).structs.map((s) => s.id.client)))

describe('sync server over real sockets', () => {
  it('[SYNC1] takes /collab/<room> upgrades only and leaves others (e.g. /_next/hmr) to other listeners', async () => {
    const server = await serve({ acl })
    const sync = server.sync
    // A second upgrade listener, as Next adds for HMR.
    const other = new WebSocketServer({ noServer: true })
    server.http.removeAllListeners('upgrade')
    server.http.on('upgrade', (req, socket, head) => {
      if (sync.handleUpgrade(req, socket, head)) return
      other.handleUpgrade(req, socket, head, (ws) => ws.send('hmr'))
    })
    const hmr = new WebSocket(server.base.replace('/collab', '/_next/hmr?id=1'))
    const hello = await new Promise<string>((resolve) => hmr.once('message', (m) => resolve(m.toString())))
    expect(hello).toBe('hmr')
    hmr.close()
    other.close()
    // `/collabx/…` is not ours either.
    const lookalike = rawClient(server.base.replace('/collab', '/collabx') + '/t/T?token=alice')
    await expect(lookalike.opened).rejects.toThrow()
  })

  it('[SYNC3] several official y-websocket clients converge, with awareness', async () => {
    const server = await serve({ acl, store: await seededStore() })
    const clients = ['alice', 'bob', 'carol'].map((u) => ({ user: u, ...connectClient(server.base, 't/T', u) }))
    await Promise.all(clients.map((c) => whenSynced(c.provider)))
    expect(transcriptText(clients[2].doc)).toBe('I felt the pain every day.\nThen it got better.')
    paragraphText(clients[0].doc, 0).insert(0, 'A')
    paragraphText(clients[1].doc, 0).insert(0, 'B')
    paragraphText(clients[2].doc, 1).format(0, 4, { 'code--CCCCCCCC': code('then', 'carol') })
    clients[1].provider.awareness.setLocalStateField('user', { name: 'Bob' })
    const done = (d: Y.Doc) => /^[AB]{2}I felt/.test(transcriptText(d)) && codeSpans(d).length === 1
    await Promise.all(clients.map((c) => until(c.doc, done)))
    const texts = new Set(clients.map((c) => transcriptText(c.doc)))
    expect(texts.size).toBe(1)
    expect(codeSpans(clients[0].doc)).toEqual(['carol:then@1:0-4'])
    await untilAwareness(clients[0].provider, (s) => (s.get(clients[1].doc.clientID)?.user as { name?: string })?.name === 'Bob')
  })

  it('[SYNC2] refusals close the socket with 4401 / 4403 / 4404 / 4400 and y-websocket stops retrying', async () => {
    const server = await serve({ acl, allowedOrigins: ['https://concord.example'] })
    const anonymous = connectClient(server.base, 't/T')
    const outsider = connectClient(server.base, 't/T', 'mallory')
    const missing = connectClient(server.base, 'gone/x', 'alice')
    const badName = connectClient(server.base, 't/a/b', 'alice')
    expect(await whenClosed(anonymous.provider)).toEqual({ code: 4401, reason: 'sign in first' })
    expect(await whenClosed(outsider.provider)).toEqual({ code: 4403, reason: 'not a member of this project' })
    expect((await whenClosed(missing.provider)).code).toBe(4404)
    expect((await whenClosed(badName.provider)).code).toBe(4400)
    expect(anonymous.provider.shouldConnect).toBe(false) // y-websocket gave up
    const foreign = new WebSocket(`${server.base}/t/T?token=alice`, { headers: { origin: 'https://evil.example' } })
    const closed = await new Promise<number>((resolve) => foreign.once('close', (c) => resolve(c)))
    expect(closed).toBe(4403)
  })

  it('[SYNC2] a failing authorize closes with 4500, which y-websocket retries', async () => {
    const server = await serve({
      authorize: async () => {
        throw new Error('database down')
      },
    })
    const raw = rawClient(`${server.base}/t/T?token=alice`)
    expect(await raw.closed).toEqual({ code: 4500, reason: 'internal error' })
  })

  it('[SYNC7] a read-only client receives the doc; its updates reach no one and are not stored', async () => {
    const server = await serve({ acl, store: await seededStore() })
    const alice = connectClient(server.base, 't/T', 'alice')
    const viewer = connectClient(server.base, 't/T', 'viewer')
    await Promise.all([whenSynced(alice.provider), whenSynced(viewer.provider)])
    expect(transcriptText(viewer.doc)).toBe(transcriptText(alice.doc))
    paragraphText(viewer.doc, 0).insert(0, 'VIEWER ')
    // Sent after the edit on the same socket: once alice sees it, the server has handled the edit.
    viewer.provider.awareness.setLocalStateField('user', { name: 'Viewer' })
    await untilAwareness(alice.provider, (s) => s.has(viewer.doc.clientID) && 'user' in (s.get(viewer.doc.clientID) ?? {}))
    expect(transcriptText(alice.doc)).not.toContain('VIEWER')
    paragraphText(alice.doc, 1).insert(0, 'Alice: ')
    await until(viewer.doc, (d) => transcriptText(d).includes('Alice: Then'))
    await server.sync.close() // flushes
    expect((await storedClients(server.store, 't/T')).has(viewer.doc.clientID)).toBe(false)
    expect((await storedClients(server.store, 't/T')).has(alice.doc.clientID)).toBe(true)
  })

  describe('layers', () => {
    it('[SYNC8] the owner\'s mark is stored; a forged text insert and another coder\'s mark close with 4400 and are not stored', async () => {
      const server = await serve({ acl, store: await seededStore() })
      const layer = connectClient(server.base, 'l/T/alice', 'alice')
      await whenSynced(layer.provider)
      paragraphText(layer.doc, 0).format(11, 4, { 'code--AAAAAAAA': code('pain', 'alice') })
      const watcher = connectClient(server.base, 'l/T/alice', 'alice') // alice's second tab
      await whenSynced(watcher.provider)
      await until(watcher.doc, (d) => codeSpans(d).length === 1)
      expect(codeSpans(watcher.doc)).toEqual(['alice:pain@0:11-15'])

      const closed = whenClosed(layer.provider)
      paragraphText(layer.doc, 0).insert(0, 'FORGED ')
      expect(await closed).toEqual({ code: 4400, reason: 'update rejected: non-format struct' })

      const again = connectClient(server.base, 'l/T/alice', 'alice') // a fresh doc, as the app does
      await whenSynced(again.provider)
      const closedAgain = whenClosed(again.provider)
      paragraphText(again.doc, 1).format(0, 4, { 'code--BBBBBBBB': code('then', 'bob') })
      expect(await closedAgain).toEqual({ code: 4400, reason: 'update rejected: code mark of another coder' })
      expect(transcriptText(watcher.doc)).toBe('I felt the pain every day.\nThen it got better.')

      await server.sync.close()
      const logClients = await storedClients(server.store, 'l/T/alice')
      expect(logClients.has(layer.doc.clientID)).toBe(true) // the legit mark
      const log = (await server.store.load('l/T/alice')).updates
      const relayed = new Y.Doc()
      for (const u of (await server.store.load('t/T')).updates) Y.applyUpdate(relayed, u)
      for (const u of log) Y.applyUpdate(relayed, u)
      expect(transcriptText(relayed)).toBe('I felt the pain every day.\nThen it got better.')
      expect(codeSpans(relayed)).toEqual(['alice:pain@0:11-15'])
    })

    it('[SYNC11] canonical text edits reach a loaded layer without losing its marks', async () => {
      const server = await serve({ acl, store: await seededStore() })
      const editor = connectClient(server.base, 't/T', 'bob')
      const layer = connectClient(server.base, 'l/T/alice', 'alice')
      await Promise.all([whenSynced(editor.provider), whenSynced(layer.provider)])
      paragraphText(layer.doc, 0).format(11, 4, { 'code--AAAAAAAA': code('pain', 'alice') })
      paragraphText(editor.doc, 0).insert(0, 'Honestly, ')
      paragraphText(editor.doc, 0).delete(paragraphText(editor.doc, 0).length - 1, 1)
      await until(layer.doc, (d) => transcriptText(d).startsWith('Honestly, '))
      await until(layer.doc, (d) => !transcriptText(d).includes('day.'))
      expect(transcriptText(layer.doc)).toBe('Honestly, I felt the pain every day\nThen it got better.')
      expect(codeSpans(layer.doc)).toEqual(['alice:pain@0:21-25'])
      expect(plainText(paragraphText(layer.doc, 0)).slice(21, 25)).toBe('pain')
      expect(codeSpans(editor.doc)).toEqual([])
    })
  })

  it('[SYNC4] a client is not synced before the store has loaded its doc', async () => {
    const spy = createSpyStore()
    await spy.inner.append('t/T', makeTranscriptUpdate(['from the store']))
    const openLoads = spy.holdLoads()
    let loadStarted!: () => void
    const started = new Promise<void>((r) => (loadStarted = r))
    const store = { ...spy.store, load: (room: string) => (loadStarted(), spy.store.load(room)) }
    const server = await serve({ acl, store })
    const alice = connectClient(server.base, 't/T', 'alice')
    await started
    expect(alice.provider.synced).toBe(false)
    openLoads()
    await whenSynced(alice.provider)
    expect(transcriptText(alice.doc)).toBe('from the store')
  })

  it('[SYNC17] a restart mid-editing loses nothing the server received, and clients carry on', async () => {
    const spy = createSpyStore()
    await spy.inner.append('t/T', makeTranscriptUpdate(['start']))
    const server = await serve({ acl, store: spy.store, persistDelayMs: 10_000 }) // longer than the test: the edits are still pending at close()
    const alice = connectClient(server.base, 't/T', 'alice')
    const bob = connectClient(server.base, 't/T', 'bob')
    await Promise.all([whenSynced(alice.provider), whenSynced(bob.provider)])
    for (let i = 0; i < 20; i++) paragraphText(alice.doc, 0).insert(0, String(i % 10))
    await until(bob.doc, (d) => transcriptText(d).startsWith('9876543210'))
    const appendsBeforeClose = spy.count('append', 't/T')
    await server.sync.close() // clients see 1001 and would reconnect: hold them back for now
    alice.provider.disconnect()
    bob.provider.disconnect()
    expect(appendsBeforeClose).toBe(0) // the edits were still in the batch window: close() wrote them
    server.swap(createSyncServer({ logger: quietLogger, authorize: tokenAuthorize(acl), store: spy.store }))
    const fresh = connectClient(server.base, 't/T', 'carol')
    await whenSynced(fresh.provider)
    expect(transcriptText(fresh.doc)).toBe(transcriptText(alice.doc))
    // The old clients reconnect to the new server and keep editing.
    alice.provider.connect()
    bob.provider.connect()
    await Promise.all([whenSynced(alice.provider), whenSynced(bob.provider)])
    paragraphText(bob.doc, 0).insert(0, 'after ')
    await until(fresh.doc, (d) => transcriptText(d).startsWith('after '))
    await until(alice.doc, (d) => transcriptText(d).startsWith('after '))
  })

  it('[SYNC5] a frame over maxMessageBytes closes the connection with 4413', async () => {
    const server = await serve({ acl, maxMessageBytes: 1024 })
    const ok = rawClient(`${server.base}/t/T?token=alice`)
    await ok.opened
    const frame = (size: number) => {
      const e = encoding.createEncoder()
      encoding.writeVarUint(e, 1) // awareness frame with a junk-free, too-large payload
      encoding.writeVarUint8Array(e, new Uint8Array(size))
      return encoding.toUint8Array(e)
    }
    const big = rawClient(`${server.base}/t/T?token=alice`)
    await big.opened
    big.ws.send(frame(2048))
    expect(await big.closed).toEqual({ code: 4413, reason: 'message too large' })
    // y-websocket treats 4413 as final, so a client does not resend the frame forever.
    const provider = connectClient(server.base, 't/T', 'bob')
    await whenSynced(provider.provider)
    const closed = whenClosed(provider.provider)
    provider.doc.getText('big').insert(0, 'x'.repeat(4096))
    expect((await closed).code).toBe(4413)
    ok.ws.close()
  })

  it('[SYNC20] revokeAccess closes removed members with 4403 and applies changed modes', async () => {
    const liveAcl: Acl = { 't/T': { alice: 'rw', bob: 'rw' } }
    const server = await serve({ acl: liveAcl, store: await seededStore() })
    const alice = connectClient(server.base, 't/T', 'alice')
    const bob = connectClient(server.base, 't/T', 'bob')
    await Promise.all([whenSynced(alice.provider), whenSynced(bob.provider)])
    liveAcl['t/T'] = { alice: 'ro' } // bob removed, alice demoted
    const bobClosed = whenClosed(bob.provider)
    expect(await server.sync.revokeAccess((c) => c.room === 't/T')).toBe(1)
    expect((await bobClosed).code).toBe(4403)
    const check = connectClient(server.base, 't/T', 'alice')
    await whenSynced(check.provider)
    paragraphText(alice.doc, 0).insert(0, 'DROPPED ')
    // Sent after the edit on the same socket: once seen, the server has handled the edit.
    alice.provider.awareness.setLocalStateField('user', { name: 'Alice' })
    await untilAwareness(check.provider, (s) => 'user' in (s.get(alice.doc.clientID) ?? {}))
    expect(transcriptText(check.doc)).toBe('I felt the pain every day.\nThen it got better.')
  })
})
