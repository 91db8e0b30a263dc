import * as Y from 'yjs'
import type { DocStore } from './doc-store'
import { createFlushClock, type FlushClock } from './flush-clock'
import { createSerialQueue } from './serial'

/**
 * Writes one room's updates to its DocStore. Updates are batched for at most `delayMs` (merged
 * into one row), so a crash loses at most that window; reconnecting clients re-send what the
 * server lacks. Appends and compactions of a room run one at a time, in order, on one promise
 * chain, which is what keeps two compactions of a doc from overlapping in this process.
 */
export interface DocWriter {
  enqueue(update: Uint8Array): void
  /** Stores everything enqueued so far; rejects if the store failed (the batch is kept and retried). */
  flush(): Promise<void>
  /** Flushes, then compacts if the room is stored as more than one row (appends since the last compaction, or a tail it loaded with). */
  settle(): Promise<void>
  /** Stops the timers (the clock's tick and the retry). */
  stop(): void
}

export interface DocWriterOptions {
  room: string
  store: DocStore
  delayMs: number
  /** The clock shared by a process's rooms (one is made for this writer if none is given). */
  clock?: FlushClock
  /** Compact once this many rows are stored for the room. */
  compactAfter: number
  /** Rows the store returned at load. */
  storedRows: number
  /** The room's snapshot for `DocStore.compact`, computed at compaction time. */
  readSnapshot: () => Uint8Array
  /** Cross-instance compaction lock (see Fanout.tryLock). */
  tryLock?: (name: string, ttlMs: number) => Promise<(() => Promise<void>) | null>
  onError: (error: unknown, what: string) => void
  retryMs?: number
}

export function createDocWriter(o: DocWriterOptions): DocWriter {
  let pending: Uint8Array[] = []
  let retryTimer: ReturnType<typeof setTimeout> | null = null
  // Rows stored for the room: more than one is a tail (appends after the snapshot, ours or left
  // from before this load) that the next settle compacts.
  let rows = o.storedRows
  let stopped = false

  const run = createSerialQueue()
  const clock = o.clock ?? createFlushClock(o.delayMs)
  const onTick = () => {
    flush().catch((error) => o.onError(error, 'append'))
  }
  const cancelTimers = () => {
    clock.cancel(onTick)
    if (retryTimer) clearTimeout(retryTimer)
    retryTimer = null
  }
  const retryLater = () => {
    if (retryTimer || stopped) return
    retryTimer = setTimeout(() => {
      retryTimer = null
      onTick()
    }, o.retryMs ?? 1000)
  }

  const appendPending = async () => {
    if (pending.length === 0) return
    const batch = pending
    pending = []
    const update = batch.length === 1 ? batch[0] : Y.mergeUpdates(batch)
    try {
      await o.store.append(o.room, update)
    } catch (error) {
      pending = [update, ...pending]
      clock.cancel(onTick) // updates that came meanwhile wait for the retry too, not the next tick
      retryLater()
      throw error
    }
    rows++
  }

  const compact = async () => {
    let release: (() => Promise<void>) | null
    try {
      release = o.tryLock ? await o.tryLock(`compact:${o.room}`, 30_000) : async () => {}
    } catch (error) {
      o.onError(error, 'compaction lock') // the rows are stored; compaction can wait for the next time
      return
    }
    if (!release) return // another instance is compacting this doc; its snapshot plus our later appends suffice
    try {
      // Anything still pending is in the snapshot too and is appended after it: a duplicate
      // update is a no-op for Yjs.
      await o.store.compact(o.room, o.readSnapshot())
      rows = 1
    } catch (error) {
      o.onError(error, 'compact')
    } finally {
      await release().catch((error: unknown) => o.onError(error, 'unlock'))
    }
  }

  const flush = () => {
    cancelTimers()
    return run(async () => {
      await appendPending()
      if (rows >= o.compactAfter) await compact()
    })
  }

  return {
    enqueue(update) {
      pending.push(update)
      // After a failed append, the retry timer is what writes next (not every tick).
      if (!stopped && !retryTimer) clock.request(onTick)
    },
    flush,
    settle: () =>
      flush().then(() =>
        run(async () => {
          if (rows > 1) await compact()
        }),
      ),
    stop() {
      stopped = true
      cancelTimers()
    },
  }
}
