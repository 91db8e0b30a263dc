/**
 * `GET /api/projects/:id/agreement`: the agreement report of a revealed round, in the shape of
 * `concord agreement --json` for the chosen unit (coded-spans shape for `span`, reliability shape
 * otherwise) plus per-code and per-pair tables, the parameters, labels and the data's snapshot id.
 *
 * The computation runs table by table, yielding to the event loop between tables, so a large round
 * never blocks other requests and the dashboard can show progress (`agreementProgress`). Results
 * are kept per parameters and snapshot: recomputing after an unrelated change is free.
 */
import type { LiveDocs } from '../../context'
import type { Db } from '../../../db/client'
import { computeAgreementSteps, type AgreementResult } from '../../domain/agreement/report'
import type { Actor } from '../access'
import { parseAgreementQuery, type AgreementQuery } from './agreement-query'
import { loadAgreementData, type AgreementData, type AgreementLabels } from './load-agreement-data'
import type { RoundInfo } from '../rounds/load-round'

export type AgreementReport = AgreementResult & {
  round: { id: string; name: string; state: 'blind' | 'revealed'; revealedAt: string | null }
  parameters: AgreementQuery & { transcripts: string[]; coders: string[]; codes: string[] }
  labels: AgreementLabels
  snapshotId: string
}

/** When no round has been revealed yet: what the dashboard shows instead of numbers. */
export interface NoAgreement {
  round: null
  unit: AgreementQuery['unit']
  message: string
}

export type AgreementEvent = { type: 'progress'; done: number; total: number } | { type: 'result'; report: AgreementReport | NoAgreement }

const cache = new Map<string, AgreementReport>()
const cacheSize = 24

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve))

/** The report's parameters as used (ids in report order), for the result and for pinning. */
export function usedParameters(query: AgreementQuery, data: AgreementData) {
  return { ...query, transcripts: data.input.documents.map((d) => d.id), coders: data.input.coders, codes: data.input.codes }
}

/** Runs the report's steps, yielding between them; the pure result is identical to `computeAgreement`'s. */
export async function* runAgreement(data: AgreementData): AsyncGenerator<{ done: number; total: number }, AgreementResult> {
  const steps = computeAgreementSteps(data.input)
  for (;;) {
    const next = steps.next()
    if (next.done) return next.value
    yield next.value
    await yieldToEventLoop()
  }
}

export function wrapReport(result: AgreementResult, round: RoundInfo, query: AgreementQuery, data: AgreementData): AgreementReport {
  const notes = [...result.notes, ...data.notes]
  return {
    ...result,
    notes,
    round: { id: round.id, name: round.name, state: round.state, revealedAt: round.revealedAt?.toISOString() ?? null },
    parameters: usedParameters(query, data),
    labels: data.labels,
    snapshotId: data.snapshotId,
  } as AgreementReport
}

/** The message instead of numbers when no round has been revealed yet. */
export const noAgreement = (unit: AgreementQuery['unit']): NoAgreement => ({
  round: null,
  unit,
  message: 'No round has been revealed yet: start an independent round, let the coders code, then reveal it.',
})

/** The report of loaded data, with progress; cached per parameters and snapshot. */
export async function* reportProgress(projectId: string, round: RoundInfo, query: AgreementQuery, data: AgreementData): AsyncGenerator<AgreementEvent, AgreementReport> {
  const key = JSON.stringify([projectId, usedParameters(query, data), data.snapshotId, data.labels, data.notes])
  const hit = cache.get(key)
  if (hit) return hit
  const run = runAgreement(data)
  let next = await run.next()
  while (!next.done) {
    yield { type: 'progress', ...next.value }
    next = await run.next()
  }
  const report = wrapReport(next.value, round, query, data)
  cache.set(key, report)
  if (cache.size > cacheSize) cache.delete(cache.keys().next().value!)
  return report
}

/** Runs an async generator to its end, dropping what it yields. */
export async function drain<R>(run: AsyncGenerator<unknown, R>): Promise<R> {
  let next = await run.next()
  while (!next.done) next = await run.next()
  return next.value
}

export async function* agreementProgress(db: Db, actor: Actor | null, projectId: string, raw: unknown, live: Pick<LiveDocs, 'settleCodings'> | null = null): AsyncGenerator<AgreementEvent> {
  const query = parseAgreementQuery(raw)
  const { round, data } = await loadAgreementData(db, actor, projectId, query, live)
  if (!round || !data) {
    yield { type: 'result', report: noAgreement(query.unit) }
    return
  }
  const report = yield* reportProgress(projectId, round, query, data)
  yield { type: 'result', report }
}

/** The whole report (what scripts get). */
export async function getAgreement(db: Db, actor: Actor | null, projectId: string, raw: unknown, live: Pick<LiveDocs, 'settleCodings'> | null = null): Promise<AgreementReport | NoAgreement> {
  let last: AgreementReport | NoAgreement | null = null
  for await (const e of agreementProgress(db, actor, projectId, raw, live)) if (e.type === 'result') last = e.report
  return last!
}
