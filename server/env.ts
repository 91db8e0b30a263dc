/** The one reader of process.env, parsed at start so a bad setting fails loudly and early. */
import { z } from 'zod'

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default('./data'),
  REDIS_URL: z.string().url().optional(),
  NEXTAUTH_SECRET: z.string().min(16).optional(),
  NEXTAUTH_URL: z.string().url().optional(),
  CONCORD_DEMO: z.enum(['0', '1']).default('1'),
  /** Comma-separated extra origins allowed to open /collab sockets. */
  CONCORD_ALLOWED_ORIGINS: z.string().default(''),
  GITHUB_ID: z.string().optional(),
  GITHUB_SECRET: z.string().optional(),
})

export type Env = z.infer<typeof envSchema>

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const clean = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ''))
  const parsed = envSchema.safeParse(clean)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')
    throw new Error(`Concord: invalid environment\n${lines}`)
  }
  return parsed.data
}
