/**
 * The demo project on an empty database (API.md "demo accounts", "demo project"): four accounts
 * with the documented password, the study's framework and cases, 8+ long Chinese transcripts with
 * speaker turns, one revealed and one blind independent round of coder1 and coder2 whose layers
 * hold only their own coder's marks, and the team's fit statuses exactly as in
 * db/seed/framework.json. Seeding twice does nothing the second time.
 */
import { afterAll, beforeAll, expect, it } from 'vitest'
import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm'
import seed from '../../db/seed/framework.json'
import { cases, codes, codings, fitStatuses, projectMembers, projects, roundCoders, rounds, roundTranscripts, transcripts, transcriptTexts, users, yjsUpdates } from '../../db/schema'
import { verifyPassword } from '../../server/auth/password'
import { startRealtime, type RealtimeHandle } from '../../server/realtime-wiring'
import { layerRoom, textRoom } from '../../server/realtime-rooms'
import { demoAccounts, seedDemoIfEmpty, type DemoResult } from '../../server/services/demo/seed-demo'
import { createTestApp, callRoute, type TestApp } from '../support/test-app'
import { describeEachBackend } from '../support/test-db'
import * as documentsRoute from '../../app/api/projects/[projectId]/documents/route'
import * as projectsRoute from '../../app/api/projects/route'
import { createAccessToken } from '../../server/services/tokens/manage-tokens'

