/**
 * Fan-out between server instances that hold the same documents (the sync server's side is in
 * `room-fanout.ts`; the Redis transport in `redis-fanout.ts`). A transport only delivers
 * messages; it must not deliver an instance's own messages back to it. Delivery may be lossy:
 * instances exchange state vectors on load and periodically, and answer with what the other
 * lacks, so a lost message is repaired at the next exchange.
 */
export type FanoutMessage =
  /** A document update that an instance applied (from its clients or its own server code). */
  | { type: 'update'; update: Uint8Array }
  /** An awareness update (y-protocols `encodeAwarenessUpdate`) from an instance's clients. */
  | { type: 'awareness'; update: Uint8Array }
  /**
   * "Here is my state vector: send me what I lack." `reply` asks the receiver to send its own
   * state vector back (it is false in answers, so two instances never ping-pong).
   */
  | { type: 'state-vector'; stateVector: Uint8Array; reply: boolean }
  /** "Send me your clients' awareness states." */
  | { type: 'query-awareness' }

export type FanoutListener = (message: FanoutMessage, fromInstance: string) => void

export interface Fanout {
  /** Unique per process; messages are tagged with it. */
  readonly instanceId: string
  /** Starts delivering the room's messages from other instances to `listener` (one per room). */
  subscribe(room: string, listener: FanoutListener): Promise<void>
  unsubscribe(room: string): Promise<void>
  /** Sends to every other instance subscribed to `room`, or only to instance `to`. Never throws. */
  publish(room: string, message: FanoutMessage, to?: string): void
  /**
   * Takes a short cross-instance lock (e.g. Redis `SET NX PX`) so that two instances do not
   * compact one document at once; resolves to a release function, or null if another holds it.
   */
  tryLock?(name: string, ttlMs: number): Promise<(() => Promise<void>) | null>
  /** Stops delivering and closes connections. */
  close(): Promise<void>
}

/**
 * An in-process fan-out for tests: `hub.connect(id)` gives each simulated instance its own
 * Fanout. Messages are queued until `hub.flush()` (or delivered at once with `autoFlush`), and
 * `hub.drop()` discards the queue, as a lost pub/sub message would be.
 */
export function createMemoryFanoutHub({ autoFlush = false } = {}) {
  const rooms = new Map<string, Map<string, FanoutListener>>() // room → instance → listener
  let queue: Array<() => void> = []
  const hub = {
    connect(instanceId: string): Fanout {
      return {
        instanceId,
        async subscribe(room, listener) {
          const byInstance = rooms.get(room) ?? new Map()
          byInstance.set(instanceId, listener)
          rooms.set(room, byInstance)
        },
        async unsubscribe(room) {
          rooms.get(room)?.delete(instanceId)
        },
        publish(room, message, to) {
          for (const target of rooms.get(room)?.keys() ?? []) {
            if (target === instanceId || (to !== undefined && target !== to)) continue
            queue.push(() => rooms.get(room)?.get(target)?.(message, instanceId))
          }
          if (autoFlush) hub.flush()
        },
        async close() {
          for (const byInstance of rooms.values()) byInstance.delete(instanceId)
        },
      }
    },
    /** Delivers queued messages (and those they cause) until none are left. */
    flush() {
      while (queue.length > 0) {
        const batch = queue
        queue = []
        for (const deliver of batch) deliver()
      }
    },
    drop() {
      queue = []
    },
    pending: () => queue.length,
  }
  return hub
}
