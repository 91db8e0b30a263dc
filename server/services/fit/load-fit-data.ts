/**
 * Everything the fit views read, loaded once per request: the caller's role, the framework built
 * from the codebook, the cases with the independent round each is in, and the status rows (the
 * team's, coderId '', and coders' own). Also the rules on who sees which coder's statuses, kept
 * beside the loader so that the report, the matrix and the exports apply the same ones.
 */
import { and, asc, desc, eq, inArray, isNotNull } from 'drizzle-orm'
import type { Db } from '../../../db/client'
import { cases, codes, fitStatuses, projects, roundCoders, rounds, roundTranscripts, transcripts, type ProjectSettings, type Role } from '../../../db/schema'
import { resolveFitSettings, scoreFit } from '../../domain/fit/score-fit'
import type { Bilingual, CaseFit, FitReport, FitStatus, StatusMap } from '../../domain/fit/types'
import { ConcordError } from '../../errors'
import { requireProjectRole, type Actor } from '../access'
import { buildFramework, type ProjectFramework } from './build-framework'

export interface FitCase {
  id: string
  key: string
  name: Bilingual
}

export interface CaseRound {
  id: string
  name: string
  state: 'blind' | 'revealed'
  coderIds: string[]
}

export interface StatusRow {
  caseId: string
  codeId: string
  /** '' for the team's status (set by the lead); a user id for a coder's own status. */
  coderId: string
  status: FitStatus
}

export interface FitData {
  projectId: string
  projectName: string
  userId: string
  role: Role
  settings: ProjectSettings
  fw: ProjectFramework
  cases: FitCase[]
  /** The newest independent round that holds any of the case's transcripts. */
  roundOfCase: Map<string, CaseRound>
  statusRows: StatusRow[]
}

export async function loadFitData(db: Db, actor: Actor | null, projectId: string, minRole: Role = 'viewer'): Promise<FitData> {
  const role = await requireProjectRole(db, actor, projectId, minRole)
  const [project] = await db.select({ name: projects.name, settings: projects.settings }).from(projects).where(eq(projects.id, projectId))
  if (!project) throw new ConcordError('not_found', 'No such project.')
  const [codeRows, caseRows, statusRows, roundRows] = await Promise.all([
    db.select().from(codes).where(eq(codes.projectId, projectId)),
    db.select().from(cases).where(eq(cases.projectId, projectId)).orderBy(asc(cases.position), asc(cases.createdAt)),
    db
      .select({ caseId: fitStatuses.caseId, codeId: fitStatuses.codeId, coderId: fitStatuses.coderId, status: fitStatuses.status })
      .from(fitStatuses)
      .where(eq(fitStatuses.projectId, projectId)),
    db
      .selectDistinct({ caseId: transcripts.caseId, id: rounds.id, name: rounds.name, state: rounds.state, createdAt: rounds.createdAt })
      .from(roundTranscripts)
      .innerJoin(rounds, eq(rounds.id, roundTranscripts.roundId))
      .innerJoin(transcripts, eq(transcripts.id, roundTranscripts.transcriptId))
      .where(and(eq(transcripts.projectId, projectId), isNotNull(transcripts.caseId)))
      .orderBy(desc(rounds.createdAt)),
  ])
  const roundIds = [...new Set(roundRows.map((r) => r.id))]
  const coderRows = roundIds.length ? await db.select().from(roundCoders).where(inArray(roundCoders.roundId, roundIds)) : []
  const codersOf = new Map<string, string[]>()
  for (const c of coderRows) codersOf.set(c.roundId, [...(codersOf.get(c.roundId) ?? []), c.userId])
  const roundOfCase = new Map<string, CaseRound>()
  for (const r of roundRows) {
    if (!r.caseId || roundOfCase.has(r.caseId)) continue // newest first
    roundOfCase.set(r.caseId, { id: r.id, name: r.name, state: r.state, coderIds: codersOf.get(r.id) ?? [] })
  }
  return {
    projectId,
    projectName: project.name,
    userId: actor!.userId,
    role,
    settings: project.settings,
    fw: buildFramework(codeRows),
    cases: caseRows.map((c) => ({ id: c.id, key: c.key, name: { zh: c.nameZh, en: c.nameEn || c.nameZh } })),
    roundOfCase,
    statusRows,
  }
}

