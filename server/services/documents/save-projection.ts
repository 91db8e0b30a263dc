/**
 * Projects a transcript or layer document into relational rows: the transcript's plain text
 * and paragraphs (from the canonical doc) and its codings (per layer). Statistics, retrieval
 * and reports read these rows, never live docs.
 */
import { and, eq, isNull, sql } from 'drizzle-orm'
import type * as Y from 'yjs'
import type { Db } from '../../../db/client'
import { codings } from '../../../db/schema'
import { projectDoc } from '../../domain/editor/project-codings'
import type { DocProjection } from '../../domain/editor/types'
import { newId } from '../../ids'
import { parseRoom } from '../../realtime-rooms'

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0]

type CodingRow = { codeId: string; coderId: string; start: number; end: number; text: string }
type StoredRow = CodingRow & { id: string }

export interface CodingRowsPlan {
  /** Stored rows with no projected coding left for them (ids). */
  stale: string[]
  /** Stored rows whose coding moved or whose text changed: same code and coder, new place. */
  moved: { id: string; start: number; end: number; text: string }[]
  /** Projected codings with no stored row left for them. */
  fresh: CodingRow[]
}

/**
 * What to write to bring a room's stored codings rows to the projected codings. Rows equal in
 * code, coder, offsets and text are kept; equal codings may repeat (a multiset). Of the rest, a
 * stored row and a projected coding of the same code and coder are paired in offset order and
 * the row is updated in place (typing before a coded span shifts it: in a busy room that is
 * most of the changes, and an update of offsets and text touches no index, where a delete plus
 * an insert rewrote three indexes and checked the foreign key — bench/projection.ts). What is
 * left is deleted or inserted.
 */
export function planCodingRows(stored: readonly StoredRow[], projected: readonly CodingRow[]): CodingRowsPlan {
  const groupBy = <T>(items: Iterable<T>, keyOf: (item: T) => string) => {
    const groups = new Map<string, T[]>()
    for (const item of items) {
      const k = keyOf(item)
      const group = groups.get(k)
      if (group) group.push(item)
      else groups.set(k, [item])
    }
    return groups
  }
  const key = (c: CodingRow) => `${c.codeId}\u0000${c.coderId}\u0000${c.start}\u0000${c.end}\u0000${c.text}`
  // Ties go by row id, so the plan does not depend on the order the database returned the rows in.
  const unmatched = groupBy([...stored].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)), key)
  const unpaired: CodingRow[] = []
  for (const c of projected) {
    const rows = unmatched.get(key(c))
    if (rows?.length) rows.shift()
    else unpaired.push(c)
  }
  const byCodeAndCoder = <T extends CodingRow>(items: Iterable<T>) => {
    const groups = groupBy(items, (item) => `${item.codeId}\u0000${item.coderId}`)
    for (const group of groups.values()) group.sort((a, b) => a.start - b.start || a.end - b.end)
    return groups
  }
  const left = byCodeAndCoder([...unmatched.values()].flat())
  const plan: CodingRowsPlan = { stale: [], moved: [], fresh: [] }
  for (const [k, codingsOfGroup] of byCodeAndCoder(unpaired)) {
    const rows = left.get(k) ?? []
    codingsOfGroup.forEach((c, i) => {
      const row = rows[i]
      if (row) plan.moved.push({ id: row.id, start: c.start, end: c.end, text: c.text })
      else plan.fresh.push(c)
    })
    left.delete(k)
    plan.stale.push(...rows.slice(codingsOfGroup.length).map((r) => r.id))
  }
  for (const rows of left.values()) plan.stale.push(...rows.map((r) => r.id))
  return plan
}

/** The text row of a transcript's canonical room: written with its codings, in the same statement. */
interface TextRow {
  text: string
  paragraphs: { start: number; end: number; speaker: string | null }[]
}

/**
 * One statement for the whole plan (and, for a transcript's text room, its text row and
 * character count), with each column as one array parameter: its text is the same whatever the
 * number of rows (drizzle's multi-row VALUES built a parameter per cell, which was most of a
 * projection's CPU on both sides, and would hit Postgres's 65,535-parameter limit on a
 * transcript with several thousand codings), and one round trip instead of four.
 */
