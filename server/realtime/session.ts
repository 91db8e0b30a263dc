import * as Y from 'yjs'
import * as decoding from 'lib0/decoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import { findMarksOnlyViolation } from './marks-validator'
import type { Logger } from './logger'
import {
  encodeAwareness, encodeSyncStep1, encodeSyncStep2, messageAwareness, messageQueryAwareness, messageSync,
  messageYjsSyncStep1, messageYjsSyncStep2, messageYjsUpdate,
} from './protocol'
import type { Grant, Mode, Room } from './room-hub'

/** The transport side of a connection (a WebSocket, or a queue in tests). */
export interface Peer {
  send(message: Uint8Array): void
  /** Closes the connection with a WebSocket close code; the transport then calls `leave()`. */
  close(code: number, reason: string): void
}

/** One client connected to one room. */
export interface Session {
  readonly room: string
  readonly userId: string
  /** The grant's mode; a layer room treats `rw` as `marks`. */
  readonly mode: Mode
  /** Replaces the grant (after a re-check); a new user id is refused by the caller instead. */
  setGrant(grant: Grant): void
  /** A frame from the client. */
  receive(message: Uint8Array): void
  /** Closes the connection with `code`, and leaves. */
  reject(code: number, reason: string): void
  /** The connection is gone: forget it and its awareness states. Idempotent. */
  leave(): void
}

export type SessionImpl = Session & { start(): void; send(message: Uint8Array): void }

interface SessionOptions {
  room: Room
  grant: Grant
  peer: Peer
  log: Logger
  maxQueued: number
  onLeave: () => void
}

export function createSession(o: SessionOptions): SessionImpl {
  const { room, peer } = o
  let grant = o.grant
  let queue: Uint8Array[] | null = [] // null once started: the room is loaded and we said hello
  let gone = false

  const effectiveMode = (): Mode => (room.kind.kind === 'layer' && grant.mode === 'rw' ? 'marks' : grant.mode)

  const session: SessionImpl = {
    room: room.name,
    get userId() {
      return grant.userId
    },
    get mode() {
      return effectiveMode()
    },
    setGrant(next) {
      grant = next
    },
    send(message) {
      if (!gone) peer.send(message)
    },
    receive(message) {
      if (gone) return
      if (queue) {
        if (queue.length >= o.maxQueued) session.reject(4413, 'too many messages while the document loads')
        else queue.push(message)
        return
      }
      handle(message)
    },
    /** Called once the room is loaded: the server's hello, then what the client sent meanwhile. */
    start() {
      if (gone || !queue) return
      const queued = queue
      queue = null
      session.send(encodeSyncStep1(room.doc))
      const states = room.awareness.getStates()
      if (states.size > 0) session.send(encodeAwareness(room.awareness, [...states.keys()]))
      for (const message of queued) {
        if (gone) break
        handle(message)
      }
    },
    reject(code, reason) {
      if (gone) return
      peer.close(code, reason)
      session.leave()
    },
    leave() {
      if (gone) return
      gone = true
      queue = null
      const controlled = room.sessions.get(session)
      room.sessions.delete(session)
      if (controlled && controlled.size > 0 && room.state === 'ready') {
        awarenessProtocol.removeAwarenessStates(room.awareness, [...controlled], null)
      }
      o.onLeave()
    },
  }

  function handle(message: Uint8Array) {
    try {
      const decoder = decoding.createDecoder(message)
      switch (decoding.readVarUint(decoder)) {
        case messageSync: {
          const step = decoding.readVarUint(decoder)
          const payload = decoding.readVarUint8Array(decoder)
          if (step === messageYjsSyncStep1) session.send(encodeSyncStep2(room.doc, payload))
          else if (step === messageYjsSyncStep2 || step === messageYjsUpdate) applyClientUpdate(payload)
          else throw new Error(`unknown sync step ${step}`)
          break
        }
        case messageAwareness:
          awarenessProtocol.applyAwarenessUpdate(room.awareness, decoding.readVarUint8Array(decoder), session)
          break
        case messageQueryAwareness:
          session.send(encodeAwareness(room.awareness, [...room.awareness.getStates().keys()]))
          break
        default:
          break // auth (2) and unknown frames: nothing to do
      }
    } catch (error) {
      o.log.warn(`realtime: malformed message from ${grant.userId} in ${room.name}`, error)
      session.reject(4400, 'malformed message')
    }
  }

  function applyClientUpdate(update: Uint8Array) {
    const mode = effectiveMode()
    // A read-only client still gets the doc (its step 1 is answered), but what it sends is dropped.
    if (mode === 'ro') return
    if (mode === 'marks') {
      const problem = findMarksOnlyViolation({
        doc: room.doc,
        canonicalClients: room.canonical?.doc.store.clients ?? new Map(),
        userId: grant.userId,
      }, update)
      if (problem) {
        // The client's later updates would depend on this one (clocks are per client), so it must
        // drop its doc and reconnect with a fresh one; a 44xx close stops y-websocket's retries.
        o.log.warn(`realtime: rejected update from ${grant.userId} in ${room.name}: ${problem}`)
        session.reject(4400, `update rejected: ${problem}`)
        return
      }
    }
    Y.applyUpdate(room.doc, update, session)
  }

  return session
}
