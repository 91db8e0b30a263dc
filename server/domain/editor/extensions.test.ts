import { describe, expect, it } from 'vitest'
import { getSchema } from '@tiptap/core'
import { EditorState, TextSelection } from '@tiptap/pm/state'
import { ySyncPluginKey } from '@tiptap/y-tiptap'
import { getTranscriptSchema, isLayerTransactionAllowed, transcriptExtensions } from './extensions'

describe('editor schema', () => {
  it('[ED1] loads and builds the schema without a DOM (the server and CLI import it)', async () => {
    expect(typeof window).toBe('undefined')
    expect(typeof document).toBe('undefined')
    const mod = await import('./index')
    expect(mod.getTranscriptSchema().nodes.paragraph).toBeDefined()
  })

  it('[ED1] is flat: doc > paragraph+, text and hard breaks, the code mark and basic formatting', () => {
    const schema = getTranscriptSchema()
    expect(Object.keys(schema.nodes).sort()).toEqual(['doc', 'hardBreak', 'paragraph', 'text'])
    expect(Object.keys(schema.marks).sort()).toEqual(['bold', 'code', 'italic', 'strike', 'underline'])
    expect(schema.topNodeType.spec.content).toBe('block+')
  })

  it('[ED1] layer editors build the same schema and add only the guard; no undoRedo or trailingNode', () => {
    const canonical = transcriptExtensions()
    const layer = transcriptExtensions({ forLayer: true })
    const a = getSchema(canonical)
    const b = getSchema(layer)
    expect(Object.keys(b.nodes)).toEqual(Object.keys(a.nodes))
    expect(Object.keys(b.marks)).toEqual(Object.keys(a.marks))
    for (const name of Object.keys(a.nodes)) expect(b.nodes[name].spec.content, name).toBe(a.nodes[name].spec.content)
    for (const name of Object.keys(a.marks)) expect(Object.keys(b.marks[name].spec.attrs ?? {}), name).toEqual(Object.keys(a.marks[name].spec.attrs ?? {}))
    expect(layer.map((e) => e.name)).toEqual([...canonical.map((e) => e.name), 'layerMarksOnly'])
    const kit = canonical.find((e) => e.name === 'starterKit')!
    expect(kit.options).toMatchObject({ undoRedo: false, trailingNode: false, code: false, heading: false })
  })

  it('[ED2] the code mark overlaps itself, is not inclusive and has exactly codeId, coderId', () => {
    const type = getTranscriptSchema().marks.code
    expect(type.excludes(type)).toBe(false)
    expect(type.spec.inclusive).toBe(false)
    expect(Object.keys(type.spec.attrs ?? {})).toEqual(['codeId', 'coderId'])
    // Two codes of two coders on the same text both stay.
    const a = type.create({ codeId: 'c1', coderId: 'u1' })
    const b = type.create({ codeId: 'c1', coderId: 'u2' })
    expect(b.addToSet(a.addToSet([]))).toHaveLength(2)
  })

  it('[ED2] renders <span class="code-mark" data-code-id data-coder-id> and parses it back', () => {
    const schema = getTranscriptSchema()
    const mark = schema.marks.code.create({ codeId: 'c1', coderId: 'u1' })
    expect(schema.marks.code.spec.toDOM!(mark, true)).toEqual(['span', { class: 'code-mark', 'data-code-id': 'c1', 'data-coder-id': 'u1' }, 0])
    const rule = schema.marks.code.spec.parseDOM![0]
    expect(rule.tag).toBe('span[data-code-id]')
    const el = { getAttribute: (n: string) => ({ 'data-code-id': 'c9', 'data-coder-id': 'u9' })[n] ?? null }
    expect(rule.getAttrs!(el as never)).toMatchObject({ codeId: 'c9', coderId: 'u9' })
  })

  it('[ED2] paragraphs carry speaker, rendered as data-speaker', () => {
    const schema = getTranscriptSchema()
    const p = schema.nodes.paragraph.create({ speaker: '受访者' })
    expect(p.attrs.speaker).toBe('受访者')
    expect(schema.nodes.paragraph.create().attrs.speaker).toBeNull()
    expect(schema.nodes.paragraph.spec.toDOM!(p)).toEqual(['p', { 'data-speaker': '受访者' }, 0])
    expect(schema.nodes.paragraph.spec.toDOM!(schema.nodes.paragraph.create())).toEqual(['p', {}, 0])
  })
})

describe('layer guard', () => {
  const schema = getTranscriptSchema()
  const state = () =>
    EditorState.create({ schema, doc: schema.node('doc', null, [schema.node('paragraph', null, [schema.text('hello world')])]) })
  const code = schema.marks.code.create({ codeId: 'c1', coderId: 'u1' })

  it('[ED14] allows adding and removing code marks, and step-free transactions', () => {
    expect(isLayerTransactionAllowed(state().tr.addMark(1, 6, code))).toBe(true)
    const coded = state().apply(state().tr.addMark(1, 6, code))
    expect(isLayerTransactionAllowed(coded.tr.removeMark(1, 6, code))).toBe(true)
    expect(isLayerTransactionAllowed(coded.tr.setSelection(TextSelection.create(coded.doc, 2, 4)))).toBe(true)
  })

  it('[ED14] drops text, structure and other marks from local edits', () => {
    expect(isLayerTransactionAllowed(state().tr.insertText('x', 3))).toBe(false)
    expect(isLayerTransactionAllowed(state().tr.delete(2, 4))).toBe(false)
    expect(isLayerTransactionAllowed(state().tr.split(3))).toBe(false)
    expect(isLayerTransactionAllowed(state().tr.addMark(1, 6, schema.marks.bold.create()))).toBe(false)
    expect(isLayerTransactionAllowed(state().tr.addMark(1, 6, code).insertText('x', 3))).toBe(false)
    expect(isLayerTransactionAllowed(state().tr.setNodeMarkup(0, undefined, { speaker: 'X' }))).toBe(false)
  })

  it("[ED14] lets y-tiptap's own transactions through (remote changes)", () => {
    const tr = state().tr.insertText('remote ', 1).setMeta(ySyncPluginKey, { isChangeOrigin: true })
    expect(isLayerTransactionAllowed(tr)).toBe(true)
  })
})
