import { jsonBody, route } from '@/app/lib/route-handler'
import { createProject } from '@/server/services/projects/create-project'
import { listProjects } from '@/server/services/projects/list-projects'

export const GET = route(({ ctx, actor }) => listProjects(ctx.db, actor!))
export const POST = route(async ({ ctx, actor, req }) => createProject(ctx.db, actor!, await jsonBody(req)))
