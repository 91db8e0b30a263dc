import { route } from '@/app/lib/route-handler'
import { attachmentHeader, exportFit } from '@/server/services/fit/export-fit'

/** `?format=csv|xlsx|docx&lang=zh|en[&table=summary]`: the case tables and cross-case summary as a file. */
export const GET = route(async ({ ctx, actor, params, req }) => {
  const file = await exportFit(ctx.db, actor, params.projectId, Object.fromEntries(new URL(req.url).searchParams), ctx.live)
  return new Response(Buffer.from(file.body), {
    headers: { 'content-type': file.contentType, 'content-disposition': attachmentHeader(file.fileName), 'cache-control': 'no-store' },
  })
})
