import { asc, eq } from 'drizzle-orm'
import type { Db } from '../../../db/client'
import { codes } from '../../../db/schema'
import { requireProjectRole, type Actor } from '../access'

export type CodeRow = typeof codes.$inferSelect

/** Orders codes depth-first (parent before children, siblings by position). */
export function inTreeOrder<T extends { id: string; parentId: string | null; position: number }>(rows: T[]): (T & { depth: number })[] {
  const children = new Map<string | null, T[]>()
  for (const r of rows) {
    const k = r.parentId && rows.some((x) => x.id === r.parentId) ? r.parentId : null
    children.set(k, [...(children.get(k) ?? []), r])
  }
  for (const list of children.values()) list.sort((a, b) => a.position - b.position)
  const out: (T & { depth: number })[] = []
  const walk = (parent: string | null, depth: number) => {
    for (const c of children.get(parent) ?? []) {
      out.push({ ...c, depth })
      walk(c.id, depth + 1)
    }
  }
  walk(null, 0)
  return out
}

export async function loadCodes(db: Db, projectId: string) {
  const rows = await db.select().from(codes).where(eq(codes.projectId, projectId)).orderBy(asc(codes.position))
  return inTreeOrder(rows)
}

/** The codebook as API.md shows it: [{ id, parentId, name: { zh, en }, color, shortcut }] in tree order. */
export async function listCodebook(db: Db, actor: Actor | null, projectId: string) {
  await requireProjectRole(db, actor, projectId)
  const rows = await loadCodes(db, projectId)
  return rows.map((c) => ({
    id: c.id,
    parentId: c.parentId,
    key: c.key,
    name: { zh: c.nameZh, en: c.nameEn },
    color: c.color,
    shortcut: c.shortcut,
    depth: c.depth,
    definition: c.definition,
    inclusion: c.inclusion,
    exclusion: c.exclusion,
    example: c.example,
  }))
}
