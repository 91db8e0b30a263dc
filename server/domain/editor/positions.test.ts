import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap'
import { ConcordError } from '../../errors'
import { buildTranscriptDoc } from './build-doc'
import { getTranscriptSchema } from './extensions'
import { paragraphSpansOfPmDoc, pmPosToTextOffset, textOffsetToPmPos, textRangeToPmRange } from './positions'
import { projectDoc } from './project-codings'
import { codePointBoundaries, turnArb } from './test-support'

const schema = getTranscriptSchema()

describe('positions', () => {
  it('[ED13] paragraph i starts at Σ(len + 2) + 1: a worked example', () => {
    // "abc" | "" | "de": text "abc\n\nde"; PM: <p>abc</p><p></p><p>de</p>
    const paragraphs = [
      { start: 0, end: 3 },
      { start: 4, end: 4 },
      { start: 5, end: 7 },
    ]
    expect([0, 1, 3, 4, 5, 6, 7].map((o) => textOffsetToPmPos(paragraphs, o))).toEqual([1, 2, 4, 6, 8, 9, 10])
    expect(textRangeToPmRange(paragraphs, 1, 6)).toEqual({ from: 2, to: 9 })
    // Positions 0 (before the first paragraph), 5 (between), 7 (between) and 11 (end of doc).
    expect([0, 1, 4, 5, 6, 7, 8, 10, 11].map((p) => pmPosToTextOffset(paragraphs, p))).toEqual([0, 0, 3, 4, 4, 5, 5, 7, 7])
  })

  it('[ED13] on built docs: textBetween of the mapped range is the plain-text slice, and the maps are inverse', () => {
    const caseArb = fc.array(turnArb, { minLength: 1, maxLength: 5 }).chain((turns) => {
      const text = turns.map((t) => t.text).join('\n')
      return fc.record({ turns: fc.constant(turns), a: fc.nat({ max: text.length }), b: fc.nat({ max: text.length }) })
    })
    fc.assert(
      fc.property(caseArb, ({ turns, a, b }) => {
        const fragment = buildTranscriptDoc(turns).getXmlFragment('default')
        const projection = projectDoc(fragment)
        const pm = yXmlFragmentToProseMirrorRootNode(fragment, schema)
        expect(paragraphSpansOfPmDoc(pm)).toEqual(projection.paragraphs)
        const [start, end] = [Math.min(a, b), Math.max(a, b)]
        const { from, to } = textRangeToPmRange(projection.paragraphs, start, end)
        expect(pm.textBetween(from, to, '\n', '\n')).toBe(projection.text.slice(start, end))
        expect(pmPosToTextOffset(projection.paragraphs, from)).toBe(start)
        expect(pmPosToTextOffset(projection.paragraphs, to)).toBe(end)
        // Every position resolves inside the document and its offset maps back to a position
        // in the same textblock (or the next one, for positions between blocks).
        for (let pos = 0; pos <= pm.content.size; pos++) {
          const offset = pmPosToTextOffset(projection.paragraphs, pos)
          const back = textOffsetToPmPos(projection.paragraphs, offset)
          expect(back - pos).toBeGreaterThanOrEqual(pos === 0 || pm.resolve(pos).parent.isTextblock ? 0 : -1)
          expect(back - pos).toBeLessThanOrEqual(pm.resolve(pos).parent.isTextblock ? 0 : 1)
        }
      }),
      { numRuns: 200 },
    )
  })

  it('[ED13] maps code-point boundaries of a Chinese and emoji transcript to positions between characters', () => {
    const turns = [
      { speaker: 'I', text: '产教😀融合' },
      { speaker: 'R', text: '👍🏽好' },
    ]
    const fragment = buildTranscriptDoc(turns).getXmlFragment('default')
    const { paragraphs, text } = projectDoc(fragment)
    const pm = yXmlFragmentToProseMirrorRootNode(fragment, schema)
    for (const o of codePointBoundaries(text)) {
      const pos = textOffsetToPmPos(paragraphs, o)
      expect(pm.textBetween(0, pos, '\n', '\n')).toBe(text.slice(0, o))
    }
  })

  it('[ED13] rejects offsets outside the text and non-integers', () => {
    const paragraphs = [{ start: 0, end: 3 }]
    for (const bad of [-1, 4, 1.5]) expect(() => textOffsetToPmPos(paragraphs, bad)).toThrow(ConcordError)
    expect(() => textRangeToPmRange(paragraphs, 2, 1)).toThrow(ConcordError)
    expect(() => pmPosToTextOffset(paragraphs, -1)).toThrow(ConcordError)
    expect(textOffsetToPmPos([], 0)).toBe(0)
  })
})
