import { describe, expect, it } from 'vitest'
import { formatAttributesText, parseAttributesText } from './attributes-text'

describe('case attributes as name = value lines', () => {
  it('reads names and values, trimming spaces and skipping blank lines', () => {
    const r = parseAttributesText('城市 = 苏州\n\n  founded=2023  \n')
    expect(r.problems).toEqual([])
    expect(r.attributes).toEqual({ 城市: '苏州', founded: '2023' })
  })

  it('splits on the first "=" only, so values may contain "="', () => {
    expect(parseAttributesText('url = https://x.org/?a=1').attributes).toEqual({ url: 'https://x.org/?a=1' })
  })

  it('keeps an empty value', () => {
    expect(parseAttributesText('note =').attributes).toEqual({ note: '' })
  })

  it('lists every problem with its 1-based line, not just the first', () => {
    const r = parseAttributesText('a = 1\nno equals here\n = orphan\na = 2')
    expect(r.problems).toEqual([
      { line: 2, kind: 'noEquals' },
      { line: 3, kind: 'noName' },
      { line: 4, kind: 'duplicate', name: 'a' },
    ])
  })

  it('handles Windows line endings', () => {
    expect(parseAttributesText('a = 1\r\nb = 2').attributes).toEqual({ a: '1', b: '2' })
  })

  it('round-trips through format', () => {
    const attrs = { 城市: '苏州', 'lead college': '苏州职业大学' }
    expect(parseAttributesText(formatAttributesText(attrs)).attributes).toEqual(attrs)
  })
})
