import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import * as Y from 'yjs'
import { EditorState, type Transaction } from '@tiptap/pm/state'
import { initProseMirrorDoc, updateYFragment } from '@tiptap/y-tiptap'
import { ConcordError } from '../../errors'
import { buildTranscriptDoc } from './build-doc'
import { getTranscriptSchema } from './extensions'
import { textOffsetToPmPos } from './positions'
import { projectDoc } from './project-codings'
import { codePointBoundaries, copyDoc, turnArb } from './test-support'
import { createTextAnchors, type TextAnchor } from './text-anchors'

const schema = getTranscriptSchema()
const fragmentOf = (doc: Y.Doc) => doc.getXmlFragment('default')
const textOf = (doc: Y.Doc) => projectDoc(fragmentOf(doc)).text

// Paragraphs: [0, 10) '\n' [11, 27) '\n' [28, 32)
const turns = [
  { speaker: '访谈者', text: '联合体怎样培养人才？' },
  { speaker: '受访者', text: '我们和园区企业共建了三个订单班。' },
  { speaker: '访谈者', text: '科研呢？' },
]
const text = turns.map((t) => t.text).join('\n')
const at = (s: string) => {
  const start = text.indexOf(s)
  if (start < 0) throw new Error(`not in text: ${s}`)
  return { start, end: start + s.length }
}

function anchored(range: { start: number; end: number }, source = buildTranscriptDoc(turns)): { doc: Y.Doc; anchor: TextAnchor } {
  return { doc: source, anchor: createTextAnchors(fragmentOf(source)).anchor(range.start, range.end) }
}

/** Where the anchor is now and what it covers, read as the server does: from a fresh copy of the state. */
function covered(doc: Y.Doc, anchor: TextAnchor): string | null {
  const copy = copyDoc(doc)
  const range = createTextAnchors(fragmentOf(copy)).resolve(anchor)
  return range && textOf(copy).slice(range.start, range.end)
}

/** One ProseMirror change written into the doc the way ySyncPlugin writes a local transaction. */
function editAsBrowser(doc: Y.Doc, change: (tr: Transaction, pos: (offset: number) => number) => void): void {
  const fragment = fragmentOf(doc)
  const { doc: pmDoc, meta } = initProseMirrorDoc(fragment, schema)
  const paragraphs = projectDoc(fragment).paragraphs
  const tr = EditorState.create({ schema, doc: pmDoc }).tr
  change(tr, (offset) => textOffsetToPmPos(paragraphs, offset))
  doc.transact(() => updateYFragment(doc, fragment, tr.doc, meta))
}
const typeAt = (doc: Y.Doc, offset: number, s: string) => editAsBrowser(doc, (tr, pos) => tr.insertText(s, pos(offset)))
const deleteRange = (doc: Y.Doc, start: number, end: number) => editAsBrowser(doc, (tr, pos) => tr.delete(pos(start), pos(end)))

