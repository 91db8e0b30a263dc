import { describe, expect, it } from 'vitest'
import { parseTurns, stripMarkdown } from './transcript-text'

describe('parseTurns', () => {
  it('[IMP1] recognises Chinese full-width speaker labels', () => {
    const turns = parseTurns('访谈者：请介绍一下园区。\n受访者A：我们园区成立于2015年。\n后来又扩建了。')
    expect(turns).toEqual([
      { speaker: '访谈者', text: '请介绍一下园区。' },
      { speaker: '受访者A', text: '我们园区成立于2015年。' },
      { speaker: '受访者A', text: '后来又扩建了。' },
    ])
  })

  it('[IMP2] recognises English labels and single letters, ignores timestamps', () => {
    const turns = parseTurns('Interviewer: Hello.\r\n\r\nA: Hi, at 10:30 we start.\n[00:12:03] B: Yes.')
    expect(turns).toEqual([
      { speaker: 'Interviewer', text: 'Hello.' },
      { speaker: 'A', text: 'Hi, at 10:30 we start.' },
      { speaker: 'B', text: 'Yes.' },
    ])
  })

  it('[IMP3] text without labels becomes paragraphs without a speaker', () => {
    expect(parseTurns('第一段。\n\n第二段，内容：很多。')).toEqual([
      { speaker: null, text: '第一段。' },
      { speaker: null, text: '第二段，内容：很多。' },
    ])
  })

  it('[IMP4] a sentence containing a colon late in the line is not a label', () => {
    expect(parseTurns('他说，我们要做三件事：一是专业，二是课程。')[0].speaker).toBeNull()
  })

  it('[IMP5] strips Markdown syntax', () => {
    expect(stripMarkdown('# 标题\n**访谈者**：你好\n- 要点')).toBe('标题\n访谈者：你好\n要点')
  })
})
