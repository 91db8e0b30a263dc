/**
 * Integration-test harness: a fresh database (PGlite or Postgres), the app context the route
 * handlers read, actors with personal access tokens, and a way to call any route handler
 * module directly (no HTTP server, no Next build) exactly as Next would.
 */
import { ProjectEvents } from '../../server/events'
import { setAppContext, type AppContext, type LiveDocs } from '../../server/context'
import { readEnv } from '../../server/env'
import { signUp } from '../../server/services/users/sign-up'
import { createAccessToken } from '../../server/services/tokens/manage-tokens'
import { createTestDb, type Backend } from './test-db'
import type { DbHandle } from '../../db/client'

export interface TestUser {
  id: string
  email: string
  token: string
}

export interface TestApp {
  ctx: AppContext
  handle: DbHandle
  /** Creates an account with a personal access token. */
  user(name?: string): Promise<TestUser>
  close(): Promise<void>
}

let counter = 0

export async function createTestApp(backend: Backend = 'pglite', options: { live?: LiveDocs | null } = {}): Promise<TestApp> {
  const handle = await createTestDb(backend)
  const ctx: AppContext = {
    env: readEnv({ NODE_ENV: 'test', DATA_DIR: '/tmp/concord-unused' }),
    db: handle.db,
    dbKind: handle.kind,
    authSecret: 'test-secret-test-secret-test-secret',
    live: options.live ?? null,
    events: new ProjectEvents(),
  }
  setAppContext(ctx)
  return {
    ctx,
    handle,
    async user(name = 'user') {
      const email = `${name}-${++counter}-${Date.now()}@test.concord`
      const u = await signUp(handle.db, { email, name, password: 'password-123' })
      const { token } = await createAccessToken(handle.db, { userId: u.id }, { name: 'test' })
      return { id: u.id, email, token }
    },
    async close() {
      setAppContext(undefined)
      await handle.close()
    },
  }
}

type RouteModule = Record<string, unknown>

/** Calls `method` of a route module with a Request built from the arguments; returns status and JSON. */
export async function callRoute(
  mod: RouteModule,
  method: string,
  options: { params?: Record<string, string>; token?: string | null; body?: unknown; url?: string; headers?: Record<string, string>; form?: FormData } = {},
): Promise<{ status: number; body: any }> {
  const handler = mod[method] as ((req: Request, seg: { params: Promise<Record<string, string>> }) => Promise<Response>) | undefined
  if (!handler) throw new Error(`route has no ${method}`)
  const headers: Record<string, string> = { ...(options.headers ?? {}) }
  if (options.token) headers.authorization = `Bearer ${options.token}`
  let body: BodyInit | undefined
  if (options.form) body = options.form
  else if (options.body !== undefined) {
    headers['content-type'] = 'application/json'
    body = JSON.stringify(options.body)
  }
  const req = new Request(options.url ?? 'http://localhost/test', { method, headers, body })
  const res = await handler(req, { params: Promise.resolve(options.params ?? {}) })
  const text = await res.text()
  let json: any = null
  try {
    json = text ? JSON.parse(text) : null
  } catch {
    json = text
  }
  return { status: res.status, body: json }
}
