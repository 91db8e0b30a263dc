import { route } from '@/app/lib/route-handler'
import { reopenDispute } from '@/server/services/disputes/reopen-dispute'

/** Lead: reopen a decided dispute so it can be decided again (both decisions stay in the log). */
export const POST = route(async ({ ctx, actor, params }) => {
  const result = await reopenDispute(ctx.db, actor, params.projectId, params.disputeId)
  ctx.events.publish(params.projectId, 'disputes')
  return result
})
