import { eq } from 'drizzle-orm'
import { z } from 'zod'
import type { Db } from '../../../db/client'
import { users } from '../../../db/schema'
import { hashPassword } from '../../auth/password'
import { badInput, ConcordError, problemsFromZod } from '../../errors'
import { newId } from '../../ids'

export const signUpSchema = z.object({
  email: z.string().trim().toLowerCase().email('Enter a valid email address.'),
  name: z.string().trim().min(1, 'Enter your name.').max(120),
  password: z.string().min(8, 'Use at least 8 characters for the password.').max(200),
})
export type SignUpInput = z.infer<typeof signUpSchema>

/** Creates an account with a scrypt-hashed password. */
export async function signUp(db: Db, input: unknown) {
  const parsed = signUpSchema.safeParse(input)
  if (!parsed.success) throw badInput('Please correct the sign-up form.', problemsFromZod(parsed.error.issues))
  const { email, name, password } = parsed.data
  const existing = await db.select({ id: users.id }).from(users).where(eq(users.email, email)).limit(1)
  if (existing[0]) throw new ConcordError('conflict', 'An account with this email already exists. Sign in instead.')
  const id = newId()
  await db.insert(users).values({ id, email, name, passwordHash: await hashPassword(password) })
  return { id, email, name }
}
