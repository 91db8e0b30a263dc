import { route } from '@/app/lib/route-handler'
import { listConsensusCodings } from '@/server/services/disputes/list-consensus-codings'

/** The consensus (shared-layer) codings of a round's transcripts, for agreement after arbitration. */
export const GET = route(({ ctx, actor, params }) => listConsensusCodings(ctx.db, actor, params.projectId, params.roundId, ctx.live))
