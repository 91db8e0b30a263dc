/**
 * The running server's shared state. The custom server (server/index.ts) builds it once and
 * puts it on globalThis, because Next bundles route handlers and pages into a separate module
 * graph: a module-level singleton would be created twice, and PGlite must be opened only once.
 */
import type { Db } from '../db/client'
import type { Env } from './env'

/** A coding as plain data (offsets into the transcript's plain text, end exclusive). */
export interface PlainCoding {
  codeId: string
  coderId: string
  start: number
  end: number
}

/**
 * Changes to live documents, with plain data in and out: the implementation lives in the
 * server's module graph (one copy of Yjs), while callers may live in Next's bundles.
 * Every change goes through Yjs, so connected clients see it at once and it is persisted.
 */
export interface LiveDocs {
  /** Add and remove code marks in a document (canonical `t/…` or layer `l/…/…`). */
  editCodings(room: string, edit: { add?: PlainCoding[]; remove?: PlainCoding[] }): Promise<void>
  /** Rewrite every coding of a document: return the replacement, the same object, or null to remove. */
  mapCodings(room: string, fn: (c: PlainCoding) => PlainCoding | null): Promise<number>
  /** The document's text, paragraphs and codings now. */
  readProjection(room: string): Promise<import('./domain/editor/types').DocProjection>
  /** The document's full state (Y.encodeStateAsUpdate). */
  readState(room: string): Promise<Uint8Array>
  /** Apply a Yjs update as a forward edit (version restore). */
  applyUpdate(room: string, update: Uint8Array): Promise<void>
  /**
   * Writes the codings projection of the project's documents that have changes waiting for it
   * (live rooms project 300 ms after a pause, or every 20 s while people keep typing). Services
   * call it before they read codings rows, so what they read includes every edit this server
   * had received when they asked.
   */
  settleCodings(projectId: string): Promise<void>
  /** Close sockets whose grant may have changed (reveal, role change, removal). */
  recheckAccess(): Promise<void>
}

export interface AppContext {
  env: Env
  db: Db
  dbKind: 'pglite' | 'postgres'
  authSecret: string
  live: LiveDocs | null
  /** Publishes a small "something changed" event to the project's listeners (SSE). */
  events: import('./events').ProjectEvents
}

const KEY = Symbol.for('concord.app-context')
type Holder = { [KEY]?: AppContext }

export function setAppContext(ctx: AppContext | undefined): void {
  ;(globalThis as Holder)[KEY] = ctx
}

export function getAppContext(): AppContext {
  const ctx = (globalThis as Holder)[KEY]
  if (!ctx) throw new Error('Concord: server context missing — start the app with `npm start` (server/index.ts), not `next start`.')
  return ctx
}
