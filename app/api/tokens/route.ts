import { jsonBody, route } from '@/app/lib/route-handler'
import { createAccessToken, listAccessTokens } from '@/server/services/tokens/manage-tokens'

export const GET = route(({ ctx, actor }) => listAccessTokens(ctx.db, actor!))
export const POST = route(async ({ ctx, actor, req }) => {
  const { id, token, name } = await createAccessToken(ctx.db, actor!, await jsonBody(req))
  return { id, token, name }
})
