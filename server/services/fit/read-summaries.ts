/**
 * The matrix cells' summaries ("interview data analysis" in the study's tables) as plain text.
 * Each summary is a small collaborative Tiptap document in the room `m/<project>/<case>/<code>`;
 * the UI edits it live, and the server reads it here for the matrix, the case tables and the
 * exports. Only rooms that have ever been written are read (most cells have no summary).
 */
import { like } from 'drizzle-orm'
import * as Y from 'yjs'
import type { Db } from '../../../db/client'
import { yjsSnapshots, yjsUpdates } from '../../../db/schema'
import type { LiveDocs } from '../../context'
import { summaryRoom } from '../../realtime-rooms'
import { createDrizzleDocStore } from '../documents/drizzle-doc-store'

/** Summary text by room name, for every cell of the project that has one. */
export async function readSummaries(db: Db, live: Pick<LiveDocs, 'readState'> | null, projectId: string): Promise<Map<string, string>> {
  // Room ids are [A-Za-z0-9_-]: escape LIKE's "_" so that one project never matches another.
  const prefix = summaryRoom(projectId, '', '').replace(/\/\/$/, '/').replace(/[\\%_]/g, (c) => '\\' + c) + '%'
  const names = await db
    .select({ name: yjsUpdates.docName })
    .from(yjsUpdates)
    .where(like(yjsUpdates.docName, prefix))
    .union(db.select({ name: yjsSnapshots.docName }).from(yjsSnapshots).where(like(yjsSnapshots.docName, prefix)))
  const store = live ? null : createDrizzleDocStore(db)
  const out = new Map<string, string>()
  for (const { name } of names) {
    // The running sync server holds edits not yet persisted; without one (CLI, tests) the store is current.
    const state = live ? await live.readState(name) : Y.mergeUpdates((await store!.load(name)).updates)
    const text = summaryTextOf(state)
    if (text) out.set(name, text)
  }
  return out
}

/**
 * The plain text of a summary document (Tiptap's `Y.XmlFragment` "default"): one line per
 * paragraph, formatting dropped. Whitespace at both ends is trimmed.
 */
export function summaryTextOf(state: Uint8Array): string {
  if (state.length === 0) return ''
  const doc = new Y.Doc()
  try {
    Y.applyUpdate(doc, state)
    return blockLines(doc.getXmlFragment('default')).join('\n').trim()
  } finally {
    doc.destroy()
  }
}

function blockLines(node: Y.XmlFragment | Y.XmlElement): string[] {
  const lines: string[] = []
  let inline = ''
  for (const child of node.toArray()) {
    if (child instanceof Y.XmlText) {
      for (const op of child.toDelta() as Array<{ insert: unknown }>) if (typeof op.insert === 'string') inline += op.insert
    } else if (child instanceof Y.XmlElement) {
      if (child.nodeName === 'hardBreak') {
        inline += '\n'
        continue
      }
      if (inline) lines.push(inline)
      inline = ''
      lines.push(...blockLines(child))
    }
  }
  if (inline) lines.push(inline)
  return lines
}

