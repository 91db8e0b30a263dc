import { describe, expect, it } from 'vitest'
import type { Coding } from '../spans'
import { computeAgreement, csvCell, documentSegments, findDisagreements, writeMethodsParagraph, writeReportCsv, type ReliabilityAgreement, type SpanAgreement } from '.'

const c = (coder: string, start: number, end: number, code = 'X', document = 'T1'): Coding => ({ document, coder, code, start, end })

describe('disagreements (drill-down)', () => {
  const documents = [
    { id: 'T1', length: 100, segments: [{ id: 't1', start: 0, end: 20 }, { id: 't2', start: 21, end: 50 }, { id: 't3', start: 51, end: 100 }] },
    { id: 'T2', length: 50, segments: [{ id: 't1', start: 0, end: 50 }] },
  ]
  const codings = [c('a', 0, 10), c('b', 0, 10), c('a', 25, 40), c('b', 28, 40), c('a', 60, 70), c('b', 5, 9, 'X', 'T2'), c('b', 30, 35, 'Y')]

  it('[AGR10] span: one passage per stretch where the coders differ, presence vs boundary', () => {
    const { passages, total } = findDisagreements({ unit: 'span', documents, coders: ['a', 'b'], code: 'X', codings })
    expect(total).toBe(3)
    expect(passages.map((p) => [p.document, p.start, p.end, p.kind])).toEqual([
      ['T1', 25, 40, 'boundary'],
      ['T1', 60, 70, 'presence'],
      ['T2', 5, 9, 'presence'],
    ])
    expect(passages[0].coders).toEqual([
      { coder: 'a', spans: [{ start: 25, end: 40 }] },
      { coder: 'b', spans: [{ start: 28, end: 40 }] },
    ])
  })

  it('[AGR10] segment: the segments whose presence differs; document: transcripts some coder left without the code', () => {
    const seg = findDisagreements({ unit: 'segment', documents, coders: ['a', 'b'], code: 'X', codings })
    expect(seg.passages.map((p) => [p.document, p.unit, p.start, p.end])).toEqual([
      ['T1', 't3', 51, 100],
      ['T2', 't1', 0, 50],
    ])
    const doc = findDisagreements({ unit: 'document', documents, coders: ['a', 'b'], code: 'X', codings })
    expect(doc.passages.map((p) => [p.document, p.start, p.end])).toEqual([['T2', 5, 9]])
  })

  it('[AGR10] matched: an unmatched segment is listed once, widened to the overlapping spans', () => {
    const m = findDisagreements({ unit: 'matched', documents, coders: ['a', 'b'], code: 'X', codings, threshold: 0.9 })
    expect(m.passages.map((p) => [p.document, p.start, p.end, p.kind])).toEqual([
      ['T1', 25, 40, 'boundary'],
      ['T1', 60, 70, 'presence'],
      ['T2', 5, 9, 'presence'],
    ])
    const loose = findDisagreements({ unit: 'matched', documents, coders: ['a', 'b'], code: 'X', codings, threshold: 0.5 })
    expect(loose.passages.map((p) => p.start)).toEqual([60, 5])
  })

  it('[AGR10] the limit keeps the first passages and counts all', () => {
    const many = Array.from({ length: 30 }, (_, i) => c('a', i * 3, i * 3 + 1))
    const r = findDisagreements({ unit: 'span', documents, coders: ['a', 'b'], code: 'X', codings: many, limit: 5 })
    expect(r.passages).toHaveLength(5)
    expect(r.total).toBe(30)
  })
})

describe('segments of a transcript', () => {
  it('[AGR3] turns are the projected paragraphs (empty ones skipped, ids kept); paragraphs and sentences come from the text', () => {
    const text = '甲：你好。我们开始吧？\n\n乙：好的. Yes'
    const turns = [{ start: 0, end: 11 }, { start: 12, end: 12 }, { start: 13, end: 23 }]
    expect(documentSegments('turn', text, turns)).toEqual([{ id: 't1', start: 0, end: 11 }, { id: 't3', start: 13, end: 23 }])
    expect(documentSegments('paragraph', text, turns).map((s) => text.slice(s.start, s.end))).toEqual(['甲：你好。我们开始吧？', '乙：好的. Yes'])
    expect(documentSegments('sentence', text, turns).map((s) => text.slice(s.start, s.end))).toEqual(['甲：你好。', '我们开始吧？', '乙：好的.', 'Yes'])
  })
})

