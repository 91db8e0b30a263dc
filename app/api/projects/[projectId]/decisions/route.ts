import { route } from '@/app/lib/route-handler'
import { exportDecisionsCsv, listDecisions } from '@/server/services/disputes/list-decisions'

/** The decision log; `?format=csv` downloads it as CSV (UTF-8 with BOM, so Excel reads Chinese). */
export const GET = route(async ({ ctx, actor, params, req }) => {
  const url = new URL(req.url)
  if (url.searchParams.get('format') !== 'csv') return listDecisions(ctx.db, actor, params.projectId)
  const csv = await exportDecisionsCsv(ctx.db, actor, params.projectId, url.searchParams.get('locale') === 'en' ? 'en' : 'zh')
  return new Response('\uFEFF' + csv, { headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="decisions.csv"' } })
})
