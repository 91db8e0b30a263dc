import { route } from '@/app/lib/route-handler'
import { restoreVersion } from '@/server/services/versions/restore-version'

export const POST = route(async ({ ctx, actor, params }) => {
  const result = await restoreVersion(ctx.db, ctx.live, actor, params.projectId, params.transcriptId, params.versionId)
  ctx.events.publish(params.projectId, 'versions')
  return result
})
