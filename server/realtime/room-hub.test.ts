import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createRoomHub, type Grant, type RoomHub, type RoomHubOptions } from './room-hub'
import { createMemoryFanoutHub } from './fanout'
import { createSpyStore } from './testing/spy-store'
import {
  SimClient, codeSpans, flushAll, makeTranscriptUpdate, paragraphText, plainText, settle, transcriptText,
} from './testing/sim-client'

const quiet = { warn() {}, error() {} }
const rw = (userId: string): Grant => ({ userId, mode: 'rw' })
const ro = (userId: string): Grant => ({ userId, mode: 'ro' })
const marks = (userId: string): Grant => ({ userId, mode: 'marks' })
const code = (codeId: string, coderId: string) => ({ codeId, coderId })

const hubs: RoomHub[] = []
function makeHub(store: RoomHubOptions['store'], options: Partial<RoomHubOptions> = {}) {
  const hub = createRoomHub({ store, logger: quiet, ...options })
  hubs.push(hub)
  return hub
}
afterEach(async () => {
  await Promise.all(hubs.splice(0).map((h) => h.close().catch(() => {})))
})

/** Connects clients, waits for the room(s) to load, and delivers everything. */
async function join(hub: RoomHub, entries: Array<[SimClient, string, Grant]>) {
  for (const [client, room, grant] of entries) client.connect(hub, room, grant)
  for (const room of new Set(entries.map((e) => e[1]))) await hub.readDocState(room)
  flushAll(entries.map((e) => e[0]))
}

async function seeded(paragraphs = ['I felt the pain every day.', 'Then it got better.']) {
  const spy = createSpyStore()
  await spy.inner.append('t/T', makeTranscriptUpdate(paragraphs))
  return spy
}

const structClients = (updates: Uint8Array[]) =>
  new Set(updates.flatMap((u) => Y.decodeUpdate(u).structs.map((s) => s.id.client)))

