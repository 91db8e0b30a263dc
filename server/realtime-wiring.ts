/**
 * Connects the sync server (server/realtime, a library) to Concord: authentication on upgrade,
 * room authorization, Drizzle persistence, the codings projection, Redis fan-out, and the
 * plain-data LiveDocs API that services use to change documents.
 */
import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { eq } from 'drizzle-orm'
import * as Y from 'yjs'
import { transcripts } from '../db/schema'
import type { AppContext, LiveDocs, PlainCoding } from './context'
import { nodeHeaders, resolveActor } from './auth/actor'
import { ConcordError } from './errors'
import { createKeyedThrottle } from './keyed-throttle'
import { addCodingsToDoc, removeCodingFromDoc } from './domain/editor/build-doc'
import { projectDoc } from './domain/editor/project-codings'
import { parseRoom } from './realtime-rooms'
import { createRedisFanout, createSerialQueue, createSyncServer, type Fanout } from './realtime'
import { createAutoCheckpointer } from './services/documents/auto-checkpoint'
import { createDrizzleDocStore } from './services/documents/drizzle-doc-store'
import { saveDocProjection } from './services/documents/save-projection'
import { authorizeRoom } from './services/realtime/authorize-room'

export interface RealtimeHandle {
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean
  live: LiveDocs
  /** Resolves when the rooms left with unprojected changes at start are projected (logged, never rejects). */
  caughtUp: Promise<void>
  close(): Promise<void>
}

/** Same-origin sockets only (plus configured origins): stops cross-site WebSocket hijacking. */
function originAllowed(req: IncomingMessage, extra: string[]): boolean {
  const origin = req.headers.origin
  if (!origin) return true // non-browser clients (scripts) send no Origin; they authenticate with tokens
  if (extra.includes(origin)) return true
  try {
    return new URL(origin).host === req.headers.host
  } catch {
    return false
  }
}

