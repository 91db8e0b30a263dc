import { jsonBody, route } from '@/app/lib/route-handler'
import { deleteCase, updateCase } from '@/server/services/cases/manage-cases'

export const PATCH = route(async ({ ctx, actor, params, req }) => updateCase(ctx.db, actor, params.projectId, params.caseId, await jsonBody(req)))
export const DELETE = route(({ ctx, actor, params }) => deleteCase(ctx.db, actor, params.projectId, params.caseId))
