import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { compareVersions, diffCodings, diffParagraphs, type ParagraphText } from './diff-versions'
import type { DocProjection } from '../editor/types'

const p = (text: string, speaker: string | null = 'I'): ParagraphText => ({ speaker, text })

/** Textbook LCS length (independent oracle, O(n·m) recursion with memo). */
function lcsLength(a: string[], b: string[]): number {
  const memo = new Map<string, number>()
  const go = (i: number, j: number): number => {
    if (i === a.length || j === b.length) return 0
    const k = `${i},${j}`
    if (!memo.has(k)) memo.set(k, a[i] === b[j] ? 1 + go(i + 1, j + 1) : Math.max(go(i + 1, j), go(i, j + 1)))
    return memo.get(k)!
  }
  return go(0, 0)
}

describe('diffParagraphs', () => {
  it('[HIS1] marks a changed paragraph as removed + added and keeps the rest', () => {
    const out = diffParagraphs([p('a'), p('b'), p('c')], [p('a'), p('B'), p('c'), p('d', 'R')])
    expect(out.map((c) => `${c.kind}:${c.text}`)).toEqual(['same:a', 'removed:b', 'added:B', 'same:c', 'added:d'])
  })

  it('[HIS1] a speaker change is a change', () => {
    const out = diffParagraphs([p('a', 'I')], [p('a', 'R')])
    expect(out.map((c) => c.kind)).toEqual(['removed', 'added'])
  })

  it('[HIS1] both sides are recovered and the same entries are a longest common subsequence', () => {
    const para = fc.record({ speaker: fc.constantFrom('I', 'R', null), text: fc.constantFrom('x', 'y', 'z', '') })
    fc.assert(
      fc.property(fc.array(para, { maxLength: 9 }), fc.array(para, { maxLength: 9 }), (from, to) => {
        const out = diffParagraphs(from, to)
        const strip = (c: ParagraphText) => ({ speaker: c.speaker, text: c.text })
        expect(out.filter((c) => c.kind !== 'added').map(strip)).toEqual(from)
        expect(out.filter((c) => c.kind !== 'removed').map(strip)).toEqual(to)
        const key = (c: ParagraphText) => `${c.speaker}|${c.text}`
        expect(out.filter((c) => c.kind === 'same').length).toBe(lcsLength(from.map(key), to.map(key)))
      }),
    )
  })

  it('[HIS2] two long, entirely different documents are compared quickly', () => {
    const from = Array.from({ length: 3000 }, (_, i) => p(`old ${i}`))
    const to = Array.from({ length: 3000 }, (_, i) => p(`new ${i}`))
    const t0 = performance.now()
    const out = diffParagraphs([p('head'), ...from, p('tail')], [p('head'), ...to, p('tail')])
    expect(performance.now() - t0).toBeLessThan(1000)
    expect(out[0].kind).toBe('same')
    expect(out[out.length - 1].kind).toBe('same')
    expect(out.filter((c) => c.kind === 'removed')).toHaveLength(3000)
    expect(out.filter((c) => c.kind === 'added')).toHaveLength(3000)
    expect(out.slice(1, 3001).every((c) => c.kind === 'removed')).toBe(true)
  })
})

describe('diffCodings', () => {
  const c = (codeId: string, text: string, start = 0, coderId = 'u1') => ({ codeId, coderId, start, end: start + text.length, text })

  it('[HIS3] a coding that only moved is unchanged', () => {
    expect(diffCodings([c('c1', 'hello', 0)], [c('c1', 'hello', 40)])).toEqual({ added: [], removed: [] })
  })

  it('[HIS3] compares as multisets of code, coder and text', () => {
    const d = diffCodings([c('c1', 'x', 0), c('c1', 'x', 5), c('c2', 'y')], [c('c1', 'x', 9), c('c2', 'y', 0, 'u2')])
    expect(d.removed).toEqual([c('c1', 'x', 5), c('c2', 'y')])
    expect(d.added).toEqual([c('c2', 'y', 0, 'u2')])
  })
})

describe('compareVersions', () => {
  it('[HIS4] counts the changes from a version to now', () => {
    const version: DocProjection = {
      text: 'a\nb',
      paragraphs: [
        { index: 0, start: 0, end: 1, speaker: 'I' },
        { index: 1, start: 2, end: 3, speaker: 'R' },
      ],
      codings: [{ codeId: 'c1', coderId: 'u', start: 2, end: 3, text: 'b' }],
    }
    const now: DocProjection = {
      text: 'a\nb\nc',
      paragraphs: [...version.paragraphs, { index: 2, start: 4, end: 5, speaker: 'I' }],
      codings: [],
    }
    const cmp = compareVersions(version, now)
    expect(cmp.counts).toEqual({ paragraphsAdded: 1, paragraphsRemoved: 0, codingsAdded: 0, codingsRemoved: 1 })
    expect(cmp.changed).toBe(true)
    expect(compareVersions(now, now).changed).toBe(false)
  })
})
