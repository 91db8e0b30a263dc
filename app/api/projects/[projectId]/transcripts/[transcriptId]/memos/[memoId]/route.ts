import { route } from '@/app/lib/route-handler'
import { deleteMemo } from '@/server/services/memos/delete-memo'

export const DELETE = route(async ({ ctx, actor, params }) => {
  const result = await deleteMemo(ctx.db, actor, params.projectId, params.transcriptId, params.memoId)
  ctx.events.publish(params.projectId, 'memos')
  return result
})
