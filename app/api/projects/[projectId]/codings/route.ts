import { route } from '@/app/lib/route-handler'
import { retrieveCodings, retrievalQueryFromSearch } from '@/server/services/codings/retrieve-codings'

/** Code retrieval: `?codeId=&subcodes=1&caseId=&role=&coderId=&layer=shared|coder&transcriptId=`. */
export const GET = route(({ ctx, actor, params, req }) =>
  retrieveCodings(ctx.db, actor, params.projectId, retrievalQueryFromSearch(new URL(req.url).searchParams), ctx.live),
)
