import { and, desc, eq, isNull } from 'drizzle-orm'
import { z } from 'zod'
import type { Db } from '../../../db/client'
import { accessTokens } from '../../../db/schema'
import { TOKEN_PREFIX } from '../../auth/actor'
import { badInput, ConcordError, problemsFromZod } from '../../errors'
import { newId, newSecret, sha256 } from '../../ids'
import type { Actor } from '../access'

export const createTokenSchema = z.object({ name: z.string().trim().min(1).max(100).default('script') })

/** Creates a personal access token; the plain token is returned once and only its hash is kept. */
export async function createAccessToken(db: Db, actor: Actor, input: unknown) {
  const parsed = createTokenSchema.safeParse(input ?? {})
  if (!parsed.success) throw badInput('Invalid token request.', problemsFromZod(parsed.error.issues))
  const token = TOKEN_PREFIX + newSecret(30)
  const id = newId()
  await db.insert(accessTokens).values({
    id,
    userId: actor.userId,
    name: parsed.data.name,
    tokenHash: sha256(token),
    prefix: token.slice(0, 10),
  })
  return { id, token, name: parsed.data.name }
}

export async function listAccessTokens(db: Db, actor: Actor) {
  return db
    .select({
      id: accessTokens.id,
      name: accessTokens.name,
      prefix: accessTokens.prefix,
      createdAt: accessTokens.createdAt,
      lastUsedAt: accessTokens.lastUsedAt,
    })
    .from(accessTokens)
    .where(and(eq(accessTokens.userId, actor.userId), isNull(accessTokens.revokedAt)))
    .orderBy(desc(accessTokens.createdAt))
}

export async function revokeAccessToken(db: Db, actor: Actor, tokenId: string) {
  const rows = await db
    .update(accessTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(accessTokens.id, tokenId), eq(accessTokens.userId, actor.userId), isNull(accessTokens.revokedAt)))
    .returning({ id: accessTokens.id })
  if (!rows[0]) throw new ConcordError('not_found', 'No such token.')
  return { revoked: true }
}
