import * as Y from 'yjs'
import * as random from 'lib0/random'
import * as awarenessProtocol from 'y-protocols/awareness'
import type { DocStore } from './doc-store'
import { createDocWriter, type DocWriter } from './doc-writer'
import { createFlushClock } from './flush-clock'
import type { Fanout } from './fanout'
import { consoleLogger, type Logger } from './logger'
import { canonicalRoomName, layerRoomName, parseRoomName, type RoomKind } from './room-name'
import { FANOUT_ORIGIN, joinFanout } from './room-fanout'
import { createSession, type Peer, type Session, type SessionImpl } from './session'
import { encodeAwarenessPayload, encodeUpdate } from './protocol'
import { createChangeNotifier, type ChangeNotifier } from './change-notifier'

/**
 * The rooms of one server process, independent of any transport: a WebSocket (sync-server.ts)
 * or an in-memory test harness hands each connection in as a `Peer`. A room is one Y.Doc plus
 * its awareness, loaded from the DocStore before any client is answered, kept while it has
 * connections or holds (a layer holds its canonical room; server reads and writes hold briefly),
 * and written back and unloaded when it empties. (Longer than most modules: the room life cycle
 * of load, hold, unload and close is one state machine and reads best in one place.)
 */

export type Mode = 'rw' | 'ro' | 'marks'
export interface Grant {
  userId: string
  mode: Mode
}

/** Transaction origins (besides a Session, the origin of a client's update). */
export const LOAD_ORIGIN = 'concord:load'
export const CANONICAL_ORIGIN = 'canonical'
export const SERVER_ORIGIN = 'concord:server'

export interface RoomHubOptions {
  store: DocStore
  fanout?: Fanout
  /**
   * Called `docChangedDelayMs` after the last change, at least every `docChangedMaxWaitMs` while
   * changes continue, and when `runPendingChanges` asks (then `asked` is true) (SYNC19).
   */
  onDocChanged?: (room: string, doc: Y.Doc, info: { asked: boolean; catchUp: boolean }) => void | Promise<void>
  docChangedDelayMs?: number
  docChangedMaxWaitMs?: number
  /** Batch window for store appends (≤ 100 ms; default 100). */
  persistDelayMs?: number
  compactAfterUpdates?: number
  fanoutResyncMs?: number
  /** Messages a connection may send while its document loads. */
  maxQueuedMessages?: number
  logger?: Logger
}

export interface Room {
  readonly name: string
  readonly kind: RoomKind
  readonly doc: Y.Doc
  readonly awareness: awarenessProtocol.Awareness
  /** Sessions, each with the awareness client ids it controls. */
  readonly sessions: Map<SessionImpl, Set<number>>
  /** The canonical room of a layer (held while the layer is loaded). */
  canonical: Room | null
  state: 'loading' | 'ready' | 'failed' | 'destroyed'
  ready: Promise<void>
  holds: number
  writer: DocWriter | null
  unloading: Promise<void> | null
  cleanup: Array<() => void>
  fanout: { resync(): void; leave(): Promise<void> } | null
  changed: ChangeNotifier
}

export type RoomHub = ReturnType<typeof createRoomHub>

