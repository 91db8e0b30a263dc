import { route } from '@/app/lib/route-handler'
import { getFitReport } from '@/server/services/fit/get-fit-report'

/** The fit report (API.md: same shape as `concord fit --json`); `?coderId=` for a coder's own statuses. */
export const GET = route(({ ctx, actor, params, req }) => getFitReport(ctx.db, actor, params.projectId, Object.fromEntries(new URL(req.url).searchParams)))
