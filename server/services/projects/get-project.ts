import { eq, sql } from 'drizzle-orm'
import type { Db } from '../../../db/client'
import { cases, codes, projectMembers, projects, transcripts } from '../../../db/schema'
import { ConcordError } from '../../errors'
import { requireProjectRole, type Actor } from '../access'

/** A project with the caller's role and counts, for the overview page and API. */
export async function getProject(db: Db, actor: Actor | null, projectId: string) {
  const role = await requireProjectRole(db, actor, projectId)
  const [p] = await db.select().from(projects).where(eq(projects.id, projectId))
  if (!p) throw new ConcordError('not_found', 'No such project.')
  const count = async (table: typeof codes | typeof cases | typeof transcripts | typeof projectMembers) =>
    (await db.select({ n: sql<number>`count(*)::int` }).from(table).where(eq(table.projectId, projectId)))[0]?.n ?? 0
  return {
    id: p.id,
    name: p.name,
    description: p.description,
    codingMode: p.codingMode,
    framework: p.framework,
    settings: p.settings,
    role,
    counts: { codes: await count(codes), cases: await count(cases), transcripts: await count(transcripts), members: await count(projectMembers) },
  }
}
