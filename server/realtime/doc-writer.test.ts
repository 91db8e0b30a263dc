import { afterEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { createDocWriter } from './doc-writer'
import { createMemoryDocStore, type DocStore } from './doc-store'

function update(text: string): Uint8Array {
  const doc = new Y.Doc()
  doc.getText('t').insert(0, text)
  return Y.encodeStateAsUpdate(doc)
}

/** A flush clock that only records requests: the test fires the tick itself. */
function fakeClock() {
  const requested = new Set<() => void>()
  const tick = () => {
    const due = [...requested]
    requested.clear()
    due.forEach((f) => f())
  }
  return { requested, tick, clock: { request: (f: () => void) => void requested.add(f), cancel: (f: () => void) => void requested.delete(f) } }
}

describe('DocWriter micro-batches on a shared clock', () => {
  afterEach(() => vi.useRealTimers())

  it('rooms whose batches started at different times flush on the same tick, at most delayMs after their first update', async () => {
    vi.useFakeTimers()
    vi.setSystemTime(1_000_030)
    const inner = createMemoryDocStore()
    const appendedAt: Record<string, number> = {}
    const store: DocStore = { ...inner, append: async (room, u) => ((appendedAt[room] = Date.now()), inner.append(room, u)) }
    const writer = (room: string) => createDocWriter({ room, store, delayMs: 100, compactAfter: 1000, storedRows: 0, readSnapshot: () => new Uint8Array(), onError: (e) => { throw e } })
    const a = writer('a')
    const b = writer('b')
    a.enqueue(update('x'))
    await vi.advanceTimersByTimeAsync(40)
    b.enqueue(update('y'))
    await vi.advanceTimersByTimeAsync(100)
    expect(appendedAt).toEqual({ a: 1_000_100, b: 1_000_100 })
    expect((await inner.load('a')).updates).toHaveLength(1)
    a.stop()
    b.stop()
  })

  it('writers given a clock flush on its tick, and cancel their request when flushed early or stopped', async () => {
    const inner = createMemoryDocStore()
    const { requested, tick, clock } = fakeClock()
    const make = (room: string) => createDocWriter({ room, store: inner, delayMs: 100, clock, compactAfter: 1000, storedRows: 0, readSnapshot: () => new Uint8Array(), onError: (e) => { throw e } })
    const [a, b, c] = [make('a'), make('b'), make('c')]
    a.enqueue(update('x'))
    b.enqueue(update('y'))
    c.enqueue(update('z'))
    expect(requested.size).toBe(3)
    await c.flush() // an early flush (server write) needs no tick
    c.enqueue(update('w'))
    c.stop()
    expect(requested.size).toBe(2)
    tick()
    await a.flush()
    await b.flush()
    expect((await inner.load('a')).updates).toHaveLength(1)
    expect((await inner.load('b')).updates).toHaveLength(1)
    expect((await inner.load('c')).updates).toHaveLength(1)
  })

  it('after a failed append, updates that arrived meanwhile wait for the retry, not the next tick', async () => {
    const inner = createMemoryDocStore()
    let fail = true
    const store: DocStore = { ...inner, append: async (room, u) => { if (fail) throw new Error('database down'); return inner.append(room, u) } }
    const { requested, tick, clock } = fakeClock()
    const errors: string[] = []
    const writer = createDocWriter({ room: 'a', store, delayMs: 100, clock, compactAfter: 1000, storedRows: 0, readSnapshot: () => new Uint8Array(), onError: (e) => void errors.push(String(e)), retryMs: 30 })
    writer.enqueue(update('x'))
    tick() // the append starts and will fail
    writer.enqueue(update('y')) // arrives while it is in flight
    await new Promise((resolve) => setTimeout(resolve, 5))
    expect(errors).toEqual(['Error: database down'])
    expect(requested.size).toBe(0) // no tick: the retry timer writes next
    fail = false
    await new Promise((resolve) => setTimeout(resolve, 50))
    const doc = new Y.Doc()
    for (const u of (await inner.load('a')).updates) Y.applyUpdate(doc, u)
    expect(doc.getText('t').toString().split('').sort().join('')).toBe('xy')
    writer.stop()
  })
})
