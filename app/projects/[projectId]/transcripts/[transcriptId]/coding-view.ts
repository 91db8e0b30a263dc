/**
 * The editor's coding view as one Tiptap extension: code colours and the transient highlight
 * as decorations, coding shortcuts, and the input guard of layer editors.
 *
 * Speed matters here (50,000 characters, 2,000 marks, every keystroke): decorations are never
 * rebuilt for the whole document after a change. Each transaction is compared with the previous
 * document (`findDiffStart`/`findDiffEnd`, which skip identical nodes by identity), and only the
 * paragraphs in the changed stretch are redecorated. This also covers y-tiptap's remote changes,
 * which arrive as one step replacing the whole document with mostly identical paragraphs, where
 * mapping decorations through the step would drop them all.
 */
import { Extension } from '@tiptap/core'
import type { Node as PmNode } from '@tiptap/pm/model'
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state'
import { Mapping, StepMap } from '@tiptap/pm/transform'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import { styleForCodes, type ColorOf } from './code-styles'
import { codeForKey } from './shortcuts'

/** What the plugins need from React, read at event time (a ref, so no plugin is rebuilt). */
export interface CodingBridge {
  colorOf: ColorOf
  shortcuts: ReadonlyMap<string, string>
  canCode: boolean
  /** Text may be typed (canonical room, read-write). */
  canEditText: boolean
  /** A layer editor: marks only, every text input is refused before the DOM changes. */
  marksOnly: boolean
  applyCode(codeId: string): void
  openSearch(): void
}

export const codingViewKey = new PluginKey<DecorationSet>('codingView')
export const highlightKey = new PluginKey<DecorationSet>('codingHighlight')

/** Meta on `codingViewKey`: the colours changed, redecorate everything. */
export const REDECORATE = 'redecorate'

/** The changed stretch between two documents, as a mapping plus its range in the new one. */
function diffRange(before: PmNode, after: PmNode): { mapping: Mapping; from: number; to: number } | null {
  const start = before.content.findDiffStart(after.content)
  if (start == null) return null
  const end = before.content.findDiffEnd(after.content)
  let endA = end?.a ?? before.content.size
  let endB = end?.b ?? after.content.size
  // Both ends can overlap the start when the change repeats neighbouring content.
  const overlap = Math.max(start - endA, start - endB, 0)
  endA += overlap
  endB += overlap
  return { mapping: new Mapping([new StepMap([start, endA - start, endB - start])]), from: start, to: endB }
}

/** Widens [from, to] to whole top-level blocks. */
function blockBounds(doc: PmNode, from: number, to: number): { from: number; to: number } {
  const $from = doc.resolve(Math.min(from, doc.content.size))
  const $to = doc.resolve(Math.min(to, doc.content.size))
  return { from: $from.depth > 0 ? $from.before(1) : from, to: $to.depth > 0 ? $to.after(1) : to }
}

function decorateCodes(doc: PmNode, from: number, to: number, colorOf: ColorOf, cache: Map<string, string>): Decoration[] {
  const out: Decoration[] = []
  doc.nodesBetween(from, to, (node, pos) => {
    if (!node.isText) return !node.isLeaf
    const ids: string[] = []
    for (const m of node.marks) if (m.type.name === 'code' && m.attrs.codeId) ids.push(String(m.attrs.codeId))
    if (ids.length === 0) return false
    const key = ids.join('|')
    let style = cache.get(key)
    if (style === undefined) cache.set(key, (style = styleForCodes(ids, colorOf)))
    out.push(Decoration.inline(pos, pos + node.nodeSize, { style, class: 'coded' }))
    return false
  })
  return out
}

