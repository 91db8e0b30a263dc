import { afterAll, beforeAll, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import * as memosRoute from '@/app/api/projects/[projectId]/transcripts/[transcriptId]/memos/route'
import * as memoRoute from '@/app/api/projects/[projectId]/transcripts/[transcriptId]/memos/[memoId]/route'
import { rounds } from '../../db/schema'
import { callRoute, createTestApp, type TestApp } from '../support/test-app'
import { describeEachBackend } from '../support/test-db'
import { fixtureText, makeCodingProject, spanOfText, type CodingProject } from '../support/editor-fixtures'

describeEachBackend('memos API', (backend) => {
  let app: TestApp
  let p: CodingProject
  beforeAll(async () => {
    app = await createTestApp(backend)
    p = await makeCodingProject(app)
  })
  afterAll(() => app.close())

  const list = (transcriptId: string, token: string) => callRoute(memosRoute, 'GET', { params: { projectId: p.projectId, transcriptId }, token })
  const create = (transcriptId: string, token: string, body: unknown) => callRoute(memosRoute, 'POST', { params: { projectId: p.projectId, transcriptId }, token, body })
  const remove = (transcriptId: string, memoId: string, token: string) => callRoute(memoRoute, 'DELETE', { params: { projectId: p.projectId, transcriptId, memoId }, token })

  it('a coder writes a memo on a coded span; every member reads it with its author; an event is published', async () => {
    const topics: string[] = []
    const off = app.ctx.events.subscribe(p.projectId, (e) => topics.push(e.topic))
    const res = await create(p.transcripts.open, p.coder1.token, { codeId: p.codes.programs, ...spanOfText('joint programs'), body: 'Programs co-designed with the park.' })
    off()
    expect(res.status).toBe(200)
    expect(topics).toContain('memos')
    const seen = await list(p.transcripts.open, p.viewer.token)
    expect(seen.status).toBe(200)
    expect(seen.body).toEqual([
      expect.objectContaining({ id: res.body.id, codeId: p.codes.programs, ...spanOfText('joint programs'), body: 'Programs co-designed with the park.', authorId: p.coder1.id, authorName: 'coder1' }),
    ])
  })

  it('lists every problem of an invalid memo', async () => {
    const res = await create(p.transcripts.open, p.coder1.token, { codeId: 'nope', start: 5, end: fixtureText.length + 3, body: 'x' })
    expect(res.status).toBe(400)
    expect(res.body.error.problems.map((x: { path: string }) => x.path).sort()).toEqual(['codeId', 'end'])
    const res2 = await create(p.transcripts.open, p.coder1.token, { start: 9, end: 4, body: '   ' })
    expect(res2.status).toBe(400)
    expect(res2.body.error.problems.map((x: { path: string }) => x.path)).toEqual(['body', 'end'])
  })

  it('viewers cannot write memos; outsiders see nothing; transcripts of other projects are not found', async () => {
    expect((await create(p.transcripts.open, p.viewer.token, { start: 0, end: 3, body: 'hi' })).status).toBe(403)
    expect((await list(p.transcripts.open, p.outsider.token)).status).toBe(404)
    const other = await makeCodingProject(app)
    expect((await list(other.transcripts.open, p.lead.token)).status).toBe(404)
  })

  it('while a round is blind, a memo is seen only by its author; after the reveal by everyone', async () => {
    const res = await create(p.transcripts.blind, p.coder1.token, { codeId: p.codes.programs, ...spanOfText('joint programs'), body: 'my reading' })
    expect(res.status).toBe(200)
    expect((await list(p.transcripts.blind, p.coder1.token)).body).toHaveLength(1)
    expect((await list(p.transcripts.blind, p.coder2.token)).body).toEqual([])
    expect((await list(p.transcripts.blind, p.lead.token)).body).toEqual([])
    // Nobody else can delete what they cannot see.
    expect((await remove(p.transcripts.blind, res.body.id, p.lead.token)).status).toBe(404)
    await app.ctx.db.update(rounds).set({ state: 'revealed' }).where(eq(rounds.id, p.rounds.blind))
    expect((await list(p.transcripts.blind, p.coder2.token)).body).toHaveLength(1)
    await app.ctx.db.update(rounds).set({ state: 'blind' }).where(eq(rounds.id, p.rounds.blind))
  })

  it('only its author or the lead deletes a memo', async () => {
    const res = await create(p.transcripts.open, p.coder1.token, { start: 0, end: 3, body: 'to delete' })
    expect((await remove(p.transcripts.open, res.body.id, p.coder2.token)).status).toBe(403)
    expect((await remove(p.transcripts.open, res.body.id, p.lead.token)).status).toBe(200)
    expect((await list(p.transcripts.open, p.lead.token)).body.map((m: { id: string }) => m.id)).not.toContain(res.body.id)
    const own = await create(p.transcripts.open, p.coder2.token, { start: 0, end: 3, body: 'mine' })
    expect((await remove(p.transcripts.open, own.body.id, p.coder2.token)).status).toBe(200)
    expect((await remove(p.transcripts.open, own.body.id, p.coder2.token)).status).toBe(404)
  })
})
