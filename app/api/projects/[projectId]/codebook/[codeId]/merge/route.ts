import { jsonBody, route } from '@/app/lib/route-handler'
import { mergeCode } from '@/server/services/codebook/merge-or-delete-code'

export const POST = route(async ({ ctx, actor, params, req }) => mergeCode(ctx.db, ctx.live, actor, params.projectId, params.codeId, await jsonBody(req)))
