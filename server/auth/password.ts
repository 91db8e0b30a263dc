/** Password hashing with scrypt from node:crypto (no native dependency). */
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto'

const scrypt = (password: string, salt: Buffer, keylen: number, opts: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) =>
    scryptCb(password, salt, keylen, opts, (err, key) => (err ? reject(err) : resolve(key))),
  )

// OWASP's scrypt minimum is N=2^17, r=8, p=1; 2^15 keeps sign-in under ~100 ms on small servers
// while staying far above brute-force budgets for an offline attacker of a research tool.
const N = 1 << 15
const r = 8
const p = 1
const KEYLEN = 32

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16)
  const key = await scrypt(password.normalize('NFKC'), salt, KEYLEN, { N, r, p, maxmem: 128 * N * r * 2 })
  return ['scrypt', N, r, p, salt.toString('base64'), key.toString('base64')].join('$')
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [algo, n, rr, pp, saltB64, keyB64] = stored.split('$')
  if (algo !== 'scrypt' || !saltB64 || !keyB64) return false
  const expected = Buffer.from(keyB64, 'base64')
  const Nn = Number(n)
  const key = await scrypt(password.normalize('NFKC'), Buffer.from(saltB64, 'base64'), expected.length, {
    N: Nn,
    r: Number(rr),
    p: Number(pp),
    maxmem: 128 * Nn * Number(rr) * 2,
  })
  return key.length === expected.length && timingSafeEqual(key, expected)
}
