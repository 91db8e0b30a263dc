import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { summaryTextOf } from './read-summaries'

describe('summaryTextOf', () => {
  it('reads the paragraphs of a Tiptap document as lines, dropping formatting', () => {
    const doc = new Y.Doc()
    const p1 = new Y.XmlElement('paragraph')
    const t1 = new Y.XmlText()
    p1.insert(0, [t1])
    const p2 = new Y.XmlElement('paragraph')
    p2.insert(0, [new Y.XmlText('second'), new Y.XmlElement('hardBreak'), new Y.XmlText('line')])
    doc.getXmlFragment('default').insert(0, [p1, new Y.XmlElement('paragraph'), p2])
    t1.insert(0, '有 bold 描述')
    t1.format(2, 4, { bold: true })
    expect(summaryTextOf(Y.encodeStateAsUpdate(doc))).toBe('有 bold 描述\nsecond\nline')
  })

  it('an empty or missing document is the empty string', () => {
    expect(summaryTextOf(new Uint8Array())).toBe('')
    expect(summaryTextOf(Y.encodeStateAsUpdate(new Y.Doc()))).toBe('')
  })
})