function writeProjectionSql(plan: CodingRowsPlan, room: { projectId: string; transcriptId: string; layer: string; owner: string | null }, textRow: TextRow | null) {
  const { moved, stale, fresh } = plan
  const ids = fresh.map(() => newId())
  const array = (values: unknown[]) => sql.param(values)
  const text = textRow
    ? sql`, text_row as (
      insert into transcript_texts (transcript_id, text, paragraphs) values (${room.transcriptId}, ${textRow.text}, ${JSON.stringify(textRow.paragraphs)}::jsonb)
      on conflict (transcript_id) do update set text = excluded.text, paragraphs = excluded.paragraphs, updated_at = now()
      -- a mark change leaves the text as it was: no new row version
      where transcript_texts.text is distinct from excluded.text or transcript_texts.paragraphs is distinct from excluded.paragraphs
    ), char_count as (
      update transcripts set char_count = ${textRow.text.length} where id = ${room.transcriptId} and char_count is distinct from ${textRow.text.length}
    )`
    : sql``
  return sql`
    with moved as (
      update codings set start = m.start, "end" = m."end", text = m.text, updated_at = now()
      from unnest(${array(moved.map((m) => m.id))}::text[], ${array(moved.map((m) => m.start))}::int[],
                  ${array(moved.map((m) => m.end))}::int[], ${array(moved.map((m) => m.text))}::text[]) as m(id, start, "end", text)
      where codings.id = m.id
    ), stale as (
      delete from codings where id = any(${array(stale)}::text[])
    )${text}
    insert into codings (id, project_id, transcript_id, layer, layer_owner, code_id, coder_id, start, "end", text)
    select f.id, ${room.projectId}, ${room.transcriptId}, ${room.layer}, ${room.owner}::text, f.code_id, f.coder_id, f.start, f."end", f.text
    from unnest(${array(ids)}::text[], ${array(fresh.map((c) => c.codeId))}::text[], ${array(fresh.map((c) => c.coderId))}::text[],
                ${array(fresh.map((c) => c.start))}::int[], ${array(fresh.map((c) => c.end))}::int[],
                ${array(fresh.map((c) => c.text))}::text[]) as f(id, code_id, coder_id, start, "end", text)`
}

/**
 * Lets waiting socket messages through. PGlite runs on this thread and resolves each statement
 * without returning to the event loop, so a whole projection (the doc walk, then a transaction
 * of five statements: 10–20 ms in a busy room) was one task that every live message in every
 * room waited behind (bench/sync's p99 on PGlite). Split where the pieces are about equal. On
 * Postgres each statement waits for the network anyway; this costs a few microseconds.
 */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve))

export async function saveProjection(db: Db | Tx, projectId: string, room: string, projection: DocProjection): Promise<void> {
  const parsed = parseRoom(room)
  if (!parsed || parsed.kind === 'summary') return
  const { transcriptId } = parsed
  const layer: 'shared' | 'coder' = parsed.kind === 'text' ? 'shared' : 'coder'
  const owner = parsed.kind === 'layer' ? parsed.coderId : null
  const write = async (tx: Db | Tx) => {
    // One projection of a room at a time: the sync server's change hook and a service's
    // re-projection can run together, and under READ COMMITTED two delete-then-insert
    // transactions would both insert (duplicate codings rows on Postgres).
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${'projection:' + room}))`)
    const roomRows = and(eq(codings.transcriptId, transcriptId), eq(codings.layer, layer), owner ? eq(codings.layerOwner, owner) : isNull(codings.layerOwner))
    // A coder's layer is that coder's marks only. The layer doc is forked from the canonical doc,
    // so marks in the canonical doc (open coding, consensus) show through it; they are not the
    // coder's and must never count as theirs in agreement.
    const own = owner ? projection.codings.filter((c) => c.coderId === owner) : projection.codings
    const stored = await tx.select({ id: codings.id, codeId: codings.codeId, coderId: codings.coderId, start: codings.start, end: codings.end, text: codings.text }).from(codings).where(roomRows)
    const plan = planCodingRows(stored, own)
    await yieldToEventLoop()
    // Only the canonical room carries the transcript's text (a layer's text is the canonical one).
    const textRow = parsed.kind === 'text'
      ? { text: projection.text, paragraphs: projection.paragraphs.map((p) => ({ start: p.start, end: p.end, speaker: p.speaker })) }
      : null
    if (textRow || plan.stale.length + plan.moved.length + plan.fresh.length > 0) {
      await tx.execute(writeProjectionSql(plan, { projectId, transcriptId, layer, owner }, textRow))
    }
  }
  // A savepoint when already inside a transaction: rows and text change together.
  await (db as Db).transaction((tx) => write(tx))
}

export async function saveDocProjection(db: Db, projectId: string, room: string, doc: Y.Doc): Promise<DocProjection> {
  const projection = projectDoc(doc.getXmlFragment('default'))
  await yieldToEventLoop()
  await saveProjection(db, projectId, room, projection)
  return projection
}
