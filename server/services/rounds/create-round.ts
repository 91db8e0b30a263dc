/**
 * Lead: starts an independent (blind) round on some transcripts with some coders. Each coder then
 * codes in their own layer `l/<transcript>/<coder>`, which nobody else may open until the reveal;
 * the transcripts' text becomes read-only for coders, so every layer codes the same text.
 */
import { and, eq, inArray } from 'drizzle-orm'
import { z } from 'zod'
import type { Db } from '../../../db/client'
import { projectMembers, roundCoders, rounds, roundTranscripts, transcripts } from '../../../db/schema'
import type { LiveDocs } from '../../context'
import { badInput, ConcordError, problemsFromZod, type Problem } from '../../errors'
import type { ProjectEvents } from '../../events'
import { newId } from '../../ids'
import { requireProjectRole, type Actor } from '../access'

export const createRoundSchema = z
  .object({
    name: z.string().trim().min(1, 'Give the round a name.').max(200),
    transcriptIds: z.array(z.string().min(1)).min(1, 'Choose at least one transcript.').max(2000),
    coderIds: z.array(z.string().min(1)).min(2, 'Choose at least two coders: agreement needs two.').max(50),
  })
  .strict()
export type CreateRoundInput = z.infer<typeof createRoundSchema>

export interface RoundEffects {
  live?: LiveDocs | null
  events?: ProjectEvents
}

export async function createRound(db: Db, actor: Actor | null, projectId: string, input: unknown, effects: RoundEffects = {}) {
  await requireProjectRole(db, actor, projectId, 'lead')
  const parsed = createRoundSchema.safeParse(input)
  if (!parsed.success) throw badInput('Please correct the round.', problemsFromZod(parsed.error.issues))
  const transcriptIds = [...new Set(parsed.data.transcriptIds)]
  const coderIds = [...new Set(parsed.data.coderIds)]
  if (coderIds.length < 2) throw badInput('Please correct the round.', [{ path: 'coderIds', message: 'Choose at least two different coders.' }])

  const problems: Problem[] = []
  const found = await db.select({ id: transcripts.id }).from(transcripts).where(and(eq(transcripts.projectId, projectId), inArray(transcripts.id, transcriptIds)))
  const known = new Set(found.map((t) => t.id))
  transcriptIds.forEach((id, i) => known.has(id) || problems.push({ path: `transcriptIds.${i}`, message: `No transcript ${id} in this project.` }))
  const members = await db.select({ userId: projectMembers.userId, role: projectMembers.role }).from(projectMembers).where(and(eq(projectMembers.projectId, projectId), inArray(projectMembers.userId, coderIds)))
  const roleOf = new Map(members.map((m) => [m.userId, m.role]))
  coderIds.forEach((id, i) => {
    const role = roleOf.get(id)
    if (!role) problems.push({ path: `coderIds.${i}`, message: `${id} is not a member of this project.` })
    else if (role === 'viewer') problems.push({ path: `coderIds.${i}`, message: 'A viewer cannot code: make them a coder first.' })
  })
  if (problems.length) throw badInput('Please correct the round.', problems)

  // A layer is per transcript × coder, so a pair can be in one round only; and a transcript in a
  // blind round waits for its reveal before another round starts on it.
  const existing = await db
    .select({ transcriptId: roundTranscripts.transcriptId, roundName: rounds.name, state: rounds.state, userId: roundCoders.userId })
    .from(roundTranscripts)
    .innerJoin(rounds, eq(rounds.id, roundTranscripts.roundId))
    .innerJoin(roundCoders, eq(roundCoders.roundId, rounds.id))
    .where(inArray(roundTranscripts.transcriptId, transcriptIds))
  const conflicts: Problem[] = []
  transcriptIds.forEach((id, i) => {
    const blind = existing.find((e) => e.transcriptId === id && e.state === 'blind')
    if (blind) conflicts.push({ path: `transcriptIds.${i}`, message: `This transcript is in the blind round “${blind.roundName}”; reveal it first.` })
    else {
      const again = existing.find((e) => e.transcriptId === id && coderIds.includes(e.userId))
      if (again) conflicts.push({ path: `transcriptIds.${i}`, message: `A chosen coder already coded this transcript independently in “${again.roundName}”.` })
    }
  })
  if (conflicts.length) throw new ConcordError('conflict', 'Some transcripts cannot join this round.', conflicts)

  const id = newId()
  await db.transaction(async (tx) => {
    await tx.insert(rounds).values({ id, projectId, name: parsed.data.name, state: 'blind', createdBy: actor!.userId })
    await tx.insert(roundTranscripts).values(transcriptIds.map((transcriptId) => ({ roundId: id, transcriptId })))
    await tx.insert(roundCoders).values(coderIds.map((userId) => ({ roundId: id, userId })))
  })
  // Open text sockets of coders must become read-only now (the text is frozen during the round).
  await effects.live?.recheckAccess()
  effects.events?.publish(projectId, 'rounds')
  effects.events?.publish(projectId, 'documents')
  return { id, name: parsed.data.name, state: 'blind' as const, transcriptIds, coderIds }
}
