import * as Y from 'yjs'
import { createMemoryDocStore, type DocStore } from '../doc-store'

/** Test-only: a memory DocStore that records calls, can hold loads back, and can fail appends. */
export function createSpyStore() {
  const inner = createMemoryDocStore()
  const calls: Array<{ op: 'load' | 'append' | 'compact'; room: string }> = []
  let gate: Promise<void> | null = null
  let failAppends = false
  let compacting = 0
  let overlappingCompactions = 0
  const waiters: Array<() => boolean> = []
  const done = (op: 'append' | 'compact', room: string) => {
    completed.push({ op, room })
    for (const w of [...waiters]) if (w()) waiters.splice(waiters.indexOf(w), 1)
  }
  const completed: Array<{ op: 'append' | 'compact'; room: string }> = []
  const store: DocStore = {
    async load(room) {
      calls.push({ op: 'load', room })
      if (gate) await gate
      return inner.load(room)
    },
    async append(room, update) {
      calls.push({ op: 'append', room })
      if (failAppends) throw new Error('store is down')
      await inner.append(room, update)
      done('append', room)
    },
    roomsWithTails: () => inner.roomsWithTails(),
    async compact(room, state) {
      calls.push({ op: 'compact', room })
      compacting++
      if (compacting > 1) overlappingCompactions++
      await new Promise((r) => setImmediate(r))
      await inner.compact(room, state)
      compacting--
      done('compact', room)
    },
  }
  return {
    store,
    inner,
    calls,
    count: (op: 'load' | 'append' | 'compact', room?: string) =>
      calls.filter((c) => c.op === op && (room === undefined || c.room === room)).length,
    /** Holds every load until the returned function is called. */
    holdLoads() {
      let open!: () => void
      gate = new Promise<void>((r) => (open = r))
      return () => {
        gate = null
        open()
      }
    },
    /** Resolves once `n` calls of `op` on `room` have completed (counting earlier ones). */
    completed(op: 'append' | 'compact', room: string, n = 1): Promise<void> {
      const reached = () => completed.filter((c) => c.op === op && c.room === room).length >= n
      if (reached()) return Promise.resolve()
      return new Promise<void>((resolve) => waiters.push(() => (reached() ? (resolve(), true) : false)))
    },
    setFailAppends(fail: boolean) {
      failAppends = fail
    },
    overlappingCompactions: () => overlappingCompactions,
    /** The stored updates of a room applied to a fresh doc. */
    async docOf(room: string, base?: Uint8Array) {
      const doc = new Y.Doc()
      if (base) Y.applyUpdate(doc, base)
      for (const u of (await inner.load(room)).updates) Y.applyUpdate(doc, u)
      return doc
    },
  }
}
