import { jsonBody, route } from '@/app/lib/route-handler'
import { createVersion } from '@/server/services/versions/create-version'
import { listVersions } from '@/server/services/versions/list-versions'

export const GET = route(({ ctx, actor, params }) => listVersions(ctx.db, actor, params.projectId, params.transcriptId))
export const POST = route(async ({ ctx, actor, params, req }) => {
  const version = await createVersion(ctx.db, ctx.live, actor, params.projectId, params.transcriptId, await jsonBody(req))
  ctx.events.publish(params.projectId, 'versions')
  return version
})
