import { jsonBody, route } from '@/app/lib/route-handler'
import { decideDispute } from '@/server/services/disputes/decide-dispute'

/** Lead: decide a dispute; the consensus changes at once (through the live document). */
export const POST = route(async ({ ctx, actor, params, req }) => {
  const decision = await decideDispute(ctx.db, ctx.live, actor, params.projectId, params.disputeId, await jsonBody(req))
  ctx.events.publish(params.projectId, 'disputes')
  if (decision.after && typeof decision.after === 'object' && 'status' in decision.after) ctx.events.publish(params.projectId, 'fit')
  return decision
})
