import { jsonBody, route } from '@/app/lib/route-handler'
import { createRound } from '@/server/services/rounds/create-round'
import { listRounds } from '@/server/services/rounds/list-rounds'

export const GET = route(({ ctx, actor, params }) => listRounds(ctx.db, actor, params.projectId, ctx.live))
export const POST = route(async ({ ctx, actor, params, req }) => createRound(ctx.db, actor, params.projectId, await jsonBody(req), { live: ctx.live, events: ctx.events }))
