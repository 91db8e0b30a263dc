import { randomUUID } from 'node:crypto'
import { Redis } from 'ioredis'
import * as encoding from 'lib0/encoding'
import * as decoding from 'lib0/decoding'
import type { Fanout, FanoutListener, FanoutMessage } from './fanout'
import { consoleLogger, type Logger } from './logger'

/**
 * Fan-out over Redis pub/sub (at-most-once delivery; the state-vector exchange in
 * room-fanout.ts repairs losses). One channel per room, `<prefix>:room:<room>`, for messages to
 * every instance, and one per instance, `<prefix>:instance:<id>`, for answers meant for one
 * instance. Every frame names its sender, and an instance ignores its own.
 */
export interface RedisFanoutOptions {
  /** e.g. `redis://127.0.0.1:6379` (REDIS_URL). */
  url: string
  /** Channel and key prefix; default `concord:sync`. */
  prefix?: string
  instanceId?: string
  logger?: Logger
}

const messageTypes = ['update', 'awareness', 'state-vector', 'query-awareness'] as const

export function createRedisFanout(options: RedisFanoutOptions): Fanout {
  const log = options.logger ?? consoleLogger
  const prefix = options.prefix ?? 'concord:sync'
  const instanceId = options.instanceId ?? randomUUID()
  const pub = new Redis(options.url, { lazyConnect: false })
  const sub = new Redis(options.url, { lazyConnect: false })
  for (const client of [pub, sub]) client.on('error', (error) => log.warn('realtime: redis error', error))
  const listeners = new Map<string, FanoutListener>()
  const roomChannel = (room: string) => `${prefix}:room:${room}`
  const instanceChannel = `${prefix}:instance:${instanceId}`
  const ownChannel = sub.subscribe(instanceChannel)
  ownChannel.catch((error) => log.error('realtime: redis subscribe failed', error))

  sub.on('messageBuffer', (_channel: Buffer, frame: Buffer) => {
    let decoded: { from: string; room: string; message: FanoutMessage }
    try {
      decoded = decodeFrame(new Uint8Array(frame.buffer, frame.byteOffset, frame.byteLength))
    } catch (error) {
      log.warn('realtime: undecodable fan-out frame', error)
      return
    }
    if (decoded.from === instanceId) return
    listeners.get(decoded.room)?.(decoded.message, decoded.from)
  })

  return {
    instanceId,
    async subscribe(room, listener) {
      listeners.set(room, listener)
      await ownChannel
      await sub.subscribe(roomChannel(room))
    },
    async unsubscribe(room) {
      listeners.delete(room)
      await sub.unsubscribe(roomChannel(room))
    },
    publish(room, message, to) {
      const channel = to === undefined ? roomChannel(room) : `${prefix}:instance:${to}`
      const frame = Buffer.from(encodeFrame(instanceId, room, message))
      pub.publish(channel, frame).catch((error) => log.warn(`realtime: redis publish failed for ${room}`, error))
    },
    async tryLock(name, ttlMs) {
      const key = `${prefix}:lock:${name}`
      const token = randomUUID()
      const ok = await pub.set(key, token, 'PX', ttlMs, 'NX')
      if (ok !== 'OK') return null
      return async () => {
        // Delete only our own lock: it may have expired and been taken by another instance.
        await pub.eval("if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end", 1, key, token)
      }
    },
    async close() {
      listeners.clear()
      await Promise.allSettled([sub.quit(), pub.quit()])
    },
  }
}

function encodeFrame(from: string, room: string, message: FanoutMessage): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarString(e, from)
  encoding.writeVarString(e, room)
  encoding.writeVarUint(e, messageTypes.indexOf(message.type))
  switch (message.type) {
    case 'update':
    case 'awareness':
      encoding.writeVarUint8Array(e, message.update)
      break
    case 'state-vector':
      encoding.writeVarUint8Array(e, message.stateVector)
      encoding.writeVarUint(e, message.reply ? 1 : 0)
      break
    case 'query-awareness':
      break
  }
  return encoding.toUint8Array(e)
}

function decodeFrame(frame: Uint8Array): { from: string; room: string; message: FanoutMessage } {
  const d = decoding.createDecoder(frame)
  const from = decoding.readVarString(d)
  const room = decoding.readVarString(d)
  const type = messageTypes[decoding.readVarUint(d)]
  let message: FanoutMessage
  switch (type) {
    case 'update':
    case 'awareness':
      message = { type, update: decoding.readVarUint8Array(d) }
      break
    case 'state-vector':
      message = { type, stateVector: decoding.readVarUint8Array(d), reply: decoding.readVarUint(d) === 1 }
      break
    case 'query-awareness':
      message = { type }
      break
    default:
      throw new Error('unknown fan-out message type')
  }
  return { from, room, message }
}
