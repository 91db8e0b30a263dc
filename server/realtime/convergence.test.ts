import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import * as prng from 'lib0/prng'
import { createRoomHub, type Grant } from './room-hub'
import { createMemoryDocStore } from './doc-store'
import {
  SimClient, codeSpans, flushAll, makeTranscriptUpdate, paragraphText, plainText, settle, transcriptText,
} from './testing/sim-client'

/**
 * [SYNC24] yjs testHelper-style: simulated users edit concurrently (text, paragraphs, overlapping
 * code marks, layer marks, read-only edits, disconnects), messages are delivered in a seeded
 * random order, and at the end every copy must agree. Rooms empty and reload along the way, so
 * compaction and reloading are exercised too. A failing seed is a regression test: add it to
 * `regressionSeeds` with a note.
 */
const regressionSeeds: number[] = []
// SYNC_FUZZ_SEEDS=500 runs more seeds locally.
const seedCount = Number(process.env.SYNC_FUZZ_SEEDS ?? 16)
const seeds = [...regressionSeeds, ...Array.from({ length: seedCount }, (_, i) => 1000 + i)]

const quiet = { warn() {}, error() {} }
const markKey = (codeId: string, coderId: string) => `code--${(codeId + coderId).padEnd(8, 'x').slice(0, 8)}`
const codes = ['c0', 'c1', 'c2']

interface Actor {
  client: SimClient
  room: string
  grant: Grant
  online: boolean
}

function randomEdit(gen: prng.PRNG, actor: Actor) {
  const doc = actor.client.doc
  const fragment = doc.getXmlFragment('default')
  const n = fragment.length
  if (n === 0 || (actor.grant.mode !== 'marks' && prng.int32(gen, 0, 20) === 0)) {
    if (actor.grant.mode === 'marks') return
    const el = new Y.XmlElement('paragraph')
    el.insert(0, [new Y.XmlText(prng.word(gen, 1, 6) + ' ')])
    fragment.insert(prng.int32(gen, 0, n), [el])
    return
  }
  const text = paragraphText(doc, prng.int32(gen, 0, n - 1))
  if (!(text instanceof Y.XmlText)) return
  const len = plainText(text).length
  const at = prng.int32(gen, 0, len)
  const span = prng.int32(gen, 0, Math.max(0, len - at))
  const coderId = actor.grant.userId
  const codeId = prng.oneOf(gen, codes)
  const choice = prng.int32(gen, 0, 9)
  if (actor.grant.mode === 'marks') {
    if (choice < 7) text.format(at, span, { [markKey(codeId, coderId)]: { codeId, coderId } })
    else text.format(at, span, { [markKey(codeId, coderId)]: null })
    return
  }
  if (choice < 4) text.insert(at, prng.word(gen, 1, 5))
  else if (choice < 6) text.delete(at, Math.min(span, 4))
  else if (choice < 8) text.format(at, span, { [markKey(codeId, coderId)]: { codeId, coderId } })
  else if (choice < 9) text.format(at, span, { [markKey(codeId, coderId)]: null })
  else if (n > 1 && prng.int32(gen, 0, 3) === 0) fragment.delete(prng.int32(gen, 0, n - 1), 1)
}

