import { customType } from 'drizzle-orm/pg-core'

/** Binary Yjs updates. node-postgres gives Buffers, PGlite Uint8Arrays: normalise to Uint8Array. */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array | Buffer | string }>({
  dataType: () => 'bytea',
  toDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v.buffer, v.byteOffset, v.byteLength)),
  fromDriver: (v) => {
    if (typeof v === 'string') {
      // text form "\x0a0b…" (only if a driver returns bytea as text)
      return new Uint8Array(Buffer.from(v.startsWith('\\x') ? v.slice(2) : v, 'hex'))
    }
    return new Uint8Array(v.buffer, v.byteOffset, v.byteLength)
  },
})