describe('text anchors', () => {
  it('[ED15] every range resolves to itself in the unchanged document (CJK, astral characters, hard breaks, empty paragraphs)', () => {
    const caseArb = fc.array(turnArb, { minLength: 1, maxLength: 4 })
    fc.assert(
      fc.property(caseArb, (ts) => {
        const doc = buildTranscriptDoc(ts)
        const anchors = createTextAnchors(fragmentOf(doc))
        const copy = createTextAnchors(fragmentOf(copyDoc(doc)))
        const bounds = codePointBoundaries(textOf(doc))
        expect(anchors.length).toBe(textOf(doc).length)
        for (const a of bounds) {
          for (const b of bounds) {
            if (a > b) continue
            const anchor = anchors.anchor(a, b)
            expect(anchors.resolve(anchor)).toEqual({ start: a, end: b })
            expect(copy.resolve(anchor)).toEqual({ start: a, end: b })
          }
        }
      }),
      { numRuns: 60 },
    )
  })

  it('[ED15] text typed before the passage moves it, text typed inside widens it, text typed at either end stays outside', () => {
    const { doc, anchor } = anchored(at('共建了三个订单班'))
    typeAt(doc, at('园区').start + 2, '的') // same paragraph, before the passage
    typeAt(doc, 2, '一个') // first paragraph
    expect(covered(doc, anchor)).toBe('共建了三个订单班')
    const now = () => createTextAnchors(fragmentOf(doc)).resolve(anchor)!
    typeAt(doc, now().start + 3, '整整') // inside
    expect(covered(doc, anchor)).toBe('共建了整整三个订单班')
    typeAt(doc, now().start, '先') // exactly at the start
    typeAt(doc, now().end, '后') // exactly at the end
    expect(covered(doc, anchor)).toBe('共建了整整三个订单班')
    expect(textOf(doc)).toBe('联合一个体怎样培养人才？\n我们和园区的企业先共建了整整三个订单班后。\n科研呢？')
  })

  it('[ED15] at paragraph boundaries: a start at a paragraph end holds on to the line break, an end at a paragraph start to the line break before it', () => {
    // Starts at the end of paragraph 1 (its '\n'), ends at the start of paragraph 3.
    const { doc, anchor } = anchored({ start: 10, end: 28 })
    expect(covered(doc, anchor)).toBe('\n我们和园区企业共建了三个订单班。\n')
    typeAt(doc, 10, '吗') // at the end of paragraph 1: before the '\n', so outside
    typeAt(doc, 29, '那') // at the start of paragraph 3 (shifted by one): after the '\n', so outside
    expect(textOf(doc)).toBe('联合体怎样培养人才？吗\n我们和园区企业共建了三个订单班。\n那科研呢？')
    expect(covered(doc, anchor)).toBe('\n我们和园区企业共建了三个订单班。\n')
    // A whole paragraph, [11, 27): typing at its edges stays outside too.
    const whole = anchored({ start: 11, end: 27 })
    typeAt(whole.doc, 27, '对')
    typeAt(whole.doc, 11, '嗯')
    expect(covered(whole.doc, whole.anchor)).toBe('我们和园区企业共建了三个订单班。')
  })

  it('[ED15] hard breaks: an end after one holds on to it, a start before one too', () => {
    const doc = buildTranscriptDoc([{ speaker: null, text: '甲乙\n丙丁' }, { speaker: null, text: '戊' }])
    const anchors = createTextAnchors(fragmentOf(doc))
    const endsAfterBreak = anchors.anchor(1, 3) // '乙\n'
    const startsAtBreak = anchors.anchor(2, 4) // '\n丙'
    typeAt(doc, 3, '子') // right after the hard break
    typeAt(doc, 2, '丑') // right before it
    expect(textOf(doc)).toBe('甲乙丑\n子丙丁\n戊')
    expect(covered(doc, endsAfterBreak)).toBe('乙丑\n')
    expect(covered(doc, startsAtBreak)).toBe('\n子丙')
  })

  it('[ED15] follows edits made on another replica (a coder typing while the server anchors)', () => {
    const server = buildTranscriptDoc(turns)
    const browser = copyDoc(server)
    const anchor = createTextAnchors(fragmentOf(server)).anchor(at('三个订单班').start, at('三个订单班').end)
    typeAt(browser, 0, '请问')
    typeAt(browser, at('班').start + 2, '（二〇二四年）') // inside: before '班' in the browser's shifted text
    Y.applyUpdate(server, Y.encodeStateAsUpdate(browser, Y.encodeStateVector(server)))
    expect(covered(server, anchor)).toBe('三个订单（二〇二四年）班')
  })

  it('[ED15] the same paragraph split before the passage, in the same type, and edits made straight in Y.XmlText', () => {
    const { doc, anchor } = anchored(at('共建了'))
    const p2 = (fragmentOf(doc).get(1) as Y.XmlElement).get(0) as Y.XmlText
    p2.insert(0, '其实')
    p2.delete(5, 2) // '园区'
    expect(covered(doc, anchor)).toBe('共建了')
    // Splitting an earlier paragraph keeps the passage's items.
    editAsBrowser(doc, (tr, pos) => tr.split(pos(3)))
    expect(textOf(doc)).toBe('联合体\n怎样培养人才？\n其实我们和企业共建了三个订单班。\n科研呢？')
    expect(covered(doc, anchor)).toBe('共建了')
  })

  it('[ED15] checks its offsets and works on an empty document', () => {
    const anchors = createTextAnchors(fragmentOf(buildTranscriptDoc(turns)))
    for (const [start, end] of [
      [-1, 2],
      [3, 2],
      [0, text.length + 1],
      [1.5, 2],
    ]) {
      expect(() => anchors.anchor(start, end)).toThrow(ConcordError)
    }
    const empty = createTextAnchors(new Y.Doc().getXmlFragment('default'))
    expect(empty.length).toBe(0)
    expect(empty.resolve(empty.anchor(0, 0))).toEqual({ start: 0, end: 0 })
    expect(() => empty.anchor(0, 1)).toThrow(/outside the text/)
    expect(() => createTextAnchors(new Y.XmlFragment())).toThrow(/not part of a Y.Doc/)
  })
})