describe('[SYNC24] convergence under random concurrent edits and delivery order', () => {
  it.each(seeds)('[SYNC24] seed %i', async (seed) => {
    const gen = prng.create(seed)
    const store = createMemoryDocStore()
    await store.append('t/T', makeTranscriptUpdate(['I felt the pain every day.', 'Then it got better.', 'Mostly.']))
    const hub = createRoomHub({ store, logger: quiet, compactAfterUpdates: 3 })
    let nextId = seed * 16
    const actor = (name: string, room: string, grant: Grant): Actor =>
      ({ client: new SimClient(name, nextId++), room, grant, online: false })
    const actors = [
      actor('e0', 't/T', { userId: 'e0', mode: 'rw' }),
      actor('e1', 't/T', { userId: 'e1', mode: 'rw' }),
      actor('e2', 't/T', { userId: 'e2', mode: 'rw' }),
      actor('reader', 't/T', { userId: 'reader', mode: 'ro' }),
      actor('alice', 'l/T/alice', { userId: 'alice', mode: 'marks' }),
      actor('alice-tab2', 'l/T/alice', { userId: 'alice', mode: 'marks' }),
      actor('bob', 'l/T/bob', { userId: 'bob', mode: 'marks' }),
    ]
    const clients = actors.map((a) => a.client)
    const connect = (a: Actor) => {
      a.client.connect(hub, a.room, a.grant)
      a.online = true
    }
    actors.forEach(connect)

    for (let step = 0; step < 300; step++) {
      const a = prng.oneOf(gen, actors)
      const r = prng.int32(gen, 0, 99)
      if (r < 35) randomEdit(gen, a)
      else if (r < 85) {
        for (let k = prng.int32(gen, 1, 4); k > 0; k--) {
          if (prng.bool(gen)) a.client.deliverOut()
          else a.client.deliverIn()
        }
      } else if (r < 88 && a.online) {
        a.client.disconnect()
        a.online = false
      } else if (r < 92 && !a.online) connect(a)
      else await settle() // let loads, unloads and appends run
    }
    for (const a of actors) if (!a.online) connect(a)
    do {
      await settle()
      for (const room of ['t/T', 'l/T/alice', 'l/T/bob']) await hub.readDocState(room)
      flushAll(clients)
    } while (clients.some((c) => c.inbox.length > 0 || c.outbox.length > 0))

    // No legitimate client was refused (the marks validator has no false positives here).
    expect(actors.filter((a) => a.client.closed).map((a) => `${a.client.name}: ${a.client.closed?.reason}`)).toEqual([])
    const canonical = hub.getDoc('t/T')!
    const text = transcriptText(canonical)
    const canonicalSpans = codeSpans(canonical)
    for (const a of actors.filter((x) => x.grant.mode === 'rw')) {
      expect(transcriptText(a.client.doc)).toBe(text)
      expect(codeSpans(a.client.doc)).toEqual(canonicalSpans)
      expect(Y.encodeStateVector(a.client.doc)).toEqual(Y.encodeStateVector(canonical))
    }
    expect(canonical.store.clients.has(actors[3].client.doc.clientID)).toBe(false) // the reader's edits
    for (const coder of ['alice', 'bob']) {
      const layer = hub.getDoc(`l/T/${coder}`)!
      expect(transcriptText(layer)).toBe(text)
      const own = codeSpans(layer).filter((s) => !canonicalSpans.includes(s))
      expect(own.every((s) => s.startsWith(`${coder}:`))).toBe(true)
      for (const a of actors.filter((x) => x.room === `l/T/${coder}`)) {
        expect(transcriptText(a.client.doc)).toBe(text)
        expect(codeSpans(a.client.doc)).toEqual(codeSpans(layer))
      }
    }
    // Stored state equals live state: a new server on the same store serves the same docs.
    const live = {
      t: text, spans: canonicalSpans,
      alice: codeSpans(hub.getDoc('l/T/alice')!), bob: codeSpans(hub.getDoc('l/T/bob')!),
    }
    await hub.close()
    const hub2 = createRoomHub({ store, logger: quiet })
    const reload = async (room: string) => {
      const doc = new Y.Doc()
      Y.applyUpdate(doc, await hub2.readDocState(room))
      return doc
    }
    expect(transcriptText(await reload('t/T'))).toBe(live.t)
    expect(codeSpans(await reload('t/T'))).toEqual(live.spans)
    expect(codeSpans(await reload('l/T/alice'))).toEqual(live.alice)
    expect(codeSpans(await reload('l/T/bob'))).toEqual(live.bob)
    await hub2.close()
  })
})
