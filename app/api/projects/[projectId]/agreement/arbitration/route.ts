import { route } from '@/app/lib/route-handler'
import { queryFromUrl } from '@/server/services/agreement/agreement-query'
import { getArbitrationAgreement } from '@/server/services/agreement/get-arbitration-agreement'

export const dynamic = 'force-dynamic'

/** Agreement before arbitration (coders with each other) and after it (each coder with the consensus); same parameters as `GET …/agreement`. */
export const GET = route(({ ctx, actor, params, req }) => getArbitrationAgreement(ctx.db, actor, params.projectId, queryFromUrl(req.url), ctx.live))