/**
 * Whether the caller may see `coderId`'s own status for a case: always their own; nobody else's
 * while the case's round is blind (as for coding layers); afterwards the lead's, and coders'
 * when the project lets coders see revealed work. Viewers never see individual coders' statuses.
 */
export function canSeeCoderStatus(data: FitData, caseId: string, coderId: string): boolean {
  if (coderId === data.userId) return true
  if (data.roundOfCase.get(caseId)?.state === 'blind') return false
  return data.role === 'lead' || (data.role === 'coder' && data.settings.coderSeesRevealed)
}

/** Whether the caller may record their own status for a case: a coder of its round, while blind. */
export function canRecordOwnStatus(data: FitData, caseId: string): boolean {
  const round = data.roundOfCase.get(caseId)
  return data.role !== 'viewer' && !!round && round.state === 'blind' && round.coderIds.includes(data.userId)
}

/** The statuses of one coder ('' = the team) as scoreFit takes them: case key → indicator key. */
export function statusMapOf(data: FitData, coderId: string, caseIds?: ReadonlySet<string>): StatusMap {
  const keyOfCase = new Map(data.cases.map((c) => [c.id, c.key]))
  const map: StatusMap = {}
  for (const c of data.cases) if (!caseIds || caseIds.has(c.id)) map[c.key] = {}
  for (const r of data.statusRows) {
    if (r.coderId !== coderId) continue
    const caseKey = keyOfCase.get(r.caseId)
    const indicatorKey = data.fw.indicatorKeyById.get(r.codeId)
    if (!caseKey || !indicatorKey || !map[caseKey]) continue
    map[caseKey]![indicatorKey] = r.status
  }
  return map
}

export interface CaseFitWithInfo extends CaseFit {
  /** The case's id and name, so that clients need not look them up. */
  caseId: string
  name: Bilingual
}

export interface ProjectFitReport extends Omit<FitReport, 'cases'> {
  cases: Record<string, CaseFitWithInfo>
  /** The framework the report was scored against, in order. */
  framework: {
    dimensions: Array<{ key: string; id: string; name: Bilingual; short: Bilingual | null; indicators: Array<{ key: string; id: string; name: Bilingual }> }>
  }
  /** Whose statuses: null for the team's. */
  coderId: string | null
}

/** Scores one coder's statuses ('' = the team's) for every case, or for the given ones. */
export function scoreStatuses(data: FitData, coderId: string, caseIds?: ReadonlySet<string>): ProjectFitReport {
  const framework = {
    dimensions: data.fw.dimensions.map((d) => ({
      key: d.key,
      id: d.id,
      name: d.name,
      short: d.short,
      indicators: d.indicators.map((i) => ({ key: i.key, id: i.id, name: i.name })),
    })),
  }
  // A codebook without dimensions has nothing to score; a model name would be made up.
  const scored = data.fw.framework.dimensions.length
    ? scoreFit(data.fw.framework, statusMapOf(data, coderId, caseIds), data.settings.fit)
    : { cases: {}, settings: resolveFitSettings({ dimensions: [] }, data.settings.fit) }
  const byKey = new Map(data.cases.map((c) => [c.key, c]))
  const out: Record<string, CaseFitWithInfo> = {}
  for (const [key, fit] of Object.entries(scored.cases)) {
    const c = byKey.get(key)!
    out[key] = { ...fit, caseId: c.id, name: c.name }
  }
  return { cases: out, settings: scored.settings, framework, coderId: coderId || null }
}
