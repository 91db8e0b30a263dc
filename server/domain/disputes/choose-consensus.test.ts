import { describe, expect, it } from 'vitest'
import { ConcordError } from '../../errors'
import { chooseSpans, chooseStatus } from './choose-consensus'
import type { SpanVersion, StatusVersion } from './types'

const boundary: SpanVersion[] = [
  { coderId: 'a', spans: [{ start: 10, end: 40 }] },
  { coderId: 'b', spans: [{ start: 25, end: 60 }] },
]
const presence: SpanVersion[] = [
  { coderId: 'a', spans: [{ start: 10, end: 40 }] },
  { coderId: 'b', spans: [] },
]

describe('chooseSpans', () => {
  it('[DIS14] coder: that coder\'s spans; an unknown coder is bad input', () => {
    expect(chooseSpans(boundary, { choice: 'coder', coderId: 'b' }, 100)).toEqual([{ start: 25, end: 60 }])
    expect(chooseSpans(presence, { choice: 'coder', coderId: 'b' }, 100)).toEqual([])
    expect(() => chooseSpans(boundary, { choice: 'coder', coderId: 'z' }, 100)).toThrow(ConcordError)
  })

  it('[DIS15] union: every character any coder coded', () => {
    expect(chooseSpans(boundary, { choice: 'union' }, 100)).toEqual([{ start: 10, end: 60 }])
    expect(chooseSpans(presence, { choice: 'union' }, 100)).toEqual([{ start: 10, end: 40 }])
  })

  it('[DIS16] intersection: the characters every coder coded; empty for a presence dispute', () => {
    expect(chooseSpans(boundary, { choice: 'intersection' }, 100)).toEqual([{ start: 25, end: 40 }])
    expect(chooseSpans(presence, { choice: 'intersection' }, 100)).toEqual([])
    const three: SpanVersion[] = [...boundary, { coderId: 'c', spans: [{ start: 0, end: 30 }, { start: 35, end: 38 }] }]
    expect(chooseSpans(three, { choice: 'intersection' }, 100)).toEqual([{ start: 25, end: 30 }, { start: 35, end: 38 }])
  })

  it('[DIS17] none: no span', () => {
    expect(chooseSpans(boundary, { choice: 'none' }, 100)).toEqual([])
  })

  it('[DIS18] custom: one span within the text, every problem listed', () => {
    expect(chooseSpans(boundary, { choice: 'custom', start: 5, end: 70 }, 100)).toEqual([{ start: 5, end: 70 }])
    try {
      chooseSpans(boundary, { choice: 'custom', start: -1, end: 101 }, 100)
      expect.unreachable()
    } catch (e) {
      expect((e as ConcordError).code).toBe('bad_input')
      expect((e as ConcordError).problems.map((p) => p.path)).toEqual(['start', 'end'])
    }
    expect(() => chooseSpans(boundary, { choice: 'custom', start: 30, end: 30 }, 100)).toThrow(/custom/)
    expect(() => chooseSpans(boundary, { choice: 'custom' }, 100)).toThrow(ConcordError)
  })
})

describe('chooseStatus', () => {
  const v: StatusVersion[] = [
    { coderId: 'a', status: 'partial' },
    { coderId: 'b', status: 'described' },
    { coderId: 'c', status: 'none' },
  ]
  it('[DIS22] coder / union (highest) / intersection (lowest) / none / custom', () => {
    expect(chooseStatus(v, { choice: 'coder', coderId: 'a' })).toBe('partial')
    expect(chooseStatus(v, { choice: 'union' })).toBe('described')
    expect(chooseStatus(v, { choice: 'intersection' })).toBe('none')
    expect(chooseStatus(v.slice(0, 2), { choice: 'intersection' })).toBe('partial')
    expect(chooseStatus(v, { choice: 'none' })).toBe('none')
    expect(chooseStatus(v, { choice: 'custom', status: 'partial' })).toBe('partial')
    expect(() => chooseStatus(v, { choice: 'custom' })).toThrow(ConcordError)
    expect(() => chooseStatus(v, { choice: 'coder', coderId: 'z' })).toThrow(ConcordError)
  })
})
