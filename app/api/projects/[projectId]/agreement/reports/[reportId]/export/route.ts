import { route } from '@/app/lib/route-handler'
import { queryFromUrl } from '@/server/services/agreement/agreement-query'
import { exportReport } from '@/server/services/agreement/export-report'

export const dynamic = 'force-dynamic'
export const GET = route(async ({ ctx, actor, params, req }) => {
  const file = await exportReport(ctx.db, actor, params.projectId, params.reportId, queryFromUrl(req.url))
  return new Response(file.body, { headers: { 'content-type': file.contentType, 'content-disposition': `attachment; filename="${file.fileName}"` } })
})
