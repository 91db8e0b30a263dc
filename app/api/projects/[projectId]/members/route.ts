import { jsonBody, route } from '@/app/lib/route-handler'
import { inviteMember, listMembers } from '@/server/services/members/manage-members'

export const GET = route(({ ctx, actor, params }) => listMembers(ctx.db, actor, params.projectId))
export const POST = route(async ({ ctx, actor, params, req }) => inviteMember(ctx.db, actor, params.projectId, await jsonBody(req)))