describe('deleted passages', () => {
  it('[ED16] a passage deleted as a whole collapses to where it was; a partly deleted one shrinks', () => {
    const { doc, anchor } = anchored(at('共建了三个订单班'))
    const other = createTextAnchors(fragmentOf(doc)).anchor(at('园区企业').start, at('园区企业').end)
    deleteRange(doc, at('企业').start, at('共建了').end) // '企业共建了'
    expect(covered(doc, anchor)).toBe('三个订单班')
    expect(covered(doc, other)).toBe('园区')
    deleteRange(doc, at('园区').start, at('园区').start + '园区三个订单班'.length)
    expect(textOf(doc)).toBe('联合体怎样培养人才？\n我们和。\n科研呢？')
    const range = createTextAnchors(fragmentOf(copyDoc(doc))).resolve(anchor)
    expect(range).toEqual({ start: 14, end: 14 }) // before '。', where the passage was
  })

  it('[ED16] when its paragraph is merged into another or removed, an anchor cannot be placed and the stored offsets are shown, clipped', () => {
    const stored = at('共建了三个订单班')
    const merged = anchored(stored)
    deleteRange(merged.doc, 10, 11) // Backspace at the start of paragraph 2: y-tiptap re-creates its text in paragraph 1
    expect(textOf(merged.doc)).toBe('联合体怎样培养人才？我们和园区企业共建了三个订单班。\n科研呢？')
    const anchors = createTextAnchors(fragmentOf(copyDoc(merged.doc)))
    expect(anchors.resolve(merged.anchor)).toBeNull()
    expect(anchors.currentRange(merged.anchor, stored)).toEqual(stored)
    expect(anchors.currentRange(merged.anchor, { start: 30, end: 99 })).toEqual({ start: 30, end: 31 })
    expect(anchors.currentRange(null, { start: 40, end: 99 })).toEqual({ start: 31, end: 31 })

    const removed = anchored(stored)
    editAsBrowser(removed.doc, (tr, pos) => tr.delete(pos(11) - 1, pos(27) + 1)) // the whole paragraph node
    expect(textOf(removed.doc)).toBe('联合体怎样培养人才？\n科研呢？')
    expect(covered(removed.doc, removed.anchor)).toBeNull()
  })

  it('[ED16] in a document that keeps deleted content (gc off), a removed paragraph\'s anchor collapses where the paragraph was', () => {
    const doc = new Y.Doc({ gc: false })
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(buildTranscriptDoc(turns)))
    const anchor = createTextAnchors(fragmentOf(doc)).anchor(at('共建了').start, at('共建了').end)
    fragmentOf(doc).delete(1, 1)
    expect(createTextAnchors(fragmentOf(doc)).resolve(anchor)).toEqual({ start: 11, end: 11 }) // start of '科研呢？'
  })

  it('[ED16] limitation: splitting the passage\'s own paragraph before it moves its text to new items, and the range collapses at the split', () => {
    const { doc, anchor } = anchored(at('共建了'))
    editAsBrowser(doc, (tr, pos) => tr.split(pos(at('园区').start)))
    expect(textOf(doc)).toBe('联合体怎样培养人才？\n我们和\n园区企业共建了三个订单班。\n科研呢？')
    expect(createTextAnchors(fragmentOf(doc)).resolve(anchor)).toEqual({ start: 14, end: 14 })
  })

  it('[ED16] a garbled anchor or one made in another document cannot be placed', () => {
    const anchors = createTextAnchors(fragmentOf(buildTranscriptDoc(turns)))
    const foreign = anchored({ start: 1, end: 3 }).anchor
    expect(anchors.resolve(foreign)).toBeNull()
    expect(anchors.resolve({ start: 'not base64!', end: foreign.end })).toBeNull()
    expect(anchors.resolve({ start: btoa('\u00ff\u00ff\u00ff'), end: btoa('x') })).toBeNull()
    expect(anchors.currentRange({ start: '', end: '' }, { start: 2, end: 5 })).toEqual({ start: 2, end: 5 })
  })
})
