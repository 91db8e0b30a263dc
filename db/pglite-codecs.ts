/**
 * bytea to and from PGlite's text wire format ("\x0a0b…"), with Node's native hex codec.
 * PGlite's own codec builds a string per byte (`Array.from(bytes).map(toString(16))`, and
 * `parseInt` per byte back): for the sync server's update-log appends, a few thousand bytes per
 * clock tick, that was about half of an append's CPU and most of its garbage (bench/sync), and a
 * room's snapshot of a few hundred kilobytes took tens of milliseconds to read back. bytea[]
 * parameters use these for their elements too (PGlite looks the element codec up per call).
 */
const BYTEA = 17

export function byteaToText(value: unknown): string {
  if (!(value instanceof Uint8Array)) throw new Error('Invalid input for bytea type: expected a Uint8Array')
  return `\\x${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex')}`
}

export function byteaFromText(text: string): Uint8Array {
  // Postgres sends bytea in hex form (bytea_output = 'hex', the default since 9.0).
  if (!text.startsWith('\\x')) throw new Error('Unexpected bytea text from the database (expected hex format)')
  const bytes = new Uint8Array((text.length - 2) / 2)
  Buffer.from(bytes.buffer).write(text.slice(2), 'hex')
  return bytes
}

export const pgliteCodecs = {
  serializers: { [BYTEA]: byteaToText },
  parsers: { [BYTEA]: byteaFromText },
}
