/**
 * A blind round on one transcript for the arbitration tests: a lead, two coders (coder1 joined
 * first), a viewer and an outsider; the given codes; case Z; the transcript built from `turns`;
 * a blind round of coder1 and coder2 on it. The tests then code the layers and reveal.
 */
import { cases, projectMembers, roundCoders, rounds, roundTranscripts } from '../../db/schema'
import { newId } from '../../server/ids'
import { createCode } from '../../server/services/codebook/edit-codes'
import { createProject } from '../../server/services/projects/create-project'
import { createTranscriptFromTurns } from '../../server/services/transcripts/import-transcript'
import type { TestApp, TestUser } from './test-app'

export interface BlindRoundFixture<K extends string> {
  lead: TestUser
  coder1: TestUser
  coder2: TestUser
  viewer: TestUser
  outsider: TestUser
  projectId: string
  roundId: string
  transcriptId: string
  caseId: string
  code: Record<K, string>
}

export async function makeBlindRound<K extends string>(
  app: TestApp,
  options: { projectName: string; codes: readonly K[]; turns: { speaker: string; text: string }[] },
): Promise<BlindRoundFixture<K>> {
  const db = app.ctx.db
  const [lead, coder1, coder2, viewer, outsider] = await Promise.all(['lead', 'coder1', 'coder2', 'viewer', 'outsider'].map((n) => app.user(n)))
  const projectId = (await createProject(db, { userId: lead.id }, { name: options.projectName })).id
  await db.insert(projectMembers).values([
    { projectId, userId: coder1.id, role: 'coder', joinedAt: new Date(Date.now() - 2000) },
    { projectId, userId: coder2.id, role: 'coder', joinedAt: new Date(Date.now() - 1000) },
    { projectId, userId: viewer.id, role: 'viewer' },
  ])
  const code = {} as Record<K, string>
  for (const key of options.codes) code[key] = (await createCode(db, { userId: lead.id }, projectId, { nameZh: key, nameEn: key })).id
  const caseId = newId()
  await db.insert(cases).values({ id: caseId, projectId, key: 'Z', nameZh: '泽', nameEn: 'Z' })
  const meta = { title: 'Z-1', caseId, respondentRole: 'park' as const, interviewDate: null, mode: 'onsite' as const, durationMinutes: null, protocol: '', participants: [] }
  const transcriptId = (await createTranscriptFromTurns(db, { userId: lead.id }, projectId, meta, options.turns)).id
  const roundId = newId()
  await db.insert(rounds).values({ id: roundId, projectId, name: 'R1', state: 'blind', createdBy: lead.id })
  await db.insert(roundTranscripts).values({ roundId, transcriptId })
  await db.insert(roundCoders).values([{ roundId, userId: coder1.id }, { roundId, userId: coder2.id }])
  return { lead, coder1, coder2, viewer, outsider, projectId, roundId, transcriptId, caseId, code }
}
