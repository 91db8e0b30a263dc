import { route } from '@/app/lib/route-handler'
import { agreementProgress, getAgreement } from '@/server/services/agreement/get-agreement'
import { queryFromUrl } from '@/server/services/agreement/agreement-query'
import { ndjsonStream } from '@/server/services/agreement/ndjson-stream'

export const dynamic = 'force-dynamic'

/** `?stream=1`: NDJSON lines `{type:'progress',done,total}` … then `{type:'result',report}` (the dashboard's progress bar). */
export const GET = route(async ({ ctx, actor, params, req }) => {
  const query = queryFromUrl(req.url)
  if (new URL(req.url).searchParams.get('stream') !== '1') return getAgreement(ctx.db, actor, params.projectId, query, ctx.live)
  return ndjsonStream(agreementProgress(ctx.db, actor, params.projectId, query, ctx.live), req.signal)
})
