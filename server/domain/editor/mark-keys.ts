import * as buf from 'lib0/buffer'
import * as sha256 from 'lib0/hash/sha256'
import { CODE_MARK_NAME, getTranscriptSchema, type CodeMarkAttrs } from './extensions'

/**
 * How y-tiptap names marks inside a Y.XmlText. A mark type that does not exclude itself (our
 * `code`) is stored under `<name>--<hashOfJSON(mark.toJSON())>` with the mark's attrs as value,
 * so that several of them can sit on the same text. y-tiptap does not export its hash, so it is
 * mirrored here; a test checks it against keys that y-tiptap itself writes.
 */

/** Folds a sha256 digest into 6 bytes (y-tiptap 3.0.9 `_convolute`, dist/y-tiptap.js:47-55). */
function convolute(digest: Uint8Array): Uint8Array {
  const n = 6
  for (let i = n; i < digest.length; i++) digest[i % n] = digest[i % n] ^ digest[i]
  return digest.slice(0, n)
}

/** 8 base64 characters identifying a JSON value (y-tiptap 3.0.9 `hashOfJSON`). */
export function hashOfJson(json: unknown): string {
  return buf.toBase64(convolute(sha256.digest(buf.encodeAny(json))))
}

// y-tiptap's `hashedMarkNameRegex` (dist/y-tiptap.js:1490).
const hashedMarkName = /(.*)(--[a-zA-Z0-9+/=]{8})$/

/** The mark name behind a Y.Text attribute key: `code--kuXb/Lbq` → `code`, `bold` → `bold`. */
export function markNameOfKey(key: string): string {
  return hashedMarkName.exec(key)?.[1] ?? key
}

/**
 * The mark's attrs exactly as the schema builds them. The hash covers key order, and ProseMirror
 * orders attrs by the mark type's definition, so the mark is built rather than assembled by hand.
 */
export function codeMarkAttrs(codeId: string, coderId: string): CodeMarkAttrs {
  return getTranscriptSchema().mark(CODE_MARK_NAME, { codeId, coderId }).attrs as CodeMarkAttrs
}

/**
 * The Y.Text attribute key under which the browser editor stores this code mark.
 * @example codeMarkKey('c1', 'u') // 'code--kuXb/Lbq'
 */
export function codeMarkKey(codeId: string, coderId: string): string {
  const mark = getTranscriptSchema().mark(CODE_MARK_NAME, { codeId, coderId })
  return `${CODE_MARK_NAME}--${hashOfJson(mark.toJSON())}`
}

/**
 * The code carried by a Y.Text attribute, or null if the attribute is not a well-formed code
 * mark. Accepts hashed keys whatever their hash (older attrs, other writers) and the plain key.
 */
export function readCodeMark(key: string, value: unknown): CodeMarkAttrs | null {
  if (markNameOfKey(key) !== CODE_MARK_NAME) return null
  if (typeof value !== 'object' || value === null) return null
  const { codeId, coderId } = value as Record<string, unknown>
  if (typeof codeId !== 'string' || typeof coderId !== 'string' || codeId === '' || coderId === '') return null
  return { codeId, coderId }
}
