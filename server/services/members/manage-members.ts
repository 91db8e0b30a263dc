/**
 * Project membership: invitations (by email or shareable link), acceptance, role changes and
 * removal. Only the lead manages members; a project always keeps at least one lead.
 */
import { and, asc, eq, isNull, sql } from 'drizzle-orm'
import { z } from 'zod'
import type { Db } from '../../../db/client'
import { invitations, projectMembers, projects, users, type Role } from '../../../db/schema'
import { badInput, ConcordError, problemsFromZod } from '../../errors'
import { newId, newSecret } from '../../ids'
import { requireProjectRole, type Actor } from '../access'

const roleSchema = z.enum(['lead', 'coder', 'viewer'])

export const inviteSchema = z.object({
  email: z.string().trim().toLowerCase().email('Enter a valid email address.').nullable().default(null),
  role: roleSchema.default('coder'),
})

export async function listMembers(db: Db, actor: Actor | null, projectId: string) {
  await requireProjectRole(db, actor, projectId)
  return db
    .select({ userId: users.id, email: users.email, name: users.name, role: projectMembers.role, joinedAt: projectMembers.joinedAt })
    .from(projectMembers)
    .innerJoin(users, eq(users.id, projectMembers.userId))
    .where(eq(projectMembers.projectId, projectId))
    .orderBy(asc(projectMembers.joinedAt))
}

/**
 * Invites by email (an existing account is added at once; otherwise the invitation waits for
 * sign-up with that email) or creates a shareable link (email null). Returns the link token.
 */
export async function inviteMember(db: Db, actor: Actor | null, projectId: string, input: unknown) {
  await requireProjectRole(db, actor, projectId, 'lead')
  const parsed = inviteSchema.safeParse(input)
  if (!parsed.success) throw badInput('Please correct the invitation.', problemsFromZod(parsed.error.issues))
  const { email, role } = parsed.data
  if (email) {
    const existing = await db.select({ id: users.id }).from(users).where(eq(users.email, email)).limit(1)
    if (existing[0]) {
      const member = await db
        .select({ role: projectMembers.role })
        .from(projectMembers)
        .where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.userId, existing[0].id)))
      if (member[0]) throw new ConcordError('conflict', `${email} is already a member (${member[0].role}).`)
      await db.insert(projectMembers).values({ projectId, userId: existing[0].id, role })
      return { added: true as const, email, role, token: null }
    }
  }
  const token = newSecret(18)
  await db.insert(invitations).values({
    id: newId(),
    projectId,
    email,
    role,
    token,
    createdBy: actor!.userId,
    expiresAt: new Date(Date.now() + 14 * 24 * 3600 * 1000),
  })
  return { added: false as const, email, role, token }
}

