import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import * as decoding from 'lib0/decoding'
import * as syncProtocol from 'y-protocols/sync'
import * as awarenessProtocol from 'y-protocols/awareness'
import type { Grant, RoomHub } from '../room-hub'
import type { Session } from '../session'
import { encodeAwareness, encodeSyncStep1, encodeUpdate, messageAwareness, messageQueryAwareness, messageSync } from '../protocol'

/**
 * Test-only: a client that speaks the y-websocket protocol the way `y-websocket` does, with both
 * directions queued so a test decides when (and in which order) each message is delivered, as in
 * yjs's tests/testHelper.js. Used by the in-memory convergence tests; the socket tests use the
 * real y-websocket client.
 */
export class SimClient {
  readonly doc = new Y.Doc()
  readonly awareness: awarenessProtocol.Awareness
  /** Frames from the server, not yet processed. */
  readonly inbox: Uint8Array[] = []
  /** Frames to the server, not yet delivered. */
  readonly outbox: Uint8Array[] = []
  session: Session | null = null
  closed: { code: number; reason: string } | null = null
  synced = false

  /** `clientID` makes a seeded run reproducible (Yjs breaks ties by client id). */
  constructor(readonly name: string, clientID?: number) {
    if (clientID !== undefined) this.doc.clientID = clientID
    this.awareness = new awarenessProtocol.Awareness(this.doc)
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== this && this.session && !this.closed) this.outbox.push(encodeUpdate(update))
    })
    this.awareness.on('update', ({ added, updated, removed }: Record<string, number[]>, origin: unknown) => {
      if (origin === this || !this.session || this.closed) return
      this.outbox.push(encodeAwareness(this.awareness, added.concat(updated, removed)))
    })
  }

  connect(hub: RoomHub, room: string, grant: Grant) {
    this.closed = null
    this.synced = false
    this.inbox.length = 0
    this.outbox.length = 0
    this.session = hub.join(room, grant, {
      send: (message) => this.inbox.push(message),
      close: (code, reason) => {
        this.closed = { code, reason }
        this.outbox.length = 0
      },
    })
    // y-websocket sends its step 1 as soon as the socket opens.
    this.outbox.push(encodeSyncStep1(this.doc))
  }

  disconnect() {
    this.session?.leave()
    this.session = null
    this.inbox.length = 0
    this.outbox.length = 0
  }

  /** Delivers one queued frame to the server; false if none. */
  deliverOut(): boolean {
    const message = this.outbox.shift()
    if (!message || !this.session || this.closed) return false
    this.session.receive(message)
    return true
  }

  /** Processes one frame from the server, replying as y-websocket does; false if none. */
  deliverIn(): boolean {
    const message = this.inbox.shift()
    if (!message) return false
    const decoder = decoding.createDecoder(message)
    const encoder = encoding.createEncoder()
    const type = decoding.readVarUint(decoder)
    if (type === messageSync) {
      encoding.writeVarUint(encoder, messageSync)
      const step = syncProtocol.readSyncMessage(decoder, encoder, this.doc, this)
      if (step === syncProtocol.messageYjsSyncStep2) this.synced = true
    } else if (type === messageAwareness) {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, decoding.readVarUint8Array(decoder), this)
    } else if (type === messageQueryAwareness) {
      return true
    }
    if (encoding.length(encoder) > 1 && this.session && !this.closed) this.outbox.push(encoding.toUint8Array(encoder))
    return true
  }

  /** Delivers everything queued in both directions, repeatedly, until quiet. */
  flush() {
    while (this.deliverOut() || this.deliverIn()) {
      // keep going
    }
  }
}

/** Delivers every client's queued frames until all queues are empty. */
export function flushAll(clients: SimClient[]) {
  let progress = true
  while (progress) {
    progress = false
    for (const c of clients) {
      while (c.deliverOut() || c.deliverIn()) progress = true
    }
  }
}

/** Lets pending promise callbacks (store loads, appends) run: one macrotask turn, not a timed sleep. */
export const settle = () => new Promise<void>((resolve) => setImmediate(resolve))

/** A Tiptap-shaped transcript update: paragraphs of Y.XmlText in the 'default' fragment. */
export function makeTranscriptUpdate(paragraphs: string[]): Uint8Array {
  const doc = new Y.Doc()
  doc.getXmlFragment('default').insert(0, paragraphs.map((p) => {
    const el = new Y.XmlElement('paragraph')
    el.insert(0, [new Y.XmlText(p)])
    return el
  }))
  return Y.encodeStateAsUpdate(doc)
}

export const paragraphText = (doc: Y.Doc, i: number) =>
  (doc.getXmlFragment('default').get(i) as Y.XmlElement).get(0) as Y.XmlText

/** The transcript as plain text, paragraphs joined with '\n'. */
export const transcriptText = (doc: Y.Doc) =>
  doc.getXmlFragment('default').toArray()
    .map((p) => plainText((p as Y.XmlElement).get(0) as Y.XmlText | undefined))
    .join('\n')

/** A Y.XmlText's characters without its formatting (its toString() renders marks as tags). */
export const plainText = (text: Y.XmlText | undefined) =>
  ((text?.toDelta() ?? []) as Array<{ insert: unknown }>).map((op) => (typeof op.insert === 'string' ? op.insert : '')).join('')

/** Every code mark as `coderId:codeId@paragraph:start-end` (sorted), read from the Y.XmlText deltas. */
export function codeSpans(doc: Y.Doc): string[] {
  const spans: string[] = []
  doc.getXmlFragment('default').toArray().forEach((p, pi) => {
    const text = (p as Y.XmlElement).get(0)
    if (!(text instanceof Y.XmlText)) return
    let offset = 0
    const open = new Map<string, number>()
    const close = (key: string, value: { codeId: string; coderId: string }, end: number) =>
      spans.push(`${value.coderId}:${value.codeId}@${pi}:${open.get(key)}-${end}`)
    let last = new Map<string, { codeId: string; coderId: string }>()
    for (const op of text.toDelta() as Array<{ insert: unknown; attributes?: Record<string, { codeId: string; coderId: string }> }>) {
      const len = typeof op.insert === 'string' ? op.insert.length : 1
      const attrs = new Map(Object.entries(op.attributes ?? {}).filter(([k]) => k.startsWith('code--')))
      for (const [k, v] of last) if (!attrs.has(k)) { close(k, v, offset); open.delete(k) }
      for (const [k] of attrs) if (!open.has(k)) open.set(k, offset)
      last = attrs
      offset += len
    }
    for (const [k, v] of last) close(k, v, offset)
  })
  return spans.sort()
}
