/**
 * Bench-only entry: Concord's sync server as it runs in production (authentication with
 * personal access tokens, room authorization, Drizzle persistence, the codings projection and
 * automatic checkpoints), without Next. Started by bench/sync.ts as a child process:
 *
 *   serve  (default)  open the database (PGlite in BENCH_DATA_DIR, or Postgres at
 *                     BENCH_DATABASE_URL / DATABASE_URL), migrate, create a project with users,
 *                     tokens and transcripts through the services, then `startRealtime(ctx)` on
 *                     an HTTP server on port 0; prints `{ port, base, setup }` as one JSON line.
 *   verify            open the same database in a fresh process and read the listed rooms from
 *                     the DocStore (what a restarted server would serve).
 *
 *   npx tsx bench/sync-server-ours.ts [serve] [--rooms 20] [--users 10]
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { randomBytes } from 'node:crypto'
import { eq, sql } from 'drizzle-orm'
import * as Y from 'yjs'
import { openDb, type DbHandle } from '../db/client'
import { runMigrations } from '../db/migrate'
import { codes } from '../db/schema'
import type { AppContext } from '../server/context'
import { readEnv } from '../server/env'
import { ProjectEvents } from '../server/events'
import { textRoom } from '../server/realtime-rooms'
import { startRealtime } from '../server/realtime-wiring'
import { createDrizzleDocStore } from '../server/services/documents/drizzle-doc-store'
import { inviteMember } from '../server/services/members/manage-members'
import { createProject } from '../server/services/projects/create-project'
import { createAccessToken } from '../server/services/tokens/manage-tokens'
import { importTranscript } from '../server/services/transcripts/import-transcript'
import { signUp } from '../server/services/users/sign-up'
import { benchTranscriptText, startProbe, tellParent, toBase64, type OursSetup, type ToServer } from './sync-fixture'

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? Number(process.argv[i + 1]) : fallback
}

async function openBenchDb(): Promise<{ handle: DbHandle; database: string }> {
  const url = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL
  if (url) return { handle: await openDb({ url }), database: 'postgres' }
  const dataDir = process.env.BENCH_DATA_DIR
  if (!dataDir) throw new Error('set BENCH_DATA_DIR (PGlite directory) or BENCH_DATABASE_URL')
  return { handle: await openDb({ dataDir }), database: 'pglite' }
}

/** A project with `users` coders (one token each) and `rooms` transcripts, made through the services. */
async function seedBenchProject(handle: DbHandle, rooms: number, users: number): Promise<Omit<OursSetup, 'database'>> {
  const db = handle.db
  const stamp = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`
  const email = (who: string) => `${who}-${stamp}@bench.concord`
  const password = 'bench-password'
  const lead = await signUp(db, { email: email('lead'), name: 'Bench lead', password })
  const leadActor = { userId: lead.id }
  const { id: projectId } = await createProject(db, leadActor, { name: `Sync benchmark ${stamp}`, template: 'study' })
  const coders: OursSetup['users'] = []
  for (let u = 0; u < users; u++) {
    const user = await signUp(db, { email: email(`coder${u + 1}`), name: `Bench coder ${u + 1}`, password })
    await inviteMember(db, leadActor, projectId, { email: user.email, role: 'coder' })
    const { token } = await createAccessToken(db, { userId: user.id }, { name: 'sync benchmark' })
    coders.push({ userId: user.id, token })
  }
  const roomNames: string[] = []
  for (let r = 0; r < rooms; r++) {
    const t = await importTranscript(db, leadActor, projectId, {
      meta: { title: `Bench interview ${r + 1}` },
      text: benchTranscriptText(r),
    })
    roomNames.push(textRoom(t.id))
  }
  const codeRows = await db.select({ id: codes.id, parentId: codes.parentId }).from(codes).where(eq(codes.projectId, projectId))
  const leaves = codeRows.filter((c) => !codeRows.some((o) => o.parentId === c.id)).map((c) => c.id)
  return { projectId, rooms: roomNames, users: coders, codeIds: leaves.slice(0, 12) }
}

async function serve() {
  const started = performance.now()
  const { handle, database } = await openBenchDb()
  await runMigrations(handle)
  const setup: OursSetup = { ...(await seedBenchProject(handle, arg('rooms', 20), arg('users', 10))), database }
  const ctx: AppContext = {
    env: readEnv({ NODE_ENV: 'production', CONCORD_DEMO: '0' }), // no Redis: one instance
    db: handle.db,
    dbKind: handle.kind,
    authSecret: randomBytes(32).toString('base64url'),
    live: null,
    events: new ProjectEvents(),
  }
  const realtime = await startRealtime(ctx)
  await realtime.caughtUp // rooms earlier runs left with tails are projected before the clients come
  ctx.live = realtime.live
  const http = createServer((_req, res) => res.writeHead(404).end())
  http.on('upgrade', (req, socket, head) => {
    if (!realtime.handleUpgrade(req, socket, head)) socket.destroy()
  })
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
  const { port } = http.address() as AddressInfo
  const base = `ws://127.0.0.1:${port}/collab`
  const probe = startProbe('ours')
  // The wiring publishes 'codings' after each projection it writes (onDocChanged).
  let projections = 0
  ctx.events.subscribe(setup.projectId, (event) => {
    if (event.topic === 'codings') projections++
  })
  const counters = async () => {
    const result = (await handle.db.execute(sql`select last_value from yjs_updates_id_seq`)) as unknown as { rows: { last_value: string | number }[] }
    return { appends: Number(result.rows[0]?.last_value ?? 0), projections }
  }
  console.log(JSON.stringify({ port, base, setup }))
  void tellParent({ type: 'ready', port, base, setup, setupMs: performance.now() - started })

  let stopping = false
  const stop = async () => {
    if (stopping) return
    stopping = true
    await realtime.close() // writes every pending update (SYNC17)
    http.closeAllConnections()
    await new Promise<void>((resolve) => http.close(() => resolve()))
    await handle.close()
    await tellParent({ type: 'stopped', states: {} })
    process.exit(0)
  }
  process.on('message', (message: ToServer) => {
    if (message.type === 'sample') {
      void Promise.all([probe.sample(message.profile), counters()]).then(([sample, counted]) => tellParent({ type: 'sample', sample: { ...sample, ...counted } }))
    }
    else if (message.type === 'stop') stop().catch(fail)
  })
  process.on('disconnect', () => void stop().catch(fail)) // the parent is gone
  process.on('SIGTERM', () => void stop().catch(fail))
  process.on('SIGINT', () => void stop().catch(fail))
}

async function verify() {
  const { handle } = await openBenchDb()
  const store = createDrizzleDocStore(handle.db)
  process.on('message', (message: ToServer) => {
    if (message.type !== 'verify') return
    void (async () => {
      const states: Record<string, string> = {}
      for (const room of message.rooms) {
        const doc = new Y.Doc()
        for (const update of (await store.load(room)).updates) Y.applyUpdate(doc, update)
        states[room] = toBase64(Y.encodeStateAsUpdate(doc))
        doc.destroy()
      }
      await handle.close()
      await tellParent({ type: 'verified', states })
      process.exit(0)
    })().catch(fail)
  })
  process.on('disconnect', () => process.exit(1))
  void tellParent({ type: 'ready', port: 0, base: '', setup: null, setupMs: 0 })
}

function fail(error: unknown) {
  console.error(error)
  void tellParent({ type: 'failed', message: error instanceof Error ? error.message : String(error) }).then(() => process.exit(1))
}

;(process.argv[2] === 'verify' ? verify() : serve()).catch(fail)
