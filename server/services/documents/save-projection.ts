/**
 * Projects a transcript or layer document into relational rows: the transcript's plain text
 * and paragraphs (from the canonical doc) and its codings (per layer). Statistics, retrieval
 * and reports read these rows, never live docs.
 */
import { and, eq, isNull, sql } from 'drizzle-orm'
import type * as Y from 'yjs'
import type { Db } from '../../../db/client'
import { codings, transcripts, transcriptTexts } from '../../../db/schema'
import { projectDoc } from '../../domain/editor/project-codings'
import type { DocProjection } from '../../domain/editor/types'
import { newId } from '../../ids'
import { parseRoom } from '../../realtime-rooms'

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0]

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
    await tx
      .delete(codings)
      .where(
        and(
          eq(codings.transcriptId, transcriptId),
          eq(codings.layer, layer),
          owner ? eq(codings.layerOwner, owner) : isNull(codings.layerOwner),
        ),
      )
    // A coder's layer is that coder's marks only. The layer doc is forked from the canonical doc,
    // so marks in the canonical doc (open coding, consensus) show through it; they are not the
    // coder's and must never count as theirs in agreement.
    const own = owner ? projection.codings.filter((c) => c.coderId === owner) : projection.codings
    if (own.length) {
      await tx.insert(codings).values(
        own.map((c) => ({
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
        .onConflictDoUpdate({ target: transcriptTexts.transcriptId, set: { text: projection.text, paragraphs, updatedAt: new Date() } })
      await tx.update(transcripts).set({ charCount: projection.text.length }).where(eq(transcripts.id, transcriptId))
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