describe('exports', () => {
  const documents = [{ id: 'T1', length: 100, segments: [0, 20, 40, 60, 80].map((s, i) => ({ id: `t${i + 1}`, start: s, end: s + 19 })) }]
  const codings = [c('a', 0, 10), c('b', 0, 10), c('a', 41, 45), c('b', 61, 70), c('a', 0, 30, 'Y'), c('b', 2, 30, 'Y')]
  const names: Record<string, string> = { a: '=Wang', b: 'Chen', X: 'talent, programs', Y: '"quoted"' }
  const labels = { coderName: (id: string) => names[id] ?? id, codeName: (id: string) => names[id] ?? id }

  it('[AGR11] CSV: long form, overall first, quoted, no formula injection', () => {
    const r = computeAgreement({ unit: 'segment', documents, coders: ['a', 'b'], codes: ['X', 'Y'], codings, bootstrap: 0 }) as ReliabilityAgreement
    const csv = writeReportCsv(r, labels)
    const lines = csv.trimEnd().split('\r\n')
    expect(lines[0]).toBe('scope,coders,code_id,code,statistic,value,ci_low,ci_high,se,reading,units')
    expect(lines[1]).toMatch(/^all,'=Wang \| Chen,,\(overall\),krippendorffAlpha,/)
    expect(csv).toContain(`all,'=Wang | Chen,X,"talent, programs",percentAgreement,${r.codes.X.percentAgreement},,,,,5`)
    expect(csv).toContain('"""quoted"""')
    expect(csv).not.toMatch(/,fleissKappa,/) // two coders: Fleiss is Scott's pi, not a row
    expect(csvCell('+1')).toBe("'+1")
    expect(csvCell(-0.5)).toBe('-0.5')
  })

  it('[AGR12] methods paragraph in English and Chinese names coders, unit, values, interval, software and snapshot', () => {
    const r = computeAgreement({ unit: 'segment', documents: [...documents, { ...documents[0], id: 'T2' }], coders: ['a', 'b'], codes: ['X', 'Y'], codings: [...codings, ...codings.map((x) => ({ ...x, document: 'T2' }))], bootstrap: 200 }) as ReliabilityAgreement
    const base = { result: r, segment: 'turn' as const, roundName: 'Round 1', coderNames: ['Wang', 'Chen'], codeName: labels.codeName, transcripts: 2, software: { name: 'Concord', version: '9.9.9' }, snapshotId: 'abc123', date: '2026-01-02' }
    const en = writeMethodsParagraph({ ...base, lang: 'en' })
    expect(en).toContain('2 transcripts')
    expect(en).toContain('Wang and Chen')
    expect(en).toContain('speaker turn')
    expect(en).toContain(`Krippendorff's alpha (nominal) = ${r.krippendorffAlpha!.toFixed(3)}`)
    if (r.alphaCI) expect(en).toContain(`95% CI ${r.alphaCI[0].toFixed(3)}–${r.alphaCI[1].toFixed(3)}`)
    expect(en).toContain(`Cohen's kappa = ${r.cohenKappa!.toFixed(3)} (SE ${r.se.cohenKappa!.toFixed(3)})`)
    expect(en).toContain('Concord 9.9.9')
    expect(en).toContain('abc123')
    expect(en).toContain('2026-01-02')
    const zh = writeMethodsParagraph({ ...base, lang: 'zh' })
    expect(zh).toContain('Wang、Chen')
    expect(zh).toContain('话轮')
    expect(zh).toContain(`Cohen's κ = ${r.cohenKappa!.toFixed(3)}`)
    expect(zh).toContain('Concord 9.9.9')
    expect(zh).toContain('abc123')
    const span = computeAgreement({ unit: 'span', documents, coders: ['a', 'b'], codes: ['X', 'Y'], codings }) as SpanAgreement
    const spanEn = writeMethodsParagraph({ ...base, result: span, lang: 'en', transcripts: 1 })
    expect(spanEn).toContain(`uα; Krippendorff 2004, §12.4) = ${span.overall.unitizingAlpha!.toFixed(3)}`)
    expect(spanEn).toContain('1 transcript (100 characters)')
  })
})
