import { route } from '@/app/lib/route-handler'
import { revokeAccessToken } from '@/server/services/tokens/manage-tokens'

export const DELETE = route(({ ctx, actor, params }) => revokeAccessToken(ctx.db, actor!, params.tokenId))
