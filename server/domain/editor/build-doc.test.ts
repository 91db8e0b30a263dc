import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import * as Y from 'yjs'
import { EditorState } from '@tiptap/pm/state'
import type { Node as PmNode } from '@tiptap/pm/model'
import { initProseMirrorDoc, prosemirrorJSONToYDoc, updateYFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap'
import { ConcordError } from '../../errors'
import { addCodingsToDoc, buildTranscriptDoc, removeCodingFromDoc } from './build-doc'
import { getTranscriptSchema } from './extensions'
import { codeMarkKey } from './mark-keys'
import { projectDoc } from './project-codings'
import { captureUpdates, codingsArb, copyDoc, dumpFragment, formatOnlyProblem, normalizeCodings, turnArb } from './test-support'
import type { CodingSpan, Turn } from './types'

const schema = getTranscriptSchema()
const fragmentOf = (doc: Y.Doc) => doc.getXmlFragment('default')
const codingsOf = (doc: Y.Doc) => projectDoc(fragmentOf(doc)).codings

/** Code marks on each text node of a ProseMirror doc: [text, ["codeId/coderId", …]]. */
function markedTexts(doc: PmNode): [string, string[]][] {
  const out: [string, string[]][] = []
  doc.descendants((node) => {
    if (node.isText) out.push([node.text!, node.marks.filter((m) => m.type.name === 'code').map((m) => `${m.attrs.codeId}/${m.attrs.coderId}`).sort()])
  })
  return out
}

function thrown(fn: () => unknown): ConcordError {
  try {
    fn()
  } catch (e) {
    if (e instanceof ConcordError) return e
    throw e
  }
  throw new Error('expected a ConcordError')
}

const turns: Turn[] = [
  { speaker: '访谈者', text: '请介绍一下共同体😀。' },
  { speaker: 'R1', text: 'We share labs.\nAnd staff.' },
]
// text: "请介绍一下共同体😀。\nWe share labs.\nAnd staff." (😀 at 8–9, paragraph break at 11,
// "We" at 12, "labs" at 21–25, hard break at 26, "And" at 27–30, length 37)
const codings: CodingSpan[] = [
  { codeId: 'c1', coderId: 'u1', start: 5, end: 11 }, // 共同体😀。
  { codeId: 'c1', coderId: 'u2', start: 5, end: 8 }, // 共同体
  { codeId: 'c2', coderId: 'u1', start: 12, end: 30 }, // We share labs.↵And (across the hard break)
]

describe('buildTranscriptDoc', () => {
  it('[ED4] writes exactly what y-tiptap writes for the same ProseMirror JSON', () => {
    const code = (codeId: string, coderId: string) => ({ type: 'code', attrs: { codeId, coderId } })
    const json = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          attrs: { speaker: '访谈者' },
          content: [
            { type: 'text', text: '请介绍一下' },
            { type: 'text', text: '共同体', marks: [code('c1', 'u1'), code('c1', 'u2')] },
            { type: 'text', text: '😀。', marks: [code('c1', 'u1')] },
          ],
        },
        {
          type: 'paragraph',
          attrs: { speaker: 'R1' },
          content: [
            { type: 'text', text: 'We share labs.', marks: [code('c2', 'u1')] },
            { type: 'hardBreak' },
            { type: 'text', text: 'And', marks: [code('c2', 'u1')] },
            { type: 'text', text: ' staff.' },
          ],
        },
      ],
    }
    const viaYTiptap = prosemirrorJSONToYDoc(schema, json, 'default')
    const built = buildTranscriptDoc(turns, codings)
    expect(dumpFragment(fragmentOf(built))).toEqual(dumpFragment(fragmentOf(viaYTiptap)))
    expect(projectDoc(fragmentOf(built))).toEqual(projectDoc(fragmentOf(viaYTiptap)))
    expect(codingsOf(built)).toEqual(normalizeCodings(turns.map((t) => t.text).join('\n'), codings))
  })

  it('[ED4] y-tiptap reads the doc back with every code mark, overlapping ones included, and the speakers', () => {
    const pm = yXmlFragmentToProseMirrorRootNode(fragmentOf(buildTranscriptDoc(turns, codings)), schema)
    expect(pm.childCount).toBe(2)
    expect([pm.child(0).attrs.speaker, pm.child(1).attrs.speaker]).toEqual(['访谈者', 'R1'])
    expect(markedTexts(pm)).toEqual([
      ['请介绍一下', []],
      ['共同体', ['c1/u1', 'c1/u2']],
      ['😀。', ['c1/u1']],
      ['We share labs.', ['c2/u1']],
      ['And', ['c2/u1']],
      [' staff.', []],
    ])
    expect(pm.child(1).child(1).type.name).toBe('hardBreak')
  })

  it('[ED4] writes no speaker attribute for a null speaker, and an empty fragment for no turns', () => {
    const doc = buildTranscriptDoc([{ speaker: null, text: 'x' }])
    expect((fragmentOf(doc).get(0) as Y.XmlElement).getAttributes()).toEqual({})
    expect(fragmentOf(buildTranscriptDoc([])).length).toBe(0)
  })

  it('[ED9] lists every invalid turn and coding with its path', () => {
    const bad = thrown(() =>
      buildTranscriptDoc([
        { speaker: 'I', text: 'a\r\nb' },
        { speaker: 3 as unknown as string, text: 'x\uD800y' },
      ]),
    )
    expect(bad.code).toBe('bad_input')
    expect(bad.problems.map((p) => p.path)).toEqual(['turns[0].text', 'turns[1].speaker', 'turns[1].text'])

    const text = '😀ab\ncd' // 😀 at 0–2, break at 4
    const err = thrown(() =>
      buildTranscriptDoc(
        [
          { speaker: null, text: '😀ab' },
          { speaker: null, text: 'cd' },
        ],
        [
          { codeId: '', coderId: 'u', start: 2, end: 3 },
          { codeId: 'c', coderId: 'u', start: 1, end: 3 },
          { codeId: 'c', coderId: 'u', start: 3, end: 3 },
          { codeId: 'c', coderId: 'u', start: -1, end: 99 },
          { codeId: 'c', coderId: 'u', start: 4, end: 5 },
          { codeId: 'c', coderId: 'u', start: 0.5, end: 2 },
          { codeId: 'c', coderId: 'u', start: 2, end: text.length },
        ],
      ),
    )
    expect(err.problems.map((p) => p.path)).toEqual([
      'codings[0].codeId',
      'codings[1].start',
      'codings[2]',
      'codings[3].start',
      'codings[3].end',
      'codings[4]',
      'codings[5].start',
    ])
  })
})

