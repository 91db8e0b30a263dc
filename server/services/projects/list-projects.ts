import { asc, eq } from 'drizzle-orm'
import type { Db } from '../../../db/client'
import { projectMembers, projects } from '../../../db/schema'
import type { Actor } from '../access'

/** The caller's projects, as in API.md: [{ id, name, role, codingMode }]. */
export async function listProjects(db: Db, actor: Actor) {
  return db
    .select({ id: projects.id, name: projects.name, role: projectMembers.role, codingMode: projects.codingMode })
    .from(projectMembers)
    .innerJoin(projects, eq(projects.id, projectMembers.projectId))
    .where(eq(projectMembers.userId, actor.userId))
    .orderBy(asc(projects.createdAt), asc(projects.name))
}
