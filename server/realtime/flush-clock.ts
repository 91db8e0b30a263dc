/**
 * One timer for the micro-batches of every room of a process. A room with pending updates asks
 * for the next tick (a multiple of `ms` on the wall clock, so at most `ms` away); on the tick,
 * every room that asked flushes in the same turn of the event loop, and the store can write
 * them as one statement (the Drizzle store's group commit). With a timer per room, timers due
 * in the same millisecond often fired in different turns: about 1.75 statements per tick in
 * bench/sync instead of one.
 */
export interface FlushClock {
  /** Calls `flush` on the next tick (once, however often it is asked). */
  request(flush: () => void): void
  /** Forgets a request (the room flushed early or stopped). */
  cancel(flush: () => void): void
}

export function createFlushClock(ms: number, onError: (error: unknown) => void = (error) => console.error('realtime: a flush failed', error)): FlushClock {
  const due = new Set<() => void>()
  let timer: ReturnType<typeof setTimeout> | null = null

  const tick = () => {
    timer = null
    const batch = [...due]
    due.clear()
    for (const flush of batch) {
      try {
        flush()
      } catch (error) {
        onError(error) // and the other rooms of the tick still flush
      }
    }
  }

  return {
    request(flush) {
      due.add(flush)
      if (!timer) timer = setTimeout(tick, ms > 0 ? ms - (Date.now() % ms) : 0)
    },
    cancel(flush) {
      due.delete(flush)
      if (due.size === 0 && timer) {
        clearTimeout(timer)
        timer = null
      }
    },
  }
}
