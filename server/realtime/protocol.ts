import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import * as awarenessProtocol from 'y-protocols/awareness'
import type * as Y from 'yjs'

/**
 * The y-websocket wire format (y-protocols 1.0.7): every frame is `varUint type` + payload.
 * Sync frames carry `varUint step` + `varUint8Array`; awareness frames one `varUint8Array`.
 */
export const messageSync = 0
export const messageAwareness = 1
export const messageAuth = 2
export const messageQueryAwareness = 3

export const { messageYjsSyncStep1, messageYjsSyncStep2, messageYjsUpdate } = syncProtocol

function frame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder()
  write(encoder)
  return encoding.toUint8Array(encoder)
}

export const encodeSyncStep1 = (doc: Y.Doc) =>
  frame((e) => {
    encoding.writeVarUint(e, messageSync)
    syncProtocol.writeSyncStep1(e, doc)
  })

export const encodeSyncStep2 = (doc: Y.Doc, stateVector?: Uint8Array) =>
  frame((e) => {
    encoding.writeVarUint(e, messageSync)
    syncProtocol.writeSyncStep2(e, doc, stateVector)
  })

export const encodeUpdate = (update: Uint8Array) =>
  frame((e) => {
    encoding.writeVarUint(e, messageSync)
    syncProtocol.writeUpdate(e, update)
  })

export const encodeAwareness = (awareness: awarenessProtocol.Awareness, clients: number[]) =>
  frame((e) => {
    encoding.writeVarUint(e, messageAwareness)
    encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(awareness, clients))
  })

export const encodeAwarenessPayload = (payload: Uint8Array) =>
  frame((e) => {
    encoding.writeVarUint(e, messageAwareness)
    encoding.writeVarUint8Array(e, payload)
  })

export const encodeQueryAwareness = () => frame((e) => encoding.writeVarUint(e, messageQueryAwareness))
