import { route } from '@/app/lib/route-handler'
import { getVersion } from '@/server/services/versions/get-version'

/** `?compare=now` adds what changed from the version to the transcript as it is now. */
export const GET = route(({ ctx, actor, params, req }) =>
  getVersion(ctx.db, ctx.live, actor, params.projectId, params.transcriptId, params.versionId, {
    compare: new URL(req.url).searchParams.get('compare') === 'now',
  }),
)
