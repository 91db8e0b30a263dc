import NextAuth from 'next-auth'
import { buildAuthOptions } from '@/server/auth/options'

export const dynamic = 'force-dynamic'

// Options are built per request because they read the running server's context (database, secret).
const handler = (req: Request, ctx: { params: Promise<{ nextauth: string[] }> }) => NextAuth(req as never, ctx as never, buildAuthOptions())
export { handler as GET, handler as POST }
