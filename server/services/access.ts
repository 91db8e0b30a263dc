/**
 * Authorization in one place: who may do what in a project. Every route handler, page,
 * CLI command and realtime room goes through `requireProjectRole`.
 * Non-members get `not_found` so that a project's existence does not leak.
 */
import { and, eq } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { projectMembers, type Role } from '../../db/schema'
import { ConcordError } from '../errors'

const rank: Record<Role, number> = { viewer: 0, coder: 1, lead: 2 }

export interface Actor {
  userId: string
}

export function roleAtLeast(role: Role, min: Role): boolean {
  return rank[role] >= rank[min]
}

export async function getProjectRole(db: Db, userId: string, projectId: string): Promise<Role | null> {
  const rows = await db
    .select({ role: projectMembers.role })
    .from(projectMembers)
    .where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.userId, userId)))
    .limit(1)
  return rows[0]?.role ?? null
}

export async function requireProjectRole(db: Db, actor: Actor | null, projectId: string, min: Role = 'viewer'): Promise<Role> {
  if (!actor) throw new ConcordError('unauthenticated', 'Please sign in.')
  const role = await getProjectRole(db, actor.userId, projectId)
  if (!role) throw new ConcordError('not_found', 'No such project, or you are not a member of it.')
  if (!roleAtLeast(role, min)) {
    const need = { viewer: 'a member', coder: 'a coder or the lead', lead: 'the project lead' }[min]
    throw new ConcordError('forbidden', `Only ${need} can do this; your role is ${role}.`)
  }
  return role
}
