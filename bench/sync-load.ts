/**
 * The sync benchmark's load generator: official `y-websocket` clients (as the browser app
 * configures them) that edit transcript paragraphs the way the Tiptap editor writes them
 * (`getXmlFragment('default')` → paragraph → Y.XmlText, code marks as `code--<hash>` attributes)
 * and time how long each edit takes to reach every other client of its room.
 *
 * Each edit inserts ` «<id>»` at a random place in a random paragraph (never inside another
 * marker), sometimes with a code mark over it; the id maps to its send time in this process, so
 * sender and receivers share one clock. Receivers find ids in the inserts of the Y.XmlText
 * events of each remote transaction.
 */
import { monitorEventLoopDelay, performance } from 'node:perf_hooks'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import { codeMarkAttrs, codeMarkKey } from '../server/domain/editor/mark-keys'

export interface LoadClientSpec {
  room: string
  /** URL parameters (our server: `{ token }`). */
  params: Record<string, string>
  /** The coder id put into this client's code marks. */
  coderId: string
}

export interface LoadOptions {
  base: string
  clients: LoadClientSpec[]
  codeIds: string[]
  /** Edits per second per client. */
  rate: number
  seconds: number
  /** Seconds of the same edits before the measured ones (not timed; the server's JIT and caches warm up). */
  warmupSeconds?: number
  /** Share of edits that also put a code mark on the inserted text. */
  markShare: number
  /** How long to wait after the last edit for deliveries before counting an edit lost. */
  graceMs: number
  connectTimeoutMs: number
  /** Called when every client is synced, just before the first edit (e.g. to sample the server). */
  beforeEdits?(): Promise<void>
  /** Called after the warm-up's edits arrived, before the measured edits (e.g. to sample the server). */
  afterWarmup?(): Promise<void>
  /** Called once every edit arrived everywhere (or the grace period ended), before the clients leave. */
  afterDrain?(): Promise<void>
}

export interface LoadResult {
  clients: number
  synced: number
  connectMs: number
  edits: number
  marks: number
  editSeconds: number
  /** Edit → other client of the room, ms; one entry per timed delivery. */
  latencies: Float64Array
  expectedDeliveries: number
  /** Deliveries found in a client's doc at the end that no event timed (should be 0). */
  untimedDeliveries: number
  /** Edits missing at one or more other clients of their room after the grace period. */
  lostEdits: number
  missingDeliveries: number
  drainMs: number
  disconnects: number
  /** The load generator's own CPU and event loop delay during the edit phase. */
  generatorCpuMs: number
  generatorLoopP99Ms: number
  /** room → ids of the edits made in it, to check a server's stored state. */
  idsByRoom: Map<string, string[]>
}

interface Client {
  index: number
  spec: LoadClientSpec
  doc: Y.Doc
  provider: WebsocketProvider
  received: Set<string>
  sent: number
  synced: boolean
}

interface Sent {
  at: number
  from: number
  room: string
  delivered: number
  /** Sent during the warm-up: counted for losses, not timed. */
  warmup?: boolean
}

const markerPattern = /«([0-9a-z.]+)»/g

/** The plain text of a Y.XmlText (its string inserts, formats ignored). */
function textOf(text: Y.XmlText): string {
  let out = ''
  for (const op of text.toDelta() as { insert?: unknown }[]) if (typeof op.insert === 'string') out += op.insert
  return out
}

/** Every marker id in a doc's paragraphs. */
export function idsInDoc(doc: Y.Doc): Set<string> {
  const ids = new Set<string>()
  for (const paragraph of doc.getXmlFragment('default').toArray()) {
    if (!(paragraph instanceof Y.XmlElement)) continue
    for (const child of paragraph.toArray()) {
      if (!(child instanceof Y.XmlText)) continue
      for (const m of textOf(child).matchAll(markerPattern)) ids.add(m[1])
    }
  }
  return ids
}

/** How many of `ids` a Yjs state (one update) lacks. */
export function countMissing(state: Uint8Array, ids: readonly string[]): number {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, state)
  const present = idsInDoc(doc)
  doc.destroy()
  return ids.filter((id) => !present.has(id)).length
}

