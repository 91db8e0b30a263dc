import { describe, expect, it } from 'vitest'
import { transcriptMetaSchema } from '@/server/services/transcripts/import-transcript'
import { emptyMeta, extensionOf, splitParticipants, titleFromFileName, toMeta } from './transcript-meta'

describe('transcript import form values', () => {
  it('splits participants on English and Chinese separators and new lines', () => {
    expect(splitParticipants('访谈者李某，受访者A、受访者B; Wang\n Zhao ,')).toEqual(['访谈者李某', '受访者A', '受访者B', 'Wang', 'Zhao'])
  })

  it('turns empty optional fields into null so the server applies its defaults', () => {
    const meta = toMeta({ ...emptyMeta, title: '  园区访谈  ' })
    expect(meta).toEqual({ title: '园区访谈', caseId: null, respondentRole: 'other', interviewDate: null, mode: 'onsite', durationMinutes: null, protocol: '', participants: [] })
  })

  it('produces meta the server schema accepts unchanged', () => {
    const meta = toMeta({ title: 'S-01', caseId: 'c1', respondentRole: 'park', interviewDate: '2023-07-12', mode: 'video', durationMinutes: '95', protocol: 'v2', participants: 'A, B' })
    const parsed = transcriptMetaSchema.safeParse(meta)
    expect(parsed.success).toBe(true)
    expect(parsed.data).toEqual({ ...meta, durationMinutes: 95 })
  })

  it('suggests a title from a file name', () => {
    expect(titleFromFileName('S园区_访谈_01.docx')).toBe('S园区 访谈 01')
    expect(titleFromFileName('notes')).toBe('notes')
  })

  it('reads the extension case-insensitively', () => {
    expect(extensionOf('A.DOCX')).toBe('docx')
    expect(extensionOf('noext')).toBe('')
  })
})
