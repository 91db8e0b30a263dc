/**
 * The demo project, built on an empty database from the study (db/seed/framework.json) and the
 * demo transcripts: four accounts, the framework as codebook, the four cases, the transcripts
 * (S and T in open coding, Z in a revealed independent round, K in a round still blind) and
 * the team's framework statuses as the study recorded them (and, for the revealed round's case,
 * each coder's own judgements, a few of them lower than the team's).
 */
import { eq, sql } from 'drizzle-orm'
import * as Y from 'yjs'
import type { Db } from '../../../db/client'
import { cases, codes, fitStatuses, projects, projectMembers, roundCoders, rounds, roundTranscripts, users, yjsUpdates } from '../../../db/schema'
import { addCodingsToDoc } from '../../domain/editor/build-doc'
import { hashPassword } from '../../auth/password'
import { newId } from '../../ids'
import { layerRoom } from '../../realtime-rooms'
import { saveDocProjection } from '../documents/save-projection'
import { createProject } from '../projects/create-project'
import { studyCaseStatuses } from '../projects/study-template'
import { createTranscriptFromTurns } from '../transcripts/import-transcript'
import { demoCoderStatuses, loadDemoTranscripts, resolveDemoCodings, type DemoTranscript } from './demo-content'

export const DEMO_PASSWORD = 'concord-demo'
export const demoAccounts = [
  { key: 'lead', email: 'lead@demo.concord', name: '李研 (lead)', role: 'lead' as const },
  { key: 'coder1', email: 'coder1@demo.concord', name: '王晓 (coder 1)', role: 'coder' as const },
  { key: 'coder2', email: 'coder2@demo.concord', name: '陈默 (coder 2)', role: 'coder' as const },
  { key: 'viewer', email: 'viewer@demo.concord', name: '赵观 (viewer)', role: 'viewer' as const },
]

type Plan = 'open' | 'revealed' | 'blind'
const planByCase: Record<string, Plan> = { S: 'open', T: 'open', Z: 'revealed', K: 'blind' }

export interface DemoResult {
  projectId: string
  projectName: string
  accounts: { email: string; role: string }[]
  userIds: Record<string, string>
}

export async function seedDemoIfEmpty(db: Db): Promise<DemoResult | null> {
  const n = await db.select({ n: sql<number>`count(*)::int` }).from(users)
  if ((n[0]?.n ?? 0) > 0) return null
  return seedDemo(db)
}

const caseOrder = ['S', 'Z', 'K', 'T']

