import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import * as versionsRoute from '@/app/api/projects/[projectId]/transcripts/[transcriptId]/versions/route'
import * as versionRoute from '@/app/api/projects/[projectId]/transcripts/[transcriptId]/versions/[versionId]/route'
import * as restoreRoute from '@/app/api/projects/[projectId]/transcripts/[transcriptId]/versions/[versionId]/restore/route'
import { layerRoom, textRoom } from '../../server/realtime-rooms'
import { startRealtime, type RealtimeHandle } from '../../server/realtime-wiring'
import { createAutoCheckpointer } from '../../server/services/documents/auto-checkpoint'
import { buildTranscriptDoc } from '../../server/domain/editor/build-doc'
import { callRoute, createTestApp, type TestApp } from '../support/test-app'
import { describeEachBackend } from '../support/test-db'
import { fixtureText, fixtureTurns, makeCodingProject, spanOfText, type CodingProject } from '../support/editor-fixtures'

const plain = (cs: { codeId: string; coderId: string; start: number; end: number }[]) => cs.map(({ codeId, coderId, start, end }) => ({ codeId, coderId, start, end }))

describeEachBackend('versions API', (backend) => {
  let app: TestApp
  let realtime: RealtimeHandle
  let p: CodingProject
  beforeAll(async () => {
    app = await createTestApp(backend)
    realtime = await startRealtime(app.ctx)
    await realtime.caughtUp // the stored rooms it catches up at start, before the test acts
    app.ctx.live = realtime.live
    p = await makeCodingProject(app)
  })
  afterAll(async () => {
    await realtime.close()
    await app.close()
  })

  const params = (transcriptId: string, versionId?: string) => ({ projectId: p.projectId, transcriptId, ...(versionId ? { versionId } : {}) })
  const live = () => realtime.live

  /** A forward text edit on the live canonical doc: `insert` typed at the start of paragraph `index`. */
  async function typeAtParagraph(transcriptId: string, index: number, insert: string) {
    const room = textRoom(transcriptId)
    const doc = new Y.Doc()
    Y.applyUpdate(doc, await live().readState(room))
    const sv = Y.encodeStateVector(doc)
    const para = doc.getXmlFragment('default').get(index) as Y.XmlElement
    ;(para.get(0) as Y.XmlText).insert(0, insert)
    await live().applyUpdate(room, Y.encodeStateAsUpdate(doc, sv))
    doc.destroy()
  }

  it('a coder saves a named version; members list it with who and when; viewers cannot save', async () => {
    const res = await callRoute(versionsRoute, 'POST', { params: params(p.transcripts.open), token: p.coder1.token, body: { name: 'Before round 2' } })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ kind: 'named', name: 'Before round 2', charCount: fixtureText.length, codingCount: 2, createdBy: p.coder1.id })
    const listed = await callRoute(versionsRoute, 'GET', { params: params(p.transcripts.open), token: p.viewer.token })
    expect(listed.body).toEqual([expect.objectContaining({ id: res.body.id, name: 'Before round 2', createdByName: 'coder1', kind: 'named' })])
    expect((await callRoute(versionsRoute, 'POST', { params: params(p.transcripts.open), token: p.viewer.token, body: { name: 'x' } })).status).toBe(403)
    expect((await callRoute(versionsRoute, 'POST', { params: params(p.transcripts.open), token: p.coder1.token, body: { name: ' ' } })).status).toBe(400)
    expect((await callRoute(versionsRoute, 'GET', { params: params(p.transcripts.open), token: p.outsider.token })).status).toBe(404)
  })

  it('previews a version and compares it with now', async () => {
    const saved = await callRoute(versionsRoute, 'POST', { params: params(p.transcripts.open), token: p.lead.token, body: { name: 'v1' } })
    await typeAtParagraph(p.transcripts.open, 2, 'And ')
    await live().editCodings(textRoom(p.transcripts.open), { add: [{ codeId: p.codes.talent, coderId: p.lead.id, start: 0, end: 3 }] })
    const res = await callRoute(versionRoute, 'GET', { params: params(p.transcripts.open, saved.body.id), token: p.viewer.token, url: 'http://localhost/x?compare=now' })
    expect(res.status).toBe(200)
    expect(res.body.content.text).toBe(fixtureText)
    expect(res.body.content.codings).toHaveLength(2)
    expect(res.body.version).toMatchObject({ name: 'v1', createdByName: 'lead' })
    const cmp = res.body.comparison
    expect(cmp.counts).toEqual({ paragraphsAdded: 1, paragraphsRemoved: 1, codingsAdded: 1, codingsRemoved: 0 })
    expect(cmp.paragraphs.filter((x: { kind: string }) => x.kind !== 'same')).toEqual([
      { kind: 'removed', speaker: 'Interviewer', text: 'Who pays for it?' },
      { kind: 'added', speaker: 'Interviewer', text: 'And Who pays for it?' },
    ])
    expect(cmp.codings.added).toEqual([expect.objectContaining({ codeId: p.codes.talent, text: 'How' })])
    const noCompare = await callRoute(versionRoute, 'GET', { params: params(p.transcripts.open, saved.body.id), token: p.viewer.token })
    expect(noCompare.body.comparison).toBeUndefined()
    expect((await callRoute(versionRoute, 'GET', { params: params(p.transcripts.blind, saved.body.id), token: p.lead.token })).status).toBe(404)
  })

  it('the lead restores a version as a forward edit: text and shared codes come back, coder layers keep their marks', async () => {
    const t = p.transcripts.blind
    const room = textRoom(t)
    const before = await live().readProjection(room)
    const saved = await callRoute(versionsRoute, 'POST', { params: params(t), token: p.lead.token, body: { name: 'clean' } })
    // After the version: the lead edits the text (paragraph 3) and adds a shared code.
    await typeAtParagraph(t, 2, 'So, ')
    await live().editCodings(room, { add: [{ codeId: p.codes.research, coderId: p.lead.id, ...spanOfText('The city funds the lab') }] })
    const layer1 = layerRoom(t, p.coder1.id)
    const layerBefore = await live().readProjection(layer1)
    expect(layerBefore.text).toContain('So, Who pays')

    expect((await callRoute(restoreRoute, 'POST', { params: params(t, saved.body.id), token: p.coder1.token })).status).toBe(403)
    const res = await callRoute(restoreRoute, 'POST', { params: params(t, saved.body.id), token: p.lead.token })
    expect(res.status).toBe(200)
    expect(res.body.restored).toBe(true)

    const after = await live().readProjection(room)
    expect(after.text).toBe(before.text)
    expect(plain(after.codings)).toEqual(plain(before.codings))
    // The layer still holds coder 1's code on the same text, now at its original offsets.
    const layerAfter = await live().readProjection(layer1)
    expect(layerAfter.text).toBe(fixtureText)
    expect(plain(layerAfter.codings)).toEqual([{ codeId: p.codes.programs, coderId: p.coder1.id, ...spanOfText('joint programs') }])
    // The state before the restore was kept as an automatic version.
    const listed = await callRoute(versionsRoute, 'GET', { params: params(t), token: p.lead.token })
    expect(listed.body[0]).toMatchObject({ kind: 'auto', name: `before-restore:${saved.body.id}`, id: res.body.backupVersionId })
    // Restoring again changes nothing.
    const again = await callRoute(restoreRoute, 'POST', { params: params(t, saved.body.id), token: p.lead.token })
    expect(again.body).toEqual({ restored: false, backupVersionId: null })
  })

  it('automatic checkpoints: at most one per interval, only for text rooms, oldest pruned', async () => {
    let clock = Date.now() + 3_600_000
    const saved: string[] = []
    const checkpoint = createAutoCheckpointer(app.ctx.db, { intervalMs: 600_000, keep: 2, now: () => clock, onSaved: (r) => saved.push(r) })
    const t = p.transcripts.revealed
    const doc = buildTranscriptDoc(fixtureTurns)
    expect(await checkpoint(layerRoom(t, p.coder1.id), doc)).toBe(false)
    expect(await checkpoint(textRoom(t), doc)).toBe(true)
    clock += 599_000
    expect(await checkpoint(textRoom(t), doc)).toBe(false)
    clock += 2_000
    expect(await checkpoint(textRoom(t), doc)).toBe(true)
    clock += 600_000
    expect(await checkpoint(textRoom(t), doc)).toBe(true)
    expect(saved).toEqual([textRoom(t), textRoom(t), textRoom(t)])
    const listed = await callRoute(versionsRoute, 'GET', { params: params(t), token: p.lead.token })
    expect(listed.body.filter((v: { kind: string }) => v.kind === 'auto')).toHaveLength(2)
    // Counted from the live doc when its state was taken.
    expect(listed.body.find((v: { kind: string }) => v.kind === 'auto')).toMatchObject({ charCount: fixtureText.length, codingCount: 0 })
    // A server restarting within the interval does not checkpoint at once (it reads the latest from the database).
    const restarted = createAutoCheckpointer(app.ctx.db, { intervalMs: 600_000 })
    expect(await restarted(textRoom(t), doc)).toBe(false)
  })
})

describe('versions without the sync server', () => {
  it('saving needs the live documents', async () => {
    const app = await createTestApp('pglite')
    const p = await makeCodingProject(app)
    const res = await callRoute(versionsRoute, 'POST', { params: { projectId: p.projectId, transcriptId: p.transcripts.open }, token: p.lead.token, body: { name: 'x' } })
    expect(res.status).toBe(500)
    await app.close()
  })
})