export async function listInvitations(db: Db, actor: Actor | null, projectId: string) {
  await requireProjectRole(db, actor, projectId, 'lead')
  return db
    .select({ id: invitations.id, email: invitations.email, role: invitations.role, token: invitations.token, expiresAt: invitations.expiresAt })
    .from(invitations)
    .where(and(eq(invitations.projectId, projectId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
}

export async function revokeInvitation(db: Db, actor: Actor | null, projectId: string, invitationId: string) {
  await requireProjectRole(db, actor, projectId, 'lead')
  const rows = await db
    .update(invitations)
    .set({ revokedAt: new Date() })
    .where(and(eq(invitations.id, invitationId), eq(invitations.projectId, projectId)))
    .returning({ id: invitations.id })
  if (!rows[0]) throw new ConcordError('not_found', 'No such invitation.')
  return { revoked: true }
}

/** Looks up an invitation by its token (for the accept page). */
export async function findInvitation(db: Db, token: string) {
  const rows = await db
    .select({ id: invitations.id, projectId: invitations.projectId, projectName: projects.name, email: invitations.email, role: invitations.role, expiresAt: invitations.expiresAt, acceptedAt: invitations.acceptedAt, revokedAt: invitations.revokedAt })
    .from(invitations)
    .innerJoin(projects, eq(projects.id, invitations.projectId))
    .where(eq(invitations.token, token))
    .limit(1)
  const inv = rows[0]
  if (!inv || inv.revokedAt || inv.expiresAt.getTime() < Date.now()) throw new ConcordError('not_found', 'This invitation link is invalid or has expired. Ask the project lead for a new one.')
  return inv
}

export async function acceptInvitation(db: Db, actor: Actor | null, token: string) {
  if (!actor) throw new ConcordError('unauthenticated', 'Please sign in to accept the invitation.')
  const inv = await findInvitation(db, token)
  if (inv.email) {
    const me = await db.select({ email: users.email }).from(users).where(eq(users.id, actor.userId))
    if (me[0]?.email !== inv.email) throw new ConcordError('forbidden', `This invitation is for ${inv.email}. Sign in with that account.`)
    if (inv.acceptedAt) throw new ConcordError('conflict', 'This invitation was already accepted.')
  }
  const existing = await db
    .select({ role: projectMembers.role })
    .from(projectMembers)
    .where(and(eq(projectMembers.projectId, inv.projectId), eq(projectMembers.userId, actor.userId)))
  if (!existing[0]) await db.insert(projectMembers).values({ projectId: inv.projectId, userId: actor.userId, role: inv.role })
  if (inv.email) await db.update(invitations).set({ acceptedAt: new Date() }).where(eq(invitations.id, inv.id))
  return { projectId: inv.projectId, role: existing[0]?.role ?? inv.role }
}

/** Email invitations waiting for a user who just signed up are accepted automatically. */
export async function acceptPendingInvitations(db: Db, userId: string, email: string) {
  const pending = await db
    .select()
    .from(invitations)
    .where(and(eq(invitations.email, email), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
  for (const inv of pending) {
    if (inv.expiresAt.getTime() < Date.now()) continue
    await db.insert(projectMembers).values({ projectId: inv.projectId, userId, role: inv.role }).onConflictDoNothing()
    await db.update(invitations).set({ acceptedAt: new Date() }).where(eq(invitations.id, inv.id))
  }
}

async function countLeads(db: Db, projectId: string) {
  const r = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(projectMembers)
    .where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.role, 'lead')))
  return r[0]?.n ?? 0
}

export async function changeMemberRole(db: Db, actor: Actor | null, projectId: string, userId: string, input: unknown) {
  await requireProjectRole(db, actor, projectId, 'lead')
  const parsed = z.object({ role: roleSchema }).safeParse(input)
  if (!parsed.success) throw badInput('Choose a role: lead, coder or viewer.', problemsFromZod(parsed.error.issues))
  const current = await db
    .select({ role: projectMembers.role })
    .from(projectMembers)
    .where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.userId, userId)))
  if (!current[0]) throw new ConcordError('not_found', 'That person is not a member of this project.')
  if (current[0].role === 'lead' && parsed.data.role !== 'lead' && (await countLeads(db, projectId)) <= 1) {
    throw new ConcordError('conflict', 'A project needs at least one lead. Make someone else lead first.')
  }
  await db
    .update(projectMembers)
    .set({ role: parsed.data.role as Role })
    .where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.userId, userId)))
  return { userId, role: parsed.data.role }
}

export async function removeMember(db: Db, actor: Actor | null, projectId: string, userId: string) {
  await requireProjectRole(db, actor, projectId, 'lead')
  const current = await db
    .select({ role: projectMembers.role })
    .from(projectMembers)
    .where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.userId, userId)))
  if (!current[0]) throw new ConcordError('not_found', 'That person is not a member of this project.')
  if (current[0].role === 'lead' && (await countLeads(db, projectId)) <= 1) {
    throw new ConcordError('conflict', 'A project needs at least one lead. Make someone else lead first.')
  }
  await db.delete(projectMembers).where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.userId, userId)))
  return { removed: true }
}