export async function seedDemo(db: Db, all: DemoTranscript[] = loadDemoTranscripts()): Promise<DemoResult> {
  // The study's order (S, Z, K, T), then each case's interviews in order.
  const transcripts = [...all].sort((a, b) => caseOrder.indexOf(a.case) - caseOrder.indexOf(b.case) || a.key.localeCompare(b.key))
  const hash = await hashPassword(DEMO_PASSWORD)
  const userIds: Record<string, string> = {}
  for (const a of demoAccounts) {
    userIds[a.key] = newId()
    await db.insert(users).values({ id: userIds[a.key], email: a.email, name: a.name, passwordHash: hash })
  }
  const lead = { userId: userIds.lead }
  const projectName = '市域产教联合体建设模式研究（演示）'
  const { id: projectId } = await createProject(db, lead, {
    name: projectName,
    description: '结构化访谈研究：四个市域产教联合体案例（S、Z、K、T），按“人才—科技—行政”三维框架编码并评估契合度。Demo of Concord built from the study.',
    template: 'study',
  })
  for (const a of demoAccounts.filter((a) => a.key !== 'lead')) {
    await db.insert(projectMembers).values({ projectId, userId: userIds[a.key], role: a.role })
  }
  const codeRows = await db.select({ id: codes.id, key: codes.key }).from(codes).where(eq(codes.projectId, projectId))
  const codeId = new Map(codeRows.map((c) => [c.key, c.id]))
  const caseRows = await db.select({ id: cases.id, key: cases.key }).from(cases).where(eq(cases.projectId, projectId))
  const caseId = new Map(caseRows.map((c) => [c.key, c.id]))

  // Rounds first, so transcripts can join them.
  const revealedRound = newId()
  const blindRound = newId()
  await db.insert(rounds).values([
    { id: revealedRound, projectId, name: '第一轮独立编码（Z 案例）', state: 'revealed', createdBy: lead.userId, revealedAt: new Date() },
    { id: blindRound, projectId, name: '第二轮独立编码（K 案例）', state: 'blind', createdBy: lead.userId },
  ])
  for (const r of [revealedRound, blindRound]) {
    await db.insert(roundCoders).values([
      { roundId: r, userId: userIds.coder1 },
      { roundId: r, userId: userIds.coder2 },
    ])
  }

  for (const t of transcripts) {
    const plan = planByCase[t.case] ?? 'open'
    const resolved = resolveDemoCodings(t).map((c) => {
      const id = codeId.get(c.code)
      if (!id) throw new Error(`demo transcript ${t.key}: unknown code ${c.code}`)
      return { codeId: id, coderId: userIds[c.coder], start: c.start, end: c.end, code: c.code, coder: c.coder }
    })
    // Open coding: one shared layer; a passage both coders coded is shown once, as coder1's.
    const shared =
      plan === 'open'
        ? dedupe(resolved.filter((c) => c.coder === 'coder1' || !resolved.some((o) => o.coder === 'coder1' && o.code === c.code && o.start === c.start && o.end === c.end)))
        : []
    const created = await createTranscriptFromTurns(
      db,
      lead,
      projectId,
      {
        title: t.title.zh,
        caseId: caseId.get(t.case) ?? null,
        respondentRole: t.role,
        interviewDate: t.date,
        mode: t.mode,
        durationMinutes: t.durationMinutes,
        protocol: t.protocol === 'focus-group' ? '焦点小组访谈提纲' : '个别深度访谈提纲',
        participants: t.participants,
      },
      t.turns,
      { codings: shared.map(({ codeId, coderId, start, end }) => ({ codeId, coderId, start, end })), sourceName: `${t.key}.json` },
    )
    if (plan === 'open') continue
    const roundId = plan === 'revealed' ? revealedRound : blindRound
    await db.insert(roundTranscripts).values({ roundId, transcriptId: created.id })
    await writeLayers(db, projectId, created.id, resolved, [userIds.coder1, userIds.coder2])
  }

  const statuses = studyCaseStatuses()
  for (const c of statuses) {
    const cid = caseId.get(c.key)
    if (!cid) continue
    await db.insert(fitStatuses).values(
      Object.entries(c.statuses).map(([key, status]) => ({
        id: newId(),
        projectId,
        caseId: cid,
        codeId: codeId.get(key)!,
        coderId: '',
        status,
        updatedBy: lead.userId,
      })),
    )
    // The revealed round's coders recorded their own judgements of its case (status disputes, status agreement).
    const own = planByCase[c.key] === 'revealed' ? demoCoderStatuses(c.key, c.statuses) : null
    for (const [coder, statuses] of Object.entries(own ?? {})) {
      await db.insert(fitStatuses).values(
        Object.entries(statuses).map(([key, status]) => ({ id: newId(), projectId, caseId: cid, codeId: codeId.get(key)!, coderId: userIds[coder], status, updatedBy: userIds[coder] })),
      )
    }
  }
  await db.update(projects).set({ codingMode: 'independent' }).where(eq(projects.id, projectId))
  await (await import('./seed-demo-decisions')).seedDemoDecisions(db, null, { projectId, userIds })
  return { projectId, projectName, accounts: demoAccounts.map((a) => ({ email: a.email, role: a.role })), userIds }
}

function dedupe<T extends { codeId: string; coderId: string; start: number; end: number }>(list: T[]): T[] {
  const seen = new Set<string>()
  return list.filter((c) => {
    const k = `${c.codeId}|${c.coderId}|${c.start}|${c.end}`
    if (seen.has(k)) return false
    seen.add(k)
    return true
  })
}

/**
 * Each coder's layer is forked from the canonical state and stores only its own (mark) updates,
 * exactly as the sync server keeps layers.
 */
async function writeLayers(
  db: Db,
  projectId: string,
  transcriptId: string,
  codings: { codeId: string; coderId: string; start: number; end: number }[],
  coderIds: string[],
) {
  const canonical = await db.select({ data: yjsUpdates.data }).from(yjsUpdates).where(eq(yjsUpdates.docName, `t/${transcriptId}`))
  const base = Y.mergeUpdates(canonical.map((r) => r.data))
  for (const coderId of coderIds) {
    const layer = new Y.Doc()
    Y.applyUpdate(layer, base)
    const before = Y.encodeStateVector(layer)
    addCodingsToDoc(layer, codings.filter((c) => c.coderId === coderId).map(({ codeId, coderId, start, end }) => ({ codeId, coderId, start, end })))
    const own = Y.encodeStateAsUpdate(layer, before)
    const room = layerRoom(transcriptId, coderId)
    await db.insert(yjsUpdates).values({ docName: room, data: own })
    await saveDocProjection(db, projectId, room, layer)
    layer.destroy()
  }
}
