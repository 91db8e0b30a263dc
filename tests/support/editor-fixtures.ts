/**
 * A small coding project for the editor-area integration tests (memos, versions, retrieval):
 * a lead, two coders, a viewer and an outsider; a code tree; two cases; a transcript in open
 * coding with shared codings, one in a blind round and one in a revealed round, each with both
 * coders' layers. Built with the services the app uses, plus direct rows for rounds.
 */
import { eq } from 'drizzle-orm'
import { cases, projectMembers, projects, roundCoders, rounds, roundTranscripts, yjsUpdates } from '../../db/schema'
import { addCodingsToDoc } from '../../server/domain/editor/build-doc'
import { newId } from '../../server/ids'
import { layerRoom, textRoom } from '../../server/realtime-rooms'
import { createCode } from '../../server/services/codebook/edit-codes'
import { saveDocProjection } from '../../server/services/documents/save-projection'
import { createProject } from '../../server/services/projects/create-project'
import { createTranscriptFromTurns } from '../../server/services/transcripts/import-transcript'
import * as Y from 'yjs'
import type { TestApp, TestUser } from './test-app'

export const fixtureTurns = [
  { speaker: 'Interviewer', text: 'How does the alliance train talent?' },
  { speaker: 'Respondent', text: 'We run joint programs with the park and share a research lab.' },
  { speaker: 'Interviewer', text: 'Who pays for it?' },
  { speaker: 'Respondent', text: 'The city funds the lab; companies fund the programs.' },
]
export const fixtureText = fixtureTurns.map((t) => t.text).join('\n')
/** Offsets of the first occurrence of `s` in the fixture text. */
export const spanOfText = (s: string) => {
  const start = fixtureText.indexOf(s)
  if (start < 0) throw new Error(`"${s}" is not in the fixture text`)
  return { start, end: start + s.length }
}

export interface CodingProject {
  projectId: string
  lead: TestUser
  coder1: TestUser
  coder2: TestUser
  viewer: TestUser
  outsider: TestUser
  codes: { talent: string; programs: string; research: string }
  cases: { a: string; b: string }
  transcripts: { open: string; blind: string; revealed: string }
  rounds: { blind: string; revealed: string }
}

export async function makeCodingProject(app: TestApp): Promise<CodingProject> {
  const db = app.ctx.db
  const [lead, coder1, coder2, viewer, outsider] = await Promise.all(['lead', 'coder1', 'coder2', 'viewer', 'outsider'].map((n) => app.user(n)))
  const leadActor = { userId: lead.id }
  const { id: projectId } = await createProject(db, leadActor, { name: 'Editor fixture' })
  await db.insert(projectMembers).values([
    { projectId, userId: coder1.id, role: 'coder' },
    { projectId, userId: coder2.id, role: 'coder' },
    { projectId, userId: viewer.id, role: 'viewer' },
  ])
  const talent = (await createCode(db, leadActor, projectId, { nameZh: '人才', nameEn: 'Talent', color: '#4e79a7' })).id
  const programs = (await createCode(db, leadActor, projectId, { parentId: talent, nameZh: '专业', nameEn: 'Programs', color: '#5b8fd0', shortcut: '1' })).id
  const research = (await createCode(db, leadActor, projectId, { nameZh: '科研', nameEn: 'Research', color: '#e8833a', shortcut: '2' })).id
  const caseA = newId()
  const caseB = newId()
  await db.insert(cases).values([
    { id: caseA, projectId, key: 'A', nameZh: '甲', nameEn: 'Alpha', position: 0 },
    { id: caseB, projectId, key: 'B', nameZh: '乙', nameEn: 'Beta', position: 1 },
  ])
  const meta = (title: string, caseId: string, respondentRole: 'park' | 'college') => ({
    title,
    caseId,
    respondentRole,
    interviewDate: null,
    mode: 'onsite' as const,
    durationMinutes: null,
    protocol: '',
    participants: [],
  })
  const open = (
    await createTranscriptFromTurns(db, leadActor, projectId, meta('Open', caseA, 'park'), fixtureTurns, {
      codings: [
        { codeId: programs, coderId: coder1.id, ...spanOfText('joint programs') },
        { codeId: research, coderId: coder2.id, ...spanOfText('share a research lab') },
      ],
    })
  ).id
  const blind = (await createTranscriptFromTurns(db, leadActor, projectId, meta('Blind', caseB, 'college'), fixtureTurns)).id
  const revealed = (await createTranscriptFromTurns(db, leadActor, projectId, meta('Revealed', caseB, 'college'), fixtureTurns)).id
  const blindRound = newId()
  const revealedRound = newId()
  await db.insert(rounds).values([
    { id: revealedRound, projectId, name: 'R1', state: 'revealed', createdBy: lead.id, createdAt: new Date(Date.now() - 1000) },
    { id: blindRound, projectId, name: 'R2', state: 'blind', createdBy: lead.id },
  ])
  for (const [roundId, transcriptId] of [
    [blindRound, blind],
    [revealedRound, revealed],
  ]) {
    await db.insert(roundTranscripts).values({ roundId, transcriptId })
    await db.insert(roundCoders).values([
      { roundId, userId: coder1.id },
      { roundId, userId: coder2.id },
    ])
    await writeLayer(app, projectId, transcriptId, coder1.id, [{ codeId: programs, coderId: coder1.id, ...spanOfText('joint programs') }])
    await writeLayer(app, projectId, transcriptId, coder2.id, [{ codeId: research, coderId: coder2.id, ...spanOfText('research lab') }])
  }
  return {
    projectId,
    lead,
    coder1,
    coder2,
    viewer,
    outsider,
    codes: { talent, programs, research },
    cases: { a: caseA, b: caseB },
    transcripts: { open, blind, revealed },
    rounds: { blind: blindRound, revealed: revealedRound },
  }
}

/** A coder layer forked from the canonical state, storing only its own mark updates (as the sync server does). */
async function writeLayer(app: TestApp, projectId: string, transcriptId: string, coderId: string, codings: { codeId: string; coderId: string; start: number; end: number }[]) {
  const db = app.ctx.db
  const canonical = await db.select({ data: yjsUpdates.data }).from(yjsUpdates).where(eq(yjsUpdates.docName, textRoom(transcriptId)))
  const layer = new Y.Doc()
  Y.applyUpdate(layer, Y.mergeUpdates(canonical.map((r) => r.data)))
  const before = Y.encodeStateVector(layer)
  addCodingsToDoc(layer, codings)
  await db.insert(yjsUpdates).values({ docName: layerRoom(transcriptId, coderId), data: Y.encodeStateAsUpdate(layer, before) })
  await saveDocProjection(db, projectId, layerRoom(transcriptId, coderId), layer)
  layer.destroy()
}

export async function setCoderSeesRevealed(app: TestApp, projectId: string, value: boolean) {
  const [p] = await app.ctx.db.select({ settings: projects.settings }).from(projects).where(eq(projects.id, projectId))
  await app.ctx.db.update(projects).set({ settings: { ...p.settings, coderSeesRevealed: value } }).where(eq(projects.id, projectId))
}
