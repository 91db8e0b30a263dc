import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { DocStore } from './doc-store'

/**
 * [SYNC18] The contract every DocStore meets (memory here; Drizzle on PGlite and Postgres in
 * db/). Each test uses fresh room names, so `makeStore` may return a shared store.
 *
 * @example runDocStoreContract('pglite', async () => createDrizzleDocStore(await makeTestDb()))
 */
export function runDocStoreContract(name: string, makeStore: () => Promise<DocStore>) {
  let counter = 0
  const freshRoom = (kind = 't') => `${kind}/contract-${Date.now().toString(36)}-${process.pid}-${counter++}`

  const textUpdate = (doc: Y.Doc, index: number, text: string) => {
    let update: Uint8Array | null = null
    const capture = (u: Uint8Array) => (update = u)
    doc.once('update', capture)
    doc.getText('t').insert(index, text)
    return update as unknown as Uint8Array
  }
  const textOf = (updates: Uint8Array[]) => {
    const doc = new Y.Doc()
    updates.forEach((u) => Y.applyUpdate(doc, u))
    return doc.getText('t').toString()
  }

  describe(`[SYNC18] DocStore contract: ${name}`, () => {
    it('[SYNC18] an unknown room loads as no updates', async () => {
      const store = await makeStore()
      expect(await store.load(freshRoom())).toEqual({ updates: [] })
    })

    it('[SYNC18] appends load back in append order, byte for byte', async () => {
      const store = await makeStore()
      const room = freshRoom()
      const updates = [new Uint8Array([1, 2, 3]), new Uint8Array([0]), new Uint8Array([255, 0, 128, 7])]
      for (const u of updates) await store.append(room, u)
      const { updates: loaded } = await store.load(room)
      expect(loaded.map((u) => [...u])).toEqual(updates.map((u) => [...u]))
      expect(loaded.every((u) => u instanceof Uint8Array)).toBe(true)
    })

    it('[SYNC18] every byte value and a large update round-trip exactly', async () => {
      const store = await makeStore()
      const room = freshRoom()
      const all = Uint8Array.from({ length: 256 }, (_, i) => i)
      const large = Uint8Array.from({ length: 1_500_000 }, (_, i) => (i * 7919) % 256)
      await store.append(room, all)
      await store.append(room, large)
      const { updates } = await store.load(room)
      expect(updates).toHaveLength(2)
      expect(Buffer.from(updates[0]).equals(Buffer.from(all))).toBe(true)
      expect(Buffer.from(updates[1]).equals(Buffer.from(large))).toBe(true)
    })

    it('[SYNC18] a caller reusing its buffer cannot change what was stored', async () => {
      const store = await makeStore()
      const room = freshRoom()
      const buffer = new Uint8Array([1, 2, 3])
      await store.append(room, buffer)
      buffer[0] = 9
      expect([...(await store.load(room)).updates[0]]).toEqual([1, 2, 3])
    })

    it('[SYNC18] rooms are separate, including names that extend each other', async () => {
      const store = await makeStore()
      const base = freshRoom('l')
      const rooms = [base, `${base}x`, `${base}/coder`, base.replace(/^l/, 't')]
      for (const [i, room] of rooms.entries()) await store.append(room, new Uint8Array([i]))
      for (const [i, room] of rooms.entries()) expect((await store.load(room)).updates.map((u) => [...u])).toEqual([[i]])
      await store.compact(rooms[0], new Uint8Array([42]))
      expect((await store.load(rooms[1])).updates.map((u) => [...u])).toEqual([[1]])
    })

    it('[SYNC18] concurrent appends are all kept, and their Yjs content is complete in any order', async () => {
      const store = await makeStore()
      const room = freshRoom()
      const docs = Array.from({ length: 40 }, () => new Y.Doc())
      const updates = docs.map((d, i) => textUpdate(d, 0, `w${i};`))
      await Promise.all(updates.map((u) => store.append(room, u)))
      const { updates: loaded } = await store.load(room)
      expect(loaded).toHaveLength(40)
      const text = textOf(loaded)
      for (let i = 0; i < 40; i++) expect(text).toContain(`w${i};`)
    })

    it('[SYNC18] appends to many rooms in the same turn land in each room in call order', async () => {
      // The sync server flushes every room on the same clock tick; a store may write them together.
      const store = await makeStore()
      const rooms = Array.from({ length: 5 }, () => freshRoom())
      const calls: Promise<void>[] = []
      for (let i = 0; i < 4; i++) for (const [r, room] of rooms.entries()) calls.push(store.append(room, new Uint8Array([r, i])))
      await Promise.all(calls)
      for (const [r, room] of rooms.entries()) expect((await store.load(room)).updates.map((u) => [...u])).toEqual([0, 1, 2, 3].map((i) => [r, i]))
    })

    it('[SYNC18] compaction keeps the content and later appends come after the snapshot', async () => {
      const store = await makeStore()
      const room = freshRoom()
      const doc = new Y.Doc()
      for (let i = 0; i < 30; i++) await store.append(room, textUpdate(doc, i, String.fromCharCode(97 + (i % 26))))
      const before = textOf((await store.load(room)).updates)
      await store.compact(room, Y.encodeStateAsUpdate(doc))
      const afterCompaction = (await store.load(room)).updates
      expect(afterCompaction).toHaveLength(1)
      expect(textOf(afterCompaction)).toBe(before)
      await store.append(room, textUpdate(doc, 0, '>'))
      const { updates } = await store.load(room)
      expect(updates).toHaveLength(2)
      expect(textOf(updates)).toBe('>' + before)
      expect(textOf(updates)).toBe(doc.getText('t').toString())
    })

    it('[SYNC18] compacting a room with no rows stores the snapshot', async () => {
      const store = await makeStore()
      const room = freshRoom()
      await store.compact(room, new Uint8Array([7, 7]))
      expect((await store.load(room)).updates.map((u) => [...u])).toEqual([[7, 7]])
    })

    it('[SYNC18] compacting twice in a row leaves only the second snapshot', async () => {
      const store = await makeStore()
      const room = freshRoom()
      const doc = new Y.Doc()
      await store.append(room, textUpdate(doc, 0, 'ab'))
      await store.compact(room, Y.encodeStateAsUpdate(doc))
      await store.append(room, textUpdate(doc, 2, 'cd'))
      await store.compact(room, Y.encodeStateAsUpdate(doc))
      const { updates } = await store.load(room)
      expect(updates).toHaveLength(1)
      expect(textOf(updates)).toBe('abcd')
    })

    it('[SYNC18] a load while the room is being compacted sees everything (the old form or the new, never half of each)', async () => {
      const store = await makeStore()
      const room = freshRoom()
      const doc = new Y.Doc()
      let expected = ''
      for (let round = 0; round < 40; round++) {
        for (const ch of 'abc') {
          await store.append(room, textUpdate(doc, expected.length, `${ch}${round}`))
          expected += `${ch}${round}`
        }
        // Loads started before, with and after the compaction; on Postgres the pool runs them side by side.
        const early = store.load(room)
        const compaction = store.compact(room, Y.encodeStateAsUpdate(doc))
        const late = [store.load(room), store.load(room), store.load(room)]
        const loaded = await Promise.all([early, ...late])
        await compaction
        for (const { updates } of loaded) expect(textOf(updates)).toBe(expected)
      }
    })

    it('[SYNC18] [SYNC19] lists the rooms stored as more than one update (the tails a stopped process leaves)', async () => {
      const store = await makeStore()
      if (!store.roomsWithTails) return // optional: a store without it skips the catch-up
      const [one, two, compacted, snapshotAndAppend] = [freshRoom(), freshRoom(), freshRoom(), freshRoom()]
      await store.append(one, new Uint8Array([1]))
      await store.append(two, new Uint8Array([1]))
      await store.append(two, new Uint8Array([2]))
      await store.append(compacted, new Uint8Array([1]))
      await store.append(compacted, new Uint8Array([2]))
      await store.compact(compacted, new Uint8Array([3]))
      await store.compact(snapshotAndAppend, new Uint8Array([3]))
      await store.append(snapshotAndAppend, new Uint8Array([4]))
      // A shared store may hold other tests' rooms: look at ours only.
      const ours = new Set([one, two, compacted, snapshotAndAppend])
      expect((await store.roomsWithTails()).filter((r) => ours.has(r)).sort()).toEqual([two, snapshotAndAppend].sort())
    })
  })
}