/** `docChanged*`: when live rooms project their codings (defaults 300 ms after a pause, every 20 s while typing; tests set them). */
export async function startRealtime(ctx: AppContext, options: { docChangedDelayMs?: number; docChangedMaxWaitMs?: number } = {}): Promise<RealtimeHandle> {
  const { db } = ctx
  const extraOrigins = [ctx.env.NEXTAUTH_URL ? new URL(ctx.env.NEXTAUTH_URL).origin : '', ...ctx.env.CONCORD_ALLOWED_ORIGINS.split(',')]
    .map((s) => s.trim())
    .filter(Boolean)
  // transcript → its project, or null once it is known not to exist (ids are never reused)
  const projectOfTranscript = new Map<string, string | null>()
  const projectOfRoom = async (room: string): Promise<string | null> => {
    const parsed = parseRoom(room)
    if (!parsed) return null
    if (parsed.kind === 'summary') return parsed.projectId
    const cached = projectOfTranscript.get(parsed.transcriptId)
    if (cached !== undefined) return cached
    const rows = await db.select({ projectId: transcripts.projectId }).from(transcripts).where(eq(transcripts.id, parsed.transcriptId))
    projectOfTranscript.set(parsed.transcriptId, rows[0]?.projectId ?? null)
    return rows[0]?.projectId ?? null
  }

  // Projections of different rooms run one after another: rooms that got busy together fall due
  // together, and twenty concurrent projection transactions only contend (for the event loop and
  // the database's cores) without finishing sooner.
  const oneAtATime = createSerialQueue()

  const checkpoint = createAutoCheckpointer(db, {
    onSaved: (room) => void projectOfRoom(room).then((projectId) => projectId && ctx.events.publish(projectId, 'versions')),
  })

  const publishAskedCodings = createKeyedThrottle(5000, (projectId) => ctx.events.publish(projectId, 'codings'))

  const fanout: Fanout | undefined = ctx.env.REDIS_URL ? createRedisFanout({ url: ctx.env.REDIS_URL }) : undefined

  const sync = createSyncServer({
    store: createDrizzleDocStore(db),
    fanout,
    docChangedDelayMs: options.docChangedDelayMs,
    docChangedMaxWaitMs: options.docChangedMaxWaitMs,
    async authorize(req, room) {
      if (!originAllowed(req, extraOrigins)) throw new ConcordError('forbidden', 'Cross-origin connection refused.')
      const url = new URL(req.url ?? '/', 'http://localhost')
      const actor = await resolveActor(db, ctx.authSecret, nodeHeaders(req.headers), url.searchParams.get('token'))
      const grant = await authorizeRoom(db, actor, room)
      return { userId: grant.userId, mode: grant.mode }
    },
    async onDocChanged(room, doc, { asked, catchUp }) {
      const projectId = await projectOfRoom(room)
      if (!projectId) return
      // Matrix summaries: pages showing them refetch on 'fit'.
      if (parseRoom(room)?.kind === 'summary') return ctx.events.publish(projectId, 'fit')
      await oneAtATime(async () => {
        // Let pending socket messages through first: PGlite runs each query synchronously on this
        // thread, and busy rooms' projections tend to fall due together (bench/sync's p99).
        await new Promise<void>((resolve) => setImmediate(resolve))
        await saveDocProjection(db, projectId, room, doc)
      })
      // A run a reader asked for (it reads the rows next) tells other pages at most every 5 s: each
      // open page that refetches on 'codings' asks again, and while anyone types that would
      // re-project the project's busy rooms every second.
      // The catch-up at start (one run per room left with a tail) goes the same way: one event.
      if (asked || catchUp) publishAskedCodings.call(projectId)
      else ctx.events.publish(projectId, 'codings')
      // Version history: an automatic checkpoint at most every 10 minutes while it changes (a
      // catch-up run after a load is no change: a document nobody edits gets no checkpoints).
      if (!catchUp) await checkpoint(room, doc).catch((e) => console.error('auto checkpoint failed', room, e))
    },
  })

  const snapshotDoc = async (room: string) => {
    const doc = new Y.Doc()
    Y.applyUpdate(doc, await sync.readDocState(room))
    return doc
  }
  const reproject = async (room: string) => {
    const projectId = await projectOfRoom(room)
    if (!projectId) return
    const doc = await snapshotDoc(room)
    await saveDocProjection(db, projectId, room, doc)
    doc.destroy()
    ctx.events.publish(projectId, 'codings')
  }

  const live: LiveDocs = {
    async editCodings(room, edit) {
      await sync.updateDoc(room, (doc) => {
        for (const c of edit.remove ?? []) removeCodingFromDoc(doc, c)
        if (edit.add?.length) addCodingsToDoc(doc, edit.add)
      })
      await reproject(room)
    },
    async mapCodings(room, fn) {
      let changed = 0
      await sync.updateDoc(room, (doc) => {
        const current = projectDoc(doc.getXmlFragment('default')).codings
        const add: PlainCoding[] = []
        for (const c of current) {
          const plain = { codeId: c.codeId, coderId: c.coderId, start: c.start, end: c.end }
          const next = fn(plain)
          if (next && next.codeId === plain.codeId && next.coderId === plain.coderId && next.start === plain.start && next.end === plain.end) continue
          removeCodingFromDoc(doc, plain)
          if (next) add.push(next)
          changed++
        }
        if (add.length) addCodingsToDoc(doc, add)
      })
      await reproject(room)
      return changed
    },
    async readProjection(room) {
      const doc = await snapshotDoc(room)
      const p = projectDoc(doc.getXmlFragment('default'))
      doc.destroy()
      return p
    },
    readState: (room) => sync.readDocState(room),
    async applyUpdate(room, update) {
      await sync.updateDoc(room, (doc) => Y.applyUpdate(doc, update))
      await reproject(room)
    },
    async settleCodings(projectId) {
      const loaded = sync.getLoadedDocNames().filter((room) => {
        const kind = parseRoom(room)?.kind
        return kind === 'text' || kind === 'layer'
      })
      const projects = await Promise.all(loaded.map(projectOfRoom))
      await sync.runPendingChanges(loaded.filter((_, i) => projects[i] === projectId))
    },
    async recheckAccess() {
      await sync.revokeAccess(() => true)
    },
  }

  // Codings a process wrote to the update log but never projected (it crashed, or was killed
  // during a 20 s backstop) reach the rows now, not when someone next opens the transcript:
  // statistics read the rows. In the background: the server serves meanwhile.
  const caughtUp = sync.catchUpStoredRooms().then(
    (rooms) => void (rooms.length > 0 && console.log(`realtime: projected ${rooms.length} document(s) left with unprojected changes`)),
    (error) => console.error('realtime: catching up stored documents failed', error),
  )

  return {
    handleUpgrade: (req, socket, head) => sync.handleUpgrade(req, socket, head),
    live,
    caughtUp,
    async close() {
      publishAskedCodings.stop()
      await sync.close()
      await caughtUp
      await fanout?.close?.()
    },
  }
}
