import * as Y from 'yjs'

/**
 * Server-side check of an update sent on a `marks` connection (a coder's layer). A layer shares
 * every struct id with the canonical transcript and may only add or remove that coder's code
 * marks: anything else would make the layer's text diverge from the canonical text, or leak into
 * it, or let one coder write another's codes. Research: notes/realtime-sync.md §3.4 (validator).
 *
 * Marks are `ContentFormat` items (key `code--<hash>`, value = the mark's attrs, or null where a
 * mark ends) inside a Y.XmlText. A format item's parent is written explicitly only when it has no
 * neighbours; otherwise Yjs derives it from the origin, so the origin is looked up to make sure a
 * format item cannot land in a Y.Map slot (which would overwrite the slot's value) or in the root
 * fragment.
 */
export interface MarksContext {
  /** The server's replica of the room, before the update is applied. */
  doc: Y.Doc
  /** Client ids present in the canonical doc (empty for a room without a canonical doc). */
  canonicalClients: ReadonlyMap<number, unknown> | ReadonlySet<number>
  /** The connection's user: every code mark it writes must carry this `coderId`. */
  userId: string
  /** Required prefix of every format key. */
  keyPrefix?: string
}

type Struct = Y.Item | Y.GC | Y.Skip

/** Why `update` is not a marks-only change by `ctx.userId`, or null if it is one. */
export function findMarksOnlyViolation(ctx: MarksContext, update: Uint8Array): string | null {
  let decoded: { structs: Struct[]; ds: { clients: Map<number, Array<{ clock: number; len: number }>> } }
  try {
    decoded = Y.decodeUpdate(update) as typeof decoded
  } catch {
    return 'malformed update'
  }
  const { structs, ds } = decoded
  const ownStructs = new Map<number, Struct[]>()
  for (const s of structs) {
    if (s instanceof Y.Skip) continue
    const list = ownStructs.get(s.id.client) ?? []
    list.push(s)
    ownStructs.set(s.id.client, list)
  }
  const prefix = ctx.keyPrefix ?? 'code--'
  const seen = new Map<Struct, string | null>()
  for (const s of structs) {
    if (s instanceof Y.Skip) continue
    if (ctx.canonicalClients.has(s.id.client)) return 'struct uses a canonical client id'
    // Collected or deleted content of the client's own (e.g. removed marks re-sent after a
    // server restart) is inert, except that any item placed in a map slot deletes its value.
    if (s instanceof Y.GC) continue
    if (s instanceof Y.Item && s.content instanceof Y.ContentDeleted) {
      const parentProblem = findParentProblem(ctx, s, ownStructs, seen)
      if (parentProblem) return parentProblem
      continue
    }
    if (!(s instanceof Y.Item) || !(s.content instanceof Y.ContentFormat)) return 'non-format struct'
    const { key, value } = s.content
    if (!key.startsWith(prefix)) return `format key "${key.slice(0, 40)}" is not a code mark`
    if (value !== null) {
      if (typeof value !== 'object' || Array.isArray(value)) return 'code mark value is not an object'
      const { codeId, coderId } = value as Record<string, unknown>
      if (typeof codeId !== 'string' || codeId === '') return 'code mark without codeId'
      if (coderId !== ctx.userId) return 'code mark of another coder'
    }
    const parentProblem = findParentProblem(ctx, s, ownStructs, seen)
    if (parentProblem) return parentProblem
  }
  for (const [client, ranges] of ds.clients) {
    for (const { clock, len } of ranges) {
      const problem = findDeleteProblem(ctx, client, clock, clock + len, ownStructs.get(client) ?? [])
      if (problem) return problem
    }
  }
  return null
}

/**
 * Deletes may remove format items (own, or existing ones) and re-delete deleted content only.
 * Items the server has not seen yet are fine unless they are canonical: a client's update can
 * overtake its own earlier one lost with a dropped socket (re-sent in its next sync step 2), and
 * Yjs keeps such a delete pending until the items arrive, each of them checked on arrival. The
 * server's layer has every canonical item, so an unknown canonical item is a forgery.
 */
