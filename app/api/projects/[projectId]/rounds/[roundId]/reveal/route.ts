import { route } from '@/app/lib/route-handler'
import { revealRound } from '@/server/services/rounds/reveal-round'

export const POST = route(({ ctx, actor, params }) => revealRound(ctx.db, actor, params.projectId, params.roundId, { live: ctx.live, events: ctx.events }))
