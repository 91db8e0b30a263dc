/**
 * Framework fit through the API (issue 5): the demo project reproduces the study's table
 * (METHOD.md §5), statuses change levels live, roles are enforced, coders' own statuses stay
 * blind until the reveal and then give their agreement, and the exports are valid files.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import * as Y from 'yjs'
import { and, eq, ne } from 'drizzle-orm'
import { cases, codes, fitStatuses, projectMembers, rounds } from '../../db/schema'
import { computeCoefficients } from '../../server/domain/agreement/coefficients'
import { demoCoderStatuses, type DemoStatus } from '../../server/services/demo/demo-content'
import { studyCases } from '../../server/domain/fit/study'
import { seedDemo } from '../../server/services/demo/seed-demo'
import { createProject } from '../../server/services/projects/create-project'
import { createDrizzleDocStore } from '../../server/services/documents/drizzle-doc-store'
import { createAccessToken } from '../../server/services/tokens/manage-tokens'
import { summaryRoom } from '../../server/realtime-rooms'
import { newId } from '../../server/ids'
import { callRoute, createTestApp, type TestApp } from '../support/test-app'
import { describeEachBackend } from '../support/test-db'
import * as fitRoute from '../../app/api/projects/[projectId]/fit/route'
import * as matrixRoute from '../../app/api/projects/[projectId]/fit/matrix/route'
import * as statusesRoute from '../../app/api/projects/[projectId]/fit/statuses/route'
import * as exportRoute from '../../app/api/projects/[projectId]/fit/export/route'

/** Calls the export route and returns the raw bytes (callRoute reads bodies as text). */
async function download(projectId: string, token: string, query: string) {
  const res = await exportRoute.GET(new Request(`http://localhost/api/projects/${projectId}/fit/export?${query}`, { headers: { authorization: `Bearer ${token}` } }), {
    params: Promise.resolve({ projectId }),
  })
  return { status: res.status, headers: res.headers, bytes: new Uint8Array(await res.arrayBuffer()) }
}

