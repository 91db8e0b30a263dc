import { route } from '@/app/lib/route-handler'
import { readLayers } from '@/server/services/rounds/read-layers'

export const GET = route(({ ctx, actor, params }) => readLayers(ctx.db, actor, params.projectId, params.transcriptId, ctx.live))
