/**
 * Reads the demo's transcripts (db/seed/demo/transcripts/*.json) and turns each coding's
 * quote into character offsets. Every quote must occur exactly once in one turn; the demo
 * content tests check this, so a broken file fails CI rather than seeding wrong codings.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'

const localized = z.object({ zh: z.string(), en: z.string() })
export const demoTranscriptSchema = z.object({
  key: z.string(),
  case: z.string(),
  title: localized,
  role: z.enum(['park', 'college', 'enterprise', 'research']),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  mode: z.enum(['onsite', 'video']),
  durationMinutes: z.number().int().positive(),
  protocol: z.string(),
  participants: z.array(z.string()),
  turns: z.array(z.object({ speaker: z.string(), text: z.string().min(1) })).min(1),
  codings: z.array(
    z.object({
      code: z.string(),
      quote: z.string().min(1),
      coders: z.array(z.enum(['coder1', 'coder2'])).min(1),
      quotes: z.record(z.string(), z.string()).optional(),
    }),
  ),
})
export type DemoTranscript = z.infer<typeof demoTranscriptSchema>

export interface DemoCoding {
  code: string
  coder: 'coder1' | 'coder2'
  start: number
  end: number
}

export const demoDir = fileURLToPath(new URL('../../../db/seed/demo/transcripts/', import.meta.url))

export function loadDemoTranscripts(dir = demoDir): DemoTranscript[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const parsed = demoTranscriptSchema.safeParse(JSON.parse(readFileSync(join(dir, f), 'utf8')))
      if (!parsed.success) throw new Error(`demo transcript ${f}: ${parsed.error.issues.map((i) => i.path.join('.') + ' ' + i.message).join('; ')}`)
      return parsed.data
    })
}

/** Plain-text offset of each turn (turns are joined with '\n', as the editor projection does). */
export function turnOffsets(turns: { text: string }[]): number[] {
  const out: number[] = []
  let at = 0
  for (const t of turns) {
    out.push(at)
    at += t.text.length + 1
  }
  return out
}

/** Resolves every quote to offsets, per coder; throws naming the transcript and quote when a quote is not unique. */
export function resolveDemoCodings(t: DemoTranscript): DemoCoding[] {
  const offsets = turnOffsets(t.turns)
  const locate = (quote: string) => {
    const hits: number[] = []
    t.turns.forEach((turn, i) => {
      let from = 0
      for (;;) {
        const at = turn.text.indexOf(quote, from)
        if (at < 0) break
        hits.push(offsets[i] + at)
        from = at + 1
      }
    })
    if (hits.length !== 1) throw new Error(`demo transcript ${t.key}: quote found ${hits.length} times: "${quote.slice(0, 40)}…"`)
    return hits[0]
  }
  const out: DemoCoding[] = []
  for (const c of t.codings) {
    for (const coder of c.coders) {
      const quote = c.quotes?.[coder] ?? c.quote
      const start = locate(quote)
      out.push({ code: c.code, coder, start, end: start + quote.length })
    }
  }
  return out
}

export type DemoStatus = 'described' | 'partial' | 'none'

/**
 * The demo coders' own framework judgements of the revealed round's case where they differ from
 * the team's (the study's) status: each coder read the evidence for a few indicators as thinner
 * than the team finally did. Everywhere else both coders recorded the team's status.
 *
 * Every difference is a *lower* status than the team's, so that the higher of the two coders'
 * statuses is always the team's: a status dispute decided by "union" (the higher status, as the
 * demo's lead does) keeps the study's statuses, which the fit matrix must reproduce.
 */
export const demoCoderStatusDifferences: Record<string, Record<'coder1' | 'coder2', Record<string, DemoStatus>>> = {
  Z: {
    coder1: { 'talent.lifelong': 'partial', 'technology.platform': 'partial' },
    coder2: { 'talent.certificates': 'partial', 'technology.consulting': 'partial', 'administration.funding': 'none' },
  },
}

const statusRank: Record<DemoStatus, number> = { none: 0, partial: 1, described: 2 }

/** Each demo coder's statuses for a case: the team's, with the case's differences applied. Throws if a difference is not lower than the team's. */
export function demoCoderStatuses(caseKey: string, team: Record<string, DemoStatus>): Record<'coder1' | 'coder2', Record<string, DemoStatus>> | null {
  const differences = demoCoderStatusDifferences[caseKey]
  if (!differences) return null
  const out = { coder1: { ...team }, coder2: { ...team } }
  for (const coder of ['coder1', 'coder2'] as const) {
    for (const [key, status] of Object.entries(differences[coder])) {
      if (!(key in team)) throw new Error(`demo coder statuses: case ${caseKey} has no indicator ${key}`)
      if (statusRank[status] >= statusRank[team[key]]) throw new Error(`demo coder statuses: ${coder}'s ${caseKey} ${key} must be lower than the team's ${team[key]}`)
      out[coder][key] = status
    }
  }
  return out
}
