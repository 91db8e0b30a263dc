/**
 * `GET /api/projects/:id/agreement/arbitration`: agreement before and after arbitration, for the
 * dashboard and for the audit trail of a paper.
 *
 * - **Before**: the coders' independent layers compared with each other — the round's report,
 *   exactly as `GET …/agreement` computes it with the same parameters.
 * - **After**: each coder's layer compared with the consensus (the shared layer the lead's
 *   decisions and the auto-merged agreed passages are written to; for the `status` unit, the
 *   team's statuses). This is how far each coder's independent coding stands from the final,
 *   arbitrated coding — the figure reported next to the initial reliability when a team codes by
 *   consensus. While disputes are still open the consensus is incomplete, so the dispute
 *   progress comes with it.
 *
 * The consensus takes part in the comparison as one more rater, `consensus`, on the same
 * transcripts, codes and units as the coders.
 */
import type { LiveDocs } from '../../context'
import { and, eq, inArray, isNull } from 'drizzle-orm'
import type { Db } from '../../../db/client'
import { codings, disputes, fitStatuses } from '../../../db/schema'
import type { AgreementInput, AgreementResult, ReliabilityTable, SpanTable, StatusRating } from '../../domain/agreement/report'
import type { Coding } from '../../domain/agreement/spans'
import type { Actor } from '../access'
import { parseAgreementQuery } from './agreement-query'
import { drain, noAgreement, reportProgress, runAgreement, type AgreementReport, type NoAgreement } from './get-agreement'
import { loadAgreementData } from './load-agreement-data'

/** The rater id of the consensus layer in the "after" comparisons (user ids never take this form). */
export const CONSENSUS = 'consensus'

/** One comparison's overall table and per-code tables. */
export interface ComparisonTables {
  overall: ReliabilityTable | SpanTable
  codes: Record<string, ReliabilityTable | SpanTable>
}

export interface ArbitrationAgreement {
  round: AgreementReport['round']
  unit: AgreementReport['unit']
  parameters: AgreementReport['parameters']
  labels: AgreementReport['labels']
  /** The coders with each other, before arbitration. */
  before: ComparisonTables & { coders: string[] }
  /** Each coder with the consensus, after arbitration. */
  after: (ComparisonTables & { coderId: string })[]
  /** The consensus compared: its codings (or statuses) in the selection. */
  consensus: { items: number }
  /** The round's current disputes: while some are open, the consensus is not final. */
  disputes: { decided: number; total: number }
  notes: string[]
}

export function tablesOf(result: AgreementResult): ComparisonTables {
  if (result.unit === 'span') return { overall: result.overall, codes: result.codes }
  const { codes, pairs: _pairs, coderIds: _ids, unit: _unit, documents: _documents, ...overall } = result
  return { overall: overall as ReliabilityTable, codes }
}

export async function getArbitrationAgreement(db: Db, actor: Actor | null, projectId: string, raw: unknown, live: Pick<LiveDocs, 'settleCodings'> | null = null): Promise<ArbitrationAgreement | NoAgreement> {
  const query = parseAgreementQuery(raw)
  const { round: loaded, data } = await loadAgreementData(db, actor, projectId, query, live)
  if (!loaded || !data) return noAgreement(query.unit)
  const before = await drain(reportProgress(projectId, loaded, query, data))
  const input = data.input
  const consensus = await loadConsensus(db, projectId, input)

  const after: ArbitrationAgreement['after'] = []
  for (const coderId of input.coders) {
    const result = await drain(runAgreement({ ...data, input: compareWithConsensus(input, coderId, consensus) }))
    after.push({ coderId, ...tablesOf(result) })
  }

  const round = before.round
  const current = await db
    .select({ state: disputes.state })
    .from(disputes)
    .where(and(eq(disputes.projectId, projectId), eq(disputes.roundId, round.id), isNull(disputes.supersededAt)))
  const notes: string[] = []
  const open = current.filter((d) => d.state !== 'decided').length
  if (open > 0) notes.push(`${open} dispute(s) of this round are still open: the consensus is not final yet.`)
  if (consensus.items === 0) notes.push('The consensus layer of these transcripts is empty: nothing has been merged or decided yet.')
  return {
    round,
    unit: before.unit,
    parameters: before.parameters,
    labels: before.labels,
    before: { coders: input.coders, ...tablesOf(before) },
    after,
    consensus: { items: consensus.items },
    disputes: { decided: current.length - open, total: current.length },
    notes,
  }
}

interface Consensus {
  codings: Coding[]
  statuses: StatusRating[]
  items: number
}

/** The shared layer's codings (clipped to the text, as the coders' are) or the team's statuses, of the selection. */
async function loadConsensus(db: Db, projectId: string, input: AgreementInput): Promise<Consensus> {
  const codes = new Set(input.codes)
  if (input.unit === 'status') {
    const caseIds = [...new Set(input.documents.map((d) => d.caseId).filter((c): c is string => !!c))]
    const rows = caseIds.length
      ? await db
          .select({ caseId: fitStatuses.caseId, codeId: fitStatuses.codeId, status: fitStatuses.status })
          .from(fitStatuses)
          .where(and(eq(fitStatuses.projectId, projectId), eq(fitStatuses.coderId, ''), inArray(fitStatuses.caseId, caseIds)))
      : []
    const statuses = rows.filter((r) => codes.has(r.codeId)).map((r) => ({ ...r, coderId: CONSENSUS, status: r.status as StatusRating['status'] }))
    return { codings: [], statuses, items: statuses.length }
  }
  const lengthOf = new Map(input.documents.map((d) => [d.id, d.length]))
  const rows = lengthOf.size
    ? await db
        .select({ document: codings.transcriptId, code: codings.codeId, start: codings.start, end: codings.end })
        .from(codings)
        .where(and(inArray(codings.transcriptId, [...lengthOf.keys()]), eq(codings.layer, 'shared')))
    : []
  const out: Coding[] = []
  for (const r of rows) {
    const end = Math.min(r.end, lengthOf.get(r.document) ?? 0)
    if (codes.has(r.code) && r.start < end) out.push({ document: r.document, coder: CONSENSUS, code: r.code, start: r.start, end })
  }
  out.sort((a, b) => (a.document < b.document ? -1 : a.document > b.document ? 1 : 0) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) || a.start - b.start || a.end - b.end)
  return { codings: out, statuses: [], items: out.length }
}

/** The report's input narrowed to one coder, plus the consensus as the second rater. */
export function compareWithConsensus(input: AgreementInput, coderId: string, consensus: Pick<Consensus, 'codings' | 'statuses'>): AgreementInput {
  return {
    ...input,
    coders: [coderId, CONSENSUS],
    codings: [...input.codings.filter((c) => c.coder === coderId), ...consensus.codings],
    statuses: [...(input.statuses ?? []).filter((s) => s.coderId === coderId), ...consensus.statuses],
  }
}
