/**
 * The lead's decision on a dispute (METHOD §3): the chosen version becomes the consensus at once
 * (through the live document, so everyone looking sees it), and the decision is logged with who,
 * when, what each coder had, what was chosen, why, and which decision it replaced.
 */
import { and, eq } from 'drizzle-orm'
import { z } from 'zod'
import type { Db } from '../../../db/client'
import { decisions, disputes, fitStatuses } from '../../../db/schema'
import type { LiveDocs } from '../../context'
import { chooseSpans, chooseStatus } from '../../domain/disputes/choose-consensus'
import { planConsensusEdit } from '../../domain/disputes/plan-consensus-edit'
import type { AppliedSpans, AppliedStatus, DecisionChoice, FitStatusValue, SpanVersion, StatusVersion } from '../../domain/disputes/types'
import { badInput, ConcordError, problemsFromZod, type Problem } from '../../errors'
import { newId } from '../../ids'
import { textRoom } from '../../realtime-rooms'
import { requireProjectRole, type Actor } from '../access'
import { editDocCodings, readDocProjection } from '../documents/edit-stored-codings'
import { latestDecision, loadDispute, presentDecision, projectSettings } from './load-dispute'

export const decisionInputSchema = z.object({
  choice: z.enum(['coder', 'union', 'intersection', 'none', 'custom']),
  coderId: z.string().min(1).optional(),
  start: z.number().int().min(0).optional(),
  end: z.number().int().min(1).optional(),
  status: z.enum(['described', 'partial', 'none']).optional(),
  rationale: z.string().max(10_000).optional().default(''),
})
export type DecisionInput = z.infer<typeof decisionInputSchema>

/** Every problem of the input for this dispute at once (DIS26 and the fields each choice needs). */
function checkInput(input: DecisionInput, kind: string, rationaleRequired: boolean): Problem[] {
  const problems: Problem[] = []
  if (input.choice === 'coder' && !input.coderId) problems.push({ path: 'coderId', message: 'say whose version to take (coderId)' })
  if (input.choice === 'custom' && kind === 'status' && !input.status) problems.push({ path: 'status', message: 'a custom status decision needs status: described, partial or none' })
  if (input.choice === 'custom' && kind !== 'status') {
    if (input.start === undefined) problems.push({ path: 'start', message: 'custom boundaries need start' })
    if (input.end === undefined) problems.push({ path: 'end', message: 'custom boundaries need end' })
  }
  if (rationaleRequired && !input.rationale.trim()) problems.push({ path: 'rationale', message: 'this project requires a rationale for every decision' })
  return problems
}

function toChoice(input: DecisionInput): DecisionChoice {
  if (input.choice === 'coder') return { choice: 'coder', coderId: input.coderId! }
  if (input.choice === 'custom') return { choice: 'custom', start: input.start, end: input.end, status: input.status }
  return { choice: input.choice }
}

export async function decideDispute(db: Db, live: LiveDocs | null, actor: Actor | null, projectId: string, disputeId: string, raw: unknown) {
  await requireProjectRole(db, actor, projectId, 'lead')
  const parsed = decisionInputSchema.safeParse(raw ?? {})
  if (!parsed.success) throw badInput('Invalid decision.', problemsFromZod(parsed.error.issues))
  const input = parsed.data
  const dispute = await loadDispute(db, projectId, disputeId)
  const settings = await projectSettings(db, projectId)
  const problems = checkInput(input, dispute.kind, settings.rationaleRequired)
  if (problems.length) throw badInput(problems.some((p) => p.path === 'rationale') ? 'A rationale is required: this project asks the lead to give a reason for every decision.' : 'Invalid decision.', problems)
  if (dispute.supersededAt) throw new ConcordError('conflict', "The coders' codings changed since this dispute was found; decide the new dispute that replaced it.")
  if (dispute.state === 'decided') throw new ConcordError('conflict', 'This dispute is already decided. Reopen it to change the decision.')
  const previous = await latestDecision(db, disputeId)
  const choice = toChoice(input)
  const base = { id: newId(), projectId, disputeId, decidedBy: actor!.userId, choice: input.choice, coderId: input.choice === 'coder' ? input.coderId! : null, rationale: input.rationale.trim(), before: dispute.versions, replacesId: previous?.id ?? null }

  if (dispute.kind === 'status') {
    const next = chooseStatus(dispute.versions as StatusVersion[], choice)
    const row = await db.transaction(async (tx) => {
      await claim(tx, disputeId)
      const cell = and(eq(fitStatuses.projectId, projectId), eq(fitStatuses.caseId, dispute.caseId!), eq(fitStatuses.codeId, dispute.codeId), eq(fitStatuses.coderId, ''))
      const [current] = await tx.select({ status: fitStatuses.status }).from(fitStatuses).where(cell)
      // DIS22: the previous decision's "before" is the team status to return to.
      const prior = previous ? ((previous.applied as AppliedStatus | null)?.previous ?? null) : ((current?.status as FitStatusValue | undefined) ?? null)
      if (current) await tx.update(fitStatuses).set({ status: next, updatedBy: actor!.userId, updatedAt: new Date() }).where(cell)
      else await tx.insert(fitStatuses).values({ id: newId(), projectId, caseId: dispute.caseId!, codeId: dispute.codeId, coderId: '', status: next, updatedBy: actor!.userId })
      const applied: AppliedStatus = { previous: prior, next }
      const [d] = await tx.insert(decisions).values({ ...base, after: { status: next }, applied }).returning()
      return d
    })
    return presentDecision(row)
  }

  const room = textRoom(dispute.documentId!)
  const projection = await readDocProjection(db, live, room)
  const chosen = chooseSpans(dispute.versions as SpanVersion[], choice, projection.text.length)
  const plan = planConsensusEdit({
    codeId: dispute.codeId,
    current: projection.codings,
    previous: (previous?.applied as AppliedSpans | null) ?? null,
    extent: { start: dispute.start!, end: dispute.end! },
    chosen,
    consensusCoderId: actor!.userId,
  })
  const row = await db.transaction(async (tx) => {
    await claim(tx, disputeId)
    const [d] = await tx.insert(decisions).values({ ...base, after: { spans: chosen }, applied: plan.applied }).returning()
    return d
  })
  try {
    await editDocCodings(db, live, projectId, room, plan.edit)
  } catch (e) {
    // The consensus did not change: undo the log entry so the dispute can be decided again.
    await db.transaction(async (tx) => {
      await tx.delete(decisions).where(eq(decisions.id, row.id))
      await tx.update(disputes).set({ state: 'open' }).where(eq(disputes.id, disputeId))
    })
    throw e
  }
  return presentDecision(row)
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0]

/** open → decided, or conflict when someone decided it a moment ago. */
async function claim(tx: Tx, disputeId: string): Promise<void> {
  const won = await tx.update(disputes).set({ state: 'decided' }).where(and(eq(disputes.id, disputeId), eq(disputes.state, 'open'))).returning({ id: disputes.id })
  if (won.length === 0) throw new ConcordError('conflict', 'This dispute was decided a moment ago; reload to see the decision.')
}
