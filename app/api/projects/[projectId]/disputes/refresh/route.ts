import { jsonBody, route } from '@/app/lib/route-handler'
import { refreshProjectDisputes } from '@/server/services/disputes/refresh-project-disputes'

/** Lead: detect disputes again (all revealed rounds, or `{ roundId }`), e.g. after changing the tolerance. */
export const POST = route(async ({ ctx, actor, params, req }) => refreshProjectDisputes(ctx.db, ctx.live, actor, params.projectId, await jsonBody(req), { events: ctx.events }))
