/** Create, update and reorder codebook entries (lead only). Merge and delete live beside. */
import { and, eq, inArray, sql } from 'drizzle-orm'
import { z } from 'zod'
import type { Db } from '../../../db/client'
import { codes } from '../../../db/schema'
import { badInput, ConcordError, problemsFromZod } from '../../errors'
import { newId } from '../../ids'
import { requireProjectRole, type Actor } from '../access'

const localized = z.object({ zh: z.string().trim().max(4000).default(''), en: z.string().trim().max(4000).default('') })

export const codeInputSchema = z
  .object({
    parentId: z.string().min(1).nullable().default(null),
    nameZh: z.string().trim().max(200).default(''),
    nameEn: z.string().trim().max(200).default(''),
    definition: localized.default({ zh: '', en: '' }),
    inclusion: localized.default({ zh: '', en: '' }),
    exclusion: localized.default({ zh: '', en: '' }),
    example: localized.default({ zh: '', en: '' }),
    color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Use a colour like #4e79a7.').default('#8ab4f8'),
    shortcut: z.string().trim().max(1, 'A shortcut is one key.').nullable().default(null),
  })
  .refine((v) => v.nameZh !== '' || v.nameEn !== '', { message: 'Give the code a name (Chinese or English).', path: ['nameZh'] })

async function checkShortcut(db: Db, projectId: string, shortcut: string | null, exceptId?: string) {
  if (!shortcut) return
  const clash = await db
    .select({ id: codes.id, nameZh: codes.nameZh, nameEn: codes.nameEn })
    .from(codes)
    .where(and(eq(codes.projectId, projectId), eq(codes.shortcut, shortcut)))
  const other = clash.find((c) => c.id !== exceptId)
  if (other) throw badInput(`The shortcut "${shortcut}" is already used by ${other.nameZh || other.nameEn}.`, [{ path: 'shortcut', message: 'already used' }])
}

async function checkParent(db: Db, projectId: string, parentId: string | null, selfId?: string) {
  if (!parentId) return
  const all = await db.select({ id: codes.id, parentId: codes.parentId }).from(codes).where(eq(codes.projectId, projectId))
  if (!all.some((c) => c.id === parentId)) throw badInput('The parent code does not exist in this project.', [{ path: 'parentId', message: 'unknown code' }])
  // Refuse cycles: walking up from the new parent must never reach the code itself.
  let cur: string | null = parentId
  while (cur) {
    if (cur === selfId) throw badInput('A code cannot be moved under itself.', [{ path: 'parentId', message: 'cycle' }])
    cur = all.find((c) => c.id === cur)?.parentId ?? null
  }
}

export async function createCode(db: Db, actor: Actor | null, projectId: string, input: unknown) {
  await requireProjectRole(db, actor, projectId, 'lead')
  const parsed = codeInputSchema.safeParse(input)
  if (!parsed.success) throw badInput('Please correct the code.', problemsFromZod(parsed.error.issues))
  const v = parsed.data
  await checkParent(db, projectId, v.parentId)
  await checkShortcut(db, projectId, v.shortcut)
  const max = await db.select({ n: sql<number>`coalesce(max(${codes.position}), -1)::int` }).from(codes).where(eq(codes.projectId, projectId))
  const id = newId()
  await db.insert(codes).values({ id, projectId, ...v, position: (max[0]?.n ?? -1) + 1 })
  return { id }
}

export async function updateCode(db: Db, actor: Actor | null, projectId: string, codeId: string, input: unknown) {
  await requireProjectRole(db, actor, projectId, 'lead')
  const existing = await db.select().from(codes).where(and(eq(codes.id, codeId), eq(codes.projectId, projectId)))
  if (!existing[0]) throw new ConcordError('not_found', 'No such code in this project.')
  const e = existing[0]
  const parsed = codeInputSchema.safeParse({ ...{ parentId: e.parentId, nameZh: e.nameZh, nameEn: e.nameEn, definition: e.definition, inclusion: e.inclusion, exclusion: e.exclusion, example: e.example, color: e.color, shortcut: e.shortcut }, ...(input as object) })
  if (!parsed.success) throw badInput('Please correct the code.', problemsFromZod(parsed.error.issues))
  await checkParent(db, projectId, parsed.data.parentId, codeId)
  await checkShortcut(db, projectId, parsed.data.shortcut, codeId)
  await db.update(codes).set(parsed.data).where(eq(codes.id, codeId))
  return { id: codeId }
}

/** Sets the sibling order: `orderedIds` are all children of one parent, in their new order. */
export async function reorderCodes(db: Db, actor: Actor | null, projectId: string, input: unknown) {
  await requireProjectRole(db, actor, projectId, 'lead')
  const parsed = z.object({ orderedIds: z.array(z.string().min(1)).min(1) }).safeParse(input)
  if (!parsed.success) throw badInput('Invalid order.', problemsFromZod(parsed.error.issues))
  const ids = parsed.data.orderedIds
  const rows = await db.select({ id: codes.id, parentId: codes.parentId, position: codes.position }).from(codes).where(and(eq(codes.projectId, projectId), inArray(codes.id, ids)))
  if (rows.length !== ids.length) throw badInput('Some codes are not in this project.', [{ path: 'orderedIds', message: 'unknown code' }])
  if (new Set(rows.map((r) => r.parentId)).size > 1) throw badInput('Reorder codes of one parent at a time.', [{ path: 'orderedIds', message: 'mixed parents' }])
  const base = Math.min(...rows.map((r) => r.position))
  await db.transaction(async (tx) => {
    for (const [i, id] of ids.entries()) await tx.update(codes).set({ position: base + i }).where(eq(codes.id, id))
  })
  return { ok: true }
}
