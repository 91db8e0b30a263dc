import { jsonBody, route } from '@/app/lib/route-handler'
import { reorderCodes } from '@/server/services/codebook/edit-codes'

export const POST = route(async ({ ctx, actor, params, req }) => reorderCodes(ctx.db, actor, params.projectId, await jsonBody(req)))
