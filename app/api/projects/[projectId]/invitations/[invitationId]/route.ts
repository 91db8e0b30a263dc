import { route } from '@/app/lib/route'
import { revokeInvitation } from '@/server/services/members/manage-members'

export const DELETE = route(({ ctx, actor, params }) => revokeInvitation(ctx.db, actor, params.projectId, params.invitationId))
