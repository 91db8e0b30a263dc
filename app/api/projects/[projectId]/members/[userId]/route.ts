import { jsonBody, route } from '@/app/lib/route-handler'
import { changeMemberRole, removeMember } from '@/server/services/members/manage-members'

export const PATCH = route(async ({ ctx, actor, params, req }) => changeMemberRole(ctx.db, actor, params.projectId, params.userId, await jsonBody(req)))
export const DELETE = route(({ ctx, actor, params }) => removeMember(ctx.db, actor, params.projectId, params.userId))
