import { route } from '@/app/lib/route-handler'
import { revokeInvitation } from '@/server/services/members/manage-members'

export const DELETE = route(({ ctx, actor, params }) => revokeInvitation(ctx.db, actor, params.projectId, params.invitationId))
