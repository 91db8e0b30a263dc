import { route } from '@/app/lib/route-handler'
import { getReport } from '@/server/services/agreement/get-report'

export const GET = route(({ ctx, actor, params }) => getReport(ctx.db, actor, params.projectId, params.reportId))
