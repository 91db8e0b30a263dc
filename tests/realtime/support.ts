/**
 * Real servers on port 0 and the official y-websocket client, as the browser uses it. Every wait
 * is on an event (sync, close, doc update), never on a timer (STYLE.md rule 10).
 */
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import type { AppContext } from '../../server/context'
import { ConcordError } from '../../server/errors'
import { startRealtime, type RealtimeHandle } from '../../server/realtime-wiring'
import { createSyncServer, type SyncServer, type SyncServerOptions } from '../../server/realtime/sync-server'
import { createMemoryDocStore, type DocStore } from '../../server/realtime/doc-store'
import type { Grant, Mode } from '../../server/realtime/room-hub'

export const quietLogger = { warn() {}, error() {} }

/** room → user → mode. A token is the user id; no token is unauthenticated. Rooms under `gone/` do not exist. */
export type Acl = Record<string, Record<string, Mode>>

export function tokenAuthorize(acl: Acl) {
  return async (req: IncomingMessage, room: string): Promise<Grant> => {
    const token = new URL(req.url ?? '/', 'http://x').searchParams.get('token')
    if (!token) throw new ConcordError('unauthenticated', 'sign in first')
    if (room.startsWith('gone/')) throw new ConcordError('not_found', 'no such document')
    const mode = acl[room]?.[token]
    if (!mode) throw new ConcordError('forbidden', 'not a member of this project')
    return { userId: token, mode }
  }
}

export interface TestServer {
  http: Server
  /** ws://127.0.0.1:<port>/collab */
  base: string
  store: DocStore
  sync: SyncServer
  /** Replaces the sync server behind the same port (a restart of the realtime part). */
  swap(next: SyncServer): void
  close(): Promise<void>
}

/** An HTTP server on port 0 that hands WebSocket upgrades to `handleUpgrade` (a refused one is destroyed) and answers 404 to the rest. */
async function listenForUpgrades(handleUpgrade: (req: IncomingMessage, socket: Duplex, head: Buffer) => boolean) {
  const http = createServer((_req, res) => {
    res.statusCode = 404
    res.end()
  })
  http.on('upgrade', (req, socket, head) => {
    if (!handleUpgrade(req, socket, head)) socket.destroy()
  })
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
  const { port } = http.address() as AddressInfo
  return {
    http,
    base: `ws://127.0.0.1:${port}/collab`,
    async close() {
      http.closeAllConnections()
      await new Promise<void>((resolve) => http.close(() => resolve()))
    },
  }
}

export async function startServer(options: Partial<SyncServerOptions> & { acl?: Acl } = {}): Promise<TestServer> {
  const store = options.store ?? createMemoryDocStore()
  let sync = createSyncServer({ logger: quietLogger, authorize: tokenAuthorize(options.acl ?? {}), ...options, store })
  const listener = await listenForUpgrades((req, socket, head) => sync.handleUpgrade(req, socket, head))
  return {
    http: listener.http,
    base: listener.base,
    store,
    get sync() {
      return sync
    },
    swap(next) {
      sync = next
    },
    async close() {
      await sync.close()
      await listener.close()
    },
  }
}

export interface WiredRealtime {
  /** The running wiring (a new one after `restart`). */
  readonly realtime: RealtimeHandle
  /** ws://127.0.0.1:<port>/collab */
  base: string
  /** Closes the wiring (it writes every pending update) and starts a new one behind the same port, as `ctx.live`. */
  restart(): Promise<void>
  close(): Promise<void>
}

/** Concord's realtime wiring (`startRealtime`: tokens, room authorization, persistence, projection) on port 0, set as `ctx.live`. */
export async function serveRealtime(ctx: AppContext, options: Parameters<typeof startRealtime>[1] = {}): Promise<WiredRealtime> {
  const start = async () => {
    const handle = await startRealtime(ctx, options)
    await handle.caughtUp // tests act on a server that has caught up the stored rooms (SYNC19)
    ctx.live = handle.live
    return handle
  }
  let realtime = await start()
  const listener = await listenForUpgrades((req, socket, head) => realtime.handleUpgrade(req, socket, head))
  return {
    get realtime() {
      return realtime
    },
    base: listener.base,
    async restart() {
      await realtime.close()
      realtime = await start()
    },
    async close() {
      await realtime.close()
      await listener.close()
    },
  }
}

const providers = new Set<WebsocketProvider>()

/** The official client, configured as the browser app configures it (no BroadcastChannel). */
export function connectClient(base: string, room: string, token?: string, doc = new Y.Doc()) {
  const provider = new WebsocketProvider(base, room, doc, {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    WebSocketPolyfill: WebSocket as any,
    params: token ? { token } : {},
    disableBc: true, // in one Node process, clients would otherwise sync around the server
    maxBackoffTime: 300,
  })
  providers.add(provider)
  return { provider, doc }
}

export function destroyClients() {
  for (const p of providers) p.destroy()
  providers.clear()
}

export const whenSynced = (provider: WebsocketProvider) =>
  new Promise<void>((resolve) => {
    if (provider.synced) return resolve()
    const on = (synced: boolean) => {
      if (!synced) return
      provider.off('sync', on)
      resolve()
    }
    provider.on('sync', on)
  })

/** The close the server chose: `closed` for 44xx (y-websocket gives up), else the first connection-close. */
export const whenClosed = (provider: WebsocketProvider) =>
  new Promise<{ code: number; reason: string }>((resolve) => {
    provider.on('closed', (event: { code: number; reason: string }) => resolve(event))
  })

/** Resolves when `check(doc)` holds, re-checking after every update of the doc. */
export function until(doc: Y.Doc, check: (doc: Y.Doc) => boolean): Promise<void> {
  return new Promise((resolve) => {
    if (check(doc)) return resolve()
    const on = () => {
      if (!check(doc)) return
      doc.off('update', on)
      resolve()
    }
    doc.on('update', on)
  })
}

/** Resolves when `check` holds for the provider's awareness states. */
export function untilAwareness(provider: WebsocketProvider, check: (states: Map<number, Record<string, unknown>>) => boolean) {
  return new Promise<void>((resolve) => {
    const states = () => provider.awareness.getStates() as Map<number, Record<string, unknown>>
    if (check(states())) return resolve()
    const on = () => {
      if (!check(states())) return
      provider.awareness.off('change', on)
      resolve()
    }
    provider.awareness.on('change', on)
  })
}

/** A raw ws client (for frames y-websocket would never send). Resolves with its close. */
export function rawClient(url: string) {
  const ws = new WebSocket(url)
  const opened = new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve())
    ws.once('error', reject)
  })
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })))
  const messages: Uint8Array[] = []
  const waiters: Array<() => void> = []
  ws.on('message', (data: Buffer) => {
    messages.push(new Uint8Array(data))
    waiters.splice(0).forEach((w) => w())
  })
  const nextMessage = () =>
    new Promise<Uint8Array>((resolve) => {
      const take = () => (messages.length > 0 ? resolve(messages.shift()!) : waiters.push(take))
      take()
    })
  return { ws, opened, closed, nextMessage }
}

export function makeTranscript(doc: Y.Doc, paragraphs: string[]) {
  doc.getXmlFragment('default').insert(0, paragraphs.map((p) => {
    const el = new Y.XmlElement('paragraph')
    el.insert(0, [new Y.XmlText(p)])
    return el
  }))
}
