import { jsonBody, route } from '@/app/lib/route-handler'
import { setFitStatus } from '@/server/services/fit/set-fit-status'

/** `{ caseId, codeId, status, coderId? }`: the lead sets the team's status; a coder their own in a blind round. */
export const PUT = route(async ({ ctx, actor, params, req }) => setFitStatus(ctx.db, actor, params.projectId, await jsonBody(req), ctx.events))
