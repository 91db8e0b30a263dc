/**
 * The case × indicator matrix of the framework page (like NVivo's framework matrices, but live):
 * per cell the evidence (the shared layer's coded segments of the indicator and its sub-codes in
 * the case's transcripts, with links), the team's status, the status the evidence suggests, the
 * team's summary, and the coders' own statuses the caller may see; beside it the team's fit
 * report and, when coders recorded statuses, their agreement.
 */
import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm'
import type { Db } from '../../../db/client'
import { codings, transcripts, users } from '../../../db/schema'
import { suggestStatus } from '../../domain/fit/suggest-status'
import type { Bilingual, FitStatus } from '../../domain/fit/types'
import type { LiveDocs } from '../../context'
import { summaryRoom } from '../../realtime-rooms'
import type { Actor } from '../access'
import { computeStatusAgreement, type StatusAgreement } from './compute-status-agreement'
import type { FrameworkDimensionInfo } from './build-framework'
import { canRecordOwnStatus, canSeeCoderStatus, loadFitData, scoreStatuses, type FitData, type ProjectFitReport } from './load-fit-data'
import { readSummaries } from './read-summaries'

export interface EvidenceItem {
  transcriptId: string
  transcriptTitle: string
  /** The code applied: the indicator itself or one of its sub-codes. */
  codeId: string
  start: number
  end: number
  text: string
}

export interface MatrixCell {
  caseId: string
  codeId: string
  /** The team's status; null when the lead has not set one (it then counts as none). */
  status: FitStatus | null
  suggested: 'described' | 'none'
  evidence: EvidenceItem[]
  summary: string
  /** The sync room of the cell's summary. */
  room: string
  /** Coders' own statuses the caller may see, by coder id. */
  coders: Record<string, FitStatus>
}

export interface MatrixCase {
  id: string
  key: string
  name: Bilingual
  round: { id: string; name: string; state: 'blind' | 'revealed' } | null
  /** The caller codes this case's blind round and may record their own statuses. */
  canRecordOwn: boolean
}

export interface FrameworkMatrix {
  projectId: string
  projectName: string
  role: FitData['role']
  userId: string
  dimensions: FrameworkDimensionInfo[]
  cases: MatrixCase[]
  /** Case-major, indicators in framework order. */
  cells: MatrixCell[]
  /** The team's fit (same shape as GET /fit). */
  report: ProjectFitReport
  /** The coders whose statuses appear in `cells` or `agreement`, with names. */
  coders: Array<{ id: string; name: string }>
  /** Coders' status agreement over the cases whose round is no longer blind; null below two coders. */
  agreement: StatusAgreement | null
  /** Cases with coders' statuses still blind (left out of the agreement until the reveal). */
  blindCasesWithCoderStatuses: number
}

export async function getFrameworkMatrix(db: Db, actor: Actor | null, projectId: string, live: Pick<LiveDocs, 'readState' | 'settleCodings'> | null = null): Promise<FrameworkMatrix> {
  const data = await loadFitData(db, actor, projectId)
  await live?.settleCodings(projectId) // rows include what the live documents have received
  const [evidence, summaries] = await Promise.all([loadEvidence(db, data), readSummaries(db, live, projectId)])
  const indicators = data.fw.dimensions.flatMap((d) => d.indicators)

  const teamStatus = new Map<string, FitStatus>()
  const coderStatus = new Map<string, Record<string, FitStatus>>()
  for (const r of data.statusRows) {
    const cell = `${r.caseId}|${r.codeId}`
    if (r.coderId === '') teamStatus.set(cell, r.status)
    else if (canSeeCoderStatus(data, r.caseId, r.coderId)) coderStatus.set(cell, { ...coderStatus.get(cell), [r.coderId]: r.status })
  }

  const cells: MatrixCell[] = data.cases.flatMap((c) =>
    indicators.map((i) => {
      const key = `${c.id}|${i.id}`
      const items = evidence.get(key) ?? []
      const room = summaryRoom(projectId, c.id, i.id)
      return {
        caseId: c.id,
        codeId: i.id,
        status: teamStatus.get(key) ?? null,
        suggested: suggestStatus(items.length),
        evidence: items,
        summary: summaries.get(room) ?? '',
        room,
        coders: coderStatus.get(key) ?? {},
      }
    }),
  )

  // Agreement only over cases no longer blind: while a round is blind its statuses are private.
  const blind = new Set(data.cases.filter((c) => data.roundOfCase.get(c.id)?.state === 'blind').map((c) => c.id))
  const coderRows = data.statusRows.filter((r) => r.coderId !== '')
  const agreement = computeStatusAgreement(
    coderRows.filter((r) => !blind.has(r.caseId)),
    data.cases.map((c) => c.id).filter((id) => !blind.has(id)),
    indicators.map((i) => i.id),
  )
  const blindCases = new Set(coderRows.filter((r) => blind.has(r.caseId)).map((r) => r.caseId)).size

  const coderIds = new Set<string>([...(agreement?.coders ?? []), ...[...coderStatus.values()].flatMap((m) => Object.keys(m))])
  for (const c of data.cases) if (canRecordOwnStatus(data, c.id)) coderIds.add(data.userId)
  const names = coderIds.size ? await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, [...coderIds])) : []

  return {
    projectId,
    projectName: data.projectName,
    role: data.role,
    userId: data.userId,
    dimensions: data.fw.dimensions,
    cases: data.cases.map((c) => {
      const round = data.roundOfCase.get(c.id)
      return { ...c, round: round ? { id: round.id, name: round.name, state: round.state } : null, canRecordOwn: canRecordOwnStatus(data, c.id) }
    }),
    cells,
    report: scoreStatuses(data, ''),
    coders: [...coderIds].map((id) => ({ id, name: names.find((n) => n.id === id)?.name ?? id })).sort((a, b) => a.name.localeCompare(b.name)),
    agreement,
    blindCasesWithCoderStatuses: blindCases,
  }
}

/** Shared-layer codings of each indicator (and its sub-codes) per case, by "caseId|indicatorId". */
async function loadEvidence(db: Db, data: FitData): Promise<Map<string, EvidenceItem[]>> {
  const rows = await db
    .select({
      transcriptId: codings.transcriptId,
      transcriptTitle: transcripts.title,
      caseId: transcripts.caseId,
      codeId: codings.codeId,
      start: codings.start,
      end: codings.end,
      text: codings.text,
    })
    .from(codings)
    .innerJoin(transcripts, eq(transcripts.id, codings.transcriptId))
    .where(and(eq(codings.projectId, data.projectId), eq(codings.layer, 'shared'), isNotNull(transcripts.caseId)))
    .orderBy(asc(transcripts.position), asc(transcripts.createdAt), asc(codings.start), asc(codings.end))
  const out = new Map<string, EvidenceItem[]>()
  // The same passage coded by two coders in open coding is one piece of evidence.
  const seen = new Set<string>()
  for (const r of rows) {
    const indicator = data.fw.indicatorOfCode.get(r.codeId)
    if (!indicator || !r.caseId) continue
    const dedupe = `${r.transcriptId}|${r.codeId}|${r.start}|${r.end}`
    if (seen.has(dedupe)) continue
    seen.add(dedupe)
    const key = `${r.caseId}|${indicator}`
    const item: EvidenceItem = { transcriptId: r.transcriptId, transcriptTitle: r.transcriptTitle, codeId: r.codeId, start: r.start, end: r.end, text: r.text }
    out.set(key, [...(out.get(key) ?? []), item])
  }
  return out
}