export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export async function runLoad(o: LoadOptions): Promise<LoadResult> {
  const sends = new Map<string, Sent>()
  const latencies: number[] = []
  const idsByRoom = new Map<string, string[]>()
  const roomSize = new Map<string, number>()
  for (const spec of o.clients) roomSize.set(spec.room, (roomSize.get(spec.room) ?? 0) + 1)
  let pendingDeliveries = 0
  let disconnects = 0
  let counting = true
  let marks = 0
  // y-websocket adds a process 'exit' listener per provider in Node.
  process.setMaxListeners(Math.max(process.getMaxListeners(), o.clients.length + 20))

  const clients: Client[] = o.clients.map((spec, index) => {
    const doc = new Y.Doc()
    const provider = new WebsocketProvider(o.base, spec.room, doc, {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      WebSocketPolyfill: WebSocket as any,
      params: spec.params,
      disableBc: true, // all clients share this process: without it they would sync around the server
    })
    const client: Client = { index, spec, doc, provider, received: new Set(), sent: 0, synced: false }
    provider.on('status', ({ status }: { status: string }) => {
      if (status === 'disconnected' && client.synced && counting) disconnects++
    })
    doc.getXmlFragment('default').observeDeep((events, transaction) => {
      if (transaction.origin !== provider) return // our own edit
      const now = performance.now()
      for (const event of events) {
        if (!(event.target instanceof Y.XmlText)) continue
        // Consecutive inserts joined: a concurrent mark may split one insert into several ops.
        let run = ''
        const flush = () => {
          for (const m of run.matchAll(markerPattern)) receive(client, m[1], now)
          run = ''
        }
        for (const op of event.delta as { insert?: unknown }[]) {
          if (typeof op.insert === 'string') run += op.insert
          else flush()
        }
        flush()
      }
    })
    return client
  })

  function receive(client: Client, id: string, now: number) {
    const sent = sends.get(id)
    if (!sent || sent.from === client.index || client.received.has(id)) return
    client.received.add(id)
    sent.delivered++
    pendingDeliveries--
    if (!sent.warmup) latencies.push(now - sent.at)
  }

  // Connect everyone at once, as after a server restart.
  const connectStart = performance.now()
  await Promise.race([
    Promise.all(clients.map((c) => new Promise<void>((resolve) => {
      const on = (synced: boolean) => {
        if (!synced) return
        c.synced = true
        c.provider.off('sync', on)
        resolve()
      }
      c.provider.on('sync', on)
    }))),
    sleep(o.connectTimeoutMs),
  ])
  const connectMs = performance.now() - connectStart
  const synced = clients.filter((c) => c.synced).length

  await o.beforeEdits?.()

  const edit = (client: Client) => {
    const fragment = client.doc.getXmlFragment('default')
    if (fragment.length === 0) return // not synced yet
    const paragraph = fragment.get(Math.floor(Math.random() * fragment.length))
    const text = paragraph instanceof Y.XmlElement ? paragraph.get(0) : null
    if (!(text instanceof Y.XmlText)) return
    const plain = textOf(text)
    let at = Math.floor(Math.random() * (plain.length + 1))
    if (plain.lastIndexOf('«', at - 1) > plain.lastIndexOf('»', at - 1)) at = plain.indexOf('»', at) + 1 // not inside a marker
    const id = `${client.index.toString(36)}.${(client.sent++).toString(36)}`
    const inserted = ` «${id}»`
    const withMark = Math.random() < o.markShare
    const sent: Sent = { at: performance.now(), from: client.index, room: client.spec.room, delivered: 0 }
    sends.set(id, sent)
    pendingDeliveries += roomSize.get(client.spec.room)! - 1
    let ids = idsByRoom.get(client.spec.room)
    if (!ids) idsByRoom.set(client.spec.room, (ids = []))
    ids.push(id)
    client.doc.transact(() => {
      text.insert(at, inserted)
      if (withMark) {
        const codeId = o.codeIds[Math.floor(Math.random() * o.codeIds.length)]
        const length = Math.min(inserted.length + Math.floor(Math.random() * 20), plain.length + inserted.length - at)
        text.format(at, length, { [codeMarkKey(codeId, client.spec.coderId)]: codeMarkAttrs(codeId, client.spec.coderId) })
      }
    })
    if (withMark) marks++
  }

  // Each client makes rate × seconds edits, one every 1/rate s from a random phase so that edits
  // spread evenly. The count is fixed: when this process falls behind (a busy machine), the
  // late edits are made at once, so every server gets the same work.
  const editFor = (seconds: number) => {
    const start = performance.now()
    const interval = 1000 / o.rate
    const perClient = Math.max(1, Math.round(o.rate * seconds))
    return Promise.all(clients.map((client) => new Promise<void>((resolve) => {
      const phase = Math.random() * interval
      let made = 0
      const tick = () => {
        while (made < perClient && performance.now() >= start + phase + made * interval) {
          edit(client)
          made++
        }
        if (made === perClient) return resolve()
        setTimeout(tick, Math.max(0, start + phase + made * interval - performance.now()))
      }
      setTimeout(tick, phase)
    })))
  }
  // Drain: wait for every delivery, at most the grace period.
  const drain = async () => {
    const drainStart = performance.now()
    while (pendingDeliveries > 0 && performance.now() - drainStart < o.graceMs) await sleep(20)
    return performance.now() - drainStart
  }

  // Warm-up: the same load, untimed. The first seconds of a fresh process are dominated by
  // one-time work (V8 compiling the hot paths, first queries, caches), which a steady-state
  // comparison of two servers must not count. Its edits still count for lost edits.
  let warmupEdits = 0
  if (o.warmupSeconds) {
    await editFor(o.warmupSeconds)
    await drain()
    latencies.length = 0
    marks = 0
    warmupEdits = sends.size
    for (const sent of sends.values()) sent.warmup = true
    await o.afterWarmup?.()
  }

  const loop = monitorEventLoopDelay({ resolution: 10 })
  loop.enable()
  const cpuBefore = process.cpuUsage()
  const editStart = performance.now()
  await editFor(o.seconds)
  const editSeconds = (performance.now() - editStart) / 1000
  const drainMs = await drain()
  const cpu = process.cpuUsage(cpuBefore)
  loop.disable()

  await o.afterDrain?.()

  // Anything not timed: is it in the doc after all (untimed), or really missing?
  let lostEdits = 0
  let missingDeliveries = 0
  let untimedDeliveries = 0
  const docIds = new Map<Client, Set<string>>()
  const byRoom = new Map<string, Client[]>()
  for (const c of clients) byRoom.set(c.spec.room, [...(byRoom.get(c.spec.room) ?? []), c])
  for (const [id, sent] of sends) {
    if (sent.delivered === roomSize.get(sent.room)! - 1) continue
    let missing = 0
    for (const c of byRoom.get(sent.room)!) {
      if (c.index === sent.from || c.received.has(id)) continue
      let ids = docIds.get(c)
      if (!ids) docIds.set(c, (ids = idsInDoc(c.doc)))
      if (ids.has(id)) untimedDeliveries++
      else missing++
    }
    missingDeliveries += missing
    if (missing > 0) lostEdits++
  }

  counting = false
  for (const c of clients) {
    c.provider.destroy()
    c.doc.destroy()
  }

  const sorted = Float64Array.from(latencies).sort()
  return {
    clients: clients.length,
    synced,
    connectMs,
    edits: sends.size - warmupEdits,
    marks,
    editSeconds,
    latencies: sorted,
    expectedDeliveries: [...sends.values()].reduce((n, s) => (s.warmup ? n : n + roomSize.get(s.room)! - 1), 0),
    untimedDeliveries,
    lostEdits,
    missingDeliveries,
    drainMs,
    disconnects,
    generatorCpuMs: (cpu.user + cpu.system) / 1000,
    generatorLoopP99Ms: loop.percentile(99) / 1e6,
    idsByRoom,
  }
}
