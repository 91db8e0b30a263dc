import { jsonBody, route } from '@/app/lib/route-handler'
import { createReport } from '@/server/services/agreement/create-report'
import { listReports } from '@/server/services/agreement/get-report'

export const GET = route(({ ctx, actor, params }) => listReports(ctx.db, actor, params.projectId))
export const POST = route(async ({ ctx, actor, params, req }) => createReport(ctx.db, actor, params.projectId, await jsonBody(req), ctx.live))
