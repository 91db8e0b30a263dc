/**
 * Arbitration through the API (issue 6) over both backends, with a real sync server as ctx.live:
 * detection after a reveal (agreed codings merged into the consensus once), every decision kind
 * writing the right consensus codings rows, reopen + re-decide logging both and reverting the
 * first, status disputes setting the team status, roles, comments, the log and its CSV,
 * re-detection after a coder's codings change, and the consensus codings for agreement.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { and, eq } from 'drizzle-orm'
import { codings, fitStatuses, projects, rounds } from '../../db/schema'
import { newId } from '../../server/ids'
import { layerRoom } from '../../server/realtime-rooms'
import { startRealtime, type RealtimeHandle } from '../../server/realtime-wiring'
import { refreshDisputesForRound } from '../../server/services/disputes/refresh-disputes'
import { seedDemo } from '../../server/services/demo/seed-demo'
import { parseCsvWithHeader } from '../../server/domain/formats/csv'
import { decisionLogColumns } from '../../server/domain/disputes/decision-log-csv'
import { callRoute, createTestApp, type TestApp, type TestUser } from '../support/test-app'
import { describeEachBackend } from '../support/test-db'
import { makeBlindRound } from '../support/round-fixture'
import * as disputesRoute from '../../app/api/projects/[projectId]/disputes/route'
import * as refreshRoute from '../../app/api/projects/[projectId]/disputes/refresh/route'
import * as decisionRoute from '../../app/api/projects/[projectId]/disputes/[disputeId]/decision/route'
import * as reopenRoute from '../../app/api/projects/[projectId]/disputes/[disputeId]/reopen/route'
import * as commentsRoute from '../../app/api/projects/[projectId]/disputes/[disputeId]/comments/route'
import * as decisionsRoute from '../../app/api/projects/[projectId]/decisions/route'
import * as consensusRoute from '../../app/api/projects/[projectId]/rounds/[roundId]/consensus-codings/route'

// One paragraph per turn; offsets below are into the joined text.
const turns = [
  { speaker: '访谈者', text: '联合体怎样培养人才？' },
  { speaker: '受访者', text: '我们和园区企业共建了三个订单班，每年培养两百名学生，企业工程师到学校上课。' },
  { speaker: '访谈者', text: '科研方面呢？' },
  { speaker: '受访者', text: '市里出资建了一个中试基地，学校和企业一起做项目，去年转化了六项专利。' },
]
const text = turns.map((t) => t.text).join('\n')
const at = (s: string) => {
  const start = text.indexOf(s)
  if (start < 0) throw new Error(`not in text: ${s}`)
  return { start, end: start + s.length }
}
const sp = {
  agreed: at('共建了三个订单班'),
  c1Boundary: at('每年培养两百名学生，企业工程师到学校上课'),
  c2Boundary: at('每年培养两百名学生'),
  presence: at('市里出资建了一个中试基地'),
  patents: at('去年转化了六项专利'),
}

describeEachBackend('arbitration API', (backend) => {
  let app: TestApp
  let realtime: RealtimeHandle
  let lead: TestUser, coder1: TestUser, coder2: TestUser, viewer: TestUser, outsider: TestUser
  let projectId: string, roundId: string, transcriptId: string, caseId: string
  const code: Record<string, string> = {}
  const params = (disputeId?: string) => ({ projectId, ...(disputeId ? { disputeId } : {}) })

  const sharedRows = async (codeId?: string) =>
    (await app.ctx.db.select().from(codings).where(and(eq(codings.transcriptId, transcriptId), eq(codings.layer, 'shared'))))
      .filter((r) => !codeId || r.codeId === codeId)
      .map((r) => ({ codeId: r.codeId, coderId: r.coderId, start: r.start, end: r.end }))
      .sort((a, b) => a.start - b.start)
  const list = async (token: string, query = '') => {
    const res = await callRoute(disputesRoute, 'GET', { params: params(), token, url: `http://localhost/x${query}` })
    expect(res.status).toBe(200)
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON bodies, checked field by field below
    return res.body as any[]
  }
  const decide = (disputeId: string, body: unknown, token = lead.token) => callRoute(decisionRoute, 'POST', { params: params(disputeId), token, body })
  const reopen = (disputeId: string, token = lead.token) => callRoute(reopenRoute, 'POST', { params: params(disputeId), token })
  const findDispute = async (kind: string, codeId: string) => (await list(lead.token)).find((d) => d.kind === kind && d.codeId === codeId)

  beforeAll(async () => {
    app = await createTestApp(backend)
    realtime = await startRealtime(app.ctx)
    await realtime.caughtUp // the stored rooms it catches up at start, before the test acts
    app.ctx.live = realtime.live
    const f = await makeBlindRound(app, { projectName: 'Arbitration', codes: ['programs', 'platform', 'transfer'], turns })
    ;({ lead, coder1, coder2, viewer, outsider, projectId, roundId, transcriptId, caseId } = f)
    Object.assign(code, f.code)
    const db = app.ctx.db
    // The coders code in their own layers through the sync server, as the browser does.
    await realtime.live.editCodings(layerRoom(transcriptId, coder1.id), {
      add: [
        { codeId: code.programs, coderId: coder1.id, ...sp.agreed },
        { codeId: code.programs, coderId: coder1.id, ...sp.c1Boundary },
        { codeId: code.platform, coderId: coder1.id, ...sp.presence },
        { codeId: code.transfer, coderId: coder1.id, ...sp.patents },
      ],
    })
    await realtime.live.editCodings(layerRoom(transcriptId, coder2.id), {
      add: [
        { codeId: code.programs, coderId: coder2.id, start: sp.agreed.start - 2, end: sp.agreed.end }, // within the tolerance (5)
        { codeId: code.programs, coderId: coder2.id, ...sp.c2Boundary },
      ],
    })
    await db.insert(fitStatuses).values([
      { id: newId(), projectId, caseId, codeId: code.platform, coderId: coder1.id, status: 'described' },
      { id: newId(), projectId, caseId, codeId: code.platform, coderId: coder2.id, status: 'partial' },
      { id: newId(), projectId, caseId, codeId: code.programs, coderId: coder1.id, status: 'described' },
      { id: newId(), projectId, caseId, codeId: code.programs, coderId: coder2.id, status: 'described' },
    ])
  })
  afterAll(async () => {
    await realtime.close()
    await app.close()
  })

  it('a blind round has no disputes; after the reveal the disagreements are found and agreed codings join the consensus once', async () => {
    expect(await refreshDisputesForRound(app.ctx.db, app.ctx.live, projectId, roundId)).toMatchObject({ detected: 0, created: 0 })
    expect(await list(lead.token)).toEqual([])
    await app.ctx.db.update(rounds).set({ state: 'revealed', revealedAt: new Date() }).where(eq(rounds.id, roundId))
    const topics: string[] = []
    const off = app.ctx.events.subscribe(projectId, (e) => topics.push(e.topic))
    const first = await refreshDisputesForRound(app.ctx.db, app.ctx.live, projectId, roundId, { events: app.ctx.events })
    off()
    expect(topics).toContain('disputes')
    expect(first).toMatchObject({ detected: 4, created: 4, superseded: 0, merged: 1 })
    // The agreed unit is in the consensus as the union (DIS6), owned by the round's creator (DIS19).
    expect(await sharedRows()).toEqual([{ codeId: code.programs, coderId: lead.id, start: sp.agreed.start - 2, end: sp.agreed.end }])
    // Again: nothing new, nothing duplicated.
    expect(await refreshDisputesForRound(app.ctx.db, app.ctx.live, projectId, roundId)).toMatchObject({ detected: 4, created: 0, superseded: 0, merged: 0 })
    expect(await sharedRows()).toHaveLength(1)
  })

  it('lists disputes in the API.md shape, biggest first, with versions and context; filters work', async () => {
    const all = await list(viewer.token)
    expect(all.map((d) => d.kind).sort()).toEqual(['boundary', 'presence', 'presence', 'status'])
    for (const d of all) expect(d).toMatchObject({ id: expect.any(String), kind: expect.any(String), codeId: expect.any(String), state: 'open', coders: [coder1.id, coder2.id] })
    expect(all.map((d) => d.magnitude)).toEqual([...all.map((d) => d.magnitude)].sort((a, b) => b - a))
    const boundary = all.find((d) => d.kind === 'boundary')
    expect(boundary).toMatchObject({ documentId: transcriptId, caseId, start: sp.c1Boundary.start, end: sp.c1Boundary.end, documentTitle: 'Z-1', caseKey: 'Z' })
    expect(boundary.context.text).toContain(text.slice(sp.c1Boundary.start, sp.c1Boundary.end))
    expect(all.find((d) => d.kind === 'status')).toMatchObject({ documentId: null, caseId, codeId: code.platform })
    expect((await list(lead.token, `?codeId=${code.transfer}`)).map((d) => d.kind)).toEqual(['presence'])
    expect(await list(lead.token, '?state=decided')).toEqual([])
    expect(await list(lead.token, `?documentId=${transcriptId}`)).toHaveLength(3)
    expect(await list(lead.token, `?coders=${coder1.id},${coder2.id}`)).toHaveLength(4)
    const bad = await callRoute(disputesRoute, 'GET', { params: params(), token: lead.token, url: 'http://localhost/x?state=maybe' })
    expect(bad.status).toBe(400)
    expect((await callRoute(disputesRoute, 'GET', { params: params(), token: outsider.token })).status).toBe(404)
  })

  it('[DIS25] coders see other coders\' versions only when the project allows it; the lead always', async () => {
    const mine = (await list(coder1.token)).find((d) => d.kind === 'boundary')
    expect(mine.versions).toEqual([{ coderId: coder1.id, spans: [sp.c1Boundary] }, { coderId: coder2.id, hidden: true }])
    expect((await list(lead.token)).find((d) => d.kind === 'boundary').versions[1]).toEqual({ coderId: coder2.id, spans: [sp.c2Boundary] })
    const [p] = await app.ctx.db.select({ settings: projects.settings }).from(projects).where(eq(projects.id, projectId))
    await app.ctx.db.update(projects).set({ settings: { ...p.settings, coderSeesRevealed: true } }).where(eq(projects.id, projectId))
    expect((await list(coder1.token)).find((d) => d.kind === 'boundary').versions[1]).toEqual({ coderId: coder2.id, spans: [sp.c2Boundary] })
    await app.ctx.db.update(projects).set({ settings: p.settings }).where(eq(projects.id, projectId))
  })

  it('coders and the lead comment on an open dispute; viewers read but may not comment', async () => {
    const d = await findDispute('boundary', code.programs)
    expect((await callRoute(commentsRoute, 'POST', { params: params(d.id), token: coder1.token, body: { body: '我认为后半句也是订单班的内容。' } })).status).toBe(200)
    expect((await callRoute(commentsRoute, 'POST', { params: params(d.id), token: lead.token, body: { body: '同意，稍后决定。' } })).status).toBe(200)
    expect((await callRoute(commentsRoute, 'POST', { params: params(d.id), token: viewer.token, body: { body: 'hi' } })).status).toBe(403)
    expect((await callRoute(commentsRoute, 'POST', { params: params(d.id), token: coder2.token, body: { body: '  ' } })).status).toBe(400)
    const read = await callRoute(commentsRoute, 'GET', { params: params(d.id), token: viewer.token })
    expect(read.status).toBe(200)
    expect(read.body.map((c: { body: string; authorId: string }) => [c.authorId, c.body])).toEqual([
      [coder1.id, '我认为后半句也是订单班的内容。'],
      [lead.id, '同意，稍后决定。'],
    ])
    expect((await findDispute('boundary', code.programs)).commentCount).toBe(2)
    expect((await callRoute(commentsRoute, 'GET', { params: params(d.id), token: outsider.token })).status).toBe(404)
  })

  it('[DIS25] only the lead decides: coders and viewers get 403, outsiders 404', async () => {
    const d = await findDispute('boundary', code.programs)
    expect((await decide(d.id, { choice: 'union', rationale: 'x' }, coder1.token)).status).toBe(403)
    expect((await decide(d.id, { choice: 'union', rationale: 'x' }, viewer.token)).status).toBe(403)
    expect((await decide(d.id, { choice: 'union', rationale: 'x' }, outsider.token)).status).toBe(404)
    expect((await decide(d.id, { choice: 'union', rationale: 'x' }, null as unknown as string)).status).toBe(401)
    expect((await findDispute('boundary', code.programs)).state).toBe('open')
  })

  it('[DIS26] a missing rationale is a 400 naming it when the project requires one; every problem is listed', async () => {
    const d = await findDispute('boundary', code.programs)
    const res = await decide(d.id, { choice: 'coder', rationale: ' ' })
    expect(res.status).toBe(400)
    expect(res.body.error.message).toMatch(/rationale/i)
    expect(res.body.error.problems.map((p: { path: string }) => p.path).sort()).toEqual(['coderId', 'rationale'])
    const custom = await decide(d.id, { choice: 'custom', rationale: 'r', start: 5, end: 10_000 })
    expect(custom.status).toBe(400)
    expect(custom.body.error.problems[0].path).toBe('end')
    expect((await decide(d.id, { choice: 'maybe', rationale: 'r' })).status).toBe(400)
  })

  it('[DIS14-DIS21] each decision kind writes the right consensus codings; reopen + change logs both and reverts the previous one', async () => {
    const d = await findDispute('boundary', code.programs)
    const agreedRow = { codeId: code.programs, coderId: lead.id, start: sp.agreed.start - 2, end: sp.agreed.end }
    const expectConsensus = async (spans: { start: number; end: number }[]) => {
      const rows = (await sharedRows(code.programs)).filter((r) => r.start !== agreedRow.start)
      expect(rows).toEqual(spans.map((s) => ({ codeId: code.programs, coderId: lead.id, ...s })))
      // The automatically merged agreed unit next to it never changes.
      expect((await sharedRows(code.programs)).find((r) => r.start === agreedRow.start)).toEqual(agreedRow)
    }
    const topics: string[] = []
    const off = app.ctx.events.subscribe(projectId, (e) => topics.push(e.topic))
    const first = await decide(d.id, { choice: 'coder', coderId: coder1.id, rationale: '王晓的边界包含了完整的做法。' })
    off()
    expect(first.status).toBe(200)
    expect(topics).toEqual(expect.arrayContaining(['disputes', 'codings']))
    expect(first.body).toMatchObject({ disputeId: d.id, decidedBy: lead.id, choice: 'coder', coderId: coder1.id, rationale: '王晓的边界包含了完整的做法。', replacesId: null, after: { spans: [sp.c1Boundary] } })
    expect(first.body.before).toEqual([{ coderId: coder1.id, spans: [sp.c1Boundary] }, { coderId: coder2.id, spans: [sp.c2Boundary] }])
    await expectConsensus([sp.c1Boundary])
    expect((await findDispute('boundary', code.programs)).state).toBe('decided')
    // Deciding again without reopening is a conflict.
    expect((await decide(d.id, { choice: 'none', rationale: 'r' })).status).toBe(409)

    const chain = [first.body.id]
    const steps: [unknown, { start: number; end: number }[]][] = [
      [{ choice: 'coder', coderId: coder2.id }, [sp.c2Boundary]],
      [{ choice: 'intersection' }, [sp.c2Boundary]],
      [{ choice: 'union' }, [sp.c1Boundary]],
      [{ choice: 'custom', start: sp.c1Boundary.start + 2, end: sp.c1Boundary.end + 1 }, [{ start: sp.c1Boundary.start + 2, end: sp.c1Boundary.end + 1 }]],
      [{ choice: 'none' }, []],
    ]
    for (const [choice, expected] of steps) {
      expect((await reopen(d.id, coder1.token)).status).toBe(403)
      const r = await reopen(d.id)
      expect(r.status).toBe(200)
      expect((await findDispute('boundary', code.programs)).state).toBe('open')
      const res = await decide(d.id, { ...(choice as object), rationale: '重新讨论后调整。' })
      expect(res.status).toBe(200)
      expect(res.body.replacesId).toBe(chain[chain.length - 1])
      chain.push(res.body.id)
      await expectConsensus(expected)
    }
    // The custom span reached a character beyond the unit: the "none" decision still removed all of it.
    const log = await callRoute(decisionsRoute, 'GET', { params: params(), token: viewer.token })
    expect(log.status).toBe(200)
    const mine = log.body.filter((e: { disputeId: string }) => e.disputeId === d.id)
    expect(mine.map((e: { id: string }) => e.id)).toEqual(chain)
    expect(mine.map((e: { choice: string }) => e.choice)).toEqual(['coder', 'coder', 'intersection', 'union', 'custom', 'none'])
    expect(mine.map((e: { inForce: boolean }) => e.inForce)).toEqual([false, false, false, false, false, true])
    for (const e of mine) expect(e).toMatchObject({ decidedBy: lead.id, decidedAt: expect.any(String), rationale: expect.any(String), before: expect.any(Array), after: expect.any(Object) })
    // Comments close once decided.
    expect((await callRoute(commentsRoute, 'POST', { params: params(d.id), token: coder1.token, body: { body: 'late' } })).status).toBe(409)
  })

  it('a presence decision keeps the code (coder who coded it) or drops it (none); other codes never change', async () => {
    const d = await findDispute('presence', code.platform)
    const before = await sharedRows(code.transfer)
    const res = await decide(d.id, { choice: 'coder', coderId: coder1.id, rationale: '有具体描述。' })
    expect(res.status).toBe(200)
    expect(await sharedRows(code.platform)).toEqual([{ codeId: code.platform, coderId: lead.id, ...sp.presence }])
    const t = await findDispute('presence', code.transfer)
    expect((await decide(t.id, { choice: 'intersection', rationale: '只有一位编码员，交集为空。' })).status).toBe(200)
    expect(await sharedRows(code.transfer)).toEqual(before)
    expect(await sharedRows(code.platform)).toEqual([{ codeId: code.platform, coderId: lead.id, ...sp.presence }])
  })

  it('[DIS22] a status decision sets the team status; re-deciding restores the previous one first', async () => {
    const d = await findDispute('status', code.platform)
    expect(d.versions).toEqual([{ coderId: coder1.id, status: 'described' }, { coderId: coder2.id, status: 'partial' }])
    const team = async () => (await app.ctx.db.select().from(fitStatuses).where(and(eq(fitStatuses.projectId, projectId), eq(fitStatuses.codeId, code.platform), eq(fitStatuses.coderId, ''))))[0]?.status ?? null
    expect(await team()).toBeNull()
    const topics: string[] = []
    const off = app.ctx.events.subscribe(projectId, (e) => topics.push(e.topic))
    const first = await decide(d.id, { choice: 'intersection', rationale: '描述不够具体，就低。' })
    off()
    expect(topics).toEqual(expect.arrayContaining(['disputes', 'fit']))
    expect(first.body).toMatchObject({ after: { status: 'partial' } })
    expect(await team()).toBe('partial')
    await reopen(d.id)
    const second = await decide(d.id, { choice: 'custom', status: 'described', rationale: '补充材料证实有具体做法。' })
    expect(second.status).toBe(200)
    expect(second.body.replacesId).toBe(first.body.id)
    expect(await team()).toBe('described')
  })

  it('the decision log exports as CSV with names and rationales', async () => {
    const res = await decisionsRoute.GET(new Request(`http://localhost/api/projects/${projectId}/decisions?format=csv`, { headers: { authorization: `Bearer ${lead.token}` } }), { params: Promise.resolve({ projectId }) })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/text\/csv/)
    const rows = parseCsvWithHeader(await res.text(), decisionLogColumns, 'decisions.csv')
    expect(rows.length).toBe(10) // 6 on the boundary dispute, 2 presence, 2 status
    expect(rows[0].values).toMatchObject({ kind: 'boundary', choice: 'coder', decided_by: 'lead', chosen_coder: 'coder1', transcript: 'Z-1', case: 'Z', rationale: '王晓的边界包含了完整的做法。', in_force: 'no' })
    expect(rows[0].values.before).toBe(`coder1: ${sp.c1Boundary.start}-${sp.c1Boundary.end} | coder2: ${sp.c2Boundary.start}-${sp.c2Boundary.end}`)
  })

  it('the consensus codings of a round are available for agreement after arbitration', async () => {
    const res = await callRoute(consensusRoute, 'GET', { params: { projectId, roundId }, token: viewer.token })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ roundId, state: 'revealed', coders: [coder1.id, coder2.id], documents: [{ id: transcriptId, length: text.length }] })
    expect(res.body.codings).toEqual((await sharedRows()).map((r) => ({ documentId: transcriptId, ...r })))
    expect((await callRoute(consensusRoute, 'GET', { params: { projectId, roundId }, token: outsider.token })).status).toBe(404)
  })

  it('[DIS23] re-detection after a coder\'s codings change: the old dispute is superseded with its decisions, a new one opens', async () => {
    const old = await findDispute('boundary', code.programs)
    // coder2 widens their span (as if the layer changed after a second round).
    await realtime.live.editCodings(layerRoom(transcriptId, coder2.id), { add: [{ codeId: code.programs, coderId: coder2.id, start: sp.c2Boundary.start, end: sp.c2Boundary.end + 3 }] })
    const res = await callRoute(refreshRoute, 'POST', { params: params(), token: lead.token, body: {} })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ rounds: 1, created: 1, superseded: 1 })
    expect((await callRoute(refreshRoute, 'POST', { params: params(), token: coder1.token, body: {} })).status).toBe(403)
    const now = await list(lead.token)
    expect(now.find((d) => d.id === old.id)).toBeUndefined()
    const fresh = now.find((d) => d.kind === 'boundary')
    expect(fresh).toMatchObject({ state: 'open', codeId: code.programs })
    expect(fresh.versions[1].spans).toEqual([{ start: sp.c2Boundary.start, end: sp.c2Boundary.end + 3 }])
    // The superseded dispute's decisions stay in the log, no longer in force.
    const log = (await callRoute(decisionsRoute, 'GET', { params: params(), token: lead.token })).body
    const oldOnes = log.filter((e: { disputeId: string }) => e.disputeId === old.id)
    expect(oldOnes).toHaveLength(6)
    expect(oldOnes.every((e: { inForce: boolean; dispute: { superseded: boolean } }) => !e.inForce && e.dispute.superseded)).toBe(true)
    expect((await decide(old.id, { choice: 'none', rationale: 'r' })).status).toBe(409)
    // Decided disputes whose codings did not change keep their state.
    expect((await findDispute('presence', code.platform)).state).toBe('decided')
  })
})

describe('demo arbitration', () => {
  it('every fresh demo decides the same disputes the same way (its figures are reproducible)', async () => {
    const summaries: string[][] = []
    for (let i = 0; i < 2; i++) {
      const app = await createTestApp('pglite')
      try {
        const demo = await seedDemo(app.ctx.db)
        const { listDecisions } = await import('../../server/services/disputes/list-decisions')
        const log = await listDecisions(app.ctx.db, { userId: demo.userIds.lead }, demo.projectId)
        const { items } = await (await import('../../server/services/disputes/list-disputes')).listDisputes(app.ctx.db, { userId: demo.userIds.lead }, demo.projectId)
        const where = new Map(items.map((d) => [d.id, `${d.documentTitle ?? d.caseKey}|${d.start}|${d.code.name.en}`]))
        summaries.push(log.map((e) => `${where.get(e.disputeId)}|${e.choice}`).sort())
      } finally {
        await app.close()
      }
    }
    expect(summaries[0].length).toBeGreaterThan(2)
    expect(summaries[1]).toEqual(summaries[0])
  })


  it('the demo arrives with the revealed round\'s disputes, about a third decided with rationales, in the consensus', async () => {
    const app = await createTestApp('pglite')
    try {
      const demo = await seedDemo(app.ctx.db)
      const { listDisputes } = await import('../../server/services/disputes/list-disputes')
      const { listDecisions } = await import('../../server/services/disputes/list-decisions')
      const lead = { userId: demo.userIds.lead }
      const { items, progress } = await listDisputes(app.ctx.db, lead, demo.projectId)
      expect(progress.total).toBeGreaterThan(6)
      expect(progress.decided).toBe(Math.floor((progress.total + 1) / 3))
      expect(items[0].state).toBe('open')
      const log = await listDecisions(app.ctx.db, lead, demo.projectId)
      expect(log).toHaveLength(progress.decided)
      for (const e of log) expect(e.rationale.length).toBeGreaterThan(10)
      // Every decision's spans are in the shared layer under the lead's id.
      const shared = await app.ctx.db.select().from(codings).where(and(eq(codings.projectId, demo.projectId), eq(codings.layer, 'shared'), eq(codings.coderId, demo.userIds.lead)))
      for (const e of log) {
        for (const s of (e.after as { spans: { start: number; end: number }[] }).spans ?? []) {
          expect(shared.some((r) => r.transcriptId === e.dispute.documentId && r.codeId === e.dispute.codeId && r.start <= s.start && r.end >= s.end)).toBe(true)
        }
      }
    } finally {
      await app.close()
    }
  })
})
