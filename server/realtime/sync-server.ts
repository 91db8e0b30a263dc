import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import type * as Y from 'yjs'
import { WebSocketServer, WebSocket } from 'ws'
import { ConcordError, toCloseCode } from '../errors'
import type { DocStore } from './doc-store'
import type { Fanout } from './fanout'
import { consoleLogger, type Logger } from './logger'
import { createRoomHub, type Grant, type Mode } from './room-hub'
import { findRoomNameProblem, roomFromPath } from './room-name'
import type { Session } from './session'

/**
 * The WebSocket side of the sync server: it takes `upgrade` requests for `/collab/<room>` from
 * the HTTP server it is given (it never binds a port), authorizes them, and hands each
 * connection to the room hub. Refusals accept the socket and then close it with a 44xx code,
 * because a refused HTTP upgrade only shows the browser 1006 and y-websocket retries forever.
 */
export interface SyncServerOptions {
  /** Who may open `room`, and how. Throw `ConcordError` unauthenticated / forbidden / not_found to refuse. */
  authorize(req: IncomingMessage, room: string): Promise<Grant>
  store: DocStore
  /** Largest accepted frame; a larger one closes the connection with 4413. Default 2 MiB. */
  maxMessageBytes?: number
  /** When given, an upgrade whose `Origin` header is present and not listed is refused (4403). */
  allowedOrigins?: string[]
  /**
   * Debounced per room (300 ms after the last change, at most `docChangedMaxWaitMs` apart while
   * changes continue), e.g. for the codings projection; `asked` when `runPendingChanges` ran it;
   * `catchUp` when nothing changed since the last run and it runs for an unprojected tail the room
   * loaded with (SYNC19).
   */
  onDocChanged?(room: string, doc: Y.Doc, info: { asked: boolean; catchUp: boolean }): void | Promise<void>
  /** Cross-instance fan-out (createRedisFanout when REDIS_URL is set). The caller closes it after `close()`. */
  fanout?: Fanout
  /** URL path prefix; default `/collab`. */
  pathPrefix?: string
  /** Store batch window, ≤ 100 ms; default 100. */
  persistDelayMs?: number
  /** Compact a doc's stored updates into one snapshot past this many rows (and when it empties); default 500. */
  compactAfterUpdates?: number
  /** `onDocChanged` runs this long after the last change (default 300 ms)… */
  docChangedDelayMs?: number
  /** …and at least this often while changes continue (default 20 s; SYNC19). */
  docChangedMaxWaitMs?: number
  /** Close connections that do not answer a ping within this time; default 30 s. */
  pingIntervalMs?: number
  logger?: Logger
}

/** What `revokeAccess` shows of a connection. */
export interface ConnectionInfo {
  room: string
  userId: string
  mode: Mode
}

export interface SyncServer {
  /** Takes the upgrade if its path is `/collab/…` (returns true); otherwise returns false and leaves it alone. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean
  /** Refuses new connections, closes every socket (1001), writes every loaded doc. */
  close(): Promise<void>
  getLoadedDocNames(): string[]
  /**
   * Re-authorizes every connection the predicate selects: refused ones are closed with their
   * code, the others get their new mode (e.g. after a reveal or a member's removal). Resolves to
   * the number of connections closed.
   */
  revokeAccess(predicate: (connection: ConnectionInfo) => boolean): Promise<number>
  /** A doc's current state as one update (loads it if needed). A layer's includes the canonical text. */
  readDocState(room: string): Promise<Uint8Array>
  /** The reveal view: the canonical doc with the listed coders' layers merged in, as one update. */
  readMergedLayers(transcriptId: string, coderIds: string[]): Promise<Uint8Array>
  /**
   * Runs `onDocChanged` at once for those of the listed rooms (loaded here) that have changes
   * waiting for it, and waits for runs in progress: call it before reading what the hook derives.
   */
  runPendingChanges(rooms: readonly string[]): Promise<void>
  /**
   * Loads each transcript or layer room that the store holds with a tail (left by a process that
   * stopped without unloading it), runs its `onDocChanged` once and unloads it (SYNC19). Resolves
   * to those rooms. Call once at start.
   */
  catchUpStoredRooms(): Promise<string[]>
  /** Applies a server-side change to a doc; clients see it, and it is stored when the promise resolves. */
  updateDoc(room: string, change: (doc: Y.Doc) => void): Promise<void>
}

const defaultMaxMessageBytes = 2 * 1024 * 1024
const maxEarlyMessages = 1000
const modes: ReadonlySet<string> = new Set(['rw', 'ro', 'marks'])

