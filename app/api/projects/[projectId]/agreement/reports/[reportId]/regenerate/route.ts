import { route } from '@/app/lib/route-handler'
import { regenerateReport } from '@/server/services/agreement/regenerate-report'

export const POST = route(({ ctx, actor, params }) => regenerateReport(ctx.db, actor, params.projectId, params.reportId))
