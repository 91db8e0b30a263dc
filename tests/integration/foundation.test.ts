/**
 * The foundation through its route handlers (issue 2), on PGlite and, with TEST_DATABASE_URL, on
 * Postgres: accounts, personal access tokens, projects (blank and the study template), members and
 * invitations, the codebook (with merge and delete of coded codes through the live documents),
 * cases, transcript import (.txt, .md, .docx, pasted text; bad files change nothing), the documents
 * list of API.md, health, and an OpenAPI document that lists every route handler on disk.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { and, eq, sql } from 'drizzle-orm'
import { Document, Packer, Paragraph, TextRun } from 'docx'
import { callRoute, createTestApp, type TestApp, type TestUser } from '../support/test-app'
import { describeEachBackend } from '../support/test-db'
import { listRouteFiles, loadRouteModules } from '../support/routes'
import { accessTokens, codings, invitations, roundCoders, rounds, roundTranscripts, transcripts, transcriptTexts, users, yjsSnapshots, yjsUpdates } from '../../db/schema'
import { startRealtime, type RealtimeHandle } from '../../server/realtime-wiring'
import { textRoom } from '../../server/realtime-rooms'
import { verifyPassword } from '../../server/auth/password'
import seed from '../../db/seed/framework.json'

import * as signupRoute from '../../app/api/signup/route'
import * as healthRoute from '../../app/api/health/route'
import * as openapiRoute from '../../app/api/openapi.json/route'
import * as tokensRoute from '../../app/api/tokens/route'
import * as tokenRoute from '../../app/api/tokens/[tokenId]/route'
import * as projectsRoute from '../../app/api/projects/route'
import * as projectRoute from '../../app/api/projects/[projectId]/route'
import * as membersRoute from '../../app/api/projects/[projectId]/members/route'
import * as memberRoute from '../../app/api/projects/[projectId]/members/[userId]/route'
import * as invitationRoute from '../../app/api/projects/[projectId]/invitations/[invitationId]/route'
import * as acceptRoute from '../../app/api/invitations/[token]/accept/route'
import * as codebookRoute from '../../app/api/projects/[projectId]/codebook/route'
import * as codeRoute from '../../app/api/projects/[projectId]/codebook/[codeId]/route'
import * as mergeRoute from '../../app/api/projects/[projectId]/codebook/[codeId]/merge/route'
import * as reorderRoute from '../../app/api/projects/[projectId]/codebook/reorder/route'
import * as casesRoute from '../../app/api/projects/[projectId]/cases/route'
import * as caseRoute from '../../app/api/projects/[projectId]/cases/[caseId]/route'
import * as documentsRoute from '../../app/api/projects/[projectId]/documents/route'

type CodebookEntry = { id: string; parentId: string | null; key: string | null; name: { zh: string; en: string }; color: string; shortcut: string | null }

describeEachBackend('foundation', (backend) => {
  let app: TestApp
  let lead: TestUser

  beforeAll(async () => {
    app = await createTestApp(backend)
    lead = await app.user('lead')
  })
  afterAll(async () => {
    await app?.close()
  })

  const newProject = async (template: 'blank' | 'study' = 'blank', owner = lead) => {
    const res = await callRoute(projectsRoute, 'POST', { token: owner.token, body: { name: `P ${template} ${Math.random()}`, template } })
    expect(res.status).toBe(200)
    return res.body.id as string
  }
  const codebookOf = async (projectId: string, token = lead.token) => {
    const res = await callRoute(codebookRoute, 'GET', { params: { projectId }, token })
    expect(res.status).toBe(200)
    return res.body as CodebookEntry[]
  }
  const membersOf = async (projectId: string) => (await callRoute(membersRoute, 'GET', { params: { projectId }, token: lead.token })).body as { userId: string; email: string; role: string }[]
  const count = async (table: typeof transcripts | typeof yjsUpdates | typeof transcriptTexts | typeof codings | typeof yjsSnapshots) =>
    (await app.ctx.db.select({ n: sql<number>`count(*)::int` }).from(table))[0].n
  const rowCounts = async () => ({ transcripts: await count(transcripts), updates: await count(yjsUpdates), texts: await count(transcriptTexts), codings: await count(codings), snapshots: await count(yjsSnapshots) })

  describe('sign-up', () => {
    it('creates an account with a scrypt hash (never the password) and answers without secrets', async () => {
      const email = `Ada-${Date.now()}@Example.org`
      const res = await callRoute(signupRoute, 'POST', { body: { email, name: ' Ada ', password: 'correct horse' } })
      expect(res.status).toBe(200)
      expect(res.body).toEqual({ id: expect.any(String), email: email.toLowerCase(), name: 'Ada' })
      const [row] = await app.ctx.db.select().from(users).where(eq(users.id, res.body.id))
      expect(row.passwordHash).toMatch(/^scrypt\$/)
      expect(row.passwordHash).not.toContain('correct horse')
      expect(await verifyPassword('correct horse', row.passwordHash!)).toBe(true)
      expect(await verifyPassword('wrong horse', row.passwordHash!)).toBe(false)
    })

    it('a duplicate email (in any letter case) is 409 with a clear message', async () => {
      const email = `dup-${Date.now()}@test.concord`
      expect((await callRoute(signupRoute, 'POST', { body: { email, name: 'One', password: 'password-1' } })).status).toBe(200)
      const again = await callRoute(signupRoute, 'POST', { body: { email: email.toUpperCase(), name: 'Two', password: 'password-2' } })
      expect(again.status).toBe(409)
      expect(again.body.error.code).toBe('conflict')
      expect(again.body.error.message).toMatch(/already exists.*sign in/i)
    })

    it('bad input is 400 listing every problem, one per field', async () => {
      const res = await callRoute(signupRoute, 'POST', { body: { email: 'not-an-email', name: '  ', password: 'short' } })
      expect(res.status).toBe(400)
      expect(res.body.error.code).toBe('bad_input')
      const byPath = Object.fromEntries(res.body.error.problems.map((p: { path: string; message: string }) => [p.path, p.message]))
      expect(Object.keys(byPath).sort()).toEqual(['email', 'name', 'password'])
      expect(byPath.email).toMatch(/valid email/i)
      expect(byPath.password).toMatch(/8 characters/)
      const empty = await callRoute(signupRoute, 'POST', { body: {} })
      expect(empty.status).toBe(400)
      expect(empty.body.error.problems.map((p: { path: string }) => p.path).sort()).toEqual(['email', 'name', 'password'])
    })
  })

  describe('personal access tokens', () => {
    it('create, use via Bearer, list without secrets, revoke → 401', async () => {
      const created = await callRoute(tokensRoute, 'POST', { token: lead.token, body: { name: 'R script' } })
      expect(created.status).toBe(200)
      expect(created.body).toEqual({ id: expect.any(String), name: 'R script', token: expect.stringMatching(/^cnc_[A-Za-z0-9_-]{30,}$/) })
      const token = created.body.token as string
      const mine = await callRoute(projectsRoute, 'GET', { token })
      expect(mine.status).toBe(200)
      expect(Array.isArray(mine.body)).toBe(true)
      const list = await callRoute(tokensRoute, 'GET', { token })
      const entry = list.body.find((t: { id: string }) => t.id === created.body.id)
      expect(entry).toMatchObject({ name: 'R script', prefix: token.slice(0, 10) })
      expect(JSON.stringify(list.body)).not.toContain(token)
      expect(Object.keys(entry)).not.toContain('tokenHash')

      const revoked = await callRoute(tokenRoute, 'DELETE', { params: { tokenId: created.body.id }, token: lead.token })
      expect(revoked.status).toBe(200)
      expect((await callRoute(projectsRoute, 'GET', { token })).status).toBe(401)
      expect((await callRoute(tokensRoute, 'GET', { token: lead.token })).body.map((t: { id: string }) => t.id)).not.toContain(created.body.id)
      // Revoking twice, or someone else's token, is 404.
      expect((await callRoute(tokenRoute, 'DELETE', { params: { tokenId: created.body.id }, token: lead.token })).status).toBe(404)
      const other = await app.user('other')
      const otherToken = (await callRoute(tokensRoute, 'POST', { token: other.token, body: {} })).body
      expect((await callRoute(tokenRoute, 'DELETE', { params: { tokenId: otherToken.id }, token: lead.token })).status).toBe(404)
      expect((await callRoute(projectsRoute, 'GET', { token: otherToken.token })).status).toBe(200)
    })

    it("records a token's last use to the minute, without a write on every request", async () => {
      const created = (await callRoute(tokensRoute, 'POST', { token: lead.token, body: { name: 'sockets' } })).body
      const lastUsed = async () => (await app.ctx.db.select({ at: accessTokens.lastUsedAt }).from(accessTokens).where(eq(accessTokens.id, created.id)))[0].at
      const settle = () => new Promise((resolve) => setTimeout(resolve, 100)) // the write is fire-and-forget
      expect(await lastUsed()).toBeNull()
      await callRoute(projectsRoute, 'GET', { token: created.token })
      await settle()
      const first = await lastUsed()
      expect(first).toBeInstanceOf(Date)
      await callRoute(projectsRoute, 'GET', { token: created.token })
      await settle()
      expect((await lastUsed())!.getTime()).toBe(first!.getTime())
      // A minute later it moves.
      await app.ctx.db.update(accessTokens).set({ lastUsedAt: new Date(Date.now() - 61_000) }).where(eq(accessTokens.id, created.id))
      await callRoute(projectsRoute, 'GET', { token: created.token })
      await settle()
      expect(Date.now() - (await lastUsed())!.getTime()).toBeLessThan(10_000)
    })
  })

  describe('projects', () => {
    it('a blank project: the caller is lead, empty codebook and cases, listed as API.md shows', async () => {
      const id = await newProject('blank')
      expect(await codebookOf(id)).toEqual([])
      expect((await callRoute(casesRoute, 'GET', { params: { projectId: id }, token: lead.token })).body).toEqual([])
      const list = await callRoute(projectsRoute, 'GET', { token: lead.token })
      const entry = list.body.find((p: { id: string }) => p.id === id)
      expect(entry).toEqual({ id, name: expect.any(String), role: 'lead', codingMode: 'open' })
      const one = await callRoute(projectRoute, 'GET', { params: { projectId: id }, token: lead.token })
      expect(one.body).toMatchObject({ id, role: 'lead', codingMode: 'open', counts: { codes: 0, cases: 0, transcripts: 0, members: 1 } })
    })

    it('a project without a name is 400; an unknown template is 400; both problems listed', async () => {
      const res = await callRoute(projectsRoute, 'POST', { token: lead.token, body: { name: '', template: 'fancy' } })
      expect(res.status).toBe(400)
      expect(res.body.error.problems.map((p: { path: string }) => p.path).sort()).toEqual(['name', 'template'])
    })

    it('from the study template: 3 dimensions and 17 indicators in tree order, shaped as API.md says, and the 4 cases', async () => {
      const id = await newProject('study')
      const cb = await codebookOf(id)
      expect(cb).toHaveLength(20)
      for (const c of cb) {
        expect(c).toMatchObject({ id: expect.any(String), name: { zh: expect.any(String), en: expect.any(String) }, color: expect.stringMatching(/^#[0-9a-f]{6}$/i) })
        expect(c).toHaveProperty('parentId')
        expect(c).toHaveProperty('shortcut')
        expect(c.name.zh.length).toBeGreaterThan(0)
        expect(c.name.en.length).toBeGreaterThan(0)
      }
      // Tree order: each dimension, then its indicators, exactly as the framework lists them.
      const expected = seed.framework.dimensions.flatMap((d) => [{ key: d.key, zh: d.zh, parent: null as string | null }, ...d.indicators.map((i) => ({ key: i.key, zh: i.zh, parent: d.key }))])
      expect(cb.map((c) => c.key)).toEqual(expected.map((e) => e.key))
      expect(cb.map((c) => c.name.zh)).toEqual(expected.map((e) => e.zh))
      const keyOf = new Map(cb.map((c) => [c.id, c.key]))
      expect(cb.map((c) => (c.parentId ? keyOf.get(c.parentId) : null))).toEqual(expected.map((e) => e.parent))
      expect(cb.filter((c) => c.parentId === null)).toHaveLength(3)
      expect(cb.filter((c) => c.parentId !== null)).toHaveLength(17)
      // Shortcuts are keys a coder presses: indicators have distinct ones.
      const shortcuts = cb.filter((c) => c.parentId).map((c) => c.shortcut)
      expect(shortcuts.every((s) => typeof s === 'string' && s.length === 1)).toBe(true)
      expect(new Set(shortcuts).size).toBe(17)

      const cases = (await callRoute(casesRoute, 'GET', { params: { projectId: id }, token: lead.token })).body
      expect(cases.map((c: { key: string }) => c.key)).toEqual(seed.cases.map((c) => c.key))
      expect(cases.map((c: { nameZh: string }) => c.nameZh)).toEqual(seed.cases.map((c) => c.zh))
    })

    it('only the lead changes settings; bad settings are 400', async () => {
      const id = await newProject()
      const good = await callRoute(projectRoute, 'PATCH', { params: { projectId: id }, token: lead.token, body: { name: 'Renamed', codingMode: 'independent', settings: { coderSeesRevealed: true } } })
      expect(good.status).toBe(200)
      const one = await callRoute(projectRoute, 'GET', { params: { projectId: id }, token: lead.token })
      expect(one.body).toMatchObject({ name: 'Renamed', codingMode: 'independent', settings: { coderSeesRevealed: true, fit: { highAtMost: 0.2, mediumAtMost: 0.5, partialWeight: 0.5 } } })
      const bad = await callRoute(projectRoute, 'PATCH', { params: { projectId: id }, token: lead.token, body: { codingMode: 'chaos', owner: 'me' } })
      expect(bad.status).toBe(400)
      expect(bad.body.error.problems.length).toBeGreaterThanOrEqual(2)
    })
  })

  describe('members and invitations', () => {
    it('inviting an existing user by email adds them at once; inviting them again is 409', async () => {
      const id = await newProject()
      const coder = await app.user('coder')
      const res = await callRoute(membersRoute, 'POST', { params: { projectId: id }, token: lead.token, body: { email: coder.email.toUpperCase(), role: 'coder' } })
      expect(res.status).toBe(200)
      expect(res.body).toMatchObject({ added: true, role: 'coder' })
      expect((await membersOf(id)).find((m) => m.userId === coder.id)?.role).toBe('coder')
      const seen = await callRoute(projectsRoute, 'GET', { token: coder.token })
      expect(seen.body.find((p: { id: string }) => p.id === id)).toMatchObject({ role: 'coder' })
      const again = await callRoute(membersRoute, 'POST', { params: { projectId: id }, token: lead.token, body: { email: coder.email, role: 'viewer' } })
      expect(again.status).toBe(409)
      const bad = await callRoute(membersRoute, 'POST', { params: { projectId: id }, token: lead.token, body: { email: 'nope', role: 'owner' } })
      expect(bad.status).toBe(400)
      expect(bad.body.error.problems.map((p: { path: string }) => p.path).sort()).toEqual(['email', 'role'])
    })

    it('inviting an unknown email leaves it pending; signing up with that email accepts it', async () => {
      const id = await newProject()
      const email = `future-${Date.now()}@test.concord`
      const res = await callRoute(membersRoute, 'POST', { params: { projectId: id }, token: lead.token, body: { email, role: 'viewer' } })
      expect(res.status).toBe(200)
      expect(res.body).toMatchObject({ added: false, email, role: 'viewer', token: expect.any(String) })
      expect((await membersOf(id)).map((m) => m.email)).not.toContain(email)
      const signed = await callRoute(signupRoute, 'POST', { body: { email, name: 'Future', password: 'password-123' } })
      expect(signed.status).toBe(200)
      expect((await membersOf(id)).find((m) => m.email === email)?.role).toBe('viewer')
      const [inv] = await app.ctx.db.select().from(invitations).where(and(eq(invitations.projectId, id), eq(invitations.email, email)))
      expect(inv.acceptedAt).not.toBeNull()
    })

    it('an invitation link is accepted by another signed-in user; a revoked link is 404', async () => {
      const id = await newProject()
      const link = await callRoute(membersRoute, 'POST', { params: { projectId: id }, token: lead.token, body: { email: null, role: 'coder' } })
      expect(link.body).toMatchObject({ added: false, email: null, token: expect.any(String) })
      const friend = await app.user('friend')
      const accepted = await callRoute(acceptRoute, 'POST', { params: { token: link.body.token }, token: friend.token })
      expect(accepted.status).toBe(200)
      expect(accepted.body).toEqual({ projectId: id, role: 'coder' })
      expect((await membersOf(id)).find((m) => m.userId === friend.id)?.role).toBe('coder')

      const [inv] = await app.ctx.db.select().from(invitations).where(eq(invitations.token, link.body.token))
      expect((await callRoute(invitationRoute, 'DELETE', { params: { projectId: id, invitationId: inv.id }, token: lead.token })).status).toBe(200)
      const late = await app.user('late')
      const refused = await callRoute(acceptRoute, 'POST', { params: { token: link.body.token }, token: late.token })
      expect(refused.status).toBe(404)
      expect(refused.body.error.message).toMatch(/invalid or has expired/)
      expect((await membersOf(id)).map((m) => m.userId)).not.toContain(late.id)
      expect((await callRoute(acceptRoute, 'POST', { params: { token: 'made-up' }, token: late.token })).status).toBe(404)
    })

    it('the lead changes roles and removes members; the last lead can be neither demoted nor removed (409)', async () => {
      const id = await newProject()
      const a = await app.user('a')
      await callRoute(membersRoute, 'POST', { params: { projectId: id }, token: lead.token, body: { email: a.email, role: 'coder' } })
      const toViewer = await callRoute(memberRoute, 'PATCH', { params: { projectId: id, userId: a.id }, token: lead.token, body: { role: 'viewer' } })
      expect(toViewer.body).toEqual({ userId: a.id, role: 'viewer' })
      expect((await membersOf(id)).find((m) => m.userId === a.id)?.role).toBe('viewer')
      expect((await callRoute(memberRoute, 'PATCH', { params: { projectId: id, userId: a.id }, token: lead.token, body: { role: 'king' } })).status).toBe(400)
      expect((await callRoute(memberRoute, 'PATCH', { params: { projectId: id, userId: 'nobody' }, token: lead.token, body: { role: 'coder' } })).status).toBe(404)

      const demote = await callRoute(memberRoute, 'PATCH', { params: { projectId: id, userId: lead.id }, token: lead.token, body: { role: 'coder' } })
      expect(demote.status).toBe(409)
      expect(demote.body.error.message).toMatch(/at least one lead/)
      const remove = await callRoute(memberRoute, 'DELETE', { params: { projectId: id, userId: lead.id }, token: lead.token })
      expect(remove.status).toBe(409)
      expect((await membersOf(id)).find((m) => m.userId === lead.id)?.role).toBe('lead')

      // With a second lead, the first may step down.
      expect((await callRoute(memberRoute, 'PATCH', { params: { projectId: id, userId: a.id }, token: lead.token, body: { role: 'lead' } })).status).toBe(200)
      expect((await callRoute(memberRoute, 'PATCH', { params: { projectId: id, userId: lead.id }, token: lead.token, body: { role: 'coder' } })).status).toBe(200)
      expect((await callRoute(memberRoute, 'PATCH', { params: { projectId: id, userId: a.id }, token: a.token, body: { role: 'coder' } })).status).toBe(409)
      // The new lead removes the old one, who then no longer sees the project.
      expect((await callRoute(memberRoute, 'DELETE', { params: { projectId: id, userId: lead.id }, token: a.token })).status).toBe(200)
      expect((await callRoute(projectRoute, 'GET', { params: { projectId: id }, token: lead.token })).status).toBe(404)
    })
  })

  describe('codebook', () => {
    let projectId: string
    let realtime: RealtimeHandle
    const ids: Record<string, string> = {}
    const post = (body: unknown) => callRoute(codebookRoute, 'POST', { params: { projectId }, token: lead.token, body })
    const patch = (codeId: string, body: unknown) => callRoute(codeRoute, 'PATCH', { params: { projectId, codeId }, token: lead.token, body })

    beforeAll(async () => {
      projectId = await newProject()
      realtime = await startRealtime(app.ctx)
      await realtime.caughtUp // the stored rooms it catches up at start, before the test acts
      app.ctx.live = realtime.live
    })
    afterAll(async () => {
      app.ctx.live = null
      await realtime?.close()
    })

    it('creates a tree of codes and lists it in tree order', async () => {
      ids.dim = (await post({ nameZh: '人才', nameEn: 'Talent', color: '#4e79a7' })).body.id
      for (const [k, shortcut] of [['a', '1'], ['b', '2'], ['c', '3']]) {
        const res = await post({ parentId: ids.dim, nameZh: `指标${k}`, nameEn: `Indicator ${k}`, shortcut, definition: { zh: `定义${k}`, en: `definition ${k}` } })
        expect(res.status).toBe(200)
        ids[k] = res.body.id
      }
      ids.dim2 = (await post({ nameEn: 'Second dimension' })).body.id
      const cb = await codebookOf(projectId)
      expect(cb.map((c) => c.id)).toEqual([ids.dim, ids.a, ids.b, ids.c, ids.dim2])
      expect(cb[1]).toMatchObject({ parentId: ids.dim, name: { zh: '指标a', en: 'Indicator a' }, shortcut: '1', color: expect.stringMatching(/^#/) })
      expect(cb[4]).toMatchObject({ parentId: null, name: { zh: '', en: 'Second dimension' }, shortcut: null })
    })

    it('bad codes are 400 with every problem', async () => {
      const res = await post({ parentId: 'no-such-code', color: 'red', shortcut: 'ab' })
      expect(res.status).toBe(400)
      expect(res.body.error.problems.map((p: { path: string }) => p.path).sort()).toEqual(['color', 'nameZh', 'shortcut'])
      const orphan = await post({ parentId: 'no-such-code', nameZh: '孤儿' })
      expect(orphan.status).toBe(400)
      expect(orphan.body.error.problems[0].path).toBe('parentId')
    })

    it('edits a code, keeping the fields it was not sent', async () => {
      const res = await patch(ids.a, { nameEn: 'Programmes', example: { zh: '例子', en: 'example' } })
      expect(res.status).toBe(200)
      const cb = await codebookOf(projectId)
      const a = cb.find((c) => c.id === ids.a) as CodebookEntry & { definition: { en: string }; example: { en: string } }
      expect(a).toMatchObject({ name: { zh: '指标a', en: 'Programmes' }, shortcut: '1', definition: { en: 'definition a' }, example: { en: 'example' } })
      expect((await patch('no-such-code', { nameEn: 'x' })).status).toBe(404)
    })

    it('a shortcut already used by another code is 400 naming that code; keeping your own is fine', async () => {
      const clash = await post({ parentId: ids.dim, nameZh: '新指标', shortcut: '1' })
      expect(clash.status).toBe(400)
      expect(clash.body.error.message).toContain('指标a')
      expect(clash.body.error.problems).toEqual([{ path: 'shortcut', message: 'already used' }])
      const clash2 = await patch(ids.b, { shortcut: '1' })
      expect(clash2.status).toBe(400)
      expect((await patch(ids.a, { shortcut: '1', nameZh: '指标a' })).status).toBe(200)
      expect((await codebookOf(projectId)).find((c) => c.id === ids.b)?.shortcut).toBe('2')
    })

    it('reorders siblings; mixing parents or unknown codes is 400', async () => {
      const res = await callRoute(reorderRoute, 'POST', { params: { projectId }, token: lead.token, body: { orderedIds: [ids.c, ids.a, ids.b] } })
      expect(res.status).toBe(200)
      expect((await codebookOf(projectId)).map((c) => c.id)).toEqual([ids.dim, ids.c, ids.a, ids.b, ids.dim2])
      expect((await callRoute(reorderRoute, 'POST', { params: { projectId }, token: lead.token, body: { orderedIds: [ids.a, ids.dim2] } })).status).toBe(400)
      expect((await callRoute(reorderRoute, 'POST', { params: { projectId }, token: lead.token, body: { orderedIds: [ids.a, 'nope'] } })).status).toBe(400)
      expect((await callRoute(reorderRoute, 'POST', { params: { projectId }, token: lead.token, body: {} })).status).toBe(400)
    })

    it('moving a code under itself or under its own descendant is refused (no cycles)', async () => {
      ids.sub = (await post({ parentId: ids.a, nameZh: '子码' })).body.id
      for (const parentId of [ids.dim, ids.a, ids.sub]) {
        const res = await patch(ids.dim, { parentId })
        expect(res.status).toBe(400)
        expect(res.body.error.problems).toEqual([{ path: 'parentId', message: 'cycle' }])
      }
      expect((await codebookOf(projectId)).find((c) => c.id === ids.dim)?.parentId).toBeNull()
      // A legal move works.
      expect((await patch(ids.c, { parentId: ids.dim2 })).status).toBe(200)
      expect((await codebookOf(projectId)).map((c) => c.id)).toEqual([ids.dim, ids.a, ids.sub, ids.b, ids.dim2, ids.c])
    })

    it('merges a coded code into another: the codings follow, in the live document and the rows', async () => {
      const imported = await callRoute(documentsRoute, 'POST', {
        params: { projectId },
        token: lead.token,
        body: { meta: { title: 'Merge test' }, text: '访谈者：学校和企业怎么合作？\n受访者：我们共同制定人才培养方案，企业工程师来上课。' },
      })
      expect(imported.status).toBe(200)
      ids.t = imported.body.id
      const room = textRoom(ids.t)
      await app.ctx.live!.editCodings(room, {
        add: [
          { codeId: ids.b, coderId: lead.id, start: 0, end: 6 },
          { codeId: ids.c, coderId: lead.id, start: 16, end: 26 },
          { codeId: ids.sub, coderId: lead.id, start: 20, end: 30 },
        ],
      })
      const rowsFor = async (codeId: string) => (await app.ctx.db.select().from(codings).where(eq(codings.codeId, codeId))).length
      expect(await rowsFor(ids.b)).toBe(1)
      expect((await callRoute(codeRoute, 'GET', { params: { projectId, codeId: ids.b }, token: lead.token })).body).toEqual({ codings: 1, codes: 1 })

      expect((await callRoute(mergeRoute, 'POST', { params: { projectId, codeId: ids.b }, token: lead.token, body: { intoId: ids.b } })).status).toBe(400)
      expect((await callRoute(mergeRoute, 'POST', { params: { projectId, codeId: ids.a }, token: lead.token, body: { intoId: ids.sub } })).status).toBe(400)
      expect((await callRoute(mergeRoute, 'POST', { params: { projectId, codeId: ids.b }, token: lead.token, body: { intoId: 'nope' } })).status).toBe(404)

      const merged = await callRoute(mergeRoute, 'POST', { params: { projectId, codeId: ids.b }, token: lead.token, body: { intoId: ids.a } })
      expect(merged.status).toBe(200)
      expect(merged.body).toEqual({ mergedInto: ids.a, codingsMoved: 1 })
      expect(await rowsFor(ids.b)).toBe(0)
      expect(await rowsFor(ids.a)).toBe(1)
      const live = await app.ctx.live!.readProjection(room)
      expect(live.codings.map((c) => [c.codeId, c.start, c.end])).toEqual(
        expect.arrayContaining([
          [ids.a, 0, 6],
          [ids.c, 16, 26],
          [ids.sub, 20, 30],
        ]),
      )
      expect(live.codings.some((c) => c.codeId === ids.b)).toBe(false)
      expect((await codebookOf(projectId)).map((c) => c.id)).not.toContain(ids.b)
    })

    it('deleting a code with codings is 409 with a warning; with force its codings (and its sub-codes) go too', async () => {
      const room = textRoom(ids.t)
      const warned = await callRoute(codeRoute, 'DELETE', { params: { projectId, codeId: ids.a }, token: lead.token })
      expect(warned.status).toBe(409)
      expect(warned.body.error.message).toMatch(/used by 2 codings/)
      expect((await codebookOf(projectId)).map((c) => c.id)).toContain(ids.a)
      expect((await app.ctx.live!.readProjection(room)).codings).toHaveLength(3)

      const forced = await callRoute(codeRoute, 'DELETE', { params: { projectId, codeId: ids.a }, token: lead.token, url: 'http://localhost/test?force=1' })
      expect(forced.status).toBe(200)
      expect(forced.body).toEqual({ deleted: 2, codingsRemoved: 2 })
      const ids2 = (await codebookOf(projectId)).map((c) => c.id)
      expect(ids2).not.toContain(ids.a)
      expect(ids2).not.toContain(ids.sub)
      const live = await app.ctx.live!.readProjection(room)
      expect(live.codings.map((c) => c.codeId)).toEqual([ids.c])
      expect((await app.ctx.db.select().from(codings).where(eq(codings.transcriptId, ids.t))).map((c) => c.codeId)).toEqual([ids.c])
      // The text is untouched.
      expect(live.text).toBe('学校和企业怎么合作？\n我们共同制定人才培养方案，企业工程师来上课。')

      // The warning counts the codings of sub-codes too; a code nobody used goes without force.
      const parent = await callRoute(codeRoute, 'DELETE', { params: { projectId, codeId: ids.dim2 }, token: lead.token })
      expect(parent.status).toBe(409)
      expect(parent.body.error.message).toMatch(/used by 1 codings/)
      const unused = (await post({ parentId: ids.dim2, nameZh: '没人用' })).body.id
      expect((await callRoute(codeRoute, 'DELETE', { params: { projectId, codeId: unused }, token: lead.token })).body).toEqual({ deleted: 1, codingsRemoved: 0 })
      expect((await callRoute(codeRoute, 'DELETE', { params: { projectId, codeId: unused }, token: lead.token })).status).toBe(404)
    })
  })

  describe('cases', () => {
    it('create, list, update, delete (transcripts stay, unassigned); bad and duplicate input is 400', async () => {
      const projectId = await newProject()
      const created = await callRoute(casesRoute, 'POST', { params: { projectId }, token: lead.token, body: { key: 'A', nameZh: '甲联合体', attributes: { city: '苏州', founded: '2023' } } })
      expect(created.status).toBe(200)
      const caseId = created.body.id
      const dup = await callRoute(casesRoute, 'POST', { params: { projectId }, token: lead.token, body: { key: 'A', nameZh: '另一个' } })
      expect(dup.status).toBe(400)
      expect(dup.body.error.problems).toEqual([{ path: 'key', message: 'already used' }])
      const bad = await callRoute(casesRoute, 'POST', { params: { projectId }, token: lead.token, body: { attributes: { '': 'x' } } })
      expect(bad.status).toBe(400)
      expect(bad.body.error.problems.map((p: { path: string }) => p.path)).toEqual(expect.arrayContaining(['key', 'nameZh']))
      await callRoute(casesRoute, 'POST', { params: { projectId }, token: lead.token, body: { key: 'B', nameZh: '乙联合体' } })

      const upd = await callRoute(caseRoute, 'PATCH', { params: { projectId, caseId }, token: lead.token, body: { nameEn: 'Consortium A', attributes: { city: 'Suzhou' } } })
      expect(upd.status).toBe(200)
      const list = (await callRoute(casesRoute, 'GET', { params: { projectId }, token: lead.token })).body
      expect(list.map((c: { key: string }) => c.key)).toEqual(['A', 'B'])
      expect(list[0]).toMatchObject({ id: caseId, key: 'A', nameZh: '甲联合体', nameEn: 'Consortium A', attributes: { city: 'Suzhou' } })
      expect((await callRoute(caseRoute, 'PATCH', { params: { projectId, caseId }, token: lead.token, body: { key: 'B' } })).status).toBe(400)

      const doc = await callRoute(documentsRoute, 'POST', { params: { projectId }, token: lead.token, body: { meta: { title: 'Case A interview', caseId }, text: '访谈者：你好。\n受访者：你好。' } })
      expect(doc.status).toBe(200)
      expect((await callRoute(caseRoute, 'DELETE', { params: { projectId, caseId }, token: lead.token })).status).toBe(200)
      expect((await callRoute(caseRoute, 'DELETE', { params: { projectId, caseId }, token: lead.token })).status).toBe(404)
      const docs = (await callRoute(documentsRoute, 'GET', { params: { projectId }, token: lead.token })).body
      expect(docs).toHaveLength(1)
      expect(docs[0]).toMatchObject({ id: doc.body.id, caseId: null })
      // A case of another project cannot be named.
      const other = await newProject()
      const otherCase = (await callRoute(casesRoute, 'POST', { params: { projectId: other }, token: lead.token, body: { key: 'X', nameZh: '别人的' } })).body.id
      expect((await callRoute(caseRoute, 'PATCH', { params: { projectId, caseId: otherCase }, token: lead.token, body: { nameZh: '偷' } })).status).toBe(404)
      expect((await callRoute(caseRoute, 'DELETE', { params: { projectId, caseId: otherCase }, token: lead.token })).status).toBe(404)
    })
  })

  describe('transcript import', () => {
    let projectId: string
    let caseId: string
    beforeAll(async () => {
      projectId = await newProject('study')
      caseId = (await callRoute(casesRoute, 'GET', { params: { projectId }, token: lead.token })).body[0].id
    })
    const meta = (title: string, extra: object = {}) => ({ title, caseId, respondentRole: 'college', interviewDate: '2023-07-12', mode: 'video', durationMinutes: 85, protocol: '个别深度访谈提纲', ...extra })
    const upload = (name: string, bytes: Uint8Array | string, m: object = meta(name)) => {
      const form = new FormData()
      form.set('meta', JSON.stringify(m))
      form.set('file', new File([typeof bytes === 'string' ? new TextEncoder().encode(bytes) : new Uint8Array(bytes)], name))
      return callRoute(documentsRoute, 'POST', { params: { projectId }, token: lead.token, form })
    }
    const stored = async (id: string) => {
      const [row] = await app.ctx.db.select().from(transcriptTexts).where(eq(transcriptTexts.transcriptId, id))
      return { text: row.text, paragraphs: row.paragraphs.map((p) => ({ speaker: p.speaker, text: row.text.slice(p.start, p.end) })) }
    }

    const dialogue = ['访谈者：请您介绍一下联合体的基本情况。', '受访者：我们联合体成立于2023年，由园区牵头。', '学校和企业都参与了。', 'Interviewer: How are the programmes designed?', 'A: Jointly, with the enterprises.']
    const expectedParagraphs = [
      { speaker: '访谈者', text: '请您介绍一下联合体的基本情况。' },
      { speaker: '受访者', text: '我们联合体成立于2023年，由园区牵头。' },
      { speaker: '受访者', text: '学校和企业都参与了。' },
      { speaker: 'Interviewer', text: 'How are the programmes designed?' },
      { speaker: 'A', text: 'Jointly, with the enterprises.' },
    ]

    it('.txt: speaker turns become paragraphs with a speaker; metadata is kept', async () => {
      const res = await upload('interview.txt', dialogue.join('\r\n') + '\r\n')
      expect(res.status).toBe(200)
      expect(res.body).toMatchObject({ id: expect.any(String), title: 'interview.txt', turns: 5 })
      expect((await stored(res.body.id)).paragraphs).toEqual(expectedParagraphs)
      const [row] = await app.ctx.db.select().from(transcripts).where(eq(transcripts.id, res.body.id))
      expect(row).toMatchObject({ projectId, caseId, respondentRole: 'college', interviewDate: '2023-07-12', mode: 'video', durationMinutes: 85, protocol: '个别深度访谈提纲', sourceName: 'interview.txt' })
      expect(row.charCount).toBe((await stored(res.body.id)).text.length)
    })

    it('.md: markdown is cleaned before the turns are read', async () => {
      const md = ['# 访谈记录', '', '**访谈者**：请您介绍一下联合体的基本情况。', '', '**受访者**：我们联合体成立于2023年，由*园区*牵头。', '> 学校和企业都参与了。'].join('\n')
      const res = await upload('notes.md', md)
      expect(res.status).toBe(200)
      expect((await stored(res.body.id)).paragraphs).toEqual([
        { speaker: null, text: '访谈记录' },
        { speaker: '访谈者', text: '请您介绍一下联合体的基本情况。' },
        { speaker: '受访者', text: '我们联合体成立于2023年，由园区牵头。' },
        { speaker: '受访者', text: '学校和企业都参与了。' },
      ])
    })

    it('.docx (a real Word file): paragraphs and speakers as in the document', async () => {
      const doc = new Document({ sections: [{ children: dialogue.map((line) => new Paragraph({ children: [new TextRun(line)] })) }] })
      const bytes = new Uint8Array(await Packer.toBuffer(doc))
      const res = await upload('访谈 S-1.docx', bytes)
      expect(res.status).toBe(200)
      expect((await stored(res.body.id)).paragraphs).toEqual(expectedParagraphs)
    })

    it('pasted text (JSON): 访谈者：/受访者：/Interviewer:/A: turns, continuation lines keep the speaker', async () => {
      const res = await callRoute(documentsRoute, 'POST', { params: { projectId }, token: lead.token, body: { meta: meta('Pasted'), text: dialogue.join('\n') } })
      expect(res.status).toBe(200)
      const s = await stored(res.body.id)
      expect(s.paragraphs).toEqual(expectedParagraphs)
      expect(s.text).toBe(expectedParagraphs.map((p) => p.text).join('\n'))
      // Pasted text through the form works as well.
      const form = new FormData()
      form.set('meta', JSON.stringify(meta('Pasted form')))
      form.set('text', '访谈者：一？\n受访者：二。')
      const viaForm = await callRoute(documentsRoute, 'POST', { params: { projectId }, token: lead.token, form })
      expect(viaForm.status).toBe(200)
      expect((await stored(viaForm.body.id)).paragraphs).toEqual([
        { speaker: '访谈者', text: '一？' },
        { speaker: '受访者', text: '二。' },
      ])
    })

    it('bad files and bad details are 400 with a clear message, and nothing is written', async () => {
      const before = await rowCounts()
      const docxLike = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new TextEncoder().encode('this is not really a zip archive at all')])
      const cases: [string, () => Promise<{ status: number; body: any }>, RegExp][] = [
        ['wrong type', () => upload('slides.pdf', '%PDF-1.4 …'), /slides\.pdf.*unsupported file type.*\.txt, \.md or \.docx/],
        ['no extension', () => upload('README', 'text'), /unsupported file type/],
        ['corrupt docx', () => upload('broken.docx', docxLike), /broken\.docx.*could not be read as a Word document/],
        ['random bytes as docx', () => upload('random.docx', new Uint8Array(2048).map((_, i) => (i * 31) % 256)), /could not be read as a Word document/],
        ['too large', () => upload('huge.txt', new Uint8Array(5 * 1024 * 1024 + 1).fill(0x61)), /huge\.txt.*too large.*5 MB/],
        ['empty file', () => upload('empty.txt', new Uint8Array(0)), /empty\.txt.*empty/],
        ['only blank lines', () => upload('blank.txt', '\n   \n\t\n'), /no text/],
        ['binary as .txt', () => upload('binary.txt', new Uint8Array([0x61, 0, 0x62])), /binary\.txt.*not a text file/],
        ['empty paste', () => callRoute(documentsRoute, 'POST', { params: { projectId }, token: lead.token, body: { meta: meta('x'), text: '   ' } }), /no text/],
        ['neither file nor text', () => callRoute(documentsRoute, 'POST', { params: { projectId }, token: lead.token, body: { meta: meta('x') } }), /no text/],
        ['unknown case', () => upload('ok.txt', '访谈者：你好', meta('x', { caseId: 'no-such-case' })), /case does not belong/],
        ['meta not JSON', () => { const f = new FormData(); f.set('meta', '{oops'); f.set('text', 'A: b'); return callRoute(documentsRoute, 'POST', { params: { projectId }, token: lead.token, form: f }) }, /not valid JSON/],
        ['body not JSON', () => callRoute(documentsRoute, 'POST', { params: { projectId }, token: lead.token, headers: { 'content-type': 'application/json' }, url: 'http://localhost/x' }), /multipart\/form-data/],
      ]
      for (const [what, call, message] of cases) {
        const res = await call()
        expect(res.status, what).toBe(400)
        expect(res.body.error.code, what).toBe('bad_input')
        expect(res.body.error.message, what).toMatch(message)
        expect(res.body.error.problems.length, what).toBeGreaterThan(0)
      }
      // Every problem of the details at once.
      const details = await upload('ok.txt', '访谈者：你好', { title: ' ', interviewDate: '12/07/2023', mode: 'boat', respondentRole: 'ceo', durationMinutes: -5 })
      expect(details.status).toBe(400)
      expect(details.body.error.problems.map((p: { path: string }) => p.path).sort()).toEqual(['durationMinutes', 'interviewDate', 'mode', 'respondentRole', 'title'])
      expect(await rowCounts()).toEqual(before)
    })
  })

  describe('documents list (API.md)', () => {
    it('each transcript with its round and the rooms the caller may open; a layer room only for that round’s coders', async () => {
      const projectId = await newProject('study')
      const coder = await app.user('round-coder')
      const other = await app.user('other-coder')
      const viewer = await app.user('viewer')
      for (const [u, role] of [[coder, 'coder'], [other, 'coder'], [viewer, 'viewer']] as const) {
        await callRoute(membersRoute, 'POST', { params: { projectId }, token: lead.token, body: { email: u.email, role } })
      }
      const caseId = (await callRoute(casesRoute, 'GET', { params: { projectId }, token: lead.token })).body[1].id
      const mk = async (title: string) => (await callRoute(documentsRoute, 'POST', { params: { projectId }, token: lead.token, body: { meta: { title, caseId }, text: '访谈者：问。\n受访者：答。' } })).body.id as string
      const inRound = await mk('In a blind round')
      const open = await mk('Open coding')
      // No round service in the foundation yet: a blind round with one coder, written as rows.
      const roundId = 'round-' + Date.now()
      await app.ctx.db.insert(rounds).values({ id: roundId, projectId, name: 'R1', state: 'blind', createdBy: lead.id })
      await app.ctx.db.insert(roundTranscripts).values({ roundId, transcriptId: inRound })
      await app.ctx.db.insert(roundCoders).values({ roundId, userId: coder.id })

      const docsFor = async (u: TestUser) => {
        const res = await callRoute(documentsRoute, 'GET', { params: { projectId }, token: u.token })
        expect(res.status).toBe(200)
        return res.body as { id: string; title: string; caseId: string | null; round: unknown; rooms: Record<string, string> }[]
      }
      const mine = await docsFor(coder)
      expect(mine.map((d) => d.id)).toEqual([inRound, open])
      expect(mine[0]).toMatchObject({ id: inRound, title: 'In a blind round', caseId, round: { id: roundId, state: 'blind' }, rooms: { text: `t/${inRound}`, layer: `l/${inRound}/${coder.id}` } })
      expect(mine[1]).toMatchObject({ id: open, title: 'Open coding', caseId, round: null, rooms: { text: `t/${open}` } })
      expect(Object.keys(mine[1].rooms)).toEqual(['text'])
      for (const u of [lead, other, viewer]) {
        const docs = await docsFor(u)
        expect(docs[0].round).toEqual({ id: roundId, state: 'blind' })
        expect(docs.every((d) => Object.keys(d.rooms).join() === 'text'), 'only round coders get a layer room').toBe(true)
        expect(JSON.stringify(docs)).not.toContain(`l/${inRound}/`)
      }
    })
  })

  describe('health and OpenAPI', () => {
    it('GET /api/health is { ok: true } without credentials', async () => {
      const res = await callRoute(healthRoute, 'GET')
      expect(res).toEqual({ status: 200, body: { ok: true } })
    })

    it('GET /api/openapi.json documents every route handler on disk, with each of its methods', async () => {
      const res = await callRoute(openapiRoute, 'GET')
      expect(res.status).toBe(200)
      expect(res.body.openapi).toMatch(/^3\./)
      const paths = res.body.paths as Record<string, Record<string, unknown>>
      const missing: string[] = []
      for (const r of await loadRouteModules()) {
        // next-auth's catch-all is documented as its concrete endpoints (below), not as `{nextauth}`.
        if (r.path === '/api/auth/[...nextauth]') continue
        for (const m of r.methods) if (m !== 'HEAD' && m !== 'OPTIONS' && !paths[r.openApiPath]?.[m.toLowerCase()]) missing.push(`${m} ${r.openApiPath}`)
      }
      expect(missing).toEqual([])
      // API.md's authentication entry points.
      expect(paths['/api/auth/csrf']?.get).toBeTruthy()
      expect(paths['/api/auth/callback/credentials']?.post).toBeTruthy()
      expect(paths['/api/auth/session']?.get).toBeTruthy()
      // And nothing documented that does not exist (a renamed route must not leave a ghost).
      const onDisk = new Set(listRouteFiles().map((r) => r.openApiPath))
      const ghosts = Object.keys(paths).filter((p) => p.startsWith('/api/') && !p.startsWith('/api/auth/') && !onDisk.has(p))
      expect(ghosts).toEqual([])
    })
  })
})
