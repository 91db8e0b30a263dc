import { route } from '@/app/lib/route-handler'
import { acceptInvitation } from '@/server/services/members/manage-members'

export const POST = route(({ ctx, actor, params }) => acceptInvitation(ctx.db, actor, params.token))
