import * as Y from 'yjs'
import { updateYFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap'
import { TRANSCRIPT_FIELD, getTranscriptSchema } from '../editor/extensions'
import { projectDoc } from '../editor/project-codings'
import type { DocProjection } from '../editor/types'

/**
 * Restoring a version as a forward edit (HIS5, HIS6). Replacing the document would orphan every
 * coder layer (layers hold marks on the canonical doc's items, DESIGN.md), so the restore is
 * computed as ordinary Yjs operations on a copy of the current state: y-tiptap's
 * `updateYFragment` (the function the editor runs on every local change) turns the current
 * fragment into the version's ProseMirror document, keeping the items of unchanged text. The
 * copy is a fresh Y.Doc, so the update comes from a client id the document has never seen.
 */

function sameProjection(a: DocProjection, b: DocProjection): boolean {
  if (a.text !== b.text || a.paragraphs.length !== b.paragraphs.length || a.codings.length !== b.codings.length) return false
  if (a.paragraphs.some((p, i) => p.speaker !== b.paragraphs[i].speaker || p.start !== b.paragraphs[i].start)) return false
  return a.codings.every((c, i) => {
    const d = b.codings[i]
    return c.codeId === d.codeId && c.coderId === d.coderId && c.start === d.start && c.end === d.end
  })
}

/**
 * The Yjs update that makes a doc holding `current` show `target`'s transcript, or null when
 * both already show the same text, speakers and codings.
 * @example const u = computeRestoreUpdate(await live.readState(room), version.state); if (u) await live.applyUpdate(room, u)
 */
export function computeRestoreUpdate(current: Uint8Array, target: Uint8Array): Uint8Array | null {
  const doc = new Y.Doc()
  const wanted = new Y.Doc()
  try {
    Y.applyUpdate(doc, current)
    Y.applyUpdate(wanted, target)
    const fragment = doc.getXmlFragment(TRANSCRIPT_FIELD)
    const wantedFragment = wanted.getXmlFragment(TRANSCRIPT_FIELD)
    const goal = projectDoc(wantedFragment)
    if (sameProjection(projectDoc(fragment), goal)) return null
    const node = yXmlFragmentToProseMirrorRootNode(wantedFragment, getTranscriptSchema())
    const updates: Uint8Array[] = []
    doc.on('update', (u: Uint8Array) => updates.push(u))
    updateYFragment(doc, fragment, node, { mapping: new Map(), isOMark: new Map() })
    if (updates.length === 0) return null
    return updates.length === 1 ? updates[0] : Y.mergeUpdates(updates)
  } finally {
    doc.destroy()
    wanted.destroy()
  }
}