describe('addCodingsToDoc and removeCodingFromDoc', () => {
  it('[ED10] adds codes that the projection and y-tiptap see, with the keys y-tiptap uses', () => {
    const doc = buildTranscriptDoc(turns)
    addCodingsToDoc(doc, codings)
    expect(codingsOf(doc)).toEqual(codingsOf(buildTranscriptDoc(turns, codings)))
    const pm = yXmlFragmentToProseMirrorRootNode(fragmentOf(doc), schema)
    expect(markedTexts(pm)).toEqual(markedTexts(yXmlFragmentToProseMirrorRootNode(fragmentOf(buildTranscriptDoc(turns, codings)), schema)))
    const firstText = (fragmentOf(doc).get(0) as Y.XmlElement).get(0) as Y.XmlText
    const keys = new Set((firstText.toDelta() as { attributes?: object }[]).flatMap((op) => Object.keys(op.attributes ?? {})))
    expect([...keys].sort()).toEqual([codeMarkKey('c1', 'u1'), codeMarkKey('c1', 'u2')].sort())
  })

  it('[ED10] writes only format items (a valid layer update), and adding twice changes nothing', () => {
    const doc = buildTranscriptDoc(turns, [{ codeId: 'c9', coderId: 'u9', start: 0, end: 4 }])
    const before = copyDoc(doc)
    const updates = captureUpdates(doc, () => addCodingsToDoc(doc, codings, { origin: 'test' }))
    expect(updates).toHaveLength(1)
    expect(formatOnlyProblem(before, updates[0])).toBeNull()
    expect(captureUpdates(doc, () => addCodingsToDoc(doc, codings))).toHaveLength(0)
    expect(projectDoc(fragmentOf(doc)).text).toBe(projectDoc(fragmentOf(before)).text)
    // The checker is not vacuous: a text edit is caught.
    const textEdit = captureUpdates(doc, () => ((fragmentOf(doc).get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'x'))
    expect(formatOnlyProblem(copyDoc(doc), textEdit[0])).not.toBeNull()
  })

  it('[ED9] addCodingsToDoc rejects invalid codings without changing the doc', () => {
    const doc = buildTranscriptDoc(turns)
    const err = thrown(() => addCodingsToDoc(doc, [codings[0], { codeId: 'c', coderId: 'u', start: 9, end: 12 }]))
    expect(err.problems.map((p) => p.path)).toEqual(['codings[1].start'])
    expect(codingsOf(doc)).toEqual([])
  })

  it('[ED11] removes one code of one coder from a range, leaving the rest', () => {
    const doc = buildTranscriptDoc(turns, codings)
    const before = copyDoc(doc)
    let removed = false
    const updates = captureUpdates(doc, () => {
      removed = removeCodingFromDoc(doc, { codeId: 'c1', coderId: 'u1', start: 6, end: 8 })
    })
    expect(removed).toBe(true)
    expect(formatOnlyProblem(before, updates[0])).toBeNull()
    expect(codingsOf(doc)).toEqual(
      normalizeCodings(projectDoc(fragmentOf(doc)).text, [
        { codeId: 'c1', coderId: 'u1', start: 5, end: 6 },
        { codeId: 'c1', coderId: 'u1', start: 8, end: 11 },
        codings[1],
        codings[2],
      ]),
    )
    expect(removeCodingFromDoc(doc, { codeId: 'c1', coderId: 'u1', start: 6, end: 8 })).toBe(false)
    expect(removeCodingFromDoc(doc, { codeId: 'c2', coderId: 'u1', start: 0, end: 37 })).toBe(true)
    expect(codingsOf(doc).map((c) => c.codeId)).toEqual(['c1', 'c1', 'c1'])
  })

  it('[ED11] removes a code stored under the plain key or a foreign hash', () => {
    const doc = buildTranscriptDoc([{ speaker: null, text: 'abcdef' }])
    const t = (fragmentOf(doc).get(0) as Y.XmlElement).get(0) as Y.XmlText
    t.format(0, 3, { code: { codeId: 'c1', coderId: 'u1' } })
    t.format(2, 4, { 'code--ZZZZZZZZ': { codeId: 'c1', coderId: 'u1', note: 'old attrs' } })
    expect(codingsOf(doc)).toEqual([{ codeId: 'c1', coderId: 'u1', start: 0, end: 6, text: 'abcdef' }])
    expect(removeCodingFromDoc(doc, { codeId: 'c1', coderId: 'u1', start: 1, end: 5 })).toBe(true)
    expect(codingsOf(doc).map((c) => c.text)).toEqual(['a', 'f'])
  })

  it('[ED10] [ED11] the browser editor sees added codes and its own mark edits project back (y-tiptap binding path)', () => {
    const doc = buildTranscriptDoc(turns)
    addCodingsToDoc(doc, codings)
    const { doc: pmDoc, meta } = initProseMirrorDoc(fragmentOf(doc), schema)
    const state = EditorState.create({ schema, doc: pmDoc })
    // In the editor: remove coder u2's code and add a code of coder u3 on "labs" (pos = offset + i + 1).
    const tr = state.tr
      .removeMark(1, 12, schema.marks.code.create({ codeId: 'c1', coderId: 'u2' }))
      .addMark(23, 27, schema.marks.code.create({ codeId: 'c7', coderId: 'u3' }))
    const before = copyDoc(doc)
    // What ySyncPlugin does with a local transaction (ProsemirrorBinding._prosemirrorChanged).
    const updates = captureUpdates(doc, () => doc.transact(() => updateYFragment(doc, fragmentOf(doc), tr.doc, meta)))
    expect(formatOnlyProblem(before, Y.mergeUpdates(updates))).toBeNull()
    expect(codingsOf(doc)).toEqual(
      normalizeCodings(projectDoc(fragmentOf(doc)).text, [codings[0], codings[2], { codeId: 'c7', coderId: 'u3', start: 21, end: 25 }]),
    )
    const keys = ((fragmentOf(doc).get(1) as Y.XmlElement).get(0) as Y.XmlText).toDelta() as { attributes?: object }[]
    expect(keys.some((op) => codeMarkKey('c7', 'u3') in (op.attributes ?? {}))).toBe(true)
  })
})

describe('replicas', () => {
  it('[ED12] two coders adding codes concurrently on two replicas converge to both codes', () => {
    const base = buildTranscriptDoc(turns)
    const a = copyDoc(base)
    const b = copyDoc(base)
    addCodingsToDoc(a, [codings[0], codings[2]])
    addCodingsToDoc(b, [codings[1], { codeId: 'c1', coderId: 'u2', start: 10, end: 20 }])
    const fromA = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b))
    const fromB = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a))
    Y.applyUpdate(a, fromB)
    Y.applyUpdate(b, fromA)
    const text = projectDoc(fragmentOf(a)).text
    expect(projectDoc(fragmentOf(b))).toEqual(projectDoc(fragmentOf(a)))
    expect(codingsOf(a)).toEqual(normalizeCodings(text, [...codings, { codeId: 'c1', coderId: 'u2', start: 10, end: 20 }]))
  })

  it('[ED12] seeded random adds and removes on three replicas with shuffled delivery converge', () => {
    const opArb = (text: string) =>
      fc.record({
        replica: fc.nat({ max: 2 }),
        remove: fc.boolean(),
        codings: codingsArb(text, 3),
      })
    const caseArb = fc
      .array(turnArb, { minLength: 1, maxLength: 3 })
      .chain((ts) => fc.record({ turns: fc.constant(ts), ops: fc.array(opArb(ts.map((t) => t.text).join('\n')), { maxLength: 12 }), seed: fc.nat() }))
    fc.assert(
      fc.property(caseArb, ({ turns: ts, ops, seed }) => {
        const base = buildTranscriptDoc(ts)
        const replicas = [copyDoc(base), copyDoc(base), copyDoc(base)]
        const inbox: { to: number; update: Uint8Array }[] = []
        replicas.forEach((r, i) =>
          r.on('update', (update: Uint8Array, origin: unknown) => {
            if (origin !== 'remote') for (let j = 0; j < 3; j++) if (j !== i) inbox.push({ to: j, update })
          }),
        )
        let rnd = seed
        const next = () => (rnd = (rnd * 1103515245 + 12345) % 2147483648)
        for (const op of ops) {
          const doc = replicas[op.replica]
          if (op.remove) for (const c of op.codings) removeCodingFromDoc(doc, c)
          else addCodingsToDoc(doc, op.codings)
          // Deliver some queued updates, in random order.
          while (inbox.length && next() % 3 !== 0) {
            const [m] = inbox.splice(next() % inbox.length, 1)
            Y.applyUpdate(replicas[m.to], m.update, 'remote')
          }
        }
        while (inbox.length) {
          const [m] = inbox.splice(next() % inbox.length, 1)
          Y.applyUpdate(replicas[m.to], m.update, 'remote')
        }
        const [p0, p1, p2] = replicas.map((r) => projectDoc(fragmentOf(r)))
        expect(p1).toEqual(p0)
        expect(p2).toEqual(p0)
        expect(p0.text).toBe(ts.map((t) => t.text).join('\n'))
      }),
      { numRuns: 60 },
    )
  })
})
