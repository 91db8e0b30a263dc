/**
 * Authorization over EVERY API route, found on disk (app/api/**\/route.ts) and imported here, so a
 * route added without protection fails this file:
 *
 * - every exported HTTP method of every non-public route answers 401 without credentials (and
 *   with an unknown or revoked token);
 * - a signed-in outsider gets 404 (or 403) on every route that names a project or a resource of
 *   someone else, with path parameters filled with the ids of a real project they are not in;
 * - a viewer gets 403 on every mutating project route, a coder 403 on the lead-only ones;
 * - and none of these refused calls changed anything.
 *
 * Concord has no server actions: pages read through services on the server and every change goes
 * through these route handlers. The last test keeps it that way (no `'use server'` anywhere in
 * app/ or server/), because a server action would be an entry point this file does not see.
 */
import { beforeAll, afterAll, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { join } from 'node:path'
import { accessTokens, invitations } from '../../db/schema'
import { callRoute, createTestApp, type TestApp, type TestUser } from '../support/test-app'
import { describeEachBackend } from '../support/test-db'
import { filesWithUseServer, loadRouteModules, methodsFromSource, MUTATING, repoRoot, type HttpMethod, type RouteModuleInfo } from '../support/routes'

/** Routes anyone may call, each with the reason. Everything else must refuse the anonymous. */
const PUBLIC_ROUTES: Record<string, string> = {
  '/api/health': 'liveness probe for load balancers and `npm start` scripts; says nothing but { ok: true }',
  '/api/signup': 'creating an account is how one gets credentials in the first place',
  '/api/auth/[...nextauth]': "next-auth's own sign-in, CSRF and session endpoints; they authenticate the caller themselves",
  '/api/openapi.json': 'the public API description (API.md: documented for researchers scripting against Concord)',
}

/**
 * Non-public routes that name no project and no other user's resource: they only ever list or
 * create the caller's own things, so "outsider" has no meaning for them. Checked separately below
 * (the outsider sees none of the project's or the lead's data through them).
 */
const CALLER_SCOPED: Record<string, string> = {
  '/api/projects': "GET lists the caller's own memberships; POST creates a project the caller leads",
  '/api/tokens': "GET lists the caller's own tokens; POST creates a token for the caller",
}

/**
 * Mutating project routes a coder may call (everything else that mutates is lead-only), with the
 * reason. A new coder-level route must be listed here deliberately, or the coder test fails.
 */
const CODER_MAY_CALL: Record<string, string> = {
  'PUT /api/projects/[projectId]/fit/statuses': 'in an independent round each coder records their own statuses (the team status stays lead-only inside the service)',
  'POST /api/projects/[projectId]/transcripts/[transcriptId]/memos': 'coders write memos on the passages they code',
  'DELETE /api/projects/[projectId]/transcripts/[transcriptId]/memos/[memoId]': "a memo's author may delete it (someone else's memo: 403 inside the service)",
  'POST /api/projects/[projectId]/transcripts/[transcriptId]/versions': 'coders save named versions of the transcript they edit',
  'POST /api/projects/[projectId]/disputes/[disputeId]/comments': 'the coders whose codings disagree discuss the dispute with the lead',
}

/** Methods that stream (server-sent events) and are therefore not read to the end by the member GET check. */
const STREAMING: Record<string, string> = {
  'GET /api/projects/[projectId]/events': 'server-sent events: the response never ends',
}

const refusedOutsider = [403, 404]

describe('route discovery', () => {
  it('finds the route handlers on disk and every public / caller-scoped entry still exists', async () => {
    const routes = await loadRouteModules()
    const paths = routes.map((r) => r.path)
    // A sanity floor, so a broken glob cannot make every other test here vacuous.
    expect(paths).toContain('/api/projects/[projectId]/codebook')
    expect(paths).toContain('/api/projects/[projectId]/documents')
    expect(routes.length).toBeGreaterThanOrEqual(15)
    for (const r of routes) expect(r.methods.length, `${r.path} exports no HTTP method`).toBeGreaterThan(0)
    for (const p of [...Object.keys(PUBLIC_ROUTES), ...Object.keys(CALLER_SCOPED), ...Object.keys(CODER_MAY_CALL).map((k) => k.split(' ')[1])]) {
      expect(paths, `${p} is listed as an exception but no longer exists`).toContain(p)
    }
  })

  it("no file under app/ or server/ is a server action ('use server'): route handlers are the only entry points", () => {
    const offenders = [...filesWithUseServer(join(repoRoot, 'app')), ...filesWithUseServer(join(repoRoot, 'server'))]
    expect(offenders).toEqual([])
  })

  it('the use-server detector itself works (so the check above is not vacuous)', async () => {
    const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs')
    const { tmpdir } = await import('node:os')
    const dir = mkdtempSync(join(tmpdir(), 'use-server-'))
    writeFileSync(join(dir, 'a.ts'), "'use server'\nexport async function save() {}\n")
    writeFileSync(join(dir, 'b.tsx'), 'export function Page() {\n  async function act() {\n    "use server"\n  }\n}\n')
    writeFileSync(join(dir, 'c.ts'), "// mentions use server in a comment only\nconst s = 'we do not use server actions'\n")
    expect(filesWithUseServer(dir).map((f) => f.slice(dir.length + 1)).sort()).toEqual(['a.ts', 'b.tsx'])
    rmSync(dir, { recursive: true, force: true })
  })
})

describeEachBackend('authorization of every route', (backend) => {
  let app: TestApp
  let routes: RouteModuleInfo[]
  let lead: TestUser, coder: TestUser, viewer: TestUser, outsider: TestUser
  let leadTokenId: string
  const ids: Record<string, string> = {}
  let before: unknown

  const route = (path: string) => {
    const r = routes.find((x) => x.path === path)
    if (!r) throw new Error(`no route ${path}`)
    return r.mod
  }
  /** Path parameters: the ids of the lead's real project and its things; unknown names get a made-up id. */
  const paramsFor = (r: RouteModuleInfo) => Object.fromEntries(r.params.map((p) => [p, ids[p] ?? `no-such-${p}-0000`]))
  /** GET/HEAD cannot carry a body; the others get `body` (an empty object by default). */
  const bodyFor = (m: HttpMethod, body: unknown = {}) => (MUTATING.includes(m) ? body : undefined)
  const isPublic = (r: RouteModuleInfo) => r.path in PUBLIC_ROUTES
  const isProjectRoute = (r: RouteModuleInfo) => r.params.includes('projectId')
  const everyCall = (filter: (r: RouteModuleInfo, m: HttpMethod) => boolean) =>
    routes.flatMap((r) => r.methods.filter((m) => filter(r, m)).map((m) => ({ r, m, label: `${m} ${r.path}` })))

  /** What the project looks like, read by the lead: every refused call must leave it as it was. */
  const snapshot = async () => {
    const get = (path: string) => callRoute(route(path), 'GET', { params: { projectId: ids.projectId }, token: lead.token })
    const [project, members, codebook, cases, documents] = await Promise.all([
      get('/api/projects/[projectId]'),
      get('/api/projects/[projectId]/members'),
      get('/api/projects/[projectId]/codebook'),
      get('/api/projects/[projectId]/cases'),
      get('/api/projects/[projectId]/documents'),
    ])
    const pending = await app.ctx.db.select({ id: invitations.id, revokedAt: invitations.revokedAt, acceptedAt: invitations.acceptedAt }).from(invitations).orderBy(invitations.id)
    const tokens = await app.ctx.db.select({ id: accessTokens.id, revokedAt: accessTokens.revokedAt }).from(accessTokens).orderBy(accessTokens.id)
    return { project: project.body, members: members.body, codebook: codebook.body, cases: cases.body, documents: documents.body, pending, tokens }
  }

  beforeAll(async () => {
    app = await createTestApp(backend)
    routes = await loadRouteModules()
    lead = await app.user('lead')
    coder = await app.user('coder')
    viewer = await app.user('viewer')
    outsider = await app.user('outsider')
    // The outsider has a project of their own, so "not a member" is not "has no projects".
    await callRoute(route('/api/projects'), 'POST', { token: outsider.token, body: { name: 'Outsider project' } })

    const created = await callRoute(route('/api/projects'), 'POST', { token: lead.token, body: { name: 'Guarded', template: 'study' } })
    expect(created.status).toBe(200)
    ids.projectId = created.body.id
    const p = { projectId: ids.projectId }
    for (const [u, role] of [[coder, 'coder'], [viewer, 'viewer']] as const) {
      const inv = await callRoute(route('/api/projects/[projectId]/members'), 'POST', { params: p, token: lead.token, body: { email: u.email, role } })
      expect(inv.body).toMatchObject({ added: true })
    }
    const codebook = await callRoute(route('/api/projects/[projectId]/codebook'), 'GET', { params: p, token: lead.token })
    ids.codeId = codebook.body.find((c: { parentId: string | null }) => c.parentId !== null).id
    const cases = await callRoute(route('/api/projects/[projectId]/cases'), 'GET', { params: p, token: lead.token })
    ids.caseId = cases.body[0].id
    const doc = await callRoute(route('/api/projects/[projectId]/documents'), 'POST', {
      params: p,
      token: lead.token,
      body: { meta: { title: 'Interview', caseId: ids.caseId }, text: '访谈者：请介绍一下。\n受访者：好的。' },
    })
    expect(doc.status).toBe(200)
    ids.documentId = ids.transcriptId = doc.body.id
    ids.userId = lead.id
    // An email invitation for someone else: the outsider must not be able to take it.
    await callRoute(route('/api/projects/[projectId]/members'), 'POST', { params: p, token: lead.token, body: { email: 'someone-else@test.concord', role: 'coder' } })
    const [inv] = await app.ctx.db.select().from(invitations).where(eq(invitations.projectId, ids.projectId))
    ids.invitationId = inv.id
    ids.token = inv.token
    const [tok] = await app.ctx.db.select().from(accessTokens).where(eq(accessTokens.userId, lead.id))
    leadTokenId = ids.tokenId = tok.id
    before = await snapshot()
  })
  afterAll(async () => {
    await app?.close()
  })

  it('every non-public route is either project-scoped, names another resource, or is listed as caller-scoped', () => {
    for (const r of routes) {
      if (isPublic(r) || r.params.length > 0) continue
      expect(CALLER_SCOPED, `${r.path} takes no parameters: list it in CALLER_SCOPED with a reason, or make it public`).toHaveProperty([r.path])
    }
  })

  it('the anonymous caller gets 401 from every method of every non-public route', async () => {
    const calls = everyCall((r) => !isPublic(r))
    expect(calls.length).toBeGreaterThan(20)
    const wrong: string[] = []
    for (const { r, m, label } of calls) {
      const res = await callRoute(r.mod, m, { params: paramsFor(r), body: bodyFor(m) })
      if (res.status !== 401) wrong.push(`${label} → ${res.status}`)
      else expect(res.body.error.code).toBe('unauthenticated')
    }
    expect(wrong).toEqual([])
  })

  it('an unknown bearer token and a malformed Authorization header are anonymous: 401', async () => {
    const wrong: string[] = []
    for (const { r, m, label } of everyCall((r) => !isPublic(r))) {
      for (const headers of [{ authorization: 'Bearer cnc_not-a-real-token' }, { authorization: 'Bearer ' + lead.token.slice(0, -2) }, { authorization: 'Basic Zm9vOmJhcg==' }]) {
        const res = await callRoute(r.mod, m, { params: paramsFor(r), body: bodyFor(m), headers })
        if (res.status !== 401) wrong.push(`${label} with ${headers.authorization.slice(0, 12)}… → ${res.status}`)
      }
    }
    expect(wrong).toEqual([])
  })

  it('the public routes answer without credentials', async () => {
    expect((await callRoute(route('/api/health'), 'GET')).body).toEqual({ ok: true })
    expect((await callRoute(route('/api/openapi.json'), 'GET')).status).toBe(200)
  })

  it('a signed-in outsider gets 404 or 403 from every route that names the project or another user’s resource', async () => {
    const calls = everyCall((r) => !isPublic(r) && r.params.length > 0)
    expect(calls.filter((c) => isProjectRoute(c.r)).length).toBeGreaterThan(15)
    const wrong: string[] = []
    for (const { r, m, label } of calls) {
      const res = await callRoute(r.mod, m, { params: paramsFor(r), token: outsider.token, body: bodyFor(m) })
      if (!refusedOutsider.includes(res.status)) wrong.push(`${label} → ${res.status}`)
      // Project routes must not even say whether the project exists.
      else if (isProjectRoute(r) && res.status === 404) expect(res.body.error.message).not.toContain('Guarded')
    }
    expect(wrong).toEqual([])
  })

  it('project routes answer an outsider exactly as they answer for a project that does not exist (no existence leak)', async () => {
    const wrong: string[] = []
    for (const { r, m, label } of everyCall((r) => isProjectRoute(r))) {
      const real = await callRoute(r.mod, m, { params: paramsFor(r), token: outsider.token, body: bodyFor(m) })
      const none = await callRoute(r.mod, m, { params: { ...paramsFor(r), projectId: 'no-such-project' }, token: outsider.token, body: bodyFor(m) })
      if (real.status !== none.status || JSON.stringify(real.body) !== JSON.stringify(none.body)) wrong.push(`${label}: ${real.status} vs ${none.status}`)
    }
    expect(wrong).toEqual([])
  })

  it('caller-scoped routes show the outsider nothing of the project or of the lead', async () => {
    const projects = await callRoute(route('/api/projects'), 'GET', { token: outsider.token })
    expect(projects.status).toBe(200)
    expect(projects.body.map((p: { id: string }) => p.id)).not.toContain(ids.projectId)
    expect(projects.body).toHaveLength(1)
    const tokens = await callRoute(route('/api/tokens'), 'GET', { token: outsider.token })
    expect(tokens.body.map((t: { id: string }) => t.id)).not.toContain(leadTokenId)
  })

  it('a viewer gets 403 from every mutating project route', async () => {
    const calls = everyCall((r, m) => isProjectRoute(r) && MUTATING.includes(m))
    expect(calls.length).toBeGreaterThanOrEqual(12)
    const wrong: string[] = []
    for (const { r, m, label } of calls) {
      const res = await callRoute(r.mod, m, { params: paramsFor(r), token: viewer.token, body: bodyFor(m) })
      if (res.status !== 403) wrong.push(`${label} → ${res.status}`)
      else expect(res.body.error.code).toBe('forbidden')
    }
    expect(wrong).toEqual([])
  })

  it('a coder gets 403 from every lead-only mutating project route', async () => {
    const calls = everyCall((r, m) => isProjectRoute(r) && MUTATING.includes(m) && !(`${m} ${r.path}` in CODER_MAY_CALL))
    const wrong: string[] = []
    for (const { r, m, label } of calls) {
      const res = await callRoute(r.mod, m, { params: paramsFor(r), token: coder.token, body: bodyFor(m) })
      if (res.status !== 403) wrong.push(`${label} → ${res.status}`)
    }
    expect(wrong).toEqual([])
  })

  it('a coder is not refused by role on the routes listed as open to coders (the list stays honest)', async () => {
    const wrong: string[] = []
    for (const { r, m, label } of everyCall((r, m) => `${m} ${r.path}` in CODER_MAY_CALL)) {
      const res = await callRoute(r.mod, m, { params: paramsFor(r), token: coder.token, body: bodyFor(m) })
      if (res.status === 401 || res.status === 403) wrong.push(`${label} → ${res.status}`)
    }
    expect(wrong).toEqual([])
  })

  it('role checks come before input checks: a viewer sending garbage still gets 403, not 400', async () => {
    const wrong: string[] = []
    for (const { r, m, label } of everyCall((r, m) => isProjectRoute(r) && MUTATING.includes(m))) {
      const res = await callRoute(r.mod, m, { params: paramsFor(r), token: viewer.token, body: bodyFor(m, { name: 42, role: 'emperor', orderedIds: 'x', meta: null }) })
      if (res.status !== 403) wrong.push(`${label} → ${res.status}`)
    }
    expect(wrong).toEqual([])
  })

  it('an upload is refused by role before it is read: viewer 403, outsider 404, even with broken details', async () => {
    const form = () => {
      const f = new FormData()
      f.set('meta', '{not json')
      f.set('file', new File([new Uint8Array(1024)], 'x.docx'))
      return f
    }
    const docs = route('/api/projects/[projectId]/documents')
    expect((await callRoute(docs, 'POST', { params: { projectId: ids.projectId }, token: viewer.token, form: form() })).status).toBe(403)
    expect((await callRoute(docs, 'POST', { params: { projectId: ids.projectId }, token: coder.token, form: form() })).status).toBe(403)
    expect((await callRoute(docs, 'POST', { params: { projectId: ids.projectId }, token: outsider.token, form: form() })).status).toBe(404)
    expect((await callRoute(docs, 'POST', { params: { projectId: ids.projectId }, form: form() })).status).toBe(401)
  })

  it('members are not refused wholesale: no project GET route refuses a viewer (401, 403, or the non-member 404)', async () => {
    const nonMember = (await callRoute(route('/api/projects/[projectId]'), 'GET', { params: { projectId: ids.projectId }, token: outsider.token })).body
    const wrong: string[] = []
    for (const { r, label } of everyCall((r, m) => isProjectRoute(r) && m === 'GET')) {
      const handler = r.mod.GET as (req: Request, seg: { params: Promise<Record<string, string>> }) => Promise<Response>
      const ac = new AbortController()
      const res = await handler(new Request('http://localhost/test', { headers: { authorization: `Bearer ${viewer.token}` }, signal: ac.signal }), { params: Promise.resolve(paramsFor(r)) })
      const refused = res.status === 401 || res.status === 403 || (res.status === 404 && JSON.stringify(await res.clone().json().catch(() => null)) === JSON.stringify(nonMember))
      if (refused) wrong.push(`${label} → ${res.status}`)
      if (label in STREAMING) {
        expect(res.headers.get('content-type')).toContain('text/event-stream')
        ac.abort()
        await res.body?.cancel()
      } else await res.text()
    }
    expect(wrong).toEqual([])
  })

  it('none of the refused calls changed anything, and the lead still has full access', async () => {
    expect(await snapshot()).toEqual(before)
    const res = await callRoute(route('/api/projects/[projectId]'), 'PATCH', { params: { projectId: ids.projectId }, token: lead.token, body: { name: 'Guarded (renamed)' } })
    expect(res.status).toBe(200)
  })

  it('the outsider cannot take an email invitation meant for someone else, but the right user can', async () => {
    const res = await callRoute(route('/api/invitations/[token]/accept'), 'POST', { params: { token: ids.token }, token: outsider.token })
    expect(res.status).toBe(403)
    expect(res.body.error.message).toContain('someone-else@test.concord')
    const projects = await callRoute(route('/api/projects'), 'GET', { token: outsider.token })
    expect(projects.body.map((p: { id: string }) => p.id)).not.toContain(ids.projectId)
  })
})

describe('route methods read from source (used by the browser tests)', () => {
  it('agree with the methods the modules really export, for every route', async () => {
    for (const r of await loadRouteModules()) expect(methodsFromSource(r.file), r.path).toEqual(r.methods)
  })
})
