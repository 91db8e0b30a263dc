import * as Y from 'yjs'
import * as awarenessProtocol from 'y-protocols/awareness'
import type { Fanout, FanoutMessage } from './fanout'
import type { Logger } from './logger'

/** Transaction / awareness origin of everything that arrives from another instance. */
export const FANOUT_ORIGIN = 'concord:fanout'

export interface FanoutRoom {
  name: string
  doc: Y.Doc
  awareness: awarenessProtocol.Awareness
  /** Awareness client ids of this instance's own connections. */
  localAwarenessClients(): number[]
}

/**
 * Connects one loaded room to the other instances: relays what they send into the doc and the
 * awareness, answers their state vectors with the diff they lack, and announces our state vector
 * on join (asking for replies) so that both sides catch up with each other.
 */
export async function joinFanout(fanout: Fanout, room: FanoutRoom, log: Logger) {
  const publish = (message: FanoutMessage, to?: string) => fanout.publish(room.name, message, to)
  const publishStateVector = (reply: boolean, to?: string) =>
    publish({ type: 'state-vector', stateVector: Y.encodeStateVector(room.doc), reply }, to)

  await fanout.subscribe(room.name, (message, from) => {
    try {
      switch (message.type) {
        case 'update':
          Y.applyUpdate(room.doc, message.update, FANOUT_ORIGIN)
          break
        case 'awareness':
          awarenessProtocol.applyAwarenessUpdate(room.awareness, message.update, FANOUT_ORIGIN)
          break
        case 'state-vector': {
          const diff = Y.encodeStateAsUpdate(room.doc, message.stateVector)
          if (!isEmptyUpdate(diff)) publish({ type: 'update', update: diff }, from)
          if (message.reply || isAhead(message.stateVector, room.doc)) publishStateVector(false, from)
          break
        }
        case 'query-awareness': {
          const clients = room.localAwarenessClients().filter((c) => room.awareness.getStates().has(c))
          if (clients.length > 0) {
            publish({ type: 'awareness', update: awarenessProtocol.encodeAwarenessUpdate(room.awareness, clients) }, from)
          }
          break
        }
      }
    } catch (error) {
      log.warn(`realtime: bad fan-out message for ${room.name} from ${from}`, error)
    }
  })
  publishStateVector(true)
  publish({ type: 'query-awareness' })
  return {
    /** Periodic self-healing: peers answer with whatever we lack. */
    resync: () => publishStateVector(false),
    leave: () => fanout.unsubscribe(room.name),
  }
}

/** True if the remote state vector has a clock beyond ours (the remote has structs we lack). */
function isAhead(remoteStateVector: Uint8Array, doc: Y.Doc): boolean {
  for (const [client, clock] of Y.decodeStateVector(remoteStateVector)) {
    if (clock > Y.getState(doc.store, client)) return true
  }
  return false
}

/** An update with no structs and an empty delete set: `[0, 0]` in the v1 encoding. */
const isEmptyUpdate = (update: Uint8Array) => update.length === 2 && update[0] === 0 && update[1] === 0
