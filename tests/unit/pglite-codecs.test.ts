import { describe, expect, it } from 'vitest'
import { byteaFromText, byteaToText } from '../../db/pglite-codecs'

describe('bytea codec for PGlite (text wire format)', () => {
  it('writes the hex format Postgres reads (\\x, two lowercase digits per byte)', () => {
    expect(byteaToText(new Uint8Array([0, 1, 15, 16, 171, 255]))).toBe('\\x00010f10abff')
    expect(byteaToText(new Uint8Array())).toBe('\\x')
  })

  it('round-trips every byte value, and writes only the viewed part of a larger buffer', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i)
    expect(byteaFromText(byteaToText(all))).toEqual(all)
    const view = new Uint8Array(all.buffer, 10, 3)
    expect(byteaToText(view)).toBe('\\x0a0b0c')
  })

  it('reads into a Uint8Array of its own (not a view of a shared pool)', () => {
    const bytes = byteaFromText('\\x0a0b0c')
    expect(bytes).toBeInstanceOf(Uint8Array)
    expect(Buffer.isBuffer(bytes)).toBe(false)
    expect(bytes.buffer.byteLength).toBe(3)
    expect([...bytes]).toEqual([10, 11, 12])
  })

  it('refuses values that are not bytes, and bytea text that is not hex', () => {
    expect(() => byteaToText('0a0b')).toThrow(/Uint8Array/)
    expect(() => byteaFromText('\\000')).toThrow(/hex/)
  })
})
