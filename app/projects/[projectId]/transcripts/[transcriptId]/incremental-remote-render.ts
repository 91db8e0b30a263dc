/**
 * Remote changes re-render only what they changed.
 *
 * y-tiptap 3.0.9's `ProsemirrorBinding._typeChanged` clears its whole Y↔ProseMirror mapping on
 * every remote change before rebuilding the document (dist/y-tiptap.js:784, "so relative cursor
 * positions resolve against current node sizes after structural changes (e.g. drag-and-drop
 * block moves)"), so every remote keystroke rebuilds every paragraph from Yjs and ProseMirror
 * compares them all: about 100 ms per keystroke of a co-author on a 50,000-character transcript
 * with 2,000 marks (bench/editor.ts). Just before that `clear()`, the same function already drops
 * the mapping of every type the Yjs transaction changed, deleted or is a parent of — which is
 * upstream y-prosemirror's behaviour. The transcript schema is flat (`doc > paragraph+`, no block
 * moves), so keeping the mapping of unchanged paragraphs is exact here: the paragraphs that
 * changed are rebuilt, the others keep their nodes (and sizes), and cursor mapping reads sizes
 * from nodes that are current.
 *
 * The patch only skips that one `clear()` during `_typeChanged`; snapshots and forced re-renders
 * still clear. Applied once per page; idempotent.
 */
import { ProsemirrorBinding } from '@tiptap/y-tiptap'

const PATCHED = Symbol.for('concord.yTiptapIncrementalRemoteRender')

type Binding = { mapping: Map<unknown, unknown>; _typeChanged: (...args: unknown[]) => unknown }

export function keepUnchangedNodesOnRemoteChange(): void {
  const proto = ProsemirrorBinding.prototype as unknown as Binding & { [PATCHED]?: true }
  if (proto[PATCHED] || typeof proto._typeChanged !== 'function') return
  const original = proto._typeChanged
  proto._typeChanged = function (this: Binding, ...args: unknown[]) {
    const mapping = this.mapping
    // An own property shadows Map.prototype.clear for the duration of the call only.
    Object.defineProperty(mapping, 'clear', { value: () => undefined, configurable: true })
    try {
      return original.apply(this, args)
    } finally {
      delete (mapping as { clear?: unknown }).clear
    }
  }
  proto[PATCHED] = true
}
