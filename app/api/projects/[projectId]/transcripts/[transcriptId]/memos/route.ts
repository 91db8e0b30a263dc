import { jsonBody, route } from '@/app/lib/route-handler'
import { createMemo } from '@/server/services/memos/create-memo'
import { listMemos } from '@/server/services/memos/list-memos'

export const GET = route(({ ctx, actor, params }) => listMemos(ctx.db, ctx.live, actor, params.projectId, params.transcriptId))
export const POST = route(async ({ ctx, actor, params, req }) => {
  const memo = await createMemo(ctx.db, ctx.live, actor, params.projectId, params.transcriptId, await jsonBody(req))
  ctx.events.publish(params.projectId, 'memos')
  return memo
})
