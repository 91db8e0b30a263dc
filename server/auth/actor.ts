/**
 * Who is asking: a personal access token (Authorization: Bearer, or ?token= on WebSockets)
 * or the next-auth session cookie. Works on a plain Node request, a Fetch Request and
 * Next's cookies(), because next-auth's getToken does not parse the Cookie header itself.
 */
import { parse as parseCookies } from 'cookie'
import { getToken } from 'next-auth/jwt'
import { and, eq, isNull } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { accessTokens, users } from '../../db/schema'
import { sha256 } from '../ids'
import type { Actor } from '../services/access'

export const TOKEN_PREFIX = 'cnc_'
/** How precisely a token's last use is recorded. */
export const lastUsedResolutionMs = 60_000

export async function actorFromAccessToken(db: Db, token: string): Promise<Actor | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null
  const rows = await db
    .select({ id: accessTokens.id, userId: accessTokens.userId, lastUsedAt: accessTokens.lastUsedAt })
    .from(accessTokens)
    .where(and(eq(accessTokens.tokenHash, sha256(token)), isNull(accessTokens.revokedAt)))
    .limit(1)
  const row = rows[0]
  if (!row) return null
  // Best effort: the last-used time is informational, to the minute. A script opening many
  // sockets with one token does not write the row each time.
  const now = new Date()
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= lastUsedResolutionMs) {
    db.update(accessTokens).set({ lastUsedAt: now }).where(eq(accessTokens.id, row.id)).catch(() => {})
  }
  return { userId: row.userId }
}

export interface HeaderSource {
  get(name: string): string | null | undefined
}

/** Resolve the actor from request headers (and, for WebSockets, a `token` query parameter). */
export async function resolveActor(
  db: Db,
  secret: string,
  headers: HeaderSource,
  queryToken?: string | null,
): Promise<Actor | null> {
  const auth = headers.get('authorization')
  if (auth && /^bearer\s+/i.test(auth)) {
    return actorFromAccessToken(db, auth.replace(/^bearer\s+/i, '').trim())
  }
  if (queryToken) return actorFromAccessToken(db, queryToken)
  const cookieHeader = headers.get('cookie') ?? ''
  if (!cookieHeader) return null
  const cookies = parseCookies(cookieHeader)
  const jwt = await getToken({
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    req: { headers: { cookie: cookieHeader }, cookies } as any,
    secret,
  })
  if (!jwt?.sub) return null
  // The user may have been deleted since the cookie was issued.
  const exists = await db.select({ id: users.id }).from(users).where(eq(users.id, jwt.sub)).limit(1)
  return exists[0] ? { userId: jwt.sub } : null
}

/** Adapts Node's IncomingHttpHeaders to the HeaderSource shape. */
export function nodeHeaders(h: Record<string, string | string[] | undefined>): HeaderSource {
  return {
    get: (name) => {
      const v = h[name.toLowerCase()]
      return Array.isArray(v) ? v.join(', ') : (v ?? null)
    },
  }
}
