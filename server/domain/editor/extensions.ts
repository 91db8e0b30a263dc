import { Extension, Mark, getSchema, mergeAttributes, type AnyExtension } from '@tiptap/core'
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state'
import type { Schema } from '@tiptap/pm/model'
import StarterKit from '@tiptap/starter-kit'
import { ySyncPluginKey } from '@tiptap/y-tiptap'

/**
 * The transcript schema, shared by the browser editor (canonical and layer editors), the server
 * (seeding, projection, arbitration) and tests. Nothing here touches `window` or `document` at
 * import time: the server and the CLI import this file.
 *
 * The schema is deliberately flat — `doc > paragraph+`, one paragraph per speaker turn — so that
 * plain-text offsets map to ProseMirror positions by arithmetic (see `positions.ts`) and every
 * peer, layer editors included, builds the same nodes (y-tiptap deletes Y nodes that its schema
 * cannot build, so a layer schema narrower than the canonical one would destroy text).
 */

/** The Y.XmlFragment that Tiptap's Collaboration extension binds by default (`field`). */
export const TRANSCRIPT_FIELD = 'default'

/** Name of the mark that carries a code; API.md fixes it for every client. */
export const CODE_MARK_NAME = 'code'

/** The attributes of a `code` mark, in schema order (y-tiptap hashes them in this order). */
export interface CodeMarkAttrs {
  codeId: string
  coderId: string
}

/**
 * A code applied by a coder. `excludes: ''` lets several codes and coders overlap on the same
 * text; y-tiptap then stores each distinct mark under `code--<hash of mark JSON>`, so the
 * attributes stay minimal and stable (any change to them is a remove + add).
 * `inclusive: false`: typing at the edge of a coded span does not extend the code.
 */
export const CodeMark = Mark.create({
  name: CODE_MARK_NAME,
  excludes: '',
  inclusive: false,
  addAttributes() {
    return {
      codeId: {
        default: null,
        parseHTML: (el: HTMLElement) => el.getAttribute('data-code-id'),
        renderHTML: (attrs: Record<string, unknown>) => (attrs.codeId == null ? {} : { 'data-code-id': attrs.codeId }),
      },
      coderId: {
        default: null,
        parseHTML: (el: HTMLElement) => el.getAttribute('data-coder-id'),
        renderHTML: (attrs: Record<string, unknown>) => (attrs.coderId == null ? {} : { 'data-coder-id': attrs.coderId }),
      },
    }
  },
  parseHTML() {
    return [{ tag: 'span[data-code-id]' }]
  },
  renderHTML({ HTMLAttributes }) {
    return ['span', mergeAttributes({ class: 'code-mark' }, HTMLAttributes), 0]
  },
})

/**
 * The speaker of a turn, on the paragraph. A global attribute rather than a Paragraph subclass so
 * that only `@tiptap/core` and the StarterKit are needed. Kept on split: Enter inside a turn
 * starts a new paragraph by the same speaker.
 */
export const SpeakerAttribute = Extension.create({
  name: 'speakerAttribute',
  addGlobalAttributes() {
    return [
      {
        types: ['paragraph'],
        attributes: {
          speaker: {
            default: null,
            keepOnSplit: true,
            parseHTML: (el: HTMLElement) => el.getAttribute('data-speaker'),
            renderHTML: (attrs: Record<string, unknown>) => (attrs.speaker == null ? {} : { 'data-speaker': attrs.speaker }),
          },
        },
      },
    ]
  },
})

/**
 * Whether a layer editor may apply this transaction: y-tiptap's own transactions (remote
 * changes, snapshots, Yjs undo) and transactions whose steps only add or remove `code` marks.
 * Anything else would write text or structure into a layer, which the server rejects (DESIGN.md).
 */
export function isLayerTransactionAllowed(tr: Transaction): boolean {
  if (tr.getMeta(ySyncPluginKey) !== undefined) return true
  return tr.steps.every((step) => {
    const json = step.toJSON() as { stepType?: string; mark?: { type?: string } }
    return (json.stepType === 'addMark' || json.stepType === 'removeMark') && json.mark?.type === CODE_MARK_NAME
  })
}

/** Drops every local transaction of a layer editor that is not a code-mark change. */
export const LayerMarksOnly = Extension.create({
  name: 'layerMarksOnly',
  addProseMirrorPlugins() {
    return [new Plugin({ key: new PluginKey('layerMarksOnly'), filterTransaction: isLayerTransactionAllowed })]
  },
})

/**
 * The one list of extensions that defines the transcript schema. Add `Collaboration` (and
 * `CollaborationCaret`) in the browser; nothing else may change the schema.
 *
 * - `undoRedo: false` everywhere: Collaboration brings its own Yjs undo and warns if UndoRedo is
 *   present; ProseMirror history would also undo other people's changes.
 * - `trailingNode: false` everywhere: with paragraphs only it never fires, and a layer editor must
 *   never insert a node (DESIGN.md).
 * - No headings, lists, quotes, code blocks, rules or links: a transcript is a list of turns.
 *   StarterKit's inline `code` mark is off because our code mark takes its name.
 * - `forLayer`: adds `LayerMarksOnly`. The schema is identical, as layers require.
 * @example new Editor({ extensions: [...transcriptExtensions({ forLayer: true }), Collaboration.configure({ document })] })
 */
export function transcriptExtensions(options: { forLayer?: boolean } = {}): AnyExtension[] {
  const extensions: AnyExtension[] = [
    StarterKit.configure({
      undoRedo: false,
      trailingNode: false,
      code: false,
      heading: false,
      blockquote: false,
      bulletList: false,
      orderedList: false,
      listItem: false,
      listKeymap: false,
      codeBlock: false,
      horizontalRule: false,
      link: false,
    }),
    SpeakerAttribute,
    CodeMark,
  ]
  if (options.forLayer) extensions.push(LayerMarksOnly)
  return extensions
}

let cachedSchema: Schema | undefined

/** The ProseMirror schema of a transcript, for headless use (built once, then cached). */
export function getTranscriptSchema(): Schema {
  cachedSchema ??= getSchema(transcriptExtensions())
  return cachedSchema
}