export function codeDecorationsPlugin(bridge: { current: Pick<CodingBridge, 'colorOf'> }): Plugin<DecorationSet> {
  let styles = new Map<string, string>()
  const all = (doc: PmNode) => DecorationSet.create(doc, decorateCodes(doc, 0, doc.content.size, bridge.current.colorOf, styles))
  return new Plugin<DecorationSet>({
    key: codingViewKey,
    state: {
      init: (_, state: EditorState) => all(state.doc),
      apply(tr: Transaction, set: DecorationSet, oldState: EditorState, newState: EditorState) {
        if (tr.getMeta(codingViewKey) === REDECORATE) {
          styles = new Map()
          return all(newState.doc)
        }
        if (!tr.docChanged) return set
        const diff = diffRange(oldState.doc, newState.doc)
        if (!diff) return set
        const mapped = set.map(diff.mapping, newState.doc)
        const { from, to } = blockBounds(newState.doc, diff.from, diff.to)
        return mapped.remove(mapped.find(from, to)).add(newState.doc, decorateCodes(newState.doc, from, to, bridge.current.colorOf, styles))
      },
    },
    props: { decorations: (state) => codingViewKey.getState(state) },
  })
}

/** A single highlighted range (hovered stripe, `?at=` target); set with `setHighlight`. */
function highlightPlugin(): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: highlightKey,
    state: {
      init: () => DecorationSet.empty,
      apply(tr, set, oldState, newState) {
        const meta = tr.getMeta(highlightKey) as { from: number; to: number; className?: string } | null | undefined
        if (meta === null) return DecorationSet.empty
        if (meta) {
          const to = Math.min(meta.to, newState.doc.content.size)
          if (meta.from >= to) return DecorationSet.empty
          return DecorationSet.create(newState.doc, [Decoration.inline(meta.from, to, { class: meta.className ?? 'seg-highlight' })])
        }
        if (!tr.docChanged || set === DecorationSet.empty) return set
        const diff = diffRange(oldState.doc, newState.doc)
        return diff ? set.map(diff.mapping, newState.doc) : set
      },
    },
    props: { decorations: (state) => highlightKey.getState(state) },
  })
}

/** Highlights [from, to) (ProseMirror positions) or clears the highlight (null). */
export function setHighlight(view: { state: EditorState; dispatch: (tr: Transaction) => void }, range: { from: number; to: number; className?: string } | null) {
  view.dispatch(view.state.tr.setMeta(highlightKey, range).setMeta('addToHistory', false))
}

function keysPlugin(bridge: { current: CodingBridge }): Plugin {
  return new Plugin({
    key: new PluginKey('codingKeys'),
    props: {
      handleKeyDown(view, event) {
        const b = bridge.current
        if (event.isComposing) return false
        if ((event.metaKey || event.ctrlKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'k') {
          b.openSearch()
          return true
        }
        const empty = view.state.selection.empty
        // '/' opens the code search unless it would be typed (empty selection in editable text).
        if (event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && (!empty || !b.canEditText)) {
          b.openSearch()
          return true
        }
        if (!b.canCode) return false
        const codeId = codeForKey(event, empty, b.shortcuts)
        if (!codeId) return false
        // Returning true makes ProseMirror prevent the default: the selected text is not replaced.
        b.applyCode(codeId)
        return true
      },
      handleDOMEvents: {
        // A layer editor refuses text input before the browser changes the DOM (the transaction
        // filter of LayerMarksOnly would drop the change but leave the DOM out of step).
        beforeinput: (_view, event) => {
          if (!bridge.current.marksOnly) return false
          event.preventDefault()
          return true
        },
        drop: (_view, event) => {
          if (!bridge.current.marksOnly) return false
          event.preventDefault()
          return true
        },
      },
      handlePaste: () => bridge.current.marksOnly,
    },
  })
}

export const CodingView = Extension.create<{ bridge: { current: CodingBridge } }>({
  name: 'codingView',
  addOptions() {
    return { bridge: { current: null as unknown as CodingBridge } }
  },
  addProseMirrorPlugins() {
    return [codeDecorationsPlugin(this.options.bridge), highlightPlugin(), keysPlugin(this.options.bridge)]
  },
})
