import { jsonBody, route } from '@/app/lib/route-handler'
import { addDisputeComment, listDisputeComments } from '@/server/services/disputes/dispute-comments'

export const GET = route(({ ctx, actor, params }) => listDisputeComments(ctx.db, actor, params.projectId, params.disputeId))

/** Coders and the lead: comment on an open dispute `{ body }`. */
export const POST = route(async ({ ctx, actor, params, req }) => {
  const comment = await addDisputeComment(ctx.db, actor, params.projectId, params.disputeId, await jsonBody(req))
  ctx.events.publish(params.projectId, 'disputes')
  return comment
})
