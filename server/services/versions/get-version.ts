import { and, asc, eq } from 'drizzle-orm'
import * as Y from 'yjs'
import type { Db } from '../../../db/client'
import { codings, docVersions, transcriptTexts, users } from '../../../db/schema'
import type { LiveDocs } from '../../context'
import { projectDoc } from '../../domain/editor/project-codings'
import type { DocProjection } from '../../domain/editor/types'
import { compareVersions, type VersionComparison } from '../../domain/history'
import { ConcordError } from '../../errors'
import { textRoom } from '../../realtime-rooms'
import type { Actor } from '../access'
import { requireTranscript } from '../documents/require-transcript'

/** The transcript now: from the live doc when the sync server runs, else from the projected rows. */
async function currentProjection(db: Db, live: LiveDocs | null, transcriptId: string): Promise<DocProjection> {
  if (live) return live.readProjection(textRoom(transcriptId))
  const [t] = await db.select().from(transcriptTexts).where(eq(transcriptTexts.transcriptId, transcriptId))
  const rows = await db
    .select()
    .from(codings)
    .where(and(eq(codings.transcriptId, transcriptId), eq(codings.layer, 'shared')))
    .orderBy(asc(codings.start))
  return {
    text: t?.text ?? '',
    paragraphs: (t?.paragraphs ?? []).map((p, index) => ({ index, ...p })),
    codings: rows.map((r) => ({ codeId: r.codeId, coderId: r.coderId, start: r.start, end: r.end, text: r.text })),
  }
}

/**
 * A version's text, paragraphs and codings (projected from its stored state on a temporary
 * Y.Doc) for a read-only preview; with `compare`, also what changed from the version to now.
 */
export async function getVersion(
  db: Db,
  live: LiveDocs | null,
  actor: Actor | null,
  projectId: string,
  transcriptId: string,
  versionId: string,
  options: { compare?: boolean } = {},
): Promise<{ version: { id: string; kind: 'auto' | 'named'; name: string | null; createdBy: string | null; createdByName: string | null; createdAt: string }; content: DocProjection; comparison?: VersionComparison }> {
  await requireTranscript(db, actor, projectId, transcriptId)
  const [row] = await db
    .select({ v: docVersions, createdByName: users.name })
    .from(docVersions)
    .leftJoin(users, eq(users.id, docVersions.createdBy))
    .where(and(eq(docVersions.id, versionId), eq(docVersions.docName, textRoom(transcriptId))))
  if (!row) throw new ConcordError('not_found', 'No such version of this transcript.')
  const doc = new Y.Doc()
  Y.applyUpdate(doc, row.v.state)
  const content = projectDoc(doc.getXmlFragment('default'))
  doc.destroy()
  const version = {
    id: row.v.id,
    kind: row.v.kind,
    name: row.v.name,
    createdBy: row.v.createdBy,
    createdByName: row.createdByName,
    createdAt: row.v.createdAt.toISOString(),
  }
  if (!options.compare) return { version, content }
  return { version, content, comparison: compareVersions(content, await currentProjection(db, live, transcriptId)) }
}
