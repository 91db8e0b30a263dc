import { describe, expect, it } from 'vitest'
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap'
import { buildTranscriptDoc } from '@/server/domain/editor/build-doc'
import { getTranscriptSchema } from '@/server/domain/editor/extensions'
import { projectDoc } from '@/server/domain/editor/project-codings'
import { paragraphSpansOfPmDoc, pmPosToTextOffset } from '@/server/domain/editor/positions'
import { assignLanes, computeRuns, runsAt, runsIn } from './coding-runs'
import { styleForCodes, tint } from './code-styles'
import { codeForKey, effectiveShortcuts } from './shortcuts'
import { matchCodes } from './quick-code-search'

const turns = [
  { speaker: 'I', text: 'alpha beta' },
  { speaker: 'R', text: 'gamma\ndelta' },
  { speaker: 'I', text: 'epsilon' },
]
const codings = [
  { codeId: 'c1', coderId: 'u1', start: 0, end: 5 },
  { codeId: 'c1', coderId: 'u1', start: 6, end: 16 }, // "beta" + break + "gamma": joins across the paragraph break
  { codeId: 'c2', coderId: 'u2', start: 3, end: 8 },
  { codeId: 'c1', coderId: 'u2', start: 11, end: 22 }, // "gamma\ndelta" across a hard break… and on
]

function pmDocOf(ts = turns, cs = codings) {
  const y = buildTranscriptDoc(ts, cs)
  const pm = yXmlFragmentToProseMirrorRootNode(y.getXmlFragment('default'), getTranscriptSchema())
  return { y, pm }
}

describe('coding runs', () => {
  it('are the stored projection, in ProseMirror positions', () => {
    const { y, pm } = pmDocOf()
    const paragraphs = paragraphSpansOfPmDoc(pm)
    const runs = computeRuns(pm).map((r) => ({ codeId: r.codeId, coderId: r.coderId, start: pmPosToTextOffset(paragraphs, r.from), end: pmPosToTextOffset(paragraphs, r.to) }))
    const expected = projectDoc(y.getXmlFragment('default')).codings.map(({ codeId, coderId, start, end }) => ({ codeId, coderId, start, end }))
    expect(runs).toEqual(expected)
  })

  it('are cached per document and found by position and range', () => {
    const { pm } = pmDocOf()
    expect(computeRuns(pm)).toBe(computeRuns(pm))
    const at = runsAt(pm, 5) // inside "alpha", covered by c1/u1 and c2/u2
    expect(at.map((r) => r.codeId).sort()).toEqual(['c1', 'c2'])
    const inRange = runsIn(pm, 1, 3)
    expect(inRange).toEqual([{ codeId: 'c1', coderId: 'u1', from: 1, to: 3 }])
  })

  it('lanes keep overlapping runs apart and reuse free lanes', () => {
    const r = (from: number, to: number) => ({ from, to })
    expect(assignLanes([r(0, 10), r(5, 20), r(12, 30), r(40, 50)], 8)).toEqual([0, 1, 0, 0])
    expect(assignLanes([r(0, 10), r(0, 10), r(0, 10)], 2)).toEqual([0, 1, 1])
    // With a gap, a run starting soon after another (same line) takes another lane.
    expect(assignLanes([r(0, 10), r(15, 20), r(60, 70)], 8, 30)).toEqual([0, 1, 0])
  })
})

describe('code styles', () => {
  it('tints a hex colour', () => {
    expect(tint('#4e79a7', 0.25)).toBe('rgba(78, 121, 167, 0.25)')
    expect(tint('#fff', 1)).toBe('rgba(255, 255, 255, 1)')
    expect(tint('red', 1)).toBe('rgba(138, 143, 152, 1)')
  })
  it('shows every overlapping code as an underline and one background', () => {
    const colorOf = (id: string) => ({ a: '#ff0000', b: '#00ff00' })[id] ?? ''
    expect(styleForCodes(['a', 'b', 'a'], colorOf)).toBe('background-color: rgba(255, 0, 0, 0.3); box-shadow: inset 0 -2px 0 #ff0000, inset 0 -4px 0 #00ff00')
    expect(styleForCodes([], colorOf)).toBe('')
  })
})

describe('shortcuts', () => {
  const codes = [
    { id: 'dim', shortcut: null },
    { id: 'a', shortcut: '1' },
    { id: 'b', shortcut: 'D' },
    { id: 'c', shortcut: null },
  ]
  it('own keys first, then free digits in codebook order', () => {
    expect([...effectiveShortcuts(codes)]).toEqual([
      ['1', 'a'],
      ['d', 'b'],
      ['2', 'dim'],
      ['3', 'c'],
    ])
  })
  it('applies a code only for plain keys with a selection', () => {
    const map = effectiveShortcuts(codes)
    const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, ...mods })
    expect(codeForKey(key('d'), false, map)).toBe('b')
    expect(codeForKey(key('D'), false, map)).toBe('b')
    expect(codeForKey(key('d'), true, map)).toBeNull()
    expect(codeForKey(key('d', { ctrlKey: true }), false, map)).toBeNull()
    expect(codeForKey(key('x'), false, map)).toBeNull()
    expect(codeForKey(key('Enter'), false, map)).toBeNull()
  })
})

describe('quick code search', () => {
  const code = (id: string, zh: string, en: string) => ({ id, parentId: null, name: { zh, en }, color: '#000000', shortcut: null, depth: 0 })
  const codes = [code('a', '应用技术创新孵化', 'Innovation incubation'), code('b', '创新文化培育', 'Cultivating an innovation culture'), code('c', '经费支持', 'Funding support')]
  it('matches part of a Chinese or English name, best matches first', () => {
    expect(matchCodes(codes, 'innov').map((c) => c.id)).toEqual(['a', 'b'])
    expect(matchCodes(codes, '创新').map((c) => c.id)).toEqual(['b', 'a'])
    expect(matchCodes(codes, 'FUND').map((c) => c.id)).toEqual(['c'])
    expect(matchCodes(codes, 'zzz')).toEqual([])
    expect(matchCodes(codes, ' ').map((c) => c.id)).toEqual(['a', 'b', 'c'])
  })
})