export function createRoomHub(options: RoomHubOptions) {
  const log = options.logger ?? consoleLogger
  const store = options.store
  const fanout = options.fanout
  // The widest window SYNC14 allows: every append is a database write (~1–2 ms of CPU on PGlite),
  // and at 20 edits/s in a room a 100 ms window writes a third fewer rows than 50 ms did
  // (bench/sync.ts). Clients keep their updates and re-send them after a crash.
  const persistDelayMs = Math.min(options.persistDelayMs ?? 100, 100)
  const flushClock = createFlushClock(persistDelayMs)
  const compactAfter = options.compactAfterUpdates ?? 500
  const changedDelay = options.docChangedDelayMs ?? 300
  // The codings projection (onDocChanged) runs 300 ms after a pause and at most every 20 s while
  // people keep typing: each run rewrites the room's shifted rows and its text (in bench/sync, 20
  // rooms that never pause, runs every 5 s cost more CPU than the sync path's whole excess over
  // the reference server). Readers of the projection do not wait for it: they call
  // runPendingChanges first, so the wait only bounds how stale another instance's view can be.
  const changedMaxWait = options.docChangedMaxWaitMs ?? 20_000
  const rooms = new Map<string, Room>()
  let closing = false

  const resync = () => rooms.forEach((r) => r.fanout?.resync())
  const resyncTimer = fanout ? setInterval(resync, options.fanoutResyncMs ?? 30_000) : null
  resyncTimer?.unref?.()

  function acquire(name: string): Room {
    let room = rooms.get(name)
    if (!room) {
      room = createRoom(name)
      rooms.set(name, room)
      const r = room
      r.ready = load(r)
      r.ready.catch(() => {}) // failures are handled in load(); holders see the rejection
    }
    return room
  }

  function createRoom(name: string): Room {
    const doc = new Y.Doc({ gc: true })
    const awareness = new awarenessProtocol.Awareness(doc)
    awareness.setLocalState(null)
    const hook = options.onDocChanged
    const changed = createChangeNotifier({
      hook: hook && ((reason, changed) => hook(name, doc, { asked: reason === 'asked', catchUp: !changed })),
      delayMs: changedDelay,
      maxWaitMs: changedMaxWait,
      onError: (error) => log.error(`realtime: onDocChanged failed for ${name}`, error),
    })
    return {
      name, kind: parseRoomName(name), doc, awareness, sessions: new Map(), canonical: null,
      state: 'loading', ready: Promise.resolve(), holds: 0, writer: null, unloading: null,
      cleanup: [], fanout: null, changed,
    }
  }

  async function load(room: Room): Promise<void> {
    try {
      let canonical: Room | null = null
      if (room.kind.kind === 'layer') {
        canonical = acquire(canonicalRoomName(room.kind.transcriptId))
        canonical.holds++
        room.canonical = canonical
        await canonical.ready
      }
      const { updates } = await store.load(room.name)
      if (room.state !== 'loading') return
      // Nothing awaits from here to the end of the block, so no canonical update can fall
      // between the canonical state copied into a layer and the listener that forwards the rest.
      if (canonical) {
        // A layer must not share a client id with the canonical doc (silent loss, notes §3.4).
        while (canonical.doc.store.clients.has(room.doc.clientID)) room.doc.clientID = random.uint32()
      }
      Y.transact(room.doc, () => {
        if (canonical) Y.applyUpdate(room.doc, Y.encodeStateAsUpdate(canonical.doc), LOAD_ORIGIN)
        for (const update of updates) Y.applyUpdate(room.doc, update, LOAD_ORIGIN)
      }, LOAD_ORIGIN)
      if (canonical) {
        const forward = (update: Uint8Array) => {
          try {
            Y.applyUpdate(room.doc, update, CANONICAL_ORIGIN)
          } catch (error) {
            // Thrown inside the canonical doc's update event, this would fail the canonical editor.
            log.error(`realtime: could not apply a canonical update to ${room.name}`, error)
          }
        }
        canonical.doc.on('update', forward)
        room.cleanup.push(() => canonical.doc.off('update', forward))
      }
      attachHandlers(room)
      room.writer = createDocWriter({
        room: room.name, store, delayMs: persistDelayMs, clock: flushClock, compactAfter, storedRows: updates.length,
        readSnapshot: () => snapshotOf(room),
        tryLock: fanout?.tryLock?.bind(fanout),
        onError: (error, what) => log.error(`realtime: ${what} failed for ${room.name}`, error),
      })
      room.state = 'ready'
      // Rows appended after the last compaction may never have reached onDocChanged: a room is
      // compacted when it unloads, after its last run, so a tail of rows at load means the
      // process that wrote them stopped without unloading (a crash, or a kill during a 20 s
      // backstop), or another instance held the compaction lock. Run the hook once for them
      // (`catchUp`: nothing changed here); the writer compacts the tail at this room's unload,
      // so the next load does not do it again. Transcript and layer rooms only: what the hook
      // derives from summaries is read from the live doc.
      if (updates.length > 1 && room.kind.kind !== 'plain') room.changed.schedule('catch-up')
      if (fanout) {
        // Without fan-out the room still works for this instance's clients: log and go on.
        room.fanout = await joinFanout(fanout, {
          name: room.name, doc: room.doc, awareness: room.awareness,
          localAwarenessClients: () => [...room.sessions.values()].flatMap((ids) => [...ids]),
        }, log).catch((error) => {
          log.error(`realtime: fan-out subscribe failed for ${room.name}`, error)
          return null
        })
      }
      for (const session of [...room.sessions.keys()]) session.start()
      maybeUnload(room)
    } catch (error) {
      log.error(`realtime: could not load ${room.name}`, error)
      room.state = 'failed'
      for (const session of [...room.sessions.keys()]) session.reject(4500, 'could not load document')
      destroy(room)
      throw error
    }
  }

  /** A layer's snapshot is its own part only: canonical structs are loaded from the canonical doc. */
  function snapshotOf(room: Room): Uint8Array {
    if (room.canonical) return Y.encodeStateAsUpdate(room.doc, Y.encodeStateVector(room.canonical.doc))
    return Y.encodeStateAsUpdate(room.doc)
  }

  function attachHandlers(room: Room) {
    room.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === LOAD_ORIGIN) return
      const message = encodeUpdate(update)
      for (const session of room.sessions.keys()) if (session !== origin) session.send(message)
      // Canonical updates reach a layer from the canonical doc: storing them in the layer's log
      // would only duplicate the canonical log (and every instance applies them itself).
      if (origin !== CANONICAL_ORIGIN) {
        room.writer?.enqueue(update)
        if (origin !== FANOUT_ORIGIN) fanout?.publish(room.name, { type: 'update', update })
      }
      room.changed.schedule()
    })
    room.awareness.on('update', (
      { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
      origin: unknown,
    ) => {
      const controlled = room.sessions.get(origin as SessionImpl)
      if (controlled) {
        added.forEach((c) => controlled.add(c))
        removed.forEach((c) => controlled.delete(c))
      }
      const changed = added.concat(updated, removed)
      const payload = awarenessProtocol.encodeAwarenessUpdate(room.awareness, changed)
      const message = encodeAwarenessPayload(payload)
      for (const session of room.sessions.keys()) if (session !== origin) session.send(message)
      if (origin !== FANOUT_ORIGIN) fanout?.publish(room.name, { type: 'awareness', update: payload })
    })
  }

  function maybeUnload(room: Room) {
    if (closing || room.state !== 'ready' || room.sessions.size > 0 || room.holds > 0 || room.unloading) return
    room.unloading = (async () => {
      try {
        await room.changed.runNow()
        await room.writer?.settle()
      } catch (error) {
        log.error(`realtime: could not write ${room.name} before unloading; keeping it in memory`, error)
        room.unloading = null
        setTimeout(() => maybeUnload(room), 5000).unref?.()
        return
      }
      room.unloading = null
      if (!closing && room.sessions.size === 0 && room.holds === 0) destroy(room)
    })()
  }

  function destroy(room: Room) {
    if (room.state === 'destroyed') return
    room.state = 'destroyed'
    if (rooms.get(room.name) === room) rooms.delete(room.name)
    room.changed.stop()
    room.writer?.stop()
    room.cleanup.forEach((f) => f())
    room.fanout?.leave().catch((error) => log.warn(`realtime: fan-out unsubscribe failed for ${room.name}`, error))
    room.awareness.destroy()
    room.doc.destroy()
    if (room.canonical) release(room.canonical)
  }

  function release(room: Room) {
    room.holds--
    maybeUnload(room)
  }

  /** Runs `use` on the loaded room, holding it meanwhile. */
  async function withRoom<T>(name: string, use: (room: Room) => T | Promise<T>): Promise<T> {
    if (closing) throw new Error('the sync server is closed')
    const room = acquire(name)
    room.holds++
    try {
      await room.ready
      return await use(room)
    } finally {
      release(room)
    }
  }

  return {
    /** Connects a client; its messages are queued until the room is loaded. */
    join(name: string, grant: Grant, peer: Peer): Session {
      if (closing) {
        peer.close(1001, 'server shutting down')
        throw new Error('the sync server is closed')
      }
      const room = acquire(name)
      const session = createSession({
        room, grant, peer, log, maxQueued: options.maxQueuedMessages ?? 1000,
        onLeave: () => maybeUnload(room),
      })
      room.sessions.set(session, new Set())
      if (room.state === 'ready') session.start()
      return session
    },

    getLoadedDocNames(): string[] {
      return [...rooms.values()].filter((r) => r.state === 'ready').map((r) => r.name)
    },

    /**
     * Runs `onDocChanged` now for the listed loaded rooms that have changes waiting for it, and
     * waits for runs in progress (SYNC19): what readers of the projection call before they read.
     */
    async runPendingChanges(names: readonly string[]): Promise<void> {
      await Promise.all(names.map((name) => {
        const room = rooms.get(name)
        return room?.state === 'ready' ? room.changed.runNow('asked') : undefined
      }))
    },

    /**
     * Runs the catch-up of SYNC19 for every transcript and layer room stored with a tail (a
     * process stopped without unloading them), one room at a time, without waiting for anyone
     * to open them: each is loaded, its `onDocChanged` runs, and it is compacted and unloaded.
     * Resolves to the rooms it caught up. Call once at start.
     */
    async catchUpStoredRooms(): Promise<string[]> {
      const tails = (await store.roomsWithTails?.()) ?? []
      const done: string[] = []
      for (const name of tails) {
        if (closing) break
        if (parseRoomName(name).kind === 'plain') continue
        try {
          await withRoom(name, (room) => room.changed.runNow())
        } catch (error) {
          if (closing) break // the server closed meanwhile: the next start catches up
          log.error(`realtime: could not catch up ${name}`, error) // the others still can
          continue
        }
        done.push(name)
      }
      return done
    },

    /** The live doc of a loaded room (diagnostics and tests; change docs through `updateDoc`). */
    getDoc: (name: string): Y.Doc | undefined => {
      const room = rooms.get(name)
      return room?.state === 'ready' ? room.doc : undefined
    },

    /** Publishes every loaded room's state vector to the other instances now (also runs on a timer). */
    resyncFanout: resync,

    /** The room's current state as one update (a layer's includes the canonical text). */
    readDocState: (name: string) => withRoom(name, (room) => Y.encodeStateAsUpdate(room.doc)),

    /** The reveal view: canonical doc with every listed coder's layer merged in, as one update. */
    async readMergedLayers(transcriptId: string, coderIds: string[]): Promise<Uint8Array> {
      const states = await Promise.all([
        withRoom(canonicalRoomName(transcriptId), (r) => Y.encodeStateAsUpdate(r.doc)),
        ...coderIds.map((c) => withRoom(layerRoomName(transcriptId, c), (r) => snapshotOf(r))),
      ])
      return Y.mergeUpdates(states)
    },

    /**
     * Changes a doc from server code (e.g. an arbitration decision on the canonical doc): live
     * clients receive it and it is stored before the promise resolves. Never write text into a layer.
     */
    updateDoc: (name: string, change: (doc: Y.Doc) => void) =>
      withRoom(name, async (room) => {
        Y.transact(room.doc, () => change(room.doc), SERVER_ORIGIN)
        await room.writer?.flush()
      }),

    /** Disconnects every client (1001: they reconnect to the next server), then writes every room. */
    async close(): Promise<void> {
      if (closing) return
      closing = true
      if (resyncTimer) clearInterval(resyncTimer)
      for (const room of rooms.values()) {
        for (const session of [...room.sessions.keys()]) session.reject(1001, 'server shutting down')
      }
      const all = [...rooms.values()]
      const failures: unknown[] = []
      await Promise.all(all.map(async (room) => {
        await room.ready.catch(() => {})
        await room.unloading
        await room.changed.runNow()
        await room.writer?.flush().catch((error) => failures.push(error))
      }))
      all.forEach(destroy)
      if (failures.length > 0) throw new AggregateError(failures, `realtime: ${failures.length} document(s) could not be written`)
    },
  }
}
