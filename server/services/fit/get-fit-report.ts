/**
 * `GET /api/projects/:id/fit`: the fit report of the project's cases in the shape of
 * `concord fit --json` (API.md), keyed by case key, scored from the team's statuses against the
 * framework in the codebook with the project's thresholds. `coderId` scores one coder's own
 * statuses instead, over the cases they recorded statuses for and the caller may see (their own
 * always; others' after the reveal, as the matrix shows them).
 */
import { z } from 'zod'
import type { Db } from '../../../db/client'
import { badInput, problemsFromZod } from '../../errors'
import type { Actor } from '../access'
import { canSeeCoderStatus, loadFitData, scoreStatuses, type ProjectFitReport } from './load-fit-data'

export const fitReportQuerySchema = z.object({ coderId: z.string().trim().max(64).optional() })

export async function getFitReport(db: Db, actor: Actor | null, projectId: string, query: unknown = {}): Promise<ProjectFitReport> {
  const data = await loadFitData(db, actor, projectId)
  const parsed = fitReportQuerySchema.safeParse(query)
  if (!parsed.success) throw badInput('Invalid query.', problemsFromZod(parsed.error.issues))
  const coderId = parsed.data.coderId ?? ''
  if (!coderId) return scoreStatuses(data, '')
  // The cases the coder recorded statuses for, among those whose statuses the caller may see.
  const recorded = new Set(data.statusRows.filter((r) => r.coderId === coderId).map((r) => r.caseId))
  const visible = new Set(data.cases.filter((c) => recorded.has(c.id) && canSeeCoderStatus(data, c.id, coderId)).map((c) => c.id))
  return scoreStatuses(data, coderId, visible)
}
