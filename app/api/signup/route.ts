import { jsonBody, route } from '@/app/lib/route-handler'
import { signUp } from '@/server/services/users/sign-up'
import { acceptPendingInvitations } from '@/server/services/members/manage-members'

export const POST = route(
  async ({ ctx, req }) => {
    const user = await signUp(ctx.db, await jsonBody(req))
    await acceptPendingInvitations(ctx.db, user.id, user.email)
    return user
  },
  { public: true },
)
