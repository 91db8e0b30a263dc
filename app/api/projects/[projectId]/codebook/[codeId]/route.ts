import { jsonBody, route } from '@/app/lib/route-handler'
import { updateCode } from '@/server/services/codebook/edit-codes'
import { countCodings, deleteCode } from '@/server/services/codebook/merge-or-delete-code'

export const GET = route(({ ctx, actor, params }) => countCodings(ctx.db, actor, params.projectId, params.codeId, ctx.live))
export const PATCH = route(async ({ ctx, actor, params, req }) => updateCode(ctx.db, actor, params.projectId, params.codeId, await jsonBody(req)))
/** `?force=1` also removes the code's codings (the UI asks first). */
export const DELETE = route(({ ctx, actor, params, req }) =>
  deleteCode(ctx.db, ctx.live, actor, params.projectId, params.codeId, new URL(req.url).searchParams.get('force') === '1'),
)
