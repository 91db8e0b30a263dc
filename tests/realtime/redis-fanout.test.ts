import { afterEach, describe, expect, it } from 'vitest'
import { randomUUID } from 'node:crypto'
import { Redis } from 'ioredis'
import * as Y from 'yjs'
import { createRedisFanout } from '../../server/realtime/redis-fanout'
import { createMemoryDocStore } from '../../server/realtime/doc-store'
import type { Fanout } from '../../server/realtime/fanout'
import { codeSpans, makeTranscriptUpdate, paragraphText, transcriptText } from '../../server/realtime/testing/sim-client'
import {
  connectClient, destroyClients, startServer, until, untilAwareness, whenSynced, type Acl, type TestServer,
} from './support'

// Redis must be running (redis://127.0.0.1:6379 unless REDIS_URL says otherwise).
const redisUrl = process.env.REDIS_URL || 'redis://127.0.0.1:6379'
const acl: Acl = { 't/T': { alice: 'rw', bob: 'rw', carol: 'rw' }, 'l/T/alice': { alice: 'marks' } }
const code = (codeId: string, coderId: string) => ({ codeId, coderId })

const servers: TestServer[] = []
const fanouts: Fanout[] = []
afterEach(async () => {
  destroyClients()
  await Promise.all(servers.splice(0).map((s) => s.close()))
  await Promise.all(fanouts.splice(0).map((f) => f.close()))
})

/** Two instances with separate stores sharing one Redis, under a prefix of their own. */
async function twoInstances() {
  const prefix = `concord-test:${randomUUID()}`
  const storeA = createMemoryDocStore()
  await storeA.append('t/T', makeTranscriptUpdate(['I felt the pain every day.', 'Then it got better.']))
  const [fanoutA, fanoutB] = [createRedisFanout({ url: redisUrl, prefix }), createRedisFanout({ url: redisUrl, prefix })]
  fanouts.push(fanoutA, fanoutB)
  const a = await startServer({ acl, store: storeA, fanout: fanoutA })
  const b = await startServer({ acl, store: createMemoryDocStore(), fanout: fanoutB })
  servers.push(a, b)
  return { a, b, prefix }
}

describe('Redis fan-out between two sync servers', () => {
  it('[SYNC22] [SYNC23] clients on two instances converge; the second instance catches up on load', async () => {
    const ping = new Redis(redisUrl, { maxRetriesPerRequest: 1 })
    expect(await ping.ping()).toBe('PONG') // fails loudly if Redis is not running
    ping.disconnect()
    const { a, b } = await twoInstances()
    const alice = connectClient(a.base, 't/T', 'alice')
    await whenSynced(alice.provider)
    const bob = connectClient(b.base, 't/T', 'bob') // B's store is empty: the text comes from A
    await whenSynced(bob.provider)
    await until(bob.doc, (d) => transcriptText(d) === 'I felt the pain every day.\nThen it got better.')
    paragraphText(alice.doc, 0).insert(0, 'A: ')
    paragraphText(bob.doc, 1).insert(0, 'B: ')
    paragraphText(bob.doc, 1).format(0, 2, { 'code--BBBBBBBB': code('b', 'bob') })
    const expected = 'A: I felt the pain every day.\nB: Then it got better.'
    await until(alice.doc, (d) => transcriptText(d) === expected && codeSpans(d).length === 1)
    await until(bob.doc, (d) => transcriptText(d) === expected)
    expect(codeSpans(alice.doc)).toEqual(['bob:b@1:0-2'])
    bob.provider.awareness.setLocalStateField('user', { name: 'Bob' })
    await untilAwareness(alice.provider, (s) => (s.get(bob.doc.clientID)?.user as { name?: string })?.name === 'Bob')
    // Each instance stores what it applied, so either store alone has the whole doc.
    await b.sync.close()
    const fromB = new Y.Doc()
    for (const u of (await b.store.load('t/T')).updates) Y.applyUpdate(fromB, u)
    expect(transcriptText(fromB)).toBe(expected)
  })

  it('[SYNC22] a layer on one instance follows canonical edits made on the other', async () => {
    const { a, b } = await twoInstances()
    const editor = connectClient(a.base, 't/T', 'carol')
    const layer = connectClient(b.base, 'l/T/alice', 'alice')
    await Promise.all([whenSynced(editor.provider), whenSynced(layer.provider)])
    await until(layer.doc, (d) => transcriptText(d).startsWith('I felt'))
    paragraphText(layer.doc, 0).format(11, 4, { 'code--AAAAAAAA': code('pain', 'alice') })
    paragraphText(editor.doc, 0).insert(0, 'Honestly, ')
    await until(layer.doc, (d) => transcriptText(d).startsWith('Honestly, I felt'))
    expect(codeSpans(layer.doc)).toEqual(['alice:pain@0:21-25'])
    expect(codeSpans(editor.doc)).toEqual([])
  })
})
