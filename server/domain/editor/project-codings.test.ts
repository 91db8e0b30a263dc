import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import * as Y from 'yjs'
import { buildTranscriptDoc } from './build-doc'
import { projectDoc } from './project-codings'
import { codingsArb, normalizeCodings, turnArb } from './test-support'
import type { Turn } from './types'

const fragmentOf = (doc: Y.Doc) => doc.getXmlFragment('default')

describe('projectDoc', () => {
  it('[ED5] plain text joins paragraphs with \\n; hard breaks are \\n; offsets are UTF-16', () => {
    const turns: Turn[] = [
      { speaker: 'I', text: '你好😀' },
      { speaker: null, text: '' },
      { speaker: 'R1', text: 'line one\nline two' },
    ]
    const p = projectDoc(fragmentOf(buildTranscriptDoc(turns)))
    expect(p.text).toBe('你好😀\n\nline one\nline two')
    expect(p.paragraphs).toEqual([
      { index: 0, start: 0, end: 4, speaker: 'I' },
      { index: 1, start: 5, end: 5, speaker: null },
      { index: 2, start: 6, end: 23, speaker: 'R1' },
    ])
    expect(p.codings).toEqual([])
  })

  it('[ED5] every top-level element is a paragraph; other inline leaves count one character', () => {
    const doc = new Y.Doc()
    const heading = new Y.XmlElement('heading')
    const ht = new Y.XmlText()
    heading.insert(0, [ht])
    const para = new Y.XmlElement('paragraph')
    const a = new Y.XmlText()
    const b = new Y.XmlText()
    para.insert(0, [a, new Y.XmlElement('image'), b])
    fragmentOf(doc).insert(0, [heading, para])
    ht.insert(0, 'Title')
    a.insert(0, 'ab')
    b.insert(0, 'cd')
    expect(projectDoc(fragmentOf(doc)).text).toBe('Title\nab\uFFFCcd')
    expect(projectDoc(new Y.Doc().getXmlFragment('default'))).toEqual({ text: '', paragraphs: [], codings: [] })
  })

  it('[ED6] merges overlapping and touching runs of one code and coder, keeps coders apart, sorts', () => {
    const turns: Turn[] = [{ speaker: 'I', text: 'abcdefghij' }]
    const p = projectDoc(
      fragmentOf(
        buildTranscriptDoc(turns, [
          { codeId: 'c2', coderId: 'u1', start: 0, end: 4 },
          { codeId: 'c1', coderId: 'u2', start: 2, end: 5 },
          { codeId: 'c1', coderId: 'u1', start: 2, end: 5 },
          { codeId: 'c1', coderId: 'u1', start: 5, end: 7 },
          { codeId: 'c1', coderId: 'u1', start: 6, end: 8 },
          { codeId: 'c1', coderId: 'u1', start: 9, end: 10 },
        ]),
      ),
    )
    expect(p.codings).toEqual([
      { codeId: 'c2', coderId: 'u1', start: 0, end: 4, text: 'abcd' },
      { codeId: 'c1', coderId: 'u1', start: 2, end: 8, text: 'cdefgh' },
      { codeId: 'c1', coderId: 'u2', start: 2, end: 5, text: 'cde' },
      { codeId: 'c1', coderId: 'u1', start: 9, end: 10, text: 'j' },
    ])
  })

  it('[ED6] merges across paragraph boundaries and hard breaks only when the mark continues on both sides', () => {
    const turns: Turn[] = [
      { speaker: 'I', text: 'ab' },
      { speaker: 'R', text: 'cd\nef' },
      { speaker: 'I', text: '' },
      { speaker: 'R', text: 'gh' },
    ]
    // text: "ab\ncd\nef\n\ngh" — paragraph breaks at 2, 8, 9; hard break at 5.
    const p = projectDoc(
      fragmentOf(
        buildTranscriptDoc(turns, [
          { codeId: 'c1', coderId: 'u1', start: 1, end: 4 }, // b ↵ c
          { codeId: 'c2', coderId: 'u1', start: 4, end: 7 }, // d ⏎ e
          { codeId: 'c3', coderId: 'u1', start: 7, end: 11 }, // f ↵ ↵ g (across an empty turn)
          { codeId: 'c4', coderId: 'u1', start: 0, end: 2 }, // ab, stops at the break
          { codeId: 'c4', coderId: 'u1', start: 6, end: 8 }, // ef: not merged with ab, cd is uncoded
          { codeId: 'c5', coderId: 'u1', start: 2, end: 4 }, // starts on a break: the break is dropped
        ]),
      ),
    )
    expect(p.text).toBe('ab\ncd\nef\n\ngh')
    expect(p.codings).toEqual([
      { codeId: 'c4', coderId: 'u1', start: 0, end: 2, text: 'ab' },
      { codeId: 'c1', coderId: 'u1', start: 1, end: 4, text: 'b\nc' },
      { codeId: 'c5', coderId: 'u1', start: 3, end: 4, text: 'c' },
      { codeId: 'c2', coderId: 'u1', start: 4, end: 7, text: 'd\ne' },
      { codeId: 'c4', coderId: 'u1', start: 6, end: 8, text: 'ef' },
      { codeId: 'c3', coderId: 'u1', start: 7, end: 11, text: 'f\n\ng' },
    ])
  })

  it('[ED7] round trip: projection of a built doc equals the normalized codings (Chinese, emoji, overlaps, several coders)', () => {
    const caseArb = fc
      .array(turnArb, { minLength: 1, maxLength: 5 })
      .chain((turns) => codingsArb(turns.map((t) => t.text).join('\n')).map((codings) => ({ turns, codings })))
    fc.assert(
      fc.property(caseArb, ({ turns, codings }) => {
        const text = turns.map((t) => t.text).join('\n')
        const p = projectDoc(fragmentOf(buildTranscriptDoc(turns, codings)))
        expect(p.text).toBe(text)
        expect(p.paragraphs.map((x) => x.speaker)).toEqual(turns.map((t) => t.speaker))
        expect(p.codings).toEqual(normalizeCodings(text, codings))
      }),
      { numRuns: 300 },
    )
  })

  it('[ED7] the round trip survives a binary round trip of the doc (what persistence stores)', () => {
    const doc = buildTranscriptDoc([{ speaker: 'I', text: '产教融合😀共同体' }], [{ codeId: 'c1', coderId: 'u1', start: 2, end: 6 }])
    const copy = new Y.Doc()
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
    expect(projectDoc(fragmentOf(copy))).toEqual(projectDoc(fragmentOf(doc)))
    expect(projectDoc(fragmentOf(copy)).codings).toEqual([{ codeId: 'c1', coderId: 'u1', start: 2, end: 6, text: '融合😀' }])
  })

  it('[ED8] reads a plain `code` key and ignores other marks and malformed code values', () => {
    const doc = new Y.Doc()
    const para = new Y.XmlElement('paragraph')
    const t = new Y.XmlText()
    para.insert(0, [t])
    fragmentOf(doc).insert(0, [para])
    t.insert(0, 'abcdefgh')
    t.format(0, 2, { code: { codeId: 'c1', coderId: 'u1' } })
    t.format(2, 2, { bold: true, 'code--AAAAAAAA': { codeId: 'c1', coderId: 'u1' } })
    t.format(4, 2, { 'code--BBBBBBBB': { codeId: 'c2' } })
    t.format(6, 2, { 'code--CCCCCCCC': 'c3' })
    expect(projectDoc(fragmentOf(doc)).codings).toEqual([{ codeId: 'c1', coderId: 'u1', start: 0, end: 4, text: 'abcd' }])
  })
})
