/** next-auth configuration: email + password (scrypt), optional GitHub OAuth, JWT sessions. */
import type { NextAuthOptions } from 'next-auth'
import CredentialsProvider from 'next-auth/providers/credentials'
import GitHubProvider from 'next-auth/providers/github'
import { eq } from 'drizzle-orm'
import { users } from '../../db/schema'
import { getAppContext } from '../context'
import { verifyPassword } from './password'
import { newId } from '../ids'

export function buildAuthOptions(): NextAuthOptions {
  const { db, authSecret, env } = getAppContext()
  const providers: NextAuthOptions['providers'] = [
    CredentialsProvider({
      name: 'Email',
      credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
      async authorize(credentials) {
        const email = String(credentials?.email ?? '').trim().toLowerCase()
        const password = String(credentials?.password ?? '')
        if (!email || !password) return null
        const rows = await db.select().from(users).where(eq(users.email, email)).limit(1)
        const user = rows[0]
        if (!user?.passwordHash) return null
        if (!(await verifyPassword(password, user.passwordHash))) return null
        return { id: user.id, email: user.email, name: user.name }
      },
    }),
  ]
  if (env.GITHUB_ID && env.GITHUB_SECRET) {
    providers.push(GitHubProvider({ clientId: env.GITHUB_ID, clientSecret: env.GITHUB_SECRET }))
  }
  return {
    secret: authSecret,
    // JWT sessions: the realtime server reads the same cookie on WebSocket upgrade.
    session: { strategy: 'jwt', maxAge: 30 * 24 * 3600 },
    pages: { signIn: '/signin' },
    providers,
    callbacks: {
      async signIn({ user, account }) {
        if (account?.provider === 'credentials') return true
        // OAuth: link to (or create) the account with the same verified email.
        const email = user.email?.toLowerCase()
        if (!email) return false
        const existing = await db.select().from(users).where(eq(users.email, email)).limit(1)
        if (!existing[0]) await db.insert(users).values({ id: newId(), email, name: user.name ?? email })
        return true
      },
      async jwt({ token, user, account }) {
        if (user && account?.provider !== 'credentials' && user.email) {
          const rows = await db.select().from(users).where(eq(users.email, user.email.toLowerCase())).limit(1)
          if (rows[0]) token.sub = rows[0].id
        }
        return token
      },
      async session({ session, token }) {
        if (session.user && token.sub) (session.user as { id?: string }).id = token.sub
        return session
      },
    },
  }
}
