/**
 * Merging and deleting codes touch every document that uses them: the marks are rewritten
 * through the live documents (so open editors update at once) before the code row goes.
 */
import { and, eq, inArray, sql } from 'drizzle-orm'
import { z } from 'zod'
import type { Db } from '../../../db/client'
import { codes, codings } from '../../../db/schema'
import type { LiveDocs } from '../../context'
import { badInput, ConcordError, problemsFromZod } from '../../errors'
import { layerRoom, textRoom } from '../../realtime-rooms'
import { requireProjectRole, type Actor } from '../access'

// Callers settle the live documents first: a code applied a moment ago may not be in the rows yet.
async function roomsUsing(db: Db, projectId: string, codeIds: string[]) {
  const rows = await db
    .selectDistinct({ transcriptId: codings.transcriptId, layer: codings.layer, owner: codings.layerOwner })
    .from(codings)
    .where(and(eq(codings.projectId, projectId), inArray(codings.codeId, codeIds)))
  return rows.map((r) => (r.layer === 'shared' ? textRoom(r.transcriptId) : layerRoom(r.transcriptId, r.owner!)))
}

async function descendants(db: Db, projectId: string, codeId: string) {
  const all = await db.select({ id: codes.id, parentId: codes.parentId }).from(codes).where(eq(codes.projectId, projectId))
  const out = [codeId]
  for (let i = 0; i < out.length; i++) for (const c of all) if (c.parentId === out[i]) out.push(c.id)
  return out
}

/** How many codings use a code and its sub-codes (for the delete warning). */
export async function countCodings(db: Db, actor: Actor | null, projectId: string, codeId: string, live: Pick<LiveDocs, 'settleCodings'> | null = null) {
  await requireProjectRole(db, actor, projectId)
  await live?.settleCodings(projectId) // a code applied a moment ago counts too
  const ids = await descendants(db, projectId, codeId)
  const r = await db.select({ n: sql<number>`count(*)::int` }).from(codings).where(and(eq(codings.projectId, projectId), inArray(codings.codeId, ids)))
  return { codings: r[0]?.n ?? 0, codes: ids.length }
}

/** Deletes a code and its sub-codes; with codings present, `force` must be set (the UI warns first). */
export async function deleteCode(db: Db, live: LiveDocs | null, actor: Actor | null, projectId: string, codeId: string, force: boolean) {
  await requireProjectRole(db, actor, projectId, 'lead')
  const [code] = await db.select().from(codes).where(and(eq(codes.id, codeId), eq(codes.projectId, projectId)))
  if (!code) throw new ConcordError('not_found', 'No such code in this project.')
  const ids = await descendants(db, projectId, codeId)
  const { codings: n } = await countCodings(db, actor, projectId, codeId, live)
  if (n > 0 && !force) {
    throw new ConcordError('conflict', `"${code.nameZh || code.nameEn}" is used by ${n} codings. Delete with force to remove them too.`, [
      { path: 'force', message: `${n} codings would be removed` },
    ])
  }
  if (n > 0) {
    if (!live) throw new ConcordError('internal', 'Live documents are not available.')
    const set = new Set(ids)
    for (const room of await roomsUsing(db, projectId, ids)) await live.mapCodings(room, (c) => (set.has(c.codeId) ? null : c))
  }
  await db.delete(codes).where(and(eq(codes.projectId, projectId), inArray(codes.id, ids)))
  return { deleted: ids.length, codingsRemoved: n }
}

/** Merges `codeId` into `intoId`: its codings take the target code; its sub-codes move under the target. */
export async function mergeCode(db: Db, live: LiveDocs | null, actor: Actor | null, projectId: string, codeId: string, input: unknown) {
  await requireProjectRole(db, actor, projectId, 'lead')
  const parsed = z.object({ intoId: z.string().min(1) }).safeParse(input)
  if (!parsed.success) throw badInput('Choose the code to merge into.', problemsFromZod(parsed.error.issues))
  const { intoId } = parsed.data
  if (intoId === codeId) throw badInput('A code cannot be merged into itself.', [{ path: 'intoId', message: 'same code' }])
  const both = await db.select().from(codes).where(and(eq(codes.projectId, projectId), inArray(codes.id, [codeId, intoId])))
  if (both.length !== 2) throw new ConcordError('not_found', 'Both codes must belong to this project.')
  if ((await descendants(db, projectId, codeId)).includes(intoId)) throw badInput('A code cannot be merged into one of its own sub-codes.', [{ path: 'intoId', message: 'descendant' }])
  await live?.settleCodings(projectId)
  const rooms = await roomsUsing(db, projectId, [codeId])
  if (rooms.length && !live) throw new ConcordError('internal', 'Live documents are not available.')
  let changed = 0
  for (const room of rooms) changed += await live!.mapCodings(room, (c) => (c.codeId === codeId ? { ...c, codeId: intoId } : c))
  await db.transaction(async (tx) => {
    await tx.update(codes).set({ parentId: intoId }).where(and(eq(codes.projectId, projectId), eq(codes.parentId, codeId)))
    await tx.delete(codes).where(eq(codes.id, codeId))
  })
  return { mergedInto: intoId, codingsMoved: changed }
}
