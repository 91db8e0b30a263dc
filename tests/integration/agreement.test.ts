/**
 * Independent rounds, blindness over HTTP and the agreement API, on the demo project (one revealed
 * round of coder1 and coder2 on case Z, one blind round on case K), over both backends:
 *
 * - before the reveal nobody — the lead included — gets another coder's codings or any agreement
 *   figure of the round, through the layers, codings (retrieval), agreement and drill-down APIs;
 *   the reveal changes that;
 * - the API's numbers equal the agreement engines (`computeSpanAgreement`, `computeReliability` on
 *   the units module's rows) fed with the same rows read straight from the database;
 * - a pinned report regenerates identically, even after the layers changed, and exports CSV and a
 *   methods paragraph.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { and, eq, inArray } from 'drizzle-orm'
import { codes, codings, fitStatuses, projects, transcripts, transcriptTexts } from '../../db/schema'
import { computeCoefficients, computeReliability } from '../../server/domain/agreement/coefficients'
import { computeSpanAgreement } from '../../server/domain/agreement/spans'
import { documentUnits, matchedSegmentUnits, segmentUnits, type ReliabilityDatum } from '../../server/domain/agreement/units'
import { seedDemo, type DemoResult } from '../../server/services/demo/seed-demo'
import { createAccessToken } from '../../server/services/tokens/manage-tokens'
import { loadRound } from '../../server/services/rounds/load-round'
import { callRoute, createTestApp, type TestApp } from '../support/test-app'
import { describeEachBackend } from '../support/test-db'
import * as roundsRoute from '../../app/api/projects/[projectId]/rounds/route'
import * as revealRoute from '../../app/api/projects/[projectId]/rounds/[roundId]/reveal/route'
import * as layersRoute from '../../app/api/projects/[projectId]/transcripts/[transcriptId]/layers/route'
import * as agreementRoute from '../../app/api/projects/[projectId]/agreement/route'
import * as disagreementsRoute from '../../app/api/projects/[projectId]/agreement/disagreements/route'
import { getDisagreements } from '../../server/services/agreement/get-disagreements'
import * as reportsRoute from '../../app/api/projects/[projectId]/agreement/reports/route'
import * as reportRoute from '../../app/api/projects/[projectId]/agreement/reports/[reportId]/route'
import * as regenerateRoute from '../../app/api/projects/[projectId]/agreement/reports/[reportId]/regenerate/route'
import * as exportRoute from '../../app/api/projects/[projectId]/agreement/reports/[reportId]/export/route'
import * as codingsRoute from '../../app/api/projects/[projectId]/codings/route'
import * as projectsRoute from '../../app/api/projects/route'
import pkg from '../../package.json'

type Who = 'lead' | 'coder1' | 'coder2' | 'viewer'

describeEachBackend('independent rounds and agreement', (backend) => {
  let app: TestApp
  let demo: DemoResult
  let projectId: string
  const tokens = {} as Record<Who, string>
  let revealed: { id: string; transcripts: string[] }
  let blind: { id: string; transcripts: string[] }

  const get = (mod: Record<string, unknown>, who: Who, params: Record<string, string> = {}, query = '') =>
    callRoute(mod, 'GET', { params: { projectId, ...params }, token: tokens[who], url: `http://localhost/x${query ? `?${query}` : ''}` })
  const post = (mod: Record<string, unknown>, who: Who, params: Record<string, string> = {}, body: unknown = {}) => callRoute(mod, 'POST', { params: { projectId, ...params }, token: tokens[who], body })

  beforeAll(async () => {
    app = await createTestApp(backend)
    demo = await seedDemo(app.ctx.db)
    projectId = demo.projectId
    for (const who of ['lead', 'coder1', 'coder2', 'viewer'] as const) tokens[who] = (await createAccessToken(app.ctx.db, { userId: demo.userIds[who] }, { name: 'test' })).token
    const list = await get(roundsRoute, 'lead')
    expect(list.status).toBe(200)
    const r = list.body.find((x: { state: string }) => x.state === 'revealed')
    const b = list.body.find((x: { state: string }) => x.state === 'blind')
    revealed = { id: r.id, transcripts: r.transcripts.map((t: { id: string }) => t.id) }
    blind = { id: b.id, transcripts: b.transcripts.map((t: { id: string }) => t.id) }
  })
  afterAll(async () => {
    await app?.close()
  })

  /**
   * The round's coder-layer rows, straight from the database, as the engines take them: each
   * layer's own marks (not another coder's, not one inherited from the shared layer).
   */
  async function layerRows(transcriptIds: string[]) {
    const all = await app.ctx.db
      .select({ document: codings.transcriptId, layer: codings.layer, coder: codings.layerOwner, markedBy: codings.coderId, code: codings.codeId, start: codings.start, end: codings.end })
      .from(codings)
      .where(inArray(codings.transcriptId, transcriptIds))
    const key = (r: (typeof all)[number]) => [r.document, r.code, r.markedBy, r.start, r.end].join('|')
    const shared = new Set(all.filter((r) => r.layer === 'shared').map(key))
    return all
      .filter((r) => r.layer === 'coder' && r.markedBy === r.coder && !shared.has(key(r)))
      .map(({ document, coder, code, start, end }) => ({ document, coder: coder!, code, start, end }))
  }
  async function texts(transcriptIds: string[]) {
    const rows = await app.ctx.db.select().from(transcriptTexts).where(inArray(transcriptTexts.transcriptId, transcriptIds))
    return transcriptIds.map((id) => rows.find((r) => r.transcriptId === id)!)
  }

  describe('rounds', () => {
    it('lists both demo rounds; the lead sees every coder’s progress, a coder only their own, a viewer none', async () => {
      const lead = (await get(roundsRoute, 'lead')).body
      expect(lead.map((r: { state: string }) => r.state).sort()).toEqual(['blind', 'revealed'])
      const kLead = lead.find((r: { id: string }) => r.id === blind.id)
      expect(new Set(kLead.progress.map((p: { coderId: string }) => p.coderId))).toEqual(new Set([demo.userIds.coder1, demo.userIds.coder2]))
      expect(kLead.progress.every((p: { codings: number }) => p.codings > 0)).toBe(true)
      const kCoder = (await get(roundsRoute, 'coder1')).body.find((r: { id: string }) => r.id === blind.id)
      expect(kCoder.mine).toBe(true)
      expect(kCoder.progress.length).toBeGreaterThan(0)
      expect(kCoder.progress.every((p: { coderId: string }) => p.coderId === demo.userIds.coder1)).toBe(true)
      expect(JSON.stringify(kCoder)).not.toMatch(/"start"|"codeId"/) // counts only, never codings
      const kViewer = (await get(roundsRoute, 'viewer')).body.find((r: { id: string }) => r.id === blind.id)
      expect(kViewer.progress).toEqual([])
    })

    it('only the lead starts a round; input problems are all listed; a transcript in a blind round cannot join another', async () => {
      const s = (await get(roundsRoute, 'lead')).body
      const allRound = new Set(s.flatMap((r: { transcripts: { id: string }[] }) => r.transcripts.map((t) => t.id)))
      const docs = (await app.ctx.db.select({ id: transcriptTexts.transcriptId }).from(transcriptTexts)).map((d) => d.id).filter((id) => !allRound.has(id))
      const body = { name: 'Round S', transcriptIds: [docs[0]], coderIds: [demo.userIds.coder1, demo.userIds.coder2] }
      expect((await post(roundsRoute, 'coder1', {}, body)).status).toBe(403)
      const bad = await post(roundsRoute, 'lead', {}, { name: '', transcriptIds: ['nope'], coderIds: [demo.userIds.coder1, demo.userIds.viewer] })
      expect(bad.status).toBe(400)
      expect(bad.body.error.problems.map((p: { path: string }) => p.path)).toEqual(['name'])
      const bad2 = await post(roundsRoute, 'lead', {}, { name: 'x', transcriptIds: ['nope'], coderIds: [demo.userIds.coder1, demo.userIds.viewer] })
      expect(bad2.body.error.problems.map((p: { path: string }) => p.path).sort()).toEqual(['coderIds.1', 'transcriptIds.0'])
      const again = await post(roundsRoute, 'lead', {}, { ...body, transcriptIds: [blind.transcripts[0]] })
      expect(again.status).toBe(409)
      const created = await post(roundsRoute, 'lead', {}, body)
      expect(created.status).toBe(200)
      expect(created.body).toMatchObject({ state: 'blind', transcriptIds: [docs[0]] })
      const twice = await post(roundsRoute, 'lead', {}, { ...body, name: 'Round S again' })
      expect(twice.status).toBe(409)
    })
  })

  describe('blindness over HTTP', () => {
    it('before the reveal nobody reads a layer of the round, the lead included', async () => {
      for (const who of ['coder1', 'coder2', 'lead', 'viewer'] as const) {
        const res = await get(layersRoute, who, { transcriptId: blind.transcripts[0] })
        expect(res.status, who).toBe(403)
        expect(JSON.stringify(res.body)).not.toContain('codeId')
      }
    })

    it('the retrieval API gives a coder only their own layer of a blind round', async () => {
      const res = await get(codingsRoute, 'coder1', {}, 'layer=coder')
      expect(res.status).toBe(200)
      const blindItems = res.body.items.filter((i: { transcriptId: string }) => blind.transcripts.includes(i.transcriptId))
      expect(blindItems.length).toBeGreaterThan(0)
      expect(blindItems.every((i: { layerOwner: string }) => i.layerOwner === demo.userIds.coder1)).toBe(true)
      const other = await get(codingsRoute, 'coder1', {}, `layer=coder&coderId=${demo.userIds.coder2}`)
      expect(other.body.items.filter((i: { transcriptId: string }) => blind.transcripts.includes(i.transcriptId))).toEqual([])
    })

    it('no agreement figure and no drill-down of a blind round, for anyone', async () => {
      for (const who of ['lead', 'coder1', 'viewer'] as const) {
        const res = await get(agreementRoute, who, {}, `round=${blind.id}&unit=span`)
        expect(res.status, who).toBe(403)
        expect(res.body.error.message).toMatch(/reveal/)
        const stream = await get(agreementRoute, who, {}, `round=${blind.id}&stream=1`)
        expect(stream.status, `${who} stream`).toBe(403)
      }
      const drill = await get(disagreementsRoute, 'lead', {}, `round=${blind.id}&unit=span&code=x`)
      expect(drill.status).toBe(403)
      const pin = await post(reportsRoute, 'lead', {}, { round: blind.id })
      expect(pin.status).toBe(403)
    })

    it('the reveal opens the layers: the lead sees all, a coder their own unless the project shows revealed layers, a viewer none', async () => {
      expect((await post(revealRoute, 'coder1', { roundId: blind.id })).status).toBe(403)
      const res = await post(revealRoute, 'lead', { roundId: blind.id })
      expect(res.status).toBe(200)
      expect(res.body.state).toBe('revealed')
      const t = blind.transcripts[0]
      const lead = await get(layersRoute, 'lead', { transcriptId: t })
      expect(lead.status).toBe(200)
      expect(lead.body.layers.map((l: { coderId: string }) => l.coderId).sort()).toEqual([demo.userIds.coder1, demo.userIds.coder2].sort())
      expect(lead.body.layers.every((l: { codings: unknown[] }) => l.codings.length > 0)).toBe(true)
      expect(lead.body.text.length).toBeGreaterThan(1000)
      const own = await get(layersRoute, 'coder1', { transcriptId: t })
      expect(own.status).toBe(200)
      expect(own.body.partial).toBe(true)
      expect(own.body.layers.map((l: { coderId: string }) => l.coderId)).toEqual([demo.userIds.coder1])
      expect((await get(layersRoute, 'viewer', { transcriptId: t })).status).toBe(403)
      await app.ctx.db.update(projects).set({ settings: { ...(await app.ctx.db.select().from(projects).where(eq(projects.id, projectId)))[0].settings, coderSeesRevealed: true } }).where(eq(projects.id, projectId))
      const all = await get(layersRoute, 'coder1', { transcriptId: t })
      expect(all.body.layers).toHaveLength(2)
      expect((await get(agreementRoute, 'coder1', {}, `round=${blind.id}&unit=document`)).status).toBe(200)
    })
  })

  describe('the agreement API equals the engines on the same rows', () => {
    it('span: equals computeSpanAgreement over the round’s layers (lengths from the projected texts)', async () => {
      const res = await get(agreementRoute, 'viewer', {}, `round=${revealed.id}&unit=span`)
      expect(res.status).toBe(200)
      const rows = await layerRows(revealed.transcripts)
      const lengths = (await texts(revealed.transcripts)).map((t) => ({ document: t.transcriptId, length: t.text.length }))
      const ref = computeSpanAgreement({ codings: rows.map((r) => ({ ...r })), lengths, coders: [demo.userIds.coder1, demo.userIds.coder2] })
      expect(res.body.unit).toBe('span')
      expect(res.body.documents).toBe(revealed.transcripts.length)
      expect(res.body.overall).toMatchObject(ref.overall)
      expect(Object.keys(res.body.codes).sort()).toEqual(Object.keys(ref.codes).sort())
      for (const [code, s] of Object.entries(ref.codes)) expect(res.body.codes[code]).toMatchObject(s)
      // Real numbers on the demo: the coders mostly agree, not perfectly.
      expect(ref.overall.unitizingAlpha!).toBeGreaterThan(0.5)
      expect(ref.overall.unitizingAlpha!).toBeLessThan(1)
    })

    it('segment (speaker turns): each code and the pooled overall equal computeReliability on segmentUnits rows', async () => {
      const res = await get(agreementRoute, 'lead', {}, `round=${revealed.id}&unit=segment&segment=turn&bootstrap=0`)
      expect(res.status).toBe(200)
      const rows = await layerRows(revealed.transcripts)
      const segments = (await texts(revealed.transcripts)).flatMap((t) =>
        t.paragraphs.map((p, i) => ({ document: t.transcriptId, id: `t${i + 1}`, start: p.start, end: p.end })).filter((s) => s.end > s.start),
      )
      const coders = [demo.userIds.coder1, demo.userIds.coder2]
      const codes = Object.keys(res.body.codes)
      expect(codes.length).toBeGreaterThan(5)
      const byCode = segmentUnits(rows, segments, coders, codes)
      const pick = (r: Record<string, unknown>) => ({ units: r.units, krippendorffAlpha: r.krippendorffAlpha, cohenKappa: r.cohenKappa, scottPi: r.scottPi, brennanPrediger: r.brennanPrediger, gwetAC1: r.gwetAC1, percentAgreement: r.percentAgreement })
      for (const code of codes) expect(pick(res.body.codes[code]), code).toEqual(pick(computeReliability(byCode[code], 'nominal', { bootstrap: 0 }) as unknown as Record<string, unknown>))
      const pooled: ReliabilityDatum[] = codes.flatMap((code) => byCode[code].map((r) => ({ ...r, unit: `${code}|${r.unit}` })))
      expect(pick(res.body)).toEqual(pick(computeReliability(pooled, 'nominal', { bootstrap: 0 }) as unknown as Record<string, unknown>))
      expect(res.body.cohenKappa).toBeGreaterThan(0.4)
      expect(res.body.pairs).toHaveLength(1)
      expect(pick(res.body.pairs[0].overall)).toEqual(pick(res.body))
    })

    it('document: equals computeReliability including alpha’s bootstrap interval', async () => {
      const res = await get(agreementRoute, 'lead', {}, `round=${revealed.id}&unit=document&bootstrap=200&seed=5`)
      const rows = await layerRows(revealed.transcripts)
      const coders = [demo.userIds.coder1, demo.userIds.coder2]
      const byCode = documentUnits(rows, revealed.transcripts, coders, Object.keys(res.body.codes))
      for (const code of Object.keys(res.body.codes)) {
        const ref = computeReliability(byCode[code], 'nominal', { bootstrap: 200, seed: 5 })
        expect(res.body.codes[code].krippendorffAlpha).toBe(ref.krippendorffAlpha)
        expect(res.body.codes[code].alphaCI).toEqual(ref.alphaCI)
        expect(res.body.codes[code].percentAgreement).toBe(ref.percentAgreement)
      }
    })

    it('matched segments: equal computeReliability on matchedSegmentUnits rows', async () => {
      const res = await get(agreementRoute, 'lead', {}, `round=${revealed.id}&unit=matched&threshold=0.8&bootstrap=0`)
      const rows = await layerRows(revealed.transcripts)
      const coders = [demo.userIds.coder1, demo.userIds.coder2]
      const byCode = matchedSegmentUnits(rows, { threshold: 0.8, coders, codes: Object.keys(res.body.codes) })
      for (const code of Object.keys(res.body.codes)) {
        const ref = computeReliability(byCode[code], 'nominal', { bootstrap: 0 })
        expect(res.body.codes[code].percentAgreement, code).toBe(ref.percentAgreement)
        expect(res.body.codes[code].krippendorffAlpha, code).toBe(ref.krippendorffAlpha)
      }
    })

    it('defaults to the latest revealed round; subsets and bad parameters are checked, every problem listed', async () => {
      const def = await get(agreementRoute, 'lead', {}, 'unit=document&bootstrap=0')
      expect(def.status).toBe(200)
      const latest = (await loadRound(app.ctx.db, projectId, def.body.round.id)).state
      expect(latest).toBe('revealed')
      const one = await get(agreementRoute, 'lead', {}, `round=${revealed.id}&unit=span&transcripts=${revealed.transcripts[0]}`)
      expect(one.body.documents).toBe(1)
      const bad = await get(agreementRoute, 'lead', {}, `round=${revealed.id}&unit=nope&threshold=3&coders=x`)
      expect(bad.status).toBe(400)
      expect(bad.body.error.problems.map((p: { path: string }) => p.path).sort()).toEqual(['threshold', 'unit'])
      const notInRound = await get(agreementRoute, 'lead', {}, `round=${revealed.id}&coders=${demo.userIds.lead},${demo.userIds.coder1}&transcripts=zzz`)
      expect(notInRound.status).toBe(400)
      expect(notInRound.body.error.problems.map((p: { path: string }) => p.path).sort()).toEqual(['coders', 'coders.0', 'transcripts', 'transcripts.0'])
    })

    it('framework statuses: ordinal alpha over case × indicator from the coders’ own statuses', async () => {
      // The demo's coders recorded their own judgements of the revealed round's case (Z); the API
      // equals the coefficients engine on those rows, read straight from the database.
      const [t] = await app.ctx.db.select({ caseId: transcripts.caseId }).from(transcripts).where(eq(transcripts.id, revealed.transcripts[0]))
      const rows = await app.ctx.db.select().from(fitStatuses).where(and(eq(fitStatuses.projectId, projectId), eq(fitStatuses.caseId, t.caseId!)))
      const score = { none: 0, partial: 1, described: 2 } as Record<string, number>
      const ratingsFor = (codeIds: string[]) =>
        codeIds.map((id) => [demo.userIds.coder1, demo.userIds.coder2].map((coder) => score[rows.find((r) => r.codeId === id && r.coderId === coder)!.status]))
      const rated = [...new Set(rows.filter((r) => r.coderId === demo.userIds.coder1).map((r) => r.codeId))]
      const all = await get(agreementRoute, 'lead', {}, `round=${revealed.id}&unit=status&bootstrap=0`)
      expect(all.status).toBe(200)
      expect(all.body.level).toBe('ordinal')
      expect(all.body.units).toBe(17)
      const ref = computeCoefficients(ratingsFor(rated), 'ordinal', { categories: [0, 1, 2] })
      expect(all.body.krippendorffAlpha).toBe(Math.round(ref.krippendorffAlpha.value! * 1000) / 1000)
      expect(all.body.cohenKappaWeighted.quadratic).toBe(Math.round(ref.cohenKappaWeighted!.quadratic.value! * 1000) / 1000)
      // A selection of codes: the talent indicators only.
      const talent = (await app.ctx.db.select({ id: codes.id, key: codes.key }).from(codes).where(eq(codes.projectId, projectId))).filter((c) => c.key?.startsWith('talent.')).map((c) => c.id)
      const some = await get(agreementRoute, 'lead', {}, `round=${revealed.id}&unit=status&codes=${talent.join(',')}&bootstrap=0`)
      expect(some.body.units).toBe(5)
      const refSome = computeCoefficients(ratingsFor(talent), 'ordinal', { categories: [0, 1, 2] })
      expect(some.body.krippendorffAlpha).toBe(Math.round(refSome.krippendorffAlpha.value! * 1000) / 1000)
    })

    it('streams progress then the result (NDJSON)', async () => {
      const res = await agreementRoute.GET(new Request(`http://localhost/x?round=${revealed.id}&unit=segment&stream=1&seed=77`, { headers: { authorization: `Bearer ${tokens.lead}` } }), { params: Promise.resolve({ projectId }) })
      expect(res.headers.get('content-type')).toContain('application/x-ndjson')
      const lines = (await res.text()).trim().split('\n').map((l) => JSON.parse(l))
      const progress = lines.filter((l) => l.type === 'progress')
      expect(progress.length).toBeGreaterThan(3)
      expect(progress.at(-1)).toMatchObject({ done: progress.at(-1).total })
      expect(lines.at(-1).type).toBe('result')
      expect(lines.at(-1).report.unit).toBe('segment')
    })

    it('drill-down: the lead gets the disagreeing passages with context and links; a viewer does not', async () => {
      const report = (await get(agreementRoute, 'lead', {}, `round=${revealed.id}&unit=span`)).body
      const code = Object.entries(report.codes as Record<string, { unitizingAlpha: number | null }>).find(([, s]) => s.unitizingAlpha !== null && s.unitizingAlpha < 1)![0]
      const res = await get(disagreementsRoute, 'lead', {}, `round=${revealed.id}&unit=span&code=${code}`)
      expect(res.status).toBe(200)
      expect(res.body.total).toBeGreaterThan(0)
      const p = res.body.passages[0]
      expect(p.text.length).toBe(p.end - p.start)
      expect(p.href).toBe(`/projects/${projectId}/transcripts/${p.document}?at=${p.start}-${p.end}`)
      expect(p.coders.map((c: { coder: string }) => c.coder).sort()).toEqual([demo.userIds.coder1, demo.userIds.coder2].sort())
      await app.ctx.db.update(projects).set({ settings: { ...(await app.ctx.db.select().from(projects).where(eq(projects.id, projectId)))[0].settings, coderSeesRevealed: false } }).where(eq(projects.id, projectId))
      expect((await get(disagreementsRoute, 'viewer', {}, `round=${revealed.id}&unit=span&code=${code}`)).status).toBe(403)
      expect((await get(disagreementsRoute, 'coder1', {}, `round=${revealed.id}&unit=span&code=${code}`)).status).toBe(403)
      // Refused before the live rooms are asked to write their codings (work for nothing).
      const settled: string[] = []
      const live = { settleCodings: async (id: string) => void settled.push(id) }
      await expect(getDisagreements(app.ctx.db, { userId: demo.userIds.coder1 }, projectId, { round: revealed.id, unit: 'span', code }, live))
        .rejects.toMatchObject({ code: 'forbidden' })
      expect(settled).toEqual([])
      await getDisagreements(app.ctx.db, { userId: demo.userIds.lead }, projectId, { round: revealed.id, unit: 'span', code }, live)
      expect(settled).toEqual([projectId])
    })

    it('a project without a revealed round answers 200 with round null and what to do', async () => {
      const other = await callRoute(projectsRoute, 'POST', { token: tokens.lead, body: { name: 'Empty', template: 'study' } })
      const res = await callRoute(agreementRoute, 'GET', { params: { projectId: other.body.id }, token: tokens.lead, url: 'http://localhost/x?unit=span' })
      expect(res.status).toBe(200)
      expect(res.body.round).toBeNull()
      expect(res.body.message).toMatch(/reveal/)
    })
  })

  describe('citable reports', () => {
    it('pins a report, regenerates it identically even after the layers changed, and exports CSV and methods text', async () => {
      expect((await post(reportsRoute, 'coder1', {}, { round: revealed.id })).status).toBe(403)
      const created = await post(reportsRoute, 'lead', {}, { round: revealed.id, unit: 'segment', segment: 'sentence', bootstrap: 300 })
      expect(created.status).toBe(200)
      const id = created.body.id
      const live = (await get(agreementRoute, 'lead', {}, `round=${revealed.id}&unit=segment&segment=sentence&bootstrap=300`)).body
      expect(created.body.result.krippendorffAlpha).toBe(live.krippendorffAlpha)
      expect(created.body.snapshotId).toBe(live.snapshotId)

      const stored = await get(reportRoute, 'viewer', { reportId: id })
      expect(stored.status).toBe(200)
      expect(stored.body.snapshot.codings).toBeGreaterThan(10)
      expect(stored.body.snapshot.layers).toHaveLength(revealed.transcripts.length * 2)
      expect(stored.body.snapshot.layers.every((l: { lastUpdateId: number | null }) => l.lastUpdateId !== null)).toBe(true)
      expect(stored.body.software).toEqual({ name: 'Concord', version: pkg.version })
      expect(stored.body.result.krippendorffAlpha).toBe(created.body.result.krippendorffAlpha)

      // The layers move on: a coder's codings of the round disappear.
      await app.ctx.db.delete(codings).where(and(eq(codings.layerOwner, demo.userIds.coder2), inArray(codings.transcriptId, [revealed.transcripts[0]])))
      const after = (await get(agreementRoute, 'lead', {}, `round=${revealed.id}&unit=segment&segment=sentence&bootstrap=300`)).body
      expect(after.snapshotId).not.toBe(live.snapshotId)
      expect(after.krippendorffAlpha).not.toBe(live.krippendorffAlpha)

      expect((await post(regenerateRoute, 'coder1', { reportId: id })).status).toBe(403)
      const again = await post(regenerateRoute, 'lead', { reportId: id })
      expect(again.status).toBe(200)
      expect(again.body.identical).toBe(true)
      expect(again.body.result.krippendorffAlpha).toBe(created.body.result.krippendorffAlpha)
      expect(again.body.result.codes).toEqual(created.body.result.codes)

      const list = await get(reportsRoute, 'viewer')
      expect(list.body.map((r: { id: string }) => r.id)).toContain(id)

      const csv = await exportRoute.GET(new Request('http://localhost/x?format=csv', { headers: { authorization: `Bearer ${tokens.lead}` } }), { params: Promise.resolve({ projectId, reportId: id }) })
      expect(csv.headers.get('content-type')).toContain('text/csv')
      const csvText = await csv.text()
      expect(csvText).toContain('scope,coders,code_id,code,statistic,value,ci_low,ci_high,se,reading,units')
      expect(csvText).toContain(`,krippendorffAlpha,${created.body.result.krippendorffAlpha},${created.body.result.alphaCI[0]},${created.body.result.alphaCI[1]},`)
      for (const lang of ['en', 'zh']) {
        const m = await exportRoute.GET(new Request(`http://localhost/x?format=methods&lang=${lang}`, { headers: { authorization: `Bearer ${tokens.lead}` } }), { params: Promise.resolve({ projectId, reportId: id }) })
        const text = await m.text()
        expect(text).toContain(`Concord ${pkg.version}`)
        expect(text).toContain(created.body.snapshotId)
        expect(text).toContain(created.body.result.krippendorffAlpha.toFixed(3))
        expect(text).toContain(lang === 'zh' ? '王晓' : 'sentence')
      }
      expect((await get(reportRoute, 'lead', { reportId: 'no-such-report' })).status).toBe(404)
    })
  })
})

