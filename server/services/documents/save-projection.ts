/**
 * Projects a transcript or layer document into relational rows: the transcript's plain text
 * and paragraphs (from the canonical doc) and its codings (per layer). Statistics, retrieval
 * and reports read these rows, never live docs.
 */
import { and, eq, inArray, isNull, sql } from 'drizzle-orm'
import type * as Y from 'yjs'
import type { Db } from '../../../db/client'
import { codings, transcripts, transcriptTexts } from '../../../db/schema'
import { projectDoc } from '../../domain/editor/project-codings'
import type { DocProjection } from '../../domain/editor/types'
import { newId } from '../../ids'
import { parseRoom } from '../../realtime-rooms'

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0]

type CodingRow = { codeId: string; coderId: string; start: number; end: number; text: string }

/**
 * The stored rows no longer in the projection (`stale`, their ids) and the projected codings not
 * stored yet (`fresh`); rows equal in code, coder, offsets and text are kept as they are. Equal
 * codings may repeat (a multiset): each stored row matches at most one projected coding.
 */
export function diffCodingRows(stored: readonly (CodingRow & { id: string })[], projected: readonly CodingRow[]): { stale: string[]; fresh: CodingRow[] } {
  const key = (c: CodingRow) => `${c.codeId}\u0000${c.coderId}\u0000${c.start}\u0000${c.end}\u0000${c.text}`
  const unmatched = new Map<string, string[]>()
  for (const r of stored) {
    const k = key(r)
    const ids = unmatched.get(k)
    if (ids) ids.push(r.id)
    else unmatched.set(k, [r.id])
  }
  const fresh: CodingRow[] = []
  for (const c of projected) {
    const ids = unmatched.get(key(c))
    if (ids?.length) ids.shift()
    else fresh.push(c)
  }
  return { stale: [...unmatched.values()].flat(), fresh }
}

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
    // Write only what changed since the stored projection: most changes touch a few marks, and
    // rewriting every row of a busy room every 2 s was a large share of the sync server's CPU.
    const stored = await tx.select({ id: codings.id, codeId: codings.codeId, coderId: codings.coderId, start: codings.start, end: codings.end, text: codings.text }).from(codings).where(roomRows)
    const { stale, fresh } = diffCodingRows(stored, own)
    if (stale.length) await tx.delete(codings).where(inArray(codings.id, stale))
    if (fresh.length) {
      await tx.insert(codings).values(
        fresh.map((c) => ({
          id: newId(),
          projectId,
          transcriptId,
          layer,
          layerOwner: owner,
          codeId: c.codeId,
          coderId: c.coderId,
          start: c.start,
          end: c.end,
          text: c.text,
        })),
      )
    }
    if (parsed.kind === 'text') {
      const paragraphs = projection.paragraphs.map((p) => ({ start: p.start, end: p.end, speaker: p.speaker }))
      await tx
        .insert(transcriptTexts)
        .values({ transcriptId, text: projection.text, paragraphs })
        .onConflictDoUpdate({
          target: transcriptTexts.transcriptId,
          set: { text: projection.text, paragraphs, updatedAt: new Date() },
          // A mark change leaves the text as it was: no new row version.
          setWhere: sql`${transcriptTexts.text} is distinct from excluded.text or ${transcriptTexts.paragraphs} is distinct from excluded.paragraphs`,
        })
      await tx
        .update(transcripts)
        .set({ charCount: projection.text.length })
        .where(and(eq(transcripts.id, transcriptId), sql`${transcripts.charCount} is distinct from ${projection.text.length}`))
    }
  }
  // A savepoint when already inside a transaction: rows and text change together.
  await (db as Db).transaction((tx) => write(tx))
}

export async function saveDocProjection(db: Db, projectId: string, room: string, doc: Y.Doc): Promise<DocProjection> {
  const projection = projectDoc(doc.getXmlFragment('default'))
  await saveProjection(db, projectId, room, projection)
  return projection
}
