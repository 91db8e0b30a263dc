import { afterAll, beforeAll, expect, it } from 'vitest'
import * as codingsRoute from '@/app/api/projects/[projectId]/codings/route'
import { callRoute, createTestApp, type TestApp } from '../support/test-app'
import { describeEachBackend } from '../support/test-db'
import { fixtureText, makeCodingProject, setCoderSeesRevealed, spanOfText, type CodingProject } from '../support/editor-fixtures'

describeEachBackend('code retrieval API', (backend) => {
  let app: TestApp
  let p: CodingProject
  beforeAll(async () => {
    app = await createTestApp(backend)
    p = await makeCodingProject(app)
  })
  afterAll(() => app.close())

  const get = async (token: string, query: Record<string, string> = {}) => {
    const url = `http://localhost/api/projects/${p.projectId}/codings?${new URLSearchParams(query)}`
    return callRoute(codingsRoute, 'GET', { params: { projectId: p.projectId }, token, url })
  }
  /** (transcript title, layer owner's name or 'shared', coded text) of each segment. */
  const seen = (body: { items: { transcriptTitle: string; layer: string; layerOwner: string | null; text: string }[] }) =>
    body.items.map((i) => `${i.transcriptTitle}|${i.layer === 'shared' ? 'shared' : i.layerOwner === p.coder1.id ? 'c1' : i.layerOwner === p.coder2.id ? 'c2' : '?'}|${i.text}`).sort()

  it('returns a code’s segments with context from the same turn, case, role and coder', async () => {
    const res = await get(p.viewer.token, { codeId: p.codes.programs })
    expect(res.status).toBe(200)
    const [item] = res.body.items
    expect(res.body.items).toHaveLength(1)
    const { start, end } = spanOfText('joint programs')
    expect(item).toMatchObject({
      transcriptId: p.transcripts.open,
      transcriptTitle: 'Open',
      caseKey: 'A',
      caseName: { zh: '甲', en: 'Alpha' },
      respondentRole: 'park',
      layer: 'shared',
      codeId: p.codes.programs,
      coderId: p.coder1.id,
      coderName: 'coder1',
      start,
      end,
      text: 'joint programs',
      speaker: 'Respondent',
    })
    expect(fixtureText.slice(0, start).endsWith(item.before)).toBe(true)
    expect(fixtureText.slice(end).startsWith(item.after)).toBe(true)
    // Context stays within the speaker's turn.
    expect(item).toMatchObject({ before: 'We run ', after: ' with the park and share a research lab.', clippedBefore: false, clippedAfter: false })
    const short = await get(p.viewer.token, { codeId: p.codes.programs, context: '3' })
    expect(short.body.items[0]).toMatchObject({ before: 'un ', after: ' wi', clippedBefore: true, clippedAfter: true })
  })

  it('a parent code with subcodes=1 includes its children’s segments', async () => {
    expect((await get(p.lead.token, { codeId: p.codes.talent })).body.items).toEqual([])
    expect(seen((await get(p.lead.token, { codeId: p.codes.talent, subcodes: '1' })).body)).toEqual(['Open|shared|joint programs', 'Revealed|c1|joint programs'])
  })

  it('filters by case, respondent role, coder and layer', async () => {
    expect(seen((await get(p.coder1.token, { caseId: p.cases.a })).body)).toEqual(['Open|shared|joint programs', 'Open|shared|share a research lab'])
    expect(seen((await get(p.coder1.token, { role: 'park', coderId: p.coder2.id })).body)).toEqual(['Open|shared|share a research lab'])
    expect(seen((await get(p.coder1.token, { caseId: p.cases.b })).body)).toEqual(['Blind|c1|joint programs', 'Revealed|c1|joint programs'])
    expect(seen((await get(p.coder1.token, { layer: 'shared' })).body)).toEqual(['Open|shared|joint programs', 'Open|shared|share a research lab'])
  })

  it('blindness: a coder sees only shared codings and their own layers; the lead sees others’ layers only after the reveal; viewers never', async () => {
    const all = ['Open|shared|joint programs', 'Open|shared|share a research lab']
    expect(seen((await get(p.coder2.token)).body)).toEqual([...all, 'Blind|c2|research lab', 'Revealed|c2|research lab'].sort())
    expect(seen((await get(p.lead.token)).body)).toEqual([...all, 'Revealed|c1|joint programs', 'Revealed|c2|research lab'].sort())
    expect(seen((await get(p.viewer.token)).body)).toEqual(all)
    // A coder filtering on another coder's id gets nothing blind.
    expect(seen((await get(p.coder2.token, { coderId: p.coder1.id })).body)).toEqual(['Open|shared|joint programs'])
    await setCoderSeesRevealed(app, p.projectId, true)
    expect(seen((await get(p.coder2.token)).body)).toEqual([...all, 'Blind|c2|research lab', 'Revealed|c1|joint programs', 'Revealed|c2|research lab'].sort())
    expect(seen((await get(p.viewer.token)).body)).toEqual(all)
    await setCoderSeesRevealed(app, p.projectId, false)
  })

  it('rejects unknown codes and bad filters with every problem; outsiders get 404', async () => {
    const bad = await get(p.lead.token, { codeId: 'nope' })
    expect(bad.status).toBe(400)
    const bad2 = await get(p.lead.token, { role: 'astronaut', layer: 'mine' })
    expect(bad2.status).toBe(400)
    expect(bad2.body.error.problems.map((x: { path: string }) => x.path).sort()).toEqual(['layer', 'role'])
    expect((await get(p.outsider.token)).status).toBe(404)
  })

  it('limit truncates and says so', async () => {
    const res = await get(p.lead.token, { limit: '1' })
    expect(res.body.items).toHaveLength(1)
    expect(res.body).toMatchObject({ total: 4, truncated: true })
  })
})
