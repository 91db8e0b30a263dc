/**
 * Agreement before and after arbitration (issue 6), through `GET …/agreement/arbitration`, over
 * both backends: before = the coders with each other, after = each coder with the consensus
 * layer. The round is small enough to check every number by hand (speaker-turn units, percent
 * agreement = agreeing turns / turns):
 *
 *   turn        1  2  3  4
 *   A  coder1   ■  ·  ■  ·      coder1 vs coder2 on A: 3 of 4 turns agree → 0.75
 *      coder2   ■  ·  ·  ·
 *   B  coder1   ·  ■  ·  ·      both coded B in turn 2 → 1.0
 *      coder2   ·  ■  ·  ·
 *
 * The reveal merges the agreed codings (A in turn 1, B in turn 2) into the consensus and opens
 * one dispute (A in turn 3). Until it is decided, the consensus equals coder2's coding; taking
 * coder1's version makes it equal coder1's.
 */
import { afterAll, beforeAll, expect, it } from 'vitest'
import { fitStatuses } from '../../db/schema'
import { newId } from '../../server/ids'
import { layerRoom } from '../../server/realtime-rooms'
import { startRealtime, type RealtimeHandle } from '../../server/realtime-wiring'
import { callRoute, createTestApp, type TestApp, type TestUser } from '../support/test-app'
import { describeEachBackend } from '../support/test-db'
import { makeBlindRound } from '../support/round-fixture'
import * as arbitrationRoute from '../../app/api/projects/[projectId]/agreement/arbitration/route'
import * as revealRoute from '../../app/api/projects/[projectId]/rounds/[roundId]/reveal/route'
import * as disputesRoute from '../../app/api/projects/[projectId]/disputes/route'
import * as decisionRoute from '../../app/api/projects/[projectId]/disputes/[disputeId]/decision/route'

const turns = [
  { speaker: '访谈者', text: '联合体怎样培养人才？' },
  { speaker: '受访者', text: '我们和园区企业共建了三个订单班。' },
  { speaker: '访谈者', text: '科研方面呢？' },
  { speaker: '受访者', text: '市里出资建了一个中试基地。' },
]
const text = turns.map((t) => t.text).join('\n')
const turn = (i: number) => {
  const start = text.indexOf(turns[i].text)
  return { start, end: start + turns[i].text.length }
}

