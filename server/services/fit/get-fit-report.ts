/**
 * `GET /api/projects/:id/fit`: the fit report of the project's cases in the shape of
 * `concord fit --json` (API.md), keyed by case key, scored from the team's statuses against the
 * framework in the codebook with the project's thresholds. `coderId` scores one coder's own
 * statuses instead (the caller's own always; others' only where the caller may see them).
 */
import { z } from 'zod'
import type { Db } from '../../../db/client'
import { badInput, ConcordError, problemsFromZod } from '../../errors'
import type { Actor } from '../access'
import { canSeeCoderStatus, loadFitData, scoreStatuses, type ProjectFitReport } from './load-fit-data'

export const fitReportQuerySchema = z.object({ coderId: z.string().trim().max(64).optional() })

export async function getFitReport(db: Db, actor: Actor | null, projectId: string, query: unknown = {}): Promise<ProjectFitReport> {
  const data = await loadFitData(db, actor, projectId)
  const parsed = fitReportQuerySchema.safeParse(query)
  if (!parsed.success) throw badInput('Invalid query.', problemsFromZod(parsed.error.issues))
  const coderId = parsed.data.coderId ?? ''
  if (!coderId) return scoreStatuses(data, '')
  const visible = new Set(data.cases.filter((c) => canSeeCoderStatus(data, c.id, coderId)).map((c) => c.id))
  if (visible.size === 0) throw new ConcordError('forbidden', "You cannot see this coder's statuses (their round is blind, or your role does not show them).")
  return scoreStatuses(data, coderId, visible)
}