describeEachBackend('demo seed', (backend) => {
  let app: TestApp
  let demo: DemoResult
  let realtime: RealtimeHandle

  beforeAll(async () => {
    app = await createTestApp(backend)
    const created = await seedDemoIfEmpty(app.ctx.db)
    expect(created).not.toBeNull()
    demo = created!
    realtime = await startRealtime(app.ctx)
    await realtime.caughtUp // the stored rooms it catches up at start, before the test acts
    app.ctx.live = realtime.live
  })
  afterAll(async () => {
    await realtime?.close()
    await app?.close()
  })

  const db = () => app.ctx.db
  const tokenFor = async (key: string) => (await createAccessToken(db(), { userId: demo.userIds[key] }, { name: 'test' })).token

  it('creates the four documented accounts; the password concord-demo works for each', async () => {
    const rows = await db().select().from(users)
    expect(rows.map((u) => u.email).sort()).toEqual(['coder1@demo.concord', 'coder2@demo.concord', 'lead@demo.concord', 'viewer@demo.concord'])
    for (const u of rows) {
      expect(await verifyPassword('concord-demo', u.passwordHash!), u.email).toBe(true)
      expect(await verifyPassword('concord-demo ', u.passwordHash!)).toBe(false)
    }
    expect(demo.accounts).toEqual(demoAccounts.map((a) => ({ email: a.email, role: a.role })))
    const members = await db().select().from(projectMembers).where(eq(projectMembers.projectId, demo.projectId))
    const roleOf = Object.fromEntries(members.map((m) => [rows.find((u) => u.id === m.userId)!.email, m.role]))
    expect(roleOf).toEqual({ 'lead@demo.concord': 'lead', 'coder1@demo.concord': 'coder', 'coder2@demo.concord': 'coder', 'viewer@demo.concord': 'viewer' })
  })

  it('the project has the study’s framework as codebook (3 dimensions, 17 indicators) and the 4 cases', async () => {
    const [p] = await db().select().from(projects).where(eq(projects.id, demo.projectId))
    expect(p.name).toContain('演示')
    const cb = await db().select().from(codes).where(eq(codes.projectId, demo.projectId))
    expect(cb.filter((c) => c.parentId === null).map((c) => c.key).sort()).toEqual(seed.framework.dimensions.map((d) => d.key).sort())
    const indicators = cb.filter((c) => c.parentId !== null)
    expect(indicators).toHaveLength(17)
    expect(indicators.map((c) => c.key).sort()).toEqual(seed.framework.dimensions.flatMap((d) => d.indicators.map((i) => i.key)).sort())
    for (const c of cb) {
      expect(c.nameZh.length, c.key!).toBeGreaterThan(0)
      expect(c.nameEn.length, c.key!).toBeGreaterThan(0)
      expect(c.definition.zh.length, `${c.key} has a definition`).toBeGreaterThan(10)
    }
    const cs = await db().select().from(cases).where(eq(cases.projectId, demo.projectId))
    expect(cs.map((c) => c.key).sort()).toEqual(['K', 'S', 'T', 'Z'])
    // The lead sees it through the API.
    const list = await callRoute(projectsRoute, 'GET', { token: await tokenFor('lead') })
    expect(list.body).toEqual([{ id: demo.projectId, name: p.name, role: 'lead', codingMode: 'independent' }])
  })

  it('8+ transcripts of 3,000+ characters with speaker turns, every case twice or more, the four respondent roles', async () => {
    const ts = await db().select().from(transcripts).where(eq(transcripts.projectId, demo.projectId))
    expect(ts.length).toBeGreaterThanOrEqual(8)
    const texts = await db().select().from(transcriptTexts).where(inArray(transcriptTexts.transcriptId, ts.map((t) => t.id)))
    expect(texts).toHaveLength(ts.length)
    for (const t of texts) {
      const title = ts.find((x) => x.id === t.transcriptId)!.title
      expect(t.text.length, title).toBeGreaterThanOrEqual(3000)
      expect(t.paragraphs.length, title).toBeGreaterThanOrEqual(10)
      expect(t.paragraphs.every((p) => p.speaker !== null && p.speaker !== ''), `${title}: every paragraph has a speaker`).toBe(true)
      expect(new Set(t.paragraphs.map((p) => p.speaker)).size, title).toBeGreaterThanOrEqual(2)
      expect(t.paragraphs.some((p) => /访谈者|研究者|主持/.test(p.speaker ?? '')), `${title}: an interviewer speaks`).toBe(true)
    }
    const cs = await db().select().from(cases).where(eq(cases.projectId, demo.projectId))
    for (const c of cs) expect(ts.filter((t) => t.caseId === c.id).length, c.key).toBeGreaterThanOrEqual(2)
    expect(new Set(ts.map((t) => t.respondentRole))).toEqual(new Set(['park', 'college', 'enterprise', 'research']))
    for (const t of ts) {
      expect(t.interviewDate, t.title).toMatch(/^\d{4}-\d{2}-\d{2}$/)
      expect(['onsite', 'video']).toContain(t.mode)
      expect(t.durationMinutes).toBeGreaterThan(0)
    }
  })

  it('one revealed and one blind independent round, each of coder1 and coder2, each with transcripts', async () => {
    const rs = await db().select().from(rounds).where(eq(rounds.projectId, demo.projectId))
    expect(rs.map((r) => r.state).sort()).toEqual(['blind', 'revealed'])
    for (const r of rs) {
      const coders = await db().select().from(roundCoders).where(eq(roundCoders.roundId, r.id))
      expect(coders.map((c) => c.userId).sort()).toEqual([demo.userIds.coder1, demo.userIds.coder2].sort())
      const rts = await db().select().from(roundTranscripts).where(eq(roundTranscripts.roundId, r.id))
      expect(rts.length, r.name).toBeGreaterThanOrEqual(1)
    }
    // Through the API: coder1 gets a layer room on the round transcripts, the viewer never.
    const mine = (await callRoute(documentsRoute, 'GET', { params: { projectId: demo.projectId }, token: await tokenFor('coder1') })).body as { id: string; round: { state: string } | null; rooms: { text: string; layer?: string } }[]
    const inRounds = mine.filter((d) => d.round)
    expect(inRounds.map((d) => d.round!.state).sort()).toContain('blind')
    expect(inRounds.map((d) => d.round!.state)).toContain('revealed')
    for (const d of inRounds) expect(d.rooms.layer).toBe(layerRoom(d.id, demo.userIds.coder1))
    const viewer = (await callRoute(documentsRoute, 'GET', { params: { projectId: demo.projectId }, token: await tokenFor('viewer') })).body as { rooms: object }[]
    expect(viewer.every((d) => !('layer' in d.rooms))).toBe(true)
  })

  it('each coder layer holds only its own coder’s marks, on the canonical text (rows and live documents agree)', async () => {
    const rts = await db()
      .select({ transcriptId: roundTranscripts.transcriptId, state: rounds.state })
      .from(roundTranscripts)
      .innerJoin(rounds, eq(rounds.id, roundTranscripts.roundId))
      .where(eq(rounds.projectId, demo.projectId))
    expect(rts.length).toBeGreaterThanOrEqual(2)
    const key = (c: { codeId: string; coderId: string; start: number; end: number }) => `${c.codeId}|${c.coderId}|${c.start}|${c.end}`
    for (const { transcriptId, state } of rts) {
      const [canonical] = await db().select().from(transcriptTexts).where(eq(transcriptTexts.transcriptId, transcriptId))
      const shared = await app.ctx.live!.readProjection(textRoom(transcriptId))
      expect(shared.text).toBe(canonical.text)
      const sharedKeys = new Set(shared.codings.map(key))
      const ownByCoder: Record<string, string[]> = {}
      for (const coder of ['coder1', 'coder2']) {
        const coderId = demo.userIds[coder]
        const room = layerRoom(transcriptId, coderId)
        const live = await app.ctx.live!.readProjection(room)
        expect(live.text, `${room} shows the canonical text`).toBe(canonical.text)
        const own = live.codings.filter((c) => c.coderId === coderId)
        const foreign = live.codings.filter((c) => c.coderId !== coderId)
        expect(own.length, `${room} has codings`).toBeGreaterThan(0)
        if (state === 'blind') {
          // Nothing but the coder's own marks while the round is blind.
          expect(foreign.map(key), `${room} holds only ${coder}'s marks`).toEqual([])
        } else {
          // After the reveal the consensus lives in the canonical doc, which a layer is forked
          // from: any other mark seen through the layer must be a canonical (consensus) mark,
          // never one stored in this coder's layer.
          for (const f of foreign) expect(sharedKeys.has(key(f)), `${room}: foreign mark ${key(f)} is not from the canonical doc`).toBe(true)
        }
        // The rows agreement reads: exactly the coder's own marks, with their text.
        const rows = await db().select().from(codings).where(and(eq(codings.transcriptId, transcriptId), eq(codings.layer, 'coder'), eq(codings.layerOwner, coderId)))
        expect(rows.length).toBeGreaterThan(0)
        expect(rows.every((r) => r.coderId === coderId), `rows of ${room} are ${coder}'s`).toBe(true)
        for (const r of rows) expect(r.text).toBe(canonical.text.slice(r.start, r.end))
        if (state === 'blind') expect(rows.map(key).sort()).toEqual(own.map(key).sort())
        // The layer's stored log holds its own updates (forked from the canonical doc, not a copy of it).
        const stored = await db().select({ n: sql<number>`count(*)::int` }).from(yjsUpdates).where(eq(yjsUpdates.docName, room))
        expect(stored[0].n).toBeGreaterThan(0)
        ownByCoder[coder] = rows.map((r) => `${r.codeId}|${r.start}|${r.end}`).sort()
      }
      // The two coders really coded independently (not one copied layer).
      expect(ownByCoder.coder1.join()).not.toBe(ownByCoder.coder2.join())
    }
    // No coder-layer row anywhere belongs to someone else's layer.
    const strays = await db().select().from(codings).where(and(eq(codings.projectId, demo.projectId), eq(codings.layer, 'coder'), isNotNull(codings.layerOwner), sql`${codings.coderId} <> ${codings.layerOwner}`))
    expect(strays).toEqual([])
  })

  it('re-projecting a revealed layer (as a code merge does) keeps only its coder’s marks', async () => {
    const [rt] = await db()
      .select({ transcriptId: roundTranscripts.transcriptId })
      .from(roundTranscripts)
      .innerJoin(rounds, eq(rounds.id, roundTranscripts.roundId))
      .where(and(eq(rounds.projectId, demo.projectId), eq(rounds.state, 'revealed')))
    const coderId = demo.userIds.coder1
    const room = layerRoom(rt.transcriptId, coderId)
    const rowsOf = async () => (await db().select().from(codings).where(and(eq(codings.transcriptId, rt.transcriptId), eq(codings.layer, 'coder'), eq(codings.layerOwner, coderId)))).map((r) => `${r.codeId}|${r.coderId}|${r.start}|${r.end}`).sort()
    const before = await rowsOf()
    // An identity rewrite re-projects the layer from its live document.
    await app.ctx.live!.mapCodings(room, (c) => c)
    const after = await rowsOf()
    expect(after.every((k) => k.split('|')[1] === coderId)).toBe(true)
    expect(after.length).toBeGreaterThan(0)
    expect(after.filter((k) => !before.includes(k)), 'marks that appeared in the layer by re-projection').toEqual([])
  })

  it('open-coded transcripts carry shared codings from both coders', async () => {
    const inRounds = (await db().select({ id: roundTranscripts.transcriptId }).from(roundTranscripts)).map((r) => r.id)
    const shared = (await db().select().from(codings).where(and(eq(codings.projectId, demo.projectId), eq(codings.layer, 'shared')))).filter((c) => !inRounds.includes(c.transcriptId))
    expect(shared.length).toBeGreaterThan(20)
    expect(new Set(shared.map((c) => c.coderId))).toEqual(new Set([demo.userIds.coder1, demo.userIds.coder2]))
  })

  it('the team’s fit statuses are exactly those of db/seed/framework.json', async () => {
    const rows = await db()
      .select({ caseKey: cases.key, codeKey: codes.key, status: fitStatuses.status })
      .from(fitStatuses)
      .innerJoin(cases, eq(cases.id, fitStatuses.caseId))
      .innerJoin(codes, eq(codes.id, fitStatuses.codeId))
      .where(and(eq(fitStatuses.projectId, demo.projectId), eq(fitStatuses.coderId, '')))
    const got: Record<string, Record<string, string>> = {}
    for (const r of rows) (got[r.caseKey] ??= {})[r.codeKey!] = r.status
    expect(got).toEqual(Object.fromEntries(seed.cases.map((c) => [c.key, c.statuses])))
    expect(rows).toHaveLength(4 * 17)
  })

  it('a second call does nothing', async () => {
    const countAll = async () => {
      const out: Record<string, number> = {}
      for (const [name, table] of Object.entries({ users, projects, transcripts, codings, fitStatuses, rounds, yjsUpdates })) {
        out[name] = (await db().select({ n: sql<number>`count(*)::int` }).from(table))[0].n
      }
      return out
    }
    const before = await countAll()
    expect(await seedDemoIfEmpty(db())).toBeNull()
    expect(await countAll()).toEqual(before)
  })
})
