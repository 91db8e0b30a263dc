/** Cases (the units that are scored) with free-form attributes. */
import { and, asc, eq, sql } from 'drizzle-orm'
import { z } from 'zod'
import type { Db } from '../../../db/client'
import { cases } from '../../../db/schema'
import { badInput, ConcordError, problemsFromZod } from '../../errors'
import { newId } from '../../ids'
import { requireProjectRole, type Actor } from '../access'

export const caseInputSchema = z.object({
  key: z.string().trim().min(1, 'Give the case a short key (e.g. S).').max(40),
  nameZh: z.string().trim().min(1, 'Give the case a name.').max(300),
  nameEn: z.string().trim().max(300).default(''),
  attributes: z.record(z.string().trim().min(1).max(100), z.string().max(2000)).default({}),
})

export async function listCases(db: Db, actor: Actor | null, projectId: string) {
  await requireProjectRole(db, actor, projectId)
  return db.select().from(cases).where(eq(cases.projectId, projectId)).orderBy(asc(cases.position))
}

export async function createCase(db: Db, actor: Actor | null, projectId: string, input: unknown) {
  await requireProjectRole(db, actor, projectId, 'lead')
  const parsed = caseInputSchema.safeParse(input)
  if (!parsed.success) throw badInput('Please correct the case.', problemsFromZod(parsed.error.issues))
  const clash = await db.select({ id: cases.id }).from(cases).where(and(eq(cases.projectId, projectId), eq(cases.key, parsed.data.key)))
  if (clash[0]) throw badInput(`A case with key "${parsed.data.key}" already exists.`, [{ path: 'key', message: 'already used' }])
  const max = await db.select({ n: sql<number>`coalesce(max(${cases.position}), -1)::int` }).from(cases).where(eq(cases.projectId, projectId))
  const id = newId()
  await db.insert(cases).values({ id, projectId, ...parsed.data, position: (max[0]?.n ?? -1) + 1 })
  return { id }
}

export async function updateCase(db: Db, actor: Actor | null, projectId: string, caseId: string, input: unknown) {
  await requireProjectRole(db, actor, projectId, 'lead')
  const existing = await db.select().from(cases).where(and(eq(cases.id, caseId), eq(cases.projectId, projectId)))
  if (!existing[0]) throw new ConcordError('not_found', 'No such case in this project.')
  const e = existing[0]
  const parsed = caseInputSchema.safeParse({ key: e.key, nameZh: e.nameZh, nameEn: e.nameEn, attributes: e.attributes, ...(input as object) })
  if (!parsed.success) throw badInput('Please correct the case.', problemsFromZod(parsed.error.issues))
  if (parsed.data.key !== e.key) {
    const clash = await db.select({ id: cases.id }).from(cases).where(and(eq(cases.projectId, projectId), eq(cases.key, parsed.data.key)))
    if (clash[0]) throw badInput(`A case with key "${parsed.data.key}" already exists.`, [{ path: 'key', message: 'already used' }])
  }
  await db.update(cases).set(parsed.data).where(eq(cases.id, caseId))
  return { id: caseId }
}

/** Deleting a case keeps its transcripts (they become unassigned) and drops its statuses. */
export async function deleteCase(db: Db, actor: Actor | null, projectId: string, caseId: string) {
  await requireProjectRole(db, actor, projectId, 'lead')
  const rows = await db.delete(cases).where(and(eq(cases.id, caseId), eq(cases.projectId, projectId))).returning({ id: cases.id })
  if (!rows[0]) throw new ConcordError('not_found', 'No such case in this project.')
  return { deleted: true }
}