function findDeleteProblem(ctx: MarksContext, client: number, start: number, end: number, own: Struct[]): string | null {
  const doc = ctx.doc
  const list = doc.store.clients.get(client) as Array<Y.Item | Y.GC> | undefined
  const known = list ? Y.getState(doc.store, client) : 0
  let c = start
  while (c < end) {
    const mine = findOwn(own, c)
    if (mine) {
      c = mine.id.clock + mine.length // validated as a format item above
      continue
    }
    if (!list || c >= known) return ctx.canonicalClients.has(client) ? 'deletes unknown items' : null
    const it = list[Y.findIndexSS(list as never, c)]
    const harmless = it instanceof Y.GC || (it instanceof Y.Item && (it.deleted || it.content instanceof Y.ContentFormat))
    if (!harmless) return 'deletes a non-format item'
    c = it.id.clock + it.length
  }
  return null
}

/**
 * A format item must end up as a list item of a Y.Text / Y.XmlText. `seen` memoizes own structs
 * (a chain of origins inside one update is resolved once) and breaks forged origin cycles.
 */
function findParentProblem(
  ctx: MarksContext,
  s: Y.Item,
  own: Map<number, Struct[]>,
  seen: Map<Struct, string | null>,
): string | null {
  if (seen.has(s)) return seen.get(s) ?? null
  seen.set(s, 'origin cycle')
  const problem = resolveParentProblem(ctx, s, own, seen)
  seen.set(s, problem)
  return problem
}

function resolveParentProblem(
  ctx: MarksContext,
  s: Y.Item,
  own: Map<number, Struct[]>,
  seen: Map<Struct, string | null>,
): string | null {
  const doc = ctx.doc
  // Like deletes (above): Yjs keeps an item pending until its neighbour or parent arrives, and a
  // non-canonical one can only arrive through this check; a canonical one the layer lacks is forged.
  const unknown = (id: Y.ID, problem: string) => (ctx.canonicalClients.has(id.client) ? problem : null)
  const parent = s.parent as unknown
  if (typeof parent === 'string') {
    // A root type: only a root Y.Text could hold marks, and transcripts have none.
    return doc.share.get(parent) instanceof Y.Text && s.parentSub === null ? null : 'format outside a text'
  }
  if (parent instanceof Y.ID) {
    if (s.parentSub !== null) return 'format in a map slot'
    const owner = findStruct(doc, own, parent)
    if (owner === undefined) return unknown(parent, 'unknown parent')
    if (owner instanceof Y.GC) return null // parent already collected: Yjs drops the item
    if (owner instanceof Y.Item && owner.content instanceof Y.ContentType && owner.content.type instanceof Y.Text) return null
    return 'format outside a text'
  }
  // No parent info: Yjs takes parent and parentSub from the left, else the right neighbour.
  const neighbourId = s.origin ?? s.rightOrigin
  if (!neighbourId) return 'format without parent'
  const neighbour = findStruct(doc, own, neighbourId)
  if (neighbour === undefined || neighbour instanceof Y.Skip) return unknown(neighbourId, 'unknown origin')
  if (neighbour instanceof Y.GC) return null // neighbour collected: Yjs drops the item
  if (findOwn(own.get(neighbour.id.client) ?? [], neighbour.id.clock) === neighbour) {
    return findParentProblem(ctx, neighbour, own, seen)
  }
  if (neighbour.parentSub !== null) return 'format in a map slot'
  return neighbour.parent instanceof Y.Text ? null : 'format outside a text'
}

/** The struct of the update covering `clock` (`list` is one client's structs, sorted by clock). */
function findOwn(list: Struct[], clock: number): Struct | undefined {
  let lo = 0
  let hi = list.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const s = list[mid]
    if (clock < s.id.clock) hi = mid - 1
    else if (clock >= s.id.clock + s.length) lo = mid + 1
    else return s
  }
  return undefined
}

/** The struct containing `id`, from the update itself or the doc; undefined if neither has it. */
function findStruct(doc: Y.Doc, own: Map<number, Struct[]>, id: Y.ID): Struct | undefined {
  const mine = findOwn(own.get(id.client) ?? [], id.clock)
  if (mine) return mine
  if (id.clock >= Y.getState(doc.store, id.client)) return undefined
  const list = doc.store.clients.get(id.client) as Array<Y.Item | Y.GC>
  return list[Y.findIndexSS(list as never, id.clock)]
}
