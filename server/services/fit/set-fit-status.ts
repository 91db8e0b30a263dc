/**
 * Records a framework status for a case × indicator: the lead sets the team's status (coderId
 * ''), a coder of a case's blind independent round records their own (coderId = themselves).
 * `status: null` clears it (the indicator then counts as none again). Every open fit view
 * recomputes at once through the 'fit' event.
 */
import { and, eq } from 'drizzle-orm'
import { z } from 'zod'
import type { Db } from '../../../db/client'
import { fitStatuses } from '../../../db/schema'
import { fitStatusSchema, type FitStatus } from '../../domain/fit/types'
import { badInput, ConcordError, problemsFromZod, type Problem } from '../../errors'
import type { ProjectEvents } from '../../events'
import { newId } from '../../ids'
import type { Actor } from '../access'
import { canRecordOwnStatus, loadFitData, scoreStatuses, type CaseFitWithInfo } from './load-fit-data'

export const setFitStatusSchema = z.object({
  caseId: z.string().trim().min(1, 'Which case?'),
  codeId: z.string().trim().min(1, 'Which indicator?'),
  status: fitStatusSchema.nullable(),
  /** Absent or '' for the team's status; your own user id for your own status in a blind round. */
  coderId: z.string().trim().max(64).optional(),
})

export interface SetFitStatusResult {
  caseId: string
  codeId: string
  coderId: string
  status: FitStatus | null
  /** The case's fit after the change, scored from the same statuses (team or the coder's own). */
  fit: CaseFitWithInfo
}

export async function setFitStatus(
  db: Db,
  actor: Actor | null,
  projectId: string,
  input: unknown,
  events?: Pick<ProjectEvents, 'publish'>,
): Promise<SetFitStatusResult> {
  const data = await loadFitData(db, actor, projectId, 'coder')
  const parsed = setFitStatusSchema.safeParse(input)
  if (!parsed.success) throw badInput('Please correct the status.', problemsFromZod(parsed.error.issues))
  const { caseId, codeId, status } = parsed.data
  const coderId = parsed.data.coderId ?? ''

  if (coderId === '' && data.role !== 'lead')
    throw new ConcordError('forbidden', "Only the project lead sets the team's status; in an independent round, record your own (coderId = your user id).")
  if (coderId !== '' && coderId !== data.userId) throw new ConcordError('forbidden', "You can record only your own status, not another coder's.")

  const problems: Problem[] = []
  const theCase = data.cases.find((c) => c.id === caseId)
  if (!theCase) problems.push({ path: 'caseId', message: 'no such case in this project' })
  if (!data.fw.indicatorKeyById.has(codeId))
    problems.push({ path: 'codeId', message: 'not an indicator of the framework (indicators are the codes directly under a top-level code)' })
  if (problems.length) throw badInput('Please correct the status.', problems)

  if (coderId !== '' && !canRecordOwnStatus(data, caseId)) {
    const round = data.roundOfCase.get(caseId)
    if (round?.state === 'revealed' && round.coderIds.includes(data.userId))
      throw new ConcordError('conflict', 'This round has been revealed: coders’ own statuses are frozen. The lead sets the team status.')
    throw new ConcordError('forbidden', 'You record your own statuses only for cases in a blind independent round you code.')
  }

  const where = and(eq(fitStatuses.projectId, projectId), eq(fitStatuses.caseId, caseId), eq(fitStatuses.codeId, codeId), eq(fitStatuses.coderId, coderId))
  if (status === null) await db.delete(fitStatuses).where(where)
  else
    await db
      .insert(fitStatuses)
      .values({ id: newId(), projectId, caseId, codeId, coderId, status, updatedBy: data.userId })
      .onConflictDoUpdate({
        target: [fitStatuses.projectId, fitStatuses.caseId, fitStatuses.codeId, fitStatuses.coderId],
        set: { status, updatedBy: data.userId, updatedAt: new Date() },
      })
  events?.publish(projectId, 'fit')

  const rows = data.statusRows.filter((r) => !(r.caseId === caseId && r.codeId === codeId && r.coderId === coderId))
  if (status !== null) rows.push({ caseId, codeId, coderId, status })
  const report = scoreStatuses({ ...data, statusRows: rows }, coderId, new Set([caseId]))
  return { caseId, codeId, coderId, status, fit: report.cases[theCase!.key] }
}
