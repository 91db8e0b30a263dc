/**
 * Builds the whole Concord process without deciding how it is run: database + migrations,
 * demo seed, realtime sync server, Next request handler, one HTTP server. `server/index.ts`
 * runs it from the command line; e2e tests start it on port 0.
 */
import { createServer, type Server } from 'node:http'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { randomBytes } from 'node:crypto'
import { openDb, type DbHandle } from '../db/client'
import { runMigrations } from '../db/migrate'
import { setAppContext, type AppContext } from './context'
import type { Env } from './env'
import { ProjectEvents } from './events'
import { startRealtime, type RealtimeHandle } from './realtime-wiring'
import { seedDemoIfEmpty } from './services/demo/seed-demo'
import { databaseLacksAutovacuum, startVacuumSchedule } from './services/maintenance/vacuum'

export interface ConcordServer {
  url: string
  port: number
  server: Server
  ctx: AppContext
  close(): Promise<void>
}

async function loadOrCreateSecret(env: Env): Promise<string> {
  if (env.NEXTAUTH_SECRET) return env.NEXTAUTH_SECRET
  // Embedded default: keep a generated secret beside the data so sessions survive restarts.
  const dir = resolve(env.DATA_DIR)
  await mkdir(dir, { recursive: true })
  const file = join(dir, '.auth-secret')
  try {
    return (await readFile(file, 'utf8')).trim()
  } catch {
    const secret = randomBytes(32).toString('base64url')
    await writeFile(file, secret, { mode: 0o600 })
    return secret
  }
}

export async function startConcord(env: Env, options: { dev?: boolean; log?: (line: string) => void; dir?: string } = {}): Promise<ConcordServer> {
  const log = options.log ?? ((l: string) => console.log(l))
  let dbHandle: DbHandle
  if (env.DATABASE_URL) {
    dbHandle = await openDb({ url: env.DATABASE_URL })
  } else {
    const dataDir = resolve(env.DATA_DIR)
    await mkdir(dataDir, { recursive: true })
    dbHandle = await openDb({ dataDir: join(dataDir, 'pglite') })
  }
  await runMigrations(dbHandle)
  const authSecret = await loadOrCreateSecret(env)
  process.env.NEXTAUTH_SECRET = authSecret // next-auth's own routes read it too

  const ctx: AppContext = { env, db: dbHandle.db, dbKind: dbHandle.kind, authSecret, live: null, events: new ProjectEvents() }
  setAppContext(ctx)

  if (env.CONCORD_DEMO === '1') {
    const created = await seedDemoIfEmpty(ctx.db)
    if (created) {
      log('Concord: created the demo project "' + created.projectName + '". Demo accounts (password "concord-demo"):')
      for (const a of created.accounts) log(`  ${a.email.padEnd(24)} ${a.role}`)
      log('  (set CONCORD_DEMO=0 on a public server)')
    }
  }

  const realtime: RealtimeHandle = await startRealtime(ctx)
  ctx.live = realtime.live
  // PGlite has no autovacuum of its own, and a Postgres may have it switched off (server/services/maintenance/vacuum.ts).
  const vacuum = (await databaseLacksAutovacuum(ctx.db, dbHandle.kind)) ? startVacuumSchedule(ctx.db) : null
  if (vacuum && dbHandle.kind === 'postgres') log('Concord: autovacuum is off on this Postgres; Concord vacuums its busy tables every 10 minutes.')

  const { default: next } = await import('next')
  const dev = options.dev ?? env.NODE_ENV !== 'production'
  const app = next({ dev, dir: options.dir ?? process.cwd(), hostname: 'localhost', port: env.PORT })
  const handle = app.getRequestHandler()
  await app.prepare()

  const server = createServer((req, res) => {
    handle(req, res).catch((err) => {
      console.error(err)
      if (!res.headersSent) res.writeHead(500).end('Internal error')
    })
  })
  // Idle keep-alive connections stay open longer than a proxy's or client's own idle timeout
  // (Node closes them after 5 s by default): otherwise a client that reuses a connection just as
  // the server closes it gets "socket hang up" (seen in the browser tests' API requests).
  server.keepAliveTimeout = 65_000
  server.headersTimeout = 66_000
  // Only /collab/* is ours; Next attaches its own upgrade listener (dev HMR on /_next/hmr).
  server.on('upgrade', (req, socket, head) => {
    realtime.handleUpgrade(req, socket, head)
  })
  await new Promise<void>((ok) => server.listen(env.PORT, env.HOST, ok))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : env.PORT
  const url = `http://localhost:${port}`

  let closing: Promise<void> | null = null
  const close = () =>
    (closing ??= (async () => {
      try {
        await realtime.close() // rejects if some document could not be written: still close the rest
      } finally {
        await vacuum?.stop()
        server.closeAllConnections?.()
        await new Promise<void>((ok) => server.close(() => ok()))
        await app.close?.()
        setAppContext(undefined)
        await dbHandle.close()
      }
    })())
  return { url, port, server, ctx, close }
}
