/**
 * The demo's transcripts are data that CI must check: every coded quote resolves to exactly one
 * place, and the codings are the evidence for the study's framework statuses
 * (db/seed/framework.json): an indicator a case's interviews describe (`described`) or describe
 * vaguely (`partial`) has coded segments in that case's transcripts; one marked `none`
 * (未见具体描述, METHOD.md §4) has none — otherwise the fit matrix, which suggests statuses from
 * the evidence, would contradict the study on first start.
 */
import { describe, expect, it } from 'vitest'
import seed from '../../../db/seed/framework.json'
import { demoCoderStatuses, loadDemoTranscripts, resolveDemoCodings, turnOffsets, type DemoStatus, type DemoTranscript } from './demo-content'

const transcripts = loadDemoTranscripts()
const indicatorKeys = new Set(seed.framework.dimensions.flatMap((d) => d.indicators.map((i) => i.key)))
const plainText = (t: DemoTranscript) => t.turns.map((x) => x.text).join('\n')

describe('demo transcripts', () => {
  it('there are at least 8, two or more per case, covering the four respondent roles', () => {
    expect(transcripts.length).toBeGreaterThanOrEqual(8)
    for (const c of seed.cases) expect(transcripts.filter((t) => t.case === c.key).length, `case ${c.key}`).toBeGreaterThanOrEqual(2)
    expect(new Set(transcripts.map((t) => t.role))).toEqual(new Set(['park', 'college', 'enterprise', 'research']))
    expect(new Set(transcripts.map((t) => t.key)).size).toBe(transcripts.length)
  })

  it('each is several thousand characters of Chinese interview with speaker turns', () => {
    for (const t of transcripts) {
      expect(plainText(t).length, t.key).toBeGreaterThanOrEqual(3000)
      expect(new Set(t.turns.map((x) => x.speaker)).size, t.key).toBeGreaterThanOrEqual(2)
      expect(t.turns.length, t.key).toBeGreaterThanOrEqual(10)
      const han = (plainText(t).match(/\p{Script=Han}/gu) ?? []).length
      expect(han / plainText(t).length, t.key).toBeGreaterThan(0.6)
    }
  })

  it('every quote resolves to exactly one place, inside one turn, and the offsets give back the quote', () => {
    for (const t of transcripts) {
      const text = plainText(t)
      const resolved = resolveDemoCodings(t)
      expect(resolved.length, t.key).toBe(t.codings.reduce((n, c) => n + c.coders.length, 0))
      const offsets = turnOffsets(t.turns)
      let i = 0
      for (const c of t.codings) {
        for (const coder of c.coders) {
          const r = resolved[i++]
          const quote = c.quotes?.[coder] ?? c.quote
          expect(r).toMatchObject({ code: c.code, coder })
          expect(text.slice(r.start, r.end), `${t.key} ${c.code}`).toBe(quote)
          expect(text.slice(r.start, r.end)).not.toContain('\n')
          const turn = offsets.findLastIndex((o) => o <= r.start)
          expect(r.end, `${t.key}: quote runs past its turn`).toBeLessThanOrEqual(offsets[turn] + t.turns[turn].text.length)
        }
      }
    }
  })

  it('resolving fails loudly, naming the transcript, when a quote is missing or ambiguous', () => {
    const t = transcripts[0]
    expect(() => resolveDemoCodings({ ...t, codings: [{ code: 'talent.programs', quote: '这句话不在访谈里出现过', coders: ['coder1'] }] })).toThrow(new RegExp(`${t.key}.*found 0 times`))
    expect(() => resolveDemoCodings({ ...t, codings: [{ code: 'talent.programs', quote: '，', coders: ['coder1'] }] })).toThrow(/found \d+ times/)
  })

  it('codings use the framework’s indicators only (not dimensions, not unknown keys)', () => {
    for (const t of transcripts) for (const c of t.codings) expect(indicatorKeys.has(c.code), `${t.key}: ${c.code}`).toBe(true)
  })

  it('the evidence rule: described/partial ⇒ coded segments in the case; none ⇒ no coded segment, for every case × indicator', () => {
    const evidence = new Map<string, number>()
    for (const t of transcripts) for (const c of resolveDemoCodings(t)) evidence.set(`${t.case}|${c.code}`, (evidence.get(`${t.case}|${c.code}`) ?? 0) + 1)
    const broken: string[] = []
    for (const c of seed.cases) {
      for (const key of indicatorKeys) {
        const status = (c.statuses as Record<string, string>)[key] ?? 'none'
        const n = evidence.get(`${c.key}|${key}`) ?? 0
        if (status === 'none' && n > 0) broken.push(`${c.key} ${key}: status none but ${n} coded segments`)
        if (status !== 'none' && n === 0) broken.push(`${c.key} ${key}: status ${status} but no coded segment`)
      }
    }
    expect(broken).toEqual([])
  })

  it('both coders code every case, with some disagreement for the rounds to show', () => {
    for (const c of seed.cases) {
      const all = transcripts.filter((t) => t.case === c.key).flatMap((t) => resolveDemoCodings(t))
      expect(all.some((x) => x.coder === 'coder1'), c.key).toBe(true)
      expect(all.some((x) => x.coder === 'coder2'), c.key).toBe(true)
    }
    const disagreements = transcripts.flatMap((t) => t.codings.filter((c) => c.coders.length === 1 || (c.quotes && Object.keys(c.quotes).length > 0)))
    expect(disagreements.length).toBeGreaterThan(0)
  })

  it('coder statuses: a few cells of the revealed case differ, always below the team status, so deciding by the higher keeps the study’s statuses', () => {
    const z = seed.cases.find((c) => c.key === 'Z')!
    const team = z.statuses as Record<string, DemoStatus>
    const own = demoCoderStatuses('Z', team)!
    const differing = Object.keys(team).filter((k) => own.coder1[k] !== own.coder2[k])
    expect(differing.length).toBeGreaterThanOrEqual(3)
    const rank = { none: 0, partial: 1, described: 2 }
    for (const k of Object.keys(team)) expect(rank[own.coder1[k]] > rank[own.coder2[k]] ? own.coder1[k] : own.coder2[k], k).toBe(team[k])
    expect(demoCoderStatuses('S', team)).toBeNull()
    expect(() => demoCoderStatuses('Z', { ...team, 'talent.lifelong': 'none' })).toThrow(/lower than the team/)
  })
})
