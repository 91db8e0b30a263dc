/** Server components: who is looking, and in which language. */
import { cookies, headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { getAppContext } from '@/server/context'
import { resolveActor } from '@/server/auth/actor'
import { eq } from 'drizzle-orm'
import { users } from '@/db/schema'
import { LOCALE_COOKIE, pickLocale, type Locale } from '@/app/i18n/locale'
import { dictionaries, translate, type MessageKey } from '@/app/i18n/messages'

export async function currentActor() {
  const ctx = getAppContext()
  const h = await headers()
  return resolveActor(ctx.db, ctx.authSecret, h)
}

export async function currentUser() {
  const actor = await currentActor()
  if (!actor) return null
  const rows = await getAppContext().db.select({ id: users.id, email: users.email, name: users.name }).from(users).where(eq(users.id, actor.userId))
  return rows[0] ?? null
}

export async function requireUser() {
  const user = await currentUser()
  if (!user) redirect('/signin')
  return user
}

export async function currentLocale(): Promise<Locale> {
  const c = await cookies()
  const h = await headers()
  return pickLocale(c.get(LOCALE_COOKIE)?.value, h.get('accept-language'))
}

export async function getT() {
  const locale = await currentLocale()
  const messages = dictionaries[locale]
  return { locale, messages, t: (key: MessageKey, vars?: Record<string, string | number>) => translate(messages, key, vars) }
}