describeEachBackend('agreement before and after arbitration', (backend) => {
  let app: TestApp
  let realtime: RealtimeHandle
  let lead: TestUser, coder1: TestUser, coder2: TestUser, viewer: TestUser, outsider: TestUser
  let projectId: string, roundId: string, transcriptId: string, caseId: string
  const code: Record<'A' | 'B', string> = { A: '', B: '' }

  const arbitration = (query: string, token = lead.token) => callRoute(arbitrationRoute, 'GET', { params: { projectId }, token, url: `http://localhost/x?${query}` })
  const percent = (body: { after: { coderId: string; overall: { percentAgreement: number }; codes: Record<string, { percentAgreement: number }> }[] }, coderId: string) => {
    const row = body.after.find((a) => a.coderId === coderId)!
    return { overall: row.overall.percentAgreement, A: row.codes[code.A].percentAgreement, B: row.codes[code.B].percentAgreement }
  }

  beforeAll(async () => {
    app = await createTestApp(backend)
    realtime = await startRealtime(app.ctx)
    await realtime.caughtUp // the stored rooms it catches up at start, before the test acts
    app.ctx.live = realtime.live
    const f = await makeBlindRound(app, { projectName: 'Before and after', codes: ['A', 'B'], turns })
    ;({ lead, coder1, coder2, viewer, outsider, projectId, roundId, transcriptId, caseId } = f)
    Object.assign(code, f.code)
    const db = app.ctx.db
    await realtime.live.editCodings(layerRoom(transcriptId, coder1.id), {
      add: [
        { codeId: code.A, coderId: coder1.id, ...turn(0) },
        { codeId: code.A, coderId: coder1.id, ...turn(2) },
        { codeId: code.B, coderId: coder1.id, ...turn(1) },
      ],
    })
    await realtime.live.editCodings(layerRoom(transcriptId, coder2.id), {
      add: [
        { codeId: code.A, coderId: coder2.id, ...turn(0) },
        { codeId: code.B, coderId: coder2.id, ...turn(1) },
      ],
    })
    // Framework judgements of case Z: the coders differ on A, agree on B; no team status yet.
    await db.insert(fitStatuses).values([
      { id: newId(), projectId, caseId, codeId: code.A, coderId: coder1.id, status: 'described' },
      { id: newId(), projectId, caseId, codeId: code.A, coderId: coder2.id, status: 'partial' },
      { id: newId(), projectId, caseId, codeId: code.B, coderId: coder1.id, status: 'described' },
      { id: newId(), projectId, caseId, codeId: code.B, coderId: coder2.id, status: 'described' },
    ])
  })
  afterAll(async () => {
    await realtime.close()
    await app.close()
  })

  it('a blind round has no before/after figures, for anyone; outsiders get 404, anonymous 401', async () => {
    const res = await arbitration(`round=${roundId}`)
    expect(res.status).toBe(403)
    expect(res.body.error.message).toMatch(/reveal/)
    expect((await arbitration(`round=${roundId}`, outsider.token)).status).toBe(404)
    expect((await callRoute(arbitrationRoute, 'GET', { params: { projectId }, url: `http://localhost/x?round=${roundId}` })).status).toBe(401)
  })

  it('after the reveal: before = coders with each other; after = each coder with the merged consensus, the dispute still open', async () => {
    expect((await callRoute(revealRoute, 'POST', { params: { projectId, roundId }, token: lead.token })).status).toBe(200)
    const res = await arbitration('unit=segment&segment=turn&bootstrap=0', viewer.token)
    expect(res.status).toBe(200)
    expect(res.body.round).toMatchObject({ id: roundId, state: 'revealed' })
    expect([...res.body.before.coders].sort()).toEqual([coder1.id, coder2.id].sort())
    expect(res.body.before.codes[code.A].percentAgreement).toBe(0.75)
    expect(res.body.before.codes[code.B].percentAgreement).toBe(1)
    expect(res.body.before.overall.percentAgreement).toBe(0.875) // 7 of 8 code × turn units
    // The consensus holds A in turn 1 and B in turn 2: coder2's coding exactly.
    expect(res.body.consensus.items).toBe(2)
    expect(percent(res.body, coder1.id)).toEqual({ overall: 0.875, A: 0.75, B: 1 })
    expect(percent(res.body, coder2.id)).toEqual({ overall: 1, A: 1, B: 1 })
    expect(res.body.disputes).toEqual({ decided: 0, total: 2 }) // the span dispute on A and the status dispute on A
    expect(res.body.notes.join(' ')).toMatch(/2 dispute\(s\) of this round are still open/)
    // Problems with the parameters are listed, as for GET …/agreement.
    const bad = await arbitration('unit=spans&coders=nobody')
    expect(bad.status).toBe(400)
  })

  it('deciding the dispute moves the consensus, and the after figures follow; before never changes', async () => {
    const list = await callRoute(disputesRoute, 'GET', { params: { projectId }, token: lead.token, url: 'http://localhost/x' })
    const spanDispute = list.body.find((d: { kind: string; codeId: string }) => d.kind !== 'status' && d.codeId === code.A)
    const statusDispute = list.body.find((d: { kind: string }) => d.kind === 'status')
    expect((await callRoute(decisionRoute, 'POST', { params: { projectId, disputeId: spanDispute.id }, token: lead.token, body: { choice: 'coder', coderId: coder1.id, rationale: '有具体做法。' } })).status).toBe(200)
    expect((await callRoute(decisionRoute, 'POST', { params: { projectId, disputeId: statusDispute.id }, token: lead.token, body: { choice: 'coder', coderId: coder1.id, rationale: '有具体描述。' } })).status).toBe(200)

    const res = await arbitration('unit=segment&segment=turn&bootstrap=0')
    expect(res.body.before.overall.percentAgreement).toBe(0.875)
    expect(res.body.consensus.items).toBe(3)
    expect(percent(res.body, coder1.id)).toEqual({ overall: 1, A: 1, B: 1 })
    expect(percent(res.body, coder2.id)).toEqual({ overall: 0.875, A: 0.75, B: 1 })
    expect(res.body.disputes).toEqual({ decided: 2, total: 2 })
    expect(res.body.notes).toEqual([])

    // Framework judgements: the team status (coder1's "described" on A; B has none, so B is missing for the consensus).
    const status = await arbitration('unit=status&bootstrap=0')
    expect(status.status).toBe(200)
    expect(status.body.before.overall.percentAgreement).toBe(0.5)
    expect(status.body.consensus.items).toBe(1)
    expect(percent(status.body, coder1.id).A).toBe(1)
    expect(percent(status.body, coder2.id).A).toBe(0)
  })

  it('span unit: a coder identical to the consensus has u-alpha 1', async () => {
    const res = await arbitration('unit=span&bootstrap=0')
    expect(res.status).toBe(200)
    const c1 = res.body.after.find((a: { coderId: string }) => a.coderId === coder1.id)
    expect(c1.overall.unitizingAlpha).toBe(1)
    const c2 = res.body.after.find((a: { coderId: string }) => a.coderId === coder2.id)
    expect(c2.overall.unitizingAlpha).toBeLessThan(1)
    expect(res.body.before.overall.unitizingAlpha).toBe(c2.overall.unitizingAlpha)
  })
})