describe('room hub', () => {
  it('[SYNC4] answers nothing before the doc is loaded, then step 1, then the queued step 1', async () => {
    const spy = await seeded(['hello'])
    const openLoads = spy.holdLoads()
    const hub = makeHub(spy.store)
    const client = new SimClient('a')
    client.connect(hub, 't/T', rw('a'))
    client.awareness.setLocalStateField('user', { name: 'A' }) // queued too
    while (client.deliverOut()) { /* the server queues them */ }
    await settle()
    expect(client.inbox).toHaveLength(0)
    openLoads()
    await hub.readDocState('t/T')
    expect([...client.inbox[0].slice(0, 2)]).toEqual([0, 0]) // sync step 1
    expect([...client.inbox[1].slice(0, 2)]).toEqual([0, 1]) // step 2 answering the queued step 1
    flushAll([client])
    expect(transcriptText(client.doc)).toBe('hello')
  })

  it('[SYNC6] rw updates reach the other clients and the store', async () => {
    const spy = await seeded()
    const hub = makeHub(spy.store)
    const [a, b] = [new SimClient('a'), new SimClient('b')]
    await join(hub, [[a, 't/T', rw('a')], [b, 't/T', rw('b')]])
    paragraphText(a.doc, 0).insert(0, 'Well, ')
    flushAll([a, b])
    expect(transcriptText(b.doc)).toBe('Well, I felt the pain every day.\nThen it got better.')
    await spy.completed('append', 't/T')
    expect(transcriptText(await spy.docOf('t/T'))).toBe(transcriptText(b.doc))
  })

  it('[SYNC7] a read-only client receives the doc, but its edits reach no one and are not stored', async () => {
    const spy = await seeded()
    const hub = makeHub(spy.store)
    const [a, reader] = [new SimClient('a'), new SimClient('r')]
    reader.doc.getText('offline').insert(0, 'made before connecting') // goes out in its step 2
    await join(hub, [[a, 't/T', rw('a')], [reader, 't/T', ro('r')]])
    expect(transcriptText(reader.doc)).toBe(transcriptText(a.doc))
    paragraphText(reader.doc, 0).insert(0, 'RO ')
    reader.awareness.setLocalStateField('user', { name: 'Reader' })
    paragraphText(a.doc, 1).insert(0, 'RW ')
    flushAll([a, reader])
    expect(reader.closed).toBeNull()
    expect(transcriptText(a.doc)).toBe('I felt the pain every day.\nRW Then it got better.')
    expect(transcriptText(reader.doc)).toContain('RW Then')
    expect(a.doc.getText('offline').toString()).toBe('')
    expect(a.awareness.getStates().get(reader.doc.clientID)).toEqual({ user: { name: 'Reader' } })
    await hub.close()
    const stored = (await spy.inner.load('t/T')).updates
    expect(structClients(stored).has(reader.doc.clientID)).toBe(false)
    expect(transcriptText(await spy.docOf('t/T'))).toBe(transcriptText(a.doc))
  })

  describe('layers', () => {
    it('[SYNC8] the owner\'s code marks are accepted and stored in the layer only', async () => {
      const spy = await seeded()
      const hub = makeHub(spy.store)
      const alice = new SimClient('alice')
      await join(hub, [[alice, 'l/T/alice', marks('alice')]])
      expect(transcriptText(alice.doc)).toBe('I felt the pain every day.\nThen it got better.')
      paragraphText(alice.doc, 0).format(11, 4, { 'code--AAAAAAAA': code('pain', 'alice') })
      flushAll([alice])
      expect(alice.closed).toBeNull()
      expect(codeSpans(hub.getDoc('l/T/alice')!)).toEqual(['alice:pain@0:11-15'])
      expect(codeSpans(hub.getDoc('t/T')!)).toEqual([])
      await hub.close()
      const canonical = await spy.docOf('t/T')
      expect(codeSpans(canonical)).toEqual([])
      expect(codeSpans(await spy.docOf('l/T/alice', Y.encodeStateAsUpdate(canonical)))).toEqual(['alice:pain@0:11-15'])
    })

    it('[SYNC8] a forged text insert closes the connection with 4400 and is neither applied nor stored', async () => {
      const spy = await seeded()
      const hub = makeHub(spy.store)
      const alice = new SimClient('alice')
      await join(hub, [[alice, 'l/T/alice', marks('alice')]])
      paragraphText(alice.doc, 0).insert(0, 'FORGED ')
      flushAll([alice])
      expect(alice.closed).toEqual({ code: 4400, reason: 'update rejected: non-format struct' })
      expect(transcriptText(hub.getDoc('l/T/alice') ?? new Y.Doc())).not.toContain('FORGED')
      await hub.close()
      expect(structClients((await spy.inner.load('l/T/alice')).updates).has(alice.doc.clientID)).toBe(false)
    })

    it('[SYNC8] a mark claiming another coder is rejected with 4400', async () => {
      const spy = await seeded()
      const hub = makeHub(spy.store)
      const alice = new SimClient('alice')
      await join(hub, [[alice, 'l/T/alice', marks('alice')]])
      paragraphText(alice.doc, 0).format(0, 1, { 'code--BBBBBBBB': code('pain', 'bob') })
      flushAll([alice])
      expect(alice.closed).toEqual({ code: 4400, reason: 'update rejected: code mark of another coder' })
    })

    it('[SYNC9] an rw grant on a layer room is validated as marks', async () => {
      const spy = await seeded()
      const hub = makeHub(spy.store)
      const alice = new SimClient('alice')
      await join(hub, [[alice, 'l/T/alice', rw('alice')]])
      expect(alice.session?.mode).toBe('marks')
      paragraphText(alice.doc, 0).insert(0, 'X')
      flushAll([alice])
      expect(alice.closed?.code).toBe(4400)
    })

    it('[SYNC10] [SYNC11] canonical edits reach a loaded layer, keep its marks, and stay out of its log', async () => {
      const spy = await seeded()
      const hub = makeHub(spy.store)
      const [editor, alice] = [new SimClient('editor'), new SimClient('alice')]
      await join(hub, [[editor, 't/T', rw('editor')], [alice, 'l/T/alice', marks('alice')]])
      paragraphText(alice.doc, 0).format(11, 4, { 'code--AAAAAAAA': code('pain', 'alice') })
      flushAll([editor, alice])
      paragraphText(editor.doc, 0).insert(0, 'Honestly, ')
      paragraphText(editor.doc, 1).delete(0, 5)
      flushAll([editor, alice])
      const expected = 'Honestly, I felt the pain every day.\nit got better.'
      expect(transcriptText(alice.doc)).toBe(expected)
      expect(transcriptText(hub.getDoc('l/T/alice')!)).toBe(expected)
      expect(codeSpans(alice.doc)).toEqual(['alice:pain@0:21-25'])
      expect(plainText(paragraphText(alice.doc, 0)).slice(21, 25)).toBe('pain')
      expect(transcriptText(editor.doc)).toBe(expected)
      expect(codeSpans(editor.doc)).toEqual([]) // layer → canonical never
      await hub.close()
      const layerLog = (await spy.inner.load('l/T/alice')).updates
      expect(structClients(layerLog).has(editor.doc.clientID)).toBe(false)
      expect(structClients(layerLog).has(alice.doc.clientID)).toBe(true)
      // Reloaded from the store (canonical + layer log), the layer is the same.
      const hub2 = makeHub(spy.store)
      const again = new SimClient('alice-again')
      await join(hub2, [[again, 'l/T/alice', marks('alice')]])
      expect(transcriptText(again.doc)).toBe(expected)
      expect(codeSpans(again.doc)).toEqual(['alice:pain@0:21-25'])
    })

    it('[SYNC10] a layer keeps its canonical room loaded and releases it when unloaded', async () => {
      const spy = await seeded()
      const hub = makeHub(spy.store)
      const alice = new SimClient('alice')
      await join(hub, [[alice, 'l/T/alice', marks('alice')]])
      expect(hub.getLoadedDocNames().sort()).toEqual(['l/T/alice', 't/T'])
      alice.disconnect()
      while (hub.getLoadedDocNames().length > 0) await settle()
      expect(hub.getLoadedDocNames()).toEqual([])
    })

    it('[SYNC12] server docs get fresh client ids; a layer\'s is not a canonical client', async () => {
      const spy = await seeded()
      const hub = makeHub(spy.store)
      const [editor, alice] = [new SimClient('editor'), new SimClient('alice')]
      await join(hub, [[editor, 't/T', rw('editor')], [alice, 'l/T/alice', marks('alice')]])
      const canonical = hub.getDoc('t/T')!
      const layer = hub.getDoc('l/T/alice')!
      expect(layer.clientID).not.toBe(canonical.clientID)
      expect(canonical.store.clients.has(layer.clientID)).toBe(false)
      expect(new Set([canonical.clientID, layer.clientID, editor.doc.clientID, alice.doc.clientID]).size).toBe(4)
    })

    it('[SYNC13] readMergedLayers shows every coder\'s marks, overlapping', async () => {
      const spy = await seeded()
      const hub = makeHub(spy.store)
      const [alice, bob] = [new SimClient('alice'), new SimClient('bob')]
      await join(hub, [[alice, 'l/T/alice', marks('alice')], [bob, 'l/T/bob', marks('bob')]])
      paragraphText(alice.doc, 0).format(7, 8, { 'code--AAAAAAAA': code('pain', 'alice') })
      paragraphText(bob.doc, 0).format(11, 10, { 'code--BBBBBBBB': code('pain', 'bob') })
      flushAll([alice, bob])
      bob.disconnect() // bob's layer is read from the store, alice's from memory
      await spy.completed('append', 'l/T/bob')
      const merged = new Y.Doc()
      Y.applyUpdate(merged, await hub.readMergedLayers('T', ['alice', 'bob']))
      expect(codeSpans(merged)).toEqual(['alice:pain@0:7-15', 'bob:pain@0:11-21'])
      expect(transcriptText(merged)).toBe('I felt the pain every day.\nThen it got better.')
    })
  })

  describe('persistence', () => {
    it('[SYNC14] updates arriving within the batch window are stored as one row', async () => {
      const spy = await seeded()
      const hub = makeHub(spy.store, { persistDelayMs: 50 })
      const a = new SimClient('a')
      await join(hub, [[a, 't/T', rw('a')]])
      for (let i = 0; i < 20; i++) paragraphText(a.doc, 1).insert(0, String(i % 10))
      flushAll([a])
      await spy.completed('append', 't/T')
      expect(spy.count('append', 't/T')).toBe(1)
      expect(transcriptText(await spy.docOf('t/T'))).toBe(transcriptText(a.doc))
    })

    it('[SYNC15] compacts past the row threshold without overlap and keeps the content', async () => {
      const spy = await seeded()
      const hub = makeHub(spy.store, { compactAfterUpdates: 4 })
      const a = new SimClient('a')
      await join(hub, [[a, 't/T', rw('a')]])
      // Rows: the seed + 3 appends reach 4 → one compaction; then 2 more appends follow the snapshot.
      for (let round = 1; round <= 5; round++) {
        paragraphText(a.doc, 0).insert(0, `${round}`)
        flushAll([a])
        await spy.completed('append', 't/T', round)
      }
      expect(spy.count('compact', 't/T')).toBe(1)
      expect(spy.overlappingCompactions()).toBe(0)
      expect((await spy.inner.load('t/T')).updates).toHaveLength(3)
      expect(transcriptText(await spy.docOf('t/T'))).toBe(transcriptText(a.doc))
    })

    it('[SYNC15] [SYNC16] an emptied room is compacted and unloaded, and reloads the same', async () => {
      const spy = await seeded()
      const hub = makeHub(spy.store)
      const a = new SimClient('a')
      await join(hub, [[a, 't/T', rw('a')]])
      paragraphText(a.doc, 0).insert(0, 'A ')
      flushAll([a])
      a.disconnect()
      await spy.completed('compact', 't/T')
      while (hub.getLoadedDocNames().includes('t/T')) await settle()
      expect((await spy.inner.load('t/T')).updates).toHaveLength(1)
      const b = new SimClient('b')
      await join(hub, [[b, 't/T', rw('b')]])
      expect(transcriptText(b.doc)).toBe('A I felt the pain every day.\nThen it got better.')
    })

    it('[SYNC16] a connection arriving while the room is being written keeps it loaded', async () => {
      const spy = await seeded()
      const hub = makeHub(spy.store)
      const a = new SimClient('a')
      await join(hub, [[a, 't/T', rw('a')]])
      const doc = hub.getDoc('t/T')
      paragraphText(a.doc, 0).insert(0, 'A ')
      flushAll([a])
      a.disconnect()
      const b = new SimClient('b')
      b.connect(hub, 't/T', rw('b'))
      await spy.completed('compact', 't/T')
      await settle()
      expect(hub.getDoc('t/T')).toBe(doc)
      flushAll([b])
      expect(transcriptText(b.doc)).toContain('A I felt')
    })

    it('[SYNC17] close() writes pending updates and disconnects with 1001; a new server serves them', async () => {
      const spy = await seeded()
      const hub = makeHub(spy.store, { persistDelayMs: 100 })
      const a = new SimClient('a')
      await join(hub, [[a, 't/T', rw('a')]])
      paragraphText(a.doc, 0).insert(0, 'Last words. ')
      flushAll([a])
      expect(spy.count('append', 't/T')).toBe(0) // still in the batch window
      await hub.close()
      expect(a.closed).toEqual({ code: 1001, reason: 'server shutting down' })
      const hub2 = makeHub(spy.store)
      const fresh = new SimClient('fresh')
      await join(hub2, [[fresh, 't/T', rw('fresh')]])
      expect(transcriptText(fresh.doc)).toBe('Last words. I felt the pain every day.\nThen it got better.')
    })

    it('[SYNC14] a failed append is retried and the room is not dropped meanwhile', async () => {
      const spy = await seeded()
      const hub = makeHub(spy.store, { persistDelayMs: 1 })
      const a = new SimClient('a')
      await join(hub, [[a, 't/T', rw('a')]])
      spy.setFailAppends(true)
      paragraphText(a.doc, 0).insert(0, 'kept ')
      flushAll([a])
      a.disconnect()
      while (spy.count('append', 't/T') < 2) await settle() // the batch and the unload's flush both failed
      expect(hub.getLoadedDocNames()).toContain('t/T')
      spy.setFailAppends(false)
      await spy.completed('append', 't/T') // the retry
      expect(transcriptText(await spy.docOf('t/T'))).toContain('kept I felt')
    })
  })

  it('[SYNC19] onDocChanged is debounced, never overlaps, and runs once more on close', async () => {
    const spy = await seeded()
    const seen: string[] = []
    let running = 0
    let overlapped = false
    let firstCall!: () => void
    const first = new Promise<void>((r) => (firstCall = r))
    const hub = makeHub(spy.store, {
      docChangedDelayMs: 20,
      onDocChanged: async (room, doc) => {
        running++
        if (running > 1) overlapped = true
        seen.push(`${room}:${transcriptText(doc).slice(0, 3)}`)
        await settle()
        running--
        firstCall()
      },
    })
    const a = new SimClient('a')
    await join(hub, [[a, 't/T', rw('a')]])
    for (const ch of 'abc') {
      paragraphText(a.doc, 0).insert(0, ch)
      flushAll([a])
    }
    await first
    expect(seen).toEqual(['t/T:cba'])
    paragraphText(a.doc, 0).insert(0, 'z')
    flushAll([a])
    await hub.close()
    expect(seen).toEqual(['t/T:cba', 't/T:zcb'])
    expect(overlapped).toBe(false)
  })

  it('[SYNC19] runPendingChanges runs the listed rooms\' waiting onDocChanged at once, and waits for a run in progress', async () => {
    const spy = await seeded()
    await spy.inner.append('t/U', makeTranscriptUpdate(['other room']))
    const seen: string[] = []
    let release = null as (() => void) | null
    const hub = makeHub(spy.store, {
      docChangedDelayMs: 60_000, // never by timer in this test
      docChangedMaxWaitMs: 60_000,
      onDocChanged: async (room, doc, { asked }) => {
        if (room === 't/T' && transcriptText(doc).startsWith('slow')) await new Promise<void>((r) => (release = r))
        seen.push(`${room}:${transcriptText(doc).slice(0, 4)}${asked ? '' : ' (not asked)'}`)
      },
    })
    const a = new SimClient('a')
    const b = new SimClient('b')
    await join(hub, [[a, 't/T', rw('a')], [b, 't/U', rw('b')]])
    paragraphText(a.doc, 0).insert(0, 'new ')
    paragraphText(b.doc, 0).insert(0, 'b ')
    flushAll([a, b])
    await hub.runPendingChanges(['t/T'])
    expect(seen).toEqual(['t/T:new ']) // t/U was not asked for
    await hub.runPendingChanges(['t/T', 'not/loaded'])
    expect(seen).toEqual(['t/T:new ']) // nothing waiting: no run

    // A run in progress: the caller waits for it (its rows are not written yet).
    paragraphText(a.doc, 0).insert(0, 'slow ')
    flushAll([a])
    const firstRun = hub.runPendingChanges(['t/T'])
    while (!release) await settle()
    let secondDone = false
    const second = hub.runPendingChanges(['t/T']).then(() => (secondDone = true))
    await settle()
    expect(secondDone).toBe(false)
    release!()
    await Promise.all([firstRun, second])
    expect(seen).toEqual(['t/T:new ', 't/T:slow'])
  })

  it('[SYNC19] a room loaded with rows appended after its last compaction runs onDocChanged once as a catch-up (a crash left them)', async () => {
    const spy = await seeded()
    // What a crashed server leaves: an edit appended to the log, never seen by the hook.
    const crashed = new Y.Doc()
    for (const update of (await spy.inner.load('t/T')).updates) Y.applyUpdate(crashed, update)
    const before = Y.encodeStateVector(crashed)
    paragraphText(crashed, 0).insert(0, 'after ')
    await spy.inner.append('t/T', Y.encodeStateAsUpdate(crashed, before))
    await spy.inner.append('t/U', makeTranscriptUpdate(['compacted room, one row']))
    await spy.inner.append('m/P/plain', makeTranscriptUpdate(['a plain doc']))
    await spy.inner.append('m/P/plain', makeTranscriptUpdate(['with a tail']))
    const seen: string[] = []
    const hub = makeHub(spy.store, {
      docChangedDelayMs: 60_000, // runs only when asked here
      docChangedMaxWaitMs: 60_000,
      onDocChanged: (room, doc, { catchUp }) => void seen.push(`${room}:${transcriptText(doc).slice(0, 7)}${catchUp ? ' (catch-up)' : ''}`),
    })
    const a = new SimClient('a')
    const b = new SimClient('b')
    const c = new SimClient('c')
    await join(hub, [[a, 't/T', rw('a')], [b, 't/U', rw('b')], [c, 'm/P/plain', rw('c')]])
    await hub.runPendingChanges(['t/T', 't/U', 'm/P/plain'])
    // t/U had nothing the hook could have missed; a plain doc's hook reads the live doc.
    expect(seen).toEqual(['t/T:after I (catch-up)'])
    paragraphText(a.doc, 0).insert(0, 'x')
    flushAll([a])
    await hub.runPendingChanges(['t/T'])
    expect(seen).toEqual(['t/T:after I (catch-up)', 't/T:xafter '])

    // The tail is compacted when the room unloads, edited or not: the next load has no catch-up.
    a.disconnect()
    while (hub.getLoadedDocNames().includes('t/T')) await settle()
    expect((await spy.inner.load('t/T')).updates).toHaveLength(1)
    const again = new SimClient('again')
    await join(hub, [[again, 't/T', rw('again')]])
    await hub.runPendingChanges(['t/T'])
    expect(seen).toHaveLength(2)
  })

  it('[SYNC19] catchUpStoredRooms runs the catch-up of every stored transcript or layer room with a tail, without a client', async () => {
    const spy = await seeded()
    await spy.inner.append('t/T', makeTranscriptUpdate(['a tail']))
    await spy.inner.append('l/T/u1', makeTranscriptUpdate(['layer']))
    await spy.inner.append('l/T/u1', makeTranscriptUpdate(['layer tail']))
    await spy.inner.append('t/U', makeTranscriptUpdate(['no tail']))
    await spy.inner.append('m/P/plain', makeTranscriptUpdate(['plain']))
    await spy.inner.append('m/P/plain', makeTranscriptUpdate(['plain tail']))
    const seen: string[] = []
    const hub = makeHub(spy.store, {
      docChangedDelayMs: 60_000,
      docChangedMaxWaitMs: 60_000,
      onDocChanged: (room, _doc, { catchUp }) => void seen.push(`${room}${catchUp ? ' (catch-up)' : ''}`),
    })
    expect((await hub.catchUpStoredRooms()).sort()).toEqual(['l/T/u1', 't/T'])
    expect(seen.sort()).toEqual(['l/T/u1 (catch-up)', 't/T (catch-up)'])
    // Each is compacted and unloaded afterwards: the next start finds nothing to do.
    while (hub.getLoadedDocNames().length > 0) await settle()
    expect((await spy.inner.load('t/T')).updates).toHaveLength(1)
    expect(await hub.catchUpStoredRooms()).toEqual([])
    expect(seen).toHaveLength(2)
  })

  it('[SYNC15] a room loaded with a tail and never edited is compacted when it unloads', async () => {
    const spy = await seeded()
    await spy.inner.append('t/T', makeTranscriptUpdate(['a second row']))
    const hub = makeHub(spy.store)
    const a = new SimClient('a')
    await join(hub, [[a, 't/T', rw('a')]])
    a.disconnect()
    await spy.completed('compact', 't/T')
    expect((await spy.inner.load('t/T')).updates).toHaveLength(1)
  })

  it('[SYNC21] updateDoc changes the doc for connected clients and stores it before resolving', async () => {
    const spy = await seeded()
    const hub = makeHub(spy.store)
    const a = new SimClient('a')
    await join(hub, [[a, 't/T', rw('a')]])
    await hub.updateDoc('t/T', (doc) => paragraphText(doc, 1).format(0, 4, { 'code--CCCCCCCC': code('c1', 'consensus') }))
    flushAll([a])
    expect(codeSpans(a.doc)).toEqual(['consensus:c1@1:0-4'])
    expect(codeSpans(await spy.docOf('t/T'))).toEqual(['consensus:c1@1:0-4'])
  })

  it('[SYNC5] an undecodable frame closes the connection with 4400', async () => {
    const spy = await seeded()
    const hub = makeHub(spy.store)
    const a = new SimClient('a')
    await join(hub, [[a, 't/T', rw('a')]])
    a.session!.receive(new Uint8Array([0, 2, 200, 1, 7])) // update frame whose length overruns
    expect(a.closed?.code).toBe(4400)
  })

  describe('fan-out between instances', () => {
    async function twoInstances() {
      const net = createMemoryFanoutHub()
      const [storeA, storeB] = [await seeded(), createSpyStore()]
      const hubA = makeHub(storeA.store, { fanout: net.connect('A') })
      const hubB = makeHub(storeB.store, { fanout: net.connect('B') })
      return { net, hubA, hubB, storeA, storeB }
    }
    const deliver = (net: ReturnType<typeof createMemoryFanoutHub>, clients: SimClient[]) => {
      for (let i = 0; i < 5; i++) {
        flushAll(clients)
        net.flush()
      }
      flushAll(clients)
    }

    it('[SYNC23] an instance that loads later catches up from its peers', async () => {
      const { net, hubA, hubB } = await twoInstances()
      const a = new SimClient('a')
      await join(hubA, [[a, 't/T', rw('a')]])
      const b = new SimClient('b')
      await join(hubB, [[b, 't/T', rw('b')]]) // B's own store is empty
      deliver(net, [a, b])
      expect(transcriptText(b.doc)).toBe('I felt the pain every day.\nThen it got better.')
      expect(net.pending()).toBe(0) // no ping-pong between instances
    })

    it('[SYNC22] updates and awareness cross instances, and each instance stores them', async () => {
      const { net, hubA, hubB, storeB } = await twoInstances()
      const [a, b] = [new SimClient('a'), new SimClient('b')]
      await join(hubA, [[a, 't/T', rw('a')]])
      await join(hubB, [[b, 't/T', rw('b')]])
      deliver(net, [a, b])
      paragraphText(a.doc, 0).insert(0, 'A: ')
      a.awareness.setLocalStateField('user', { name: 'A' })
      paragraphText(b.doc, 1).insert(0, 'B: ')
      deliver(net, [a, b])
      expect(transcriptText(a.doc)).toBe('A: I felt the pain every day.\nB: Then it got better.')
      expect(transcriptText(b.doc)).toBe(transcriptText(a.doc))
      expect(b.awareness.getStates().get(a.doc.clientID)).toEqual({ user: { name: 'A' } })
      await hubB.close()
      expect(transcriptText(await storeB.docOf('t/T'))).toBe(transcriptText(a.doc))
    })

    it('[SYNC23] a lost message is repaired by the next state-vector exchange', async () => {
      const { net, hubA, hubB } = await twoInstances()
      const [a, b] = [new SimClient('a'), new SimClient('b')]
      await join(hubA, [[a, 't/T', rw('a')]])
      await join(hubB, [[b, 't/T', rw('b')]])
      deliver(net, [a, b])
      paragraphText(b.doc, 0).insert(0, 'lost? ')
      paragraphText(b.doc, 1).delete(0, 5)
      flushAll([a, b])
      net.drop()
      deliver(net, [a, b])
      expect(transcriptText(a.doc)).not.toContain('lost?')
      hubA.resyncFanout()
      deliver(net, [a, b])
      expect(transcriptText(a.doc)).toBe('lost? I felt the pain every day.\nit got better.')
    })
  })
})