export function createSyncServer(options: SyncServerOptions): SyncServer {
  const log = options.logger ?? consoleLogger
  const prefix = options.pathPrefix ?? '/collab'
  const maxMessageBytes = options.maxMessageBytes ?? defaultMaxMessageBytes
  const allowedOrigins = options.allowedOrigins ? new Set(options.allowedOrigins) : null
  const hub = createRoomHub({
    store: options.store,
    fanout: options.fanout,
    onDocChanged: options.onDocChanged,
    docChangedDelayMs: options.docChangedDelayMs,
    docChangedMaxWaitMs: options.docChangedMaxWaitMs,
    persistDelayMs: options.persistDelayMs,
    compactAfterUpdates: options.compactAfterUpdates,
    logger: log,
  })
  const wss = new WebSocketServer({ noServer: true, maxPayload: maxMessageBytes })
  const connections = new Map<WebSocket, { req: IncomingMessage; session: Session | null }>()
  let closed = false

  function onConnection(ws: WebSocket, req: IncomingMessage, room: string | null) {
    // ws closes an over-long frame itself with 1009, which y-websocket would retry forever with
    // the same frame; map it to our 4413 (permanent) by wrapping this socket's close().
    const close = ws.close.bind(ws)
    ws.close = (code?: number, reason?: string | Buffer) =>
      code === 1009 ? close(4413, 'message too large') : close(code, reason)
    ws.on('error', (error) => log.warn('realtime: socket error', error))
    const entry: { req: IncomingMessage; session: Session | null } = { req, session: null }
    connections.set(ws, entry)

    const early: Uint8Array[] = []
    ws.on('message', (data: Buffer) => {
      const message = new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
      if (entry.session) entry.session.receive(message)
      else if (early.length < maxEarlyMessages) early.push(message)
      else refuse(ws, 4413, 'too many messages before authorization')
    })
    ws.on('close', () => {
      connections.delete(ws)
      entry.session?.leave()
    })
    startPing(ws)

    const origin = req.headers.origin
    if (allowedOrigins && origin !== undefined && !allowedOrigins.has(origin)) return refuse(ws, 4403, 'origin not allowed')
    if (room === null) return refuse(ws, 4400, 'bad room name')
    const problem = findRoomNameProblem(room)
    if (problem) return refuse(ws, 4400, problem)

    Promise.resolve().then(() => options.authorize(req, room)).then(
      (grant) => {
        if (ws.readyState !== WebSocket.OPEN) return
        if (!grant || typeof grant.userId !== 'string' || grant.userId === '' || !modes.has(grant.mode)) {
          log.error(`realtime: authorize returned an invalid grant for ${room}`, grant)
          return refuse(ws, 4500, 'internal error')
        }
        if (closed) return refuse(ws, 1001, 'server shutting down')
        entry.session = hub.join(room, { userId: grant.userId, mode: grant.mode }, {
          send: (message) => {
            if (ws.readyState === WebSocket.OPEN) ws.send(message, (error) => error && ws.terminate())
          },
          close: (code, reason) => refuse(ws, code, reason),
        })
        for (const message of early.splice(0)) entry.session.receive(message)
      },
      (error) => refuse(ws, ...refusalOf(error, log)),
    ).catch((error) => {
      log.error(`realtime: could not open ${room}`, error)
      refuse(ws, 4500, 'internal error')
    })
  }

  function startPing(ws: WebSocket) {
    let alive = true
    ws.on('pong', () => (alive = true))
    const timer = setInterval(() => {
      if (!alive) return ws.terminate()
      alive = false
      ws.ping()
    }, options.pingIntervalMs ?? 30_000)
    timer.unref?.()
    ws.on('close', () => clearInterval(timer))
  }

  async function recheck(ws: WebSocket, entry: { req: IncomingMessage; session: Session | null }): Promise<boolean> {
    const session = entry.session
    if (!session) return false
    try {
      const grant = await options.authorize(entry.req, session.room)
      if (grant.userId !== session.userId || !modes.has(grant.mode)) {
        refuse(ws, 4403, 'access changed')
        return true
      }
      session.setGrant(grant)
      return false
    } catch (error) {
      refuse(ws, ...refusalOf(error, log))
      return true
    }
  }

  return {
    handleUpgrade(req, socket, head) {
      let pathname: string
      try {
        pathname = new URL(req.url ?? '/', 'http://localhost').pathname
      } catch {
        return false // not a path we could have served
      }
      const room = roomFromPath(pathname, prefix)
      if (room === undefined) return false
      if (closed) {
        socket.destroy()
        return true
      }
      wss.handleUpgrade(req, socket, head, (ws) => onConnection(ws, req, room))
      return true
    },

    async close() {
      if (closed) return
      closed = true
      for (const ws of connections.keys()) refuse(ws, 1001, 'server shutting down')
      try {
        await hub.close()
      } finally {
        await new Promise<void>((resolve) => wss.close(() => resolve()))
      }
    },

    getLoadedDocNames: () => hub.getLoadedDocNames(),

    async revokeAccess(predicate) {
      const selected = [...connections].filter(([, e]) =>
        e.session !== null && predicate({ room: e.session.room, userId: e.session.userId, mode: e.session.mode }))
      const results = await Promise.all(selected.map(([ws, e]) => recheck(ws, e)))
      return results.filter(Boolean).length
    },

    readDocState: (room) => hub.readDocState(room),
    readMergedLayers: (transcriptId, coderIds) => hub.readMergedLayers(transcriptId, coderIds),
    updateDoc: (room, change) => hub.updateDoc(room, change),
    runPendingChanges: (rooms) => hub.runPendingChanges(rooms),
    catchUpStoredRooms: () => hub.catchUpStoredRooms(),
  }
}

/** Closes with a code y-websocket understands (44xx: do not retry). */
function refuse(ws: WebSocket, code: number, reason: string) {
  if (ws.readyState === WebSocket.CLOSED || ws.readyState === WebSocket.CLOSING) return
  ws.close(code, truncateUtf8(reason, 123)) // the protocol's limit for a close reason
}

function refusalOf(error: unknown, log: Logger): [number, string] {
  if (error instanceof ConcordError) return [toCloseCode(error.code), error.message]
  log.error('realtime: authorize failed', error)
  return [4500, 'internal error']
}

function truncateUtf8(text: string, maxBytes: number): string {
  let out = text
  while (Buffer.byteLength(out) > maxBytes) out = out.slice(0, -1)
  return out
}