describeEachBackend('framework fit API', (backend) => {
  let app: TestApp
  let projectId: string
  const token: Record<string, string> = {}
  const userId: Record<string, string> = {}
  let outsider: string
  let caseId: Record<string, string>
  let codeId: Record<string, string>

  beforeAll(async () => {
    app = await createTestApp(backend)
    const demo = await seedDemo(app.handle.db)
    projectId = demo.projectId
    for (const [key, id] of Object.entries(demo.userIds)) {
      userId[key] = id
      token[key] = (await createAccessToken(app.handle.db, { userId: id }, { name: 'test' })).token
    }
    outsider = (await app.user('outsider')).token
    const caseRows = await app.handle.db.select().from(cases).where(eq(cases.projectId, projectId))
    caseId = Object.fromEntries(caseRows.map((c) => [c.key, c.id]))
    const codeRows = await app.handle.db.select().from(codes).where(eq(codes.projectId, projectId))
    codeId = Object.fromEntries(codeRows.map((c) => [c.key!, c.id]))
  })
  afterAll(() => app?.close())

  const put = (who: string, body: unknown) => callRoute(statusesRoute, 'PUT', { params: { projectId }, token: token[who] ?? who, body })

  it('the demo project reproduces the study (METHOD.md §5) through GET /fit, for every member', async () => {
    for (const who of ['lead', 'coder1', 'viewer']) {
      const res = await callRoute(fitRoute, 'GET', { params: { projectId }, token: token[who] })
      expect(res.status).toBe(200)
      expect(Object.keys(res.body.cases)).toEqual(['S', 'Z', 'K', 'T'])
      for (const c of studyCases()) {
        const got = res.body.cases[c.key]
        expect(got.model).toEqual(c.expected.model)
        for (const [dim, level] of Object.entries(c.expected.levels)) expect(got.dimensions[dim].level).toBe(level)
      }
      // API.md's example: Z on technology is 3/7 unseen, shown to 4 decimals.
      expect(res.body.cases.Z.dimensions.technology).toMatchObject({ unseenShare: 0.4286, level: 'medium' })
      expect(res.body.cases.Z.dimensions.administration).toMatchObject({ unseenShare: 0.2, level: 'high' })
      expect(res.body.settings).toEqual({ partialWeight: 0.5, highAtMost: 0.2, mediumAtMost: 0.5 })
    }
  })

  it('the matrix has every case × indicator with evidence from the shared layer and suggestions', async () => {
    const res = await callRoute(matrixRoute, 'GET', { params: { projectId }, token: token.viewer })
    expect(res.status).toBe(200)
    const m = res.body
    expect(m.dimensions.map((d: { key: string; indicators: unknown[] }) => [d.key, d.indicators.length])).toEqual([
      ['talent', 5],
      ['technology', 7],
      ['administration', 5],
    ])
    expect(m.cells).toHaveLength(4 * 17)
    // S and T are in open coding: their shared layers hold evidence; K's round is blind (no shared codings yet).
    const withEvidence = m.cells.filter((c: { evidence: unknown[] }) => c.evidence.length > 0)
    expect(withEvidence.length).toBeGreaterThan(0)
    for (const c of m.cells) expect(c.suggested).toBe(c.evidence.length > 0 ? 'described' : 'none')
    const kCells = m.cells.filter((c: { caseId: string }) => c.caseId === caseId.K)
    expect(kCells.every((c: { evidence: unknown[] }) => c.evidence.length === 0)).toBe(true)
    const item = withEvidence[0].evidence[0]
    expect(item).toMatchObject({ transcriptId: expect.any(String), transcriptTitle: expect.any(String), start: expect.any(Number), end: expect.any(Number) })
    expect(item.end).toBeGreaterThan(item.start)
    expect(item.text.length).toBe(item.end - item.start)
    // The team's statuses are those of the study.
    const zTransfer = m.cells.find((c: { caseId: string; codeId: string }) => c.caseId === caseId.Z && c.codeId === codeId['technology.transfer'])
    expect(zTransfer.status).toBe('none')
    expect(m.report.cases.K.model.zh).toBe('强行政（非均衡）')
    // The revealed round's coders recorded their own judgements of Z: their agreement is shown,
    // equal to the coefficients engine on those judgements (17 indicators, a few rated lower).
    const own = demoCoderStatuses('Z', studyCases().find((c) => c.key === 'Z')!.statuses as Record<string, DemoStatus>)!
    const score = { none: 0, partial: 1, described: 2 }
    const ref = computeCoefficients(Object.keys(own.coder1).map((k) => [score[own.coder1[k]], score[own.coder2[k]]]), 'ordinal', { categories: [0, 1, 2] })
    expect(m.agreement.units).toBe(17)
    expect(m.agreement.krippendorffAlpha.value).toBe(Math.round(ref.krippendorffAlpha.value! * 1000) / 1000)
  })

  it('the lead sets a status: the level and model change, and every open page is told', async () => {
    const topics: string[] = []
    const off = app.ctx.events.subscribe(projectId, (e) => topics.push(e.topic))
    // T on administration: 1 none + 2 partial of 5 = 0.4 (medium); describing the none gives 0.2 (high).
    const res = await put('lead', { caseId: caseId.T, codeId: codeId['administration.evaluation'], status: 'described' })
    off()
    expect(res.status).toBe(200)
    expect(res.body.fit.dimensions.administration).toMatchObject({ unseenShare: 0.2, level: 'high' })
    expect(res.body.fit.model).toEqual({ zh: '强人才+强行政（非均衡）', en: 'strong talent + strong administration (unbalanced)' })
    expect(topics).toEqual(['fit'])
    const report = await callRoute(fitRoute, 'GET', { params: { projectId }, token: token.viewer })
    expect(report.body.cases.T.dimensions.administration.level).toBe('high')
    expect(report.body.cases.T.model.zh).toBe('强人才+强行政（非均衡）')
    // Clearing the status (null) makes it count as none again.
    const cleared = await put('lead', { caseId: caseId.T, codeId: codeId['administration.evaluation'], status: null })
    expect(cleared.body.fit.model.zh).toBe('强人才（非均衡）')
    await put('lead', { caseId: caseId.T, codeId: codeId['administration.evaluation'], status: 'none' })
  })

  it('a coder cannot set the team status; a viewer cannot set any; an outsider gets 404', async () => {
    const body = { caseId: caseId.S, codeId: codeId['talent.programs'], status: 'none' }
    expect((await put('coder1', body)).status).toBe(403)
    expect((await put('coder1', { ...body, coderId: userId.coder2 })).status).toBe(403)
    expect((await put('viewer', body)).status).toBe(403)
    expect((await put('viewer', { ...body, coderId: userId.viewer })).status).toBe(403)
    expect((await put(outsider, body)).status).toBe(404)
    for (const mod of [fitRoute, matrixRoute]) expect((await callRoute(mod, 'GET', { params: { projectId }, token: outsider })).status).toBe(404)
    expect((await download(projectId, outsider, 'format=csv')).status).toBe(404)
    expect((await callRoute(fitRoute, 'GET', { params: { projectId } })).status).toBe(401)
    // Nothing changed: S is still strong balanced.
    const report = await callRoute(fitRoute, 'GET', { params: { projectId }, token: token.lead })
    expect(report.body.cases.S.model.zh).toBe('强均衡')
  })

  it('bad input lists every problem', async () => {
    const res = await put('lead', { caseId: 'nope', codeId: codeId.talent, status: 'described' })
    expect(res.status).toBe(400)
    expect(res.body.error.problems.map((p: { path: string }) => p.path).sort()).toEqual(['caseId', 'codeId'])
    const bad = await put('lead', { caseId: caseId.S, codeId: codeId['talent.programs'], status: 'Described' })
    expect(bad.status).toBe(400)
    expect(bad.body.error.problems[0].path).toBe('status')
    expect((await put('lead', {})).body.error.problems.map((p: { path: string }) => p.path).sort()).toEqual(['caseId', 'codeId', 'status'])
  })

  it("coders' own statuses stay blind until the reveal, then give ordinal alpha and weighted kappa", async () => {
    // K's figures are computed by hand below: set the demo's own judgements of Z aside.
    await app.handle.db.delete(fitStatuses).where(and(eq(fitStatuses.caseId, caseId.Z), ne(fitStatuses.coderId, '')))
    const own = (who: 'coder1' | 'coder2', key: string, status: string) => put(who, { caseId: caseId.K, codeId: codeId[key], status, coderId: userId[who] })
    // K's round is blind and coded by coder1 and coder2.
    expect((await own('coder1', 'talent.programs', 'described')).status).toBe(200)
    expect((await own('coder1', 'talent.curricula', 'described')).status).toBe(200)
    expect((await own('coder2', 'talent.programs', 'described')).status).toBe(200)
    expect((await own('coder2', 'talent.curricula', 'partial')).status).toBe(200)
    // Not in a round: no own status for S.
    expect((await put('coder1', { caseId: caseId.S, codeId: codeId['talent.programs'], status: 'none', coderId: userId.coder1 })).status).toBe(403)

    const seen = async (who: string) => {
      const m = (await callRoute(matrixRoute, 'GET', { params: { projectId }, token: token[who] })).body
      return { m, cell: m.cells.find((c: { caseId: string; codeId: string }) => c.caseId === caseId.K && c.codeId === codeId['talent.curricula']) }
    }
    let view = await seen('coder1')
    expect(view.cell.coders).toEqual({ [userId.coder1]: 'described' })
    expect(view.m.cases.find((c: { key: string }) => c.key === 'K').canRecordOwn).toBe(true)
    view = await seen('lead')
    expect(view.cell.coders).toEqual({})
    expect(view.m.agreement).toBeNull()
    expect(view.m.blindCasesWithCoderStatuses).toBe(1)
    // Coders' statuses never change the team's fit.
    expect(view.m.report.cases.K.model.zh).toBe('强行政（非均衡）')
    const ownReport = await callRoute(fitRoute, 'GET', { params: { projectId }, token: token.coder1, url: `http://localhost/x?coderId=${userId.coder1}` })
    expect(ownReport.status).toBe(200)
    expect(Object.keys(ownReport.body.cases)).toEqual(['K'])
    expect(ownReport.body.cases.K.dimensions.talent.counts).toEqual({ described: 2, partial: 0, none: 3 })

    await app.handle.db.update(rounds).set({ state: 'revealed', revealedAt: new Date() }).where(eq(rounds.name, '第二轮独立编码（K 案例）'))
    expect((await own('coder1', 'talent.programs', 'none')).status).toBe(409)
    view = await seen('lead')
    expect(view.cell.coders).toEqual({ [userId.coder1]: 'described', [userId.coder2]: 'partial' })
    const a = view.m.agreement
    // 17 units of K; both coders rated K, blanks count as none: they differ only on talent.curricula
    // (described = 2 vs partial = 1). Ordinal alpha by Krippendorff (2011): values n = 34 with
    // n_0 = 30, n_1 = 1, n_2 = 3; δ²(1,2) = (n_1 + n_2 − (n_1 + n_2)/2)² = 2² = 4. Observed
    // Σ o δ² = 2·4 = 8. Expected Σ n_c n_k δ² = 2(n_0 n_1 δ²01 + n_0 n_2 δ²02 + n_1 n_2 δ²12) with
    // δ²01 = (30 + 1 − 15.5)² = 240.25, δ²02 = (30 + 1 + 3 − 16.5)² = 306.25:
    // 2(30·240.25 + 90·306.25 + 3·4) = 2(7207.5 + 27562.5 + 12) = 69564. α = 1 − 33·8/69564 = 0.99620…
    expect(a.units).toBe(17)
    expect(a.coders.sort()).toEqual([userId.coder1, userId.coder2].sort())
    expect(a.krippendorffAlpha.value).toBeCloseTo(1 - (33 * 8) / 69564, 3)
    // Linear weighted kappa (Cohen 1968), categories 0..2: po = 1 − 0.5/17; row marginals
    // (coder1) 15/17, 0, 2/17 … computed below from the same table.
    const p = (n: number) => n / 17
    const rows = [p(15), 0, p(2)]
    const cols = [p(15), p(1), p(1)]
    const w = (i: number, j: number) => 1 - Math.abs(i - j) / 2
    let pe = 0
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) pe += w(i, j) * rows[i] * cols[j]
    const po = 1 - 0.5 / 17
    expect(a.pairs).toHaveLength(1)
    expect(a.pairs[0].units).toBe(17)
    expect(a.pairs[0].weightedKappa.linear.value).toBeCloseTo((po - pe) / (1 - pe), 3)
    // Viewers see the agreement, not the individual coders' statuses.
    const viewer = await seen('viewer')
    expect(viewer.cell.coders).toEqual({})
    expect(viewer.m.agreement.krippendorffAlpha.value).toBe(a.krippendorffAlpha.value)
  })

  it('summaries written in the cell rooms appear in the matrix and the exports; exports are valid files', async () => {
    // A summary as the Tiptap editor stores it: paragraphs in the "default" XML fragment.
    const doc = new Y.Doc()
    const fragment = doc.getXmlFragment('default')
    const paragraphs = ['联合体设立了智能制造专业群，对接园区主导产业。', '第二段 summary line']
    fragment.insert(
      0,
      paragraphs.map((text) => {
        const p = new Y.XmlElement('paragraph')
        p.insert(0, [new Y.XmlText(text)])
        return p
      }),
    )
    await createDrizzleDocStore(app.handle.db).append(summaryRoom(projectId, caseId.S, codeId['talent.programs']), Y.encodeStateAsUpdate(doc))
    const m = (await callRoute(matrixRoute, 'GET', { params: { projectId }, token: token.viewer })).body
    const cell = m.cells.find((c: { caseId: string; codeId: string }) => c.caseId === caseId.S && c.codeId === codeId['talent.programs'])
    expect(cell.summary).toBe(paragraphs.join('\n'))
    expect(cell.room).toBe(`m/${projectId}/${caseId.S}/${codeId['talent.programs']}`)

    const csv = await download(projectId, token.viewer, 'format=csv')
    expect(csv.status).toBe(200)
    expect(csv.headers.get('content-type')).toContain('text/csv')
    expect(csv.headers.get('content-disposition')).toContain("filename*=UTF-8''")
    expect([...csv.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = new TextDecoder().decode(csv.bytes) // drops the BOM checked above
    const lines = text.trim().split('\r\n')
    expect(lines[0]).toBe('case,case_name,dimension,dimension_name,indicator,indicator_name,status,status_label,status_source,suggested_status,evidence_count,summary,dimension_unseen_share,dimension_level,dimension_level_label,model')
    // 68 rows, one with a two-line (quoted) summary.
    expect(text.match(/\r\n/g)!.length).toBe(1 + 68)
    expect(text).toContain(`"${paragraphs.join('\n')}"`)
    expect(text).toContain('Z,Z 市智能装备产教联合体,technology,科技资源赋能,technology.transfer,应用技术转让及交易,none,未见具体描述,set,')
    const summaryCsv = new TextDecoder().decode((await download(projectId, token.viewer, 'format=csv&table=summary&lang=en')).bytes)
    expect(summaryCsv).toContain('case,case_name,talent_unseen_share,talent_level,technology_unseen_share,technology_level,administration_unseen_share,administration_level,model_zh,model_en')
    expect(summaryCsv).toContain('Z,Z City intelligent equipment consortium,0,high,0.4286,medium,0.2,high,强人才+强行政（非均衡）,strong talent + strong administration (unbalanced)')

    const xlsx = await download(projectId, token.viewer, 'format=xlsx')
    expect(xlsx.status).toBe(200)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from(xlsx.bytes) as unknown as ArrayBuffer)
    expect(wb.worksheets.map((w) => w.name)).toEqual(['跨案例汇总', 'S', 'Z', 'K', 'T', 'data'])
    const summarySheet = wb.getWorksheet('跨案例汇总')!
    const summaryRows = summarySheet.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).filter((v) => v !== undefined && v !== null))
    expect(summaryRows).toContainEqual(['案例', '人才', '科技', '行政', '建设模式'])
    expect(summaryRows).toContainEqual(['Z 市智能装备产教联合体', '高契合度', '中契合度', '高契合度', '强人才+强行政（非均衡）'])
    expect(summaryRows).toContainEqual(['T 市高端装备制造产教联合体', '高契合度', '低契合度', '中契合度', '强人才（非均衡）'].map((v, i) => (i === 0 ? expect.stringMatching(/^T /) : v)))
    const sSheet = wb.getWorksheet('S')!
    expect(sSheet.getCell('A5').value).toBe('人才资源供给')
    expect(sSheet.getCell('C5').value).toBe(paragraphs.join('\n'))
    expect(wb.getWorksheet('data')!.rowCount).toBe(69)

    const docx = await download(projectId, token.viewer, 'format=docx')
    expect(docx.status).toBe(200)
    const zip = await JSZip.loadAsync(docx.bytes)
    const xml = await zip.file('word/document.xml')!.async('string')
    for (const c of studyCases()) expect(xml).toContain(c.name.zh)
    for (const model of ['强均衡', '强人才+强行政（非均衡）', '强行政（非均衡）', '强人才（非均衡）']) expect(xml).toContain(model)
    expect(xml).toContain(paragraphs[0])
    expect(xml).toContain('<w:vMerge w:val="restart"/>')

    expect((await download(projectId, token.viewer, 'format=pdf')).status).toBe(400)
  })

  it('works for any codebook: dimensions without keys are keyed by code id, any number of them', async () => {
    const db = app.handle.db
    const { id: pid } = await createProject(db, { userId: userId.lead }, { name: 'blank', template: 'blank' })
    await db.insert(projectMembers).values({ projectId: pid, userId: userId.viewer, role: 'viewer' })
    const dims = ['A', 'B']
    const ids: Record<string, string> = {}
    let position = 0
    for (const d of dims) {
      ids[d] = newId()
      await db.insert(codes).values({ id: ids[d], projectId: pid, parentId: null, nameZh: `维度${d}`, nameEn: '', position: position++ })
      for (const n of [1, 2]) {
        ids[`${d}${n}`] = newId()
        await db.insert(codes).values({ id: ids[`${d}${n}`], projectId: pid, parentId: ids[d], nameZh: `指标${d}${n}`, nameEn: `indicator ${d}${n}`, position: position++ })
      }
    }
    // A top-level code without children is not a dimension.
    await db.insert(codes).values({ id: newId(), projectId: pid, parentId: null, nameZh: '其他', nameEn: 'other', position: position++ })
    const c1 = newId()
    await db.insert(cases).values({ id: c1, projectId: pid, key: 'c1', nameZh: '案例一', position: 0 })
    const leadPut = (codeId: string, status: string) => callRoute(statusesRoute, 'PUT', { params: { projectId: pid }, token: token.lead, body: { caseId: c1, codeId, status } })
    expect((await leadPut(ids.A1, 'described')).status).toBe(200)
    expect((await leadPut(ids.A2, 'described')).status).toBe(200)
    expect((await leadPut(ids.B1, 'partial')).status).toBe(200)
    expect((await leadPut(ids.A, 'described')).status).toBe(400) // a dimension is not an indicator
    const res = await callRoute(fitRoute, 'GET', { params: { projectId: pid }, token: token.viewer })
    expect(res.status).toBe(200)
    expect(Object.keys(res.body.cases.c1.dimensions)).toEqual([ids.A, ids.B])
    expect(res.body.cases.c1.dimensions[ids.A]).toMatchObject({ unseenShare: 0, level: 'high' })
    // B: 1 partial + 1 none of 2 = (1 + 0.5) / 2 = 0.75 → low.
    expect(res.body.cases.c1.dimensions[ids.B]).toMatchObject({ unseenShare: 0.75, level: 'low' })
    // A dimension without a short label is named by its name; en falls back to zh.
    expect(res.body.cases.c1.model).toEqual({ zh: '强维度A（非均衡）', en: 'strong 维度A (unbalanced)' })
    expect(res.body.framework.dimensions.map((d: { indicators: unknown[] }) => d.indicators.length)).toEqual([2, 2])
  })
})

describe('framework fit export helpers', () => {
  it('the download keeps a Chinese file name (RFC 5987) with an ASCII fallback', async () => {
    const { attachmentHeader } = await import('../../server/services/fit/export-fit')
    expect(attachmentHeader('市域-fit.docx')).toBe(`attachment; filename="__-fit.docx"; filename*=UTF-8''${encodeURIComponent('市域-fit.docx')}`)
  })
})
