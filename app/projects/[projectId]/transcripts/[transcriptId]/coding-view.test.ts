import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { EditorState, type Transaction } from '@tiptap/pm/state'
import { Fragment, Slice, type Node as PmNode } from '@tiptap/pm/model'
import type { DecorationSet } from '@tiptap/pm/view'
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap'
import { buildTranscriptDoc } from '@/server/domain/editor/build-doc'
import { getTranscriptSchema } from '@/server/domain/editor/extensions'
import { codeDecorationsPlugin, codingViewKey, REDECORATE } from './coding-view'

/**
 * The incremental decorations must always equal a full rebuild, whatever the transaction:
 * typing, deleting, splitting turns, adding and removing code marks, and y-tiptap's remote
 * changes (one step replacing the whole document with rebuilt, mostly equal paragraphs).
 */
const schema = getTranscriptSchema()
const colors: Record<string, string> = { c1: '#ff0000', c2: '#00ff00', c3: '#0000ff' }
const bridge = { current: { colorOf: (id: string) => colors[id] ?? '#999999' } }

function startDoc(): PmNode {
  const y = buildTranscriptDoc(
    [
      { speaker: 'I', text: 'How do you train talent?' },
      { speaker: 'R', text: 'Joint programs with the park,\nand a shared lab.' },
      { speaker: 'I', text: 'Who pays?' },
      { speaker: 'R', text: 'The city funds the lab.' },
    ],
    [
      { codeId: 'c1', coderId: 'u1', start: 25, end: 50 },
      { codeId: 'c2', coderId: 'u2', start: 30, end: 70 },
      { codeId: 'c3', coderId: 'u1', start: 85, end: 100 },
    ],
  )
  return yXmlFragmentToProseMirrorRootNode(y.getXmlFragment('default'), schema)
}

const view = (set: DecorationSet) =>
  set
    .find()
    .map((d) => `${d.from}-${d.to}:${(d as unknown as { type: { attrs: { style: string } } }).type.attrs.style}`)
    .sort()

function fullRebuild(doc: PmNode): string[] {
  const state = EditorState.create({ doc, plugins: [codeDecorationsPlugin(bridge)] })
  return view(codingViewKey.getState(state)!)
}

/** Deep copy of a document's paragraphs as new node objects (what y-tiptap hands ProseMirror). */
const rebuilt = (doc: PmNode) => Fragment.fromArray(Array.from({ length: doc.childCount }, (_, i) => schema.nodeFromJSON(doc.child(i).toJSON())))

type Op = (tr: Transaction, r: (n: number) => number) => void
const ops: Op[] = [
  (tr, r) => tr.insertText('xy', 1 + r(tr.doc.content.size - 2)),
  (tr, r) => {
    const a = 1 + r(tr.doc.content.size - 2)
    tr.delete(a, Math.min(tr.doc.content.size - 1, a + 1 + r(8)))
  },
  (tr, r) => {
    const a = 1 + r(tr.doc.content.size - 3)
    tr.addMark(a, Math.min(tr.doc.content.size - 1, a + 2 + r(20)), schema.marks.code.create({ codeId: ['c1', 'c2', 'c3'][r(3)], coderId: 'u9' }))
  },
  (tr, r) => {
    const a = 1 + r(tr.doc.content.size - 3)
    tr.removeMark(a, Math.min(tr.doc.content.size - 1, a + 2 + r(30)), schema.marks.code)
  },
  (tr, r) => {
    const pos = 1 + r(tr.doc.content.size - 2)
    const $p = tr.doc.resolve(pos)
    if ($p.parent.isTextblock) tr.split(pos)
  },
  // y-tiptap's remote change: the whole document replaced by rebuilt paragraphs, one of them edited.
  (tr, r) => {
    const fresh = rebuilt(tr.doc)
    const i = r(fresh.childCount)
    const nodes: PmNode[] = []
    fresh.forEach((n, _, k) => nodes.push(k === i && n.textContent.length > 0 ? n.copy(n.content.append(Fragment.from(schema.text('!')))) : n))
    tr.replace(0, tr.doc.content.size, new Slice(Fragment.fromArray(nodes), 0, 0))
  },
]

describe('code decorations', () => {
  it('colour every coded text node with its codes', () => {
    const rebuiltView = fullRebuild(startDoc())
    expect(rebuiltView.length).toBeGreaterThan(2)
    expect(rebuiltView.some((v) => v.includes('box-shadow: inset 0 -2px 0 #ff0000, inset 0 -4px 0 #00ff00'))).toBe(true)
  })

  it('stay equal to a full rebuild after any sequence of edits, mark changes and remote replacements', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(ops.length - 1), fc.array(fc.nat(1000), { minLength: 4, maxLength: 4 })), { minLength: 1, maxLength: 25 }), (steps) => {
        let state = EditorState.create({ doc: startDoc(), plugins: [codeDecorationsPlugin(bridge)] })
        for (const [k, rolls] of steps) {
          let n = 0
          const r = (max: number) => (max <= 0 ? 0 : rolls[n++ % rolls.length] % max)
          const tr = state.tr
          try {
            ops[k](tr, r)
          } catch {
            continue // an operation that does not fit this document (e.g. an invalid split)
          }
          state = state.apply(tr)
          expect(view(codingViewKey.getState(state)!)).toEqual(fullRebuild(state.doc))
        }
      }),
      { numRuns: 200 },
    )
  })

  it('redecorate everything when the colours change', () => {
    let state = EditorState.create({ doc: startDoc(), plugins: [codeDecorationsPlugin(bridge)] })
    colors.c1 = '#123456'
    state = state.apply(state.tr.setMeta(codingViewKey, REDECORATE))
    expect(view(codingViewKey.getState(state)!).some((v) => v.includes('#123456'))).toBe(true)
    colors.c1 = '#ff0000'
  })
})
