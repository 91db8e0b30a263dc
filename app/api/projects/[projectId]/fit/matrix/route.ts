import { route } from '@/app/lib/route-handler'
import { getFrameworkMatrix } from '@/server/services/fit/get-framework-matrix'

/** The case × indicator matrix: evidence, statuses, summaries, the team's fit and coders' agreement. */
export const GET = route(({ ctx, actor, params }) => getFrameworkMatrix(ctx.db, actor, params.projectId, ctx.live))
