import { randomBytes, randomUUID, createHash } from 'node:crypto'

export const newId = () => randomUUID()
/** URL-safe random secret (tokens, invitation links). */
export const newSecret = (bytes = 24) => randomBytes(bytes).toString('base64url')
export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex')
