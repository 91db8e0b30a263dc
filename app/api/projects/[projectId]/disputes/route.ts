import { route } from '@/app/lib/route-handler'
import { listDisputes } from '@/server/services/disputes/list-disputes'

/** The disputes queue, biggest first. Filters: state, kind, codeId, documentId, caseId, roundId, coders=a,b. */
export const GET = route(async ({ ctx, actor, params, req }) => {
  const filter = Object.fromEntries(new URL(req.url).searchParams)
  return (await listDisputes(ctx.db, actor, params.projectId, filter)).items
})
