import { jsonBody, route } from '@/app/lib/route-handler'
import { listCodebook } from '@/server/services/codebook/list-codes'
import { createCode } from '@/server/services/codebook/edit-codes'

export const GET = route(({ ctx, actor, params }) => listCodebook(ctx.db, actor, params.projectId))
export const POST = route(async ({ ctx, actor, params, req }) => createCode(ctx.db, actor, params.projectId, await jsonBody(req)))
