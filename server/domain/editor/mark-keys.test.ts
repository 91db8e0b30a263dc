import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import * as Y from 'yjs'
import { prosemirrorToYXmlFragment } from '@tiptap/y-tiptap'
import { getTranscriptSchema } from './extensions'
import { codeMarkAttrs, codeMarkKey, markNameOfKey, readCodeMark } from './mark-keys'

/** The attribute keys that y-tiptap itself writes for a text coded with these marks. */
function keysWrittenByYTiptap(codes: { codeId: string; coderId: string }[]): string[] {
  const schema = getTranscriptSchema()
  const marks = codes.map((c) => schema.marks.code.create(c))
  const doc = schema.node('doc', null, [schema.node('paragraph', null, [schema.text('x', marks)])])
  const ydoc = new Y.Doc()
  prosemirrorToYXmlFragment(doc, ydoc.getXmlFragment('default'))
  const text = ydoc.getXmlFragment('default').get(0) as Y.XmlElement
  const delta = (text.get(0) as Y.XmlText).toDelta() as { attributes: Record<string, unknown> }[]
  return Object.keys(delta[0].attributes)
}

describe('code mark keys', () => {
  it('[ED3] codeMarkKey equals the key y-tiptap writes, for any ids', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, unit: 'grapheme' }), fc.string({ minLength: 1 }), (codeId, coderId) => {
        expect([codeMarkKey(codeId, coderId)]).toEqual(keysWrittenByYTiptap([{ codeId, coderId }]))
      }),
      { numRuns: 200 },
    )
  })

  it('[ED3] pinned value: y-tiptap 3.0.9 stores { codeId: "c1", coderId: "u" } under code--kuXb/Lbq', () => {
    // Value printed by @tiptap/y-tiptap 3.0.9's prosemirrorToYXmlFragment for this mark.
    expect(codeMarkKey('c1', 'u')).toBe('code--kuXb/Lbq')
    expect(keysWrittenByYTiptap([{ codeId: 'c1', coderId: 'u' }])).toEqual(['code--kuXb/Lbq'])
  })

  it('[ED3] distinct codes or coders get distinct keys on the same text', () => {
    const codes = [
      { codeId: 'c1', coderId: 'u1' },
      { codeId: 'c1', coderId: 'u2' },
      { codeId: 'c2', coderId: 'u1' },
    ]
    const keys = keysWrittenByYTiptap(codes)
    expect(new Set(keys).size).toBe(3)
    expect(keys.sort()).toEqual(codes.map((c) => codeMarkKey(c.codeId, c.coderId)).sort())
    expect(codeMarkAttrs('c1', 'u1')).toEqual({ codeId: 'c1', coderId: 'u1' })
    expect(Object.keys(codeMarkAttrs('c1', 'u1'))).toEqual(['codeId', 'coderId'])
  })

  it('[ED8] reads hashed and plain keys and ignores other marks and malformed values', () => {
    expect(markNameOfKey('code--kuXb/Lbq')).toBe('code')
    expect(markNameOfKey('code')).toBe('code')
    expect(markNameOfKey('bold')).toBe('bold')
    expect(readCodeMark('code--AAAAAAAA', { codeId: 'c', coderId: 'u' })).toEqual({ codeId: 'c', coderId: 'u' })
    expect(readCodeMark('code', { codeId: 'c', coderId: 'u', extra: 1 })).toEqual({ codeId: 'c', coderId: 'u' })
    expect(readCodeMark('bold', { codeId: 'c', coderId: 'u' })).toBeNull()
    expect(readCodeMark('codex', { codeId: 'c', coderId: 'u' })).toBeNull()
    expect(readCodeMark('code--kuXb/Lbq', null)).toBeNull()
    expect(readCodeMark('code--kuXb/Lbq', { codeId: 'c' })).toBeNull()
    expect(readCodeMark('code--kuXb/Lbq', { codeId: 1, coderId: 'u' })).toBeNull()
  })
})
