import { route } from '@/app/lib/route-handler'
import { queryFromUrl } from '@/server/services/agreement/agreement-query'
import { getDisagreements } from '@/server/services/agreement/get-disagreements'

export const dynamic = 'force-dynamic'
export const GET = route(({ ctx, actor, params, req }) => getDisagreements(ctx.db, actor, params.projectId, queryFromUrl(req.url), ctx.live))
