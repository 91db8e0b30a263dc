/**
 * Where the sync server keeps Yjs documents. A room's stored form is an ordered list of Yjs
 * updates: at most one snapshot (written by `compact`) followed by the updates appended since.
 * The sync server owns *when* to append and compact; a store only has to keep bytes in order.
 * The Drizzle store (db/) and the in-memory store below pass the same contract suite
 * (`doc-store.contract.ts`).
 */
export interface DocStore {
  /** Every stored update of `room`, snapshot first, then later appends in append order. Unknown room → `[]`. */
  load(room: string): Promise<{ updates: Uint8Array[] }>
  /** Durably adds one update (often a merged micro-batch) after the room's earlier appends. */
  append(room: string, update: Uint8Array): Promise<void>
  /**
   * Replaces every row stored for `room` when the call starts with the single snapshot `state`,
   * in one transaction (a reader never sees the rows gone without the snapshot). Appends that
   * complete after `compact` resolved are kept after the snapshot. The sync server never runs two
   * compactions, or a compaction and an append, of one room at the same time within a process.
   */
  compact(room: string, state: Uint8Array): Promise<void>
  /**
   * Rooms stored as more than one update (a snapshot or first row, and appends after it): what
   * a process that stopped without unloading a room leaves (SYNC19's catch-up). Optional.
   */
  roomsWithTails?(): Promise<string[]>
}

/**
 * A DocStore in process memory, for tests and throwaway demos. It copies bytes in and out, so a
 * caller that reuses its buffers cannot change what was stored.
 */
export function createMemoryDocStore(): DocStore & { rooms(): string[]; roomsWithTails(): Promise<string[]> } {
  const rows = new Map<string, Uint8Array[]>()
  return {
    async load(room) {
      return { updates: (rows.get(room) ?? []).map((u) => u.slice()) }
    },
    async append(room, update) {
      const list = rows.get(room) ?? []
      list.push(update.slice())
      rows.set(room, list)
    },
    async compact(room, state) {
      rows.set(room, [state.slice()])
    },
    rooms() {
      return [...rows.keys()]
    },
    async roomsWithTails() {
      return [...rows].filter(([, list]) => list.length > 1).map(([room]) => room)
    },
  }
}
