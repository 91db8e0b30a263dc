/**
 * How `concord disputes` and `concord decisions` reach a project: directly in the database (the
 * services the app uses, acting as the account given with --as), or through a running server's
 * HTTP API with a personal access token (--url and --token, or CONCORD_URL and CONCORD_TOKEN).
 * Use the HTTP API while the server runs: the embedded database (PGlite) must not be opened by two
 * processes, and a decision written to the database directly bypasses the running sync server.
 */
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { eq } from 'drizzle-orm'
import { openDb } from '../../../db/client'
import { runMigrations } from '../../../db/migrate'
import { users } from '../../../db/schema'
import { readEnv } from '../../env'
import { badInput, ConcordError, type Problem } from '../../errors'
import type { Actor } from '../../services/access'
import { registerDbCloser } from '../close-db'

export interface DisputesListResult {
  items: Record<string, unknown>[]
  progress: { decided: number; total: number }
}

export interface ArbitrationClient {
  listDisputes(projectId: string, filter: Record<string, string>): Promise<DisputesListResult>
  decide(projectId: string, disputeId: string, body: Record<string, unknown>): Promise<Record<string, unknown>>
  refresh(projectId: string): Promise<Record<string, unknown>>
  listDecisions(projectId: string): Promise<Record<string, unknown>[]>
  decisionsCsv(projectId: string): Promise<string>
  /** An account id from an id or an email. */
  resolveUser(idOrEmail: string, projectId: string): Promise<string>
}

export interface ConnectionOptions {
  url?: string
  token?: string
  as?: string
}

/** Splits `--name value` / `--name=value` options; flags (no value) are listed in `flags`. */
export function readArgs(args: string[], known: string[], flags: string[] = []): { values: Record<string, string>; positional: string[]; problems: Problem[] } {
  const values: Record<string, string> = {}
  const positional: string[] = []
  const problems: Problem[] = []
  for (let i = 0; i < args.length; i++) {
    const a = args[i]
    if (!a.startsWith('--')) {
      positional.push(a)
      continue
    }
    const [flag, inline] = a.split(/=(.*)/s, 2)
    const name = flag.slice(2)
    if (flags.includes(name)) {
      values[name] = 'true'
      continue
    }
    if (!known.includes(name)) {
      problems.push({ path: flag, message: `unknown option (expected ${[...known, ...flags].map((k) => '--' + k).join(', ')}, --json)` })
      continue
    }
    const value = inline ?? args[++i]
    if (value === undefined || value.startsWith('--')) problems.push({ path: flag, message: 'needs a value' })
    else values[name] = value
  }
  return { values, positional, problems }
}

export const connectionOptions = ['project', 'url', 'token', 'as']

export async function connect(options: ConnectionOptions): Promise<ArbitrationClient> {
  const url = options.url ?? process.env.CONCORD_URL
  const token = options.token ?? process.env.CONCORD_TOKEN
  if (url) {
    if (!token) throw badInput('the HTTP API needs a personal access token', [{ path: '--token', message: 'required with --url (or set CONCORD_TOKEN); create one under Settings → Access tokens' }])
    return httpClient(url, token)
  }
  if (!options.as) throw badInput('say who is acting', [{ path: '--as', message: 'the email of your account (database access), or use --url and --token for a running server' }])
  return dbClient(options.as)
}

function httpClient(base: string, token: string): ArbitrationClient {
  const call = async (path: string, init: RequestInit = {}) => {
    const res = await fetch(new URL(path, base), { ...init, headers: { authorization: `Bearer ${token}`, ...(init.body ? { 'content-type': 'application/json' } : {}) } })
    if (!res.ok) {
      const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string; problems?: Problem[] } } | null
      const code = body?.error?.code as ConcordError['code'] | undefined
      throw new ConcordError(code ?? 'internal', body?.error?.message ?? `HTTP ${res.status}`, body?.error?.problems ?? [])
    }
    return res
  }
  const p = (projectId: string) => `/api/projects/${encodeURIComponent(projectId)}`
  return {
    async listDisputes(projectId, filter) {
      const { state, ...rest } = filter
      const all = (await (await call(`${p(projectId)}/disputes?${new URLSearchParams(rest)}`)).json()) as Record<string, unknown>[]
      return { items: state ? all.filter((d) => d.state === state) : all, progress: { decided: all.filter((d) => d.state === 'decided').length, total: all.length } }
    },
    async decide(projectId, disputeId, body) {
      return (await call(`${p(projectId)}/disputes/${encodeURIComponent(disputeId)}/decision`, { method: 'POST', body: JSON.stringify(body) })).json()
    },
    async refresh(projectId) {
      return (await call(`${p(projectId)}/disputes/refresh`, { method: 'POST', body: '{}' })).json()
    },
    async listDecisions(projectId) {
      return (await call(`${p(projectId)}/decisions`)).json()
    },
    async decisionsCsv(projectId) {
      return (await (await call(`${p(projectId)}/decisions?format=csv`)).text()).replace(/^\uFEFF/, '')
    },
    async resolveUser(idOrEmail, projectId) {
      if (!idOrEmail.includes('@')) return idOrEmail
      const members = (await (await call(`${p(projectId)}/members`)).json()) as { userId: string; email: string }[]
      const m = members.find((x) => x.email.toLowerCase() === idOrEmail.toLowerCase())
      if (!m) throw badInput('no such member', [{ path: '--coder', message: `${idOrEmail} is not a member of the project` }])
      return m.userId
    },
  }
}

async function dbClient(asEmail: string): Promise<ArbitrationClient> {
  const env = readEnv()
  const dataDir = join(resolve(env.DATA_DIR), 'pglite')
  if (!env.DATABASE_URL && !existsSync(dataDir)) {
    throw badInput('no database found', [{ path: 'DATA_DIR', message: `no embedded database in ${dataDir}: set DATA_DIR (or DATABASE_URL) to the server's, or use --url and --token` }])
  }
  const handle = env.DATABASE_URL ? await openDb({ url: env.DATABASE_URL }) : await openDb({ dataDir })
  registerDbCloser(() => handle.close())
  await runMigrations(handle)
  const db = handle.db
  const byEmail = async (email: string) => (await db.select({ id: users.id }).from(users).where(eq(users.email, email.trim().toLowerCase())))[0]?.id
  const actorId = await byEmail(asEmail)
  if (!actorId) throw badInput('no such account', [{ path: '--as', message: `no account with the email ${asEmail}` }])
  const actor: Actor = { userId: actorId }
  // Imported here so that `concord fit` and `concord agreement` never load the services.
  const { listDisputes } = await import('../../services/disputes/list-disputes')
  const { decideDispute } = await import('../../services/disputes/decide-dispute')
  const { refreshProjectDisputes } = await import('../../services/disputes/refresh-project-disputes')
  const { exportDecisionsCsv, listDecisions } = await import('../../services/disputes/list-decisions')
  return {
    listDisputes: (projectId, filter) => listDisputes(db, actor, projectId, filter),
    decide: (projectId, disputeId, body) => decideDispute(db, null, actor, projectId, disputeId, body),
    refresh: async (projectId) => ({ ...(await refreshProjectDisputes(db, null, actor, projectId, {})) }),
    listDecisions: (projectId) => listDecisions(db, actor, projectId),
    decisionsCsv: (projectId) => exportDecisionsCsv(db, actor, projectId),
    async resolveUser(idOrEmail) {
      if (!idOrEmail.includes('@')) return idOrEmail
      const id = await byEmail(idOrEmail)
      if (!id) throw badInput('no such account', [{ path: '--coder', message: `no account with the email ${idOrEmail}` }])
      return id
    },
  }
}
