import { jsonBody, route } from '@/app/lib/route-handler'
import { createCase, listCases } from '@/server/services/cases/manage-cases'

export const GET = route(({ ctx, actor, params }) => listCases(ctx.db, actor, params.projectId))
export const POST = route(async ({ ctx, actor, params, req }) => createCase(ctx.db, actor, params.projectId, await jsonBody(req)))
