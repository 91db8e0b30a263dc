import { jsonBody, route } from '@/app/lib/route-handler'
import { getProject } from '@/server/services/projects/get-project'
import { updateProject } from '@/server/services/projects/update-project'

export const GET = route(({ ctx, actor, params }) => getProject(ctx.db, actor, params.projectId))
export const PATCH = route(async ({ ctx, actor, params, req }) => updateProject(ctx.db, actor, params.projectId, await jsonBody(req)))
