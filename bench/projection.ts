/**
 * Codings projection benchmark (issue 3): what one projection of a busy room costs, in this
 * process (projectDoc + the writes' JS) and in the database (PGlite here, or the Postgres
 * processes' CPU from /proc with BENCH_DATABASE_URL). The load is bench/sync's: 20 edits
 * between projections (one room, 20 edits/s, a projection every second or so), each inserting
 * a short marker at a random place, a share of them with a code mark; text inserts shift every
 * later coding, which is the case that rewrites most rows.
 *
 *   npx tsx bench/projection.ts [--projections 200] [--edits 20] [--marks 0.2]
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { eq } from 'drizzle-orm'
import * as Y from 'yjs'
import { openDb, type DbHandle } from '../db/client'
import { runMigrations } from '../db/migrate'
import { codes, codings } from '../db/schema'
import { codeMarkAttrs, codeMarkKey } from '../server/domain/editor/mark-keys'
import { textRoom } from '../server/realtime-rooms'
import { saveDocProjection } from '../server/services/documents/save-projection'
import { createProject } from '../server/services/projects/create-project'
import { importTranscript } from '../server/services/transcripts/import-transcript'
import { signUp } from '../server/services/users/sign-up'
import { buildTranscriptDoc } from '../server/domain/editor/build-doc'
import { parseTurns } from '../server/domain/formats/transcript-text'
import { postgresCpuMs } from './postgres-cpu'
import { benchTranscriptText } from './sync-fixture'

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? Number(process.argv[i + 1]) : fallback
}
const options = { projections: arg('projections', 200), edits: arg('edits', 20), marks: arg('marks', 0.2) }

function randomEdit(doc: Y.Doc, codeIds: string[], coderId: string, n: number) {
  const fragment = doc.getXmlFragment('default')
  const paragraph = fragment.get(Math.floor(Math.random() * fragment.length))
  const text = paragraph instanceof Y.XmlElement ? paragraph.get(0) : null
  if (!(text instanceof Y.XmlText)) return
  const length = text.length
  const at = Math.floor(Math.random() * (length + 1))
  const inserted = ` «${n.toString(36)}»`
  doc.transact(() => {
    text.insert(at, inserted)
    if (Math.random() < options.marks) {
      const codeId = codeIds[Math.floor(Math.random() * codeIds.length)]
      const span = Math.min(inserted.length + Math.floor(Math.random() * 20), length + inserted.length - at)
      text.format(at, span, { [codeMarkKey(codeId, coderId)]: codeMarkAttrs(codeId, coderId) })
    }
  })
}

async function main() {
  const url = process.env.BENCH_DATABASE_URL
  const dir = url ? null : await mkdtemp(join(tmpdir(), 'concord-projection-'))
  const handle: DbHandle = url ? await openDb({ url }) : await openDb({ dataDir: dir! })
  try {
    await runMigrations(handle)
    const db = handle.db
    const lead = await signUp(db, { email: `lead-${Date.now().toString(36)}@bench.concord`, name: 'Bench lead', password: 'bench-password' })
    const { id: projectId } = await createProject(db, { userId: lead.id }, { name: 'Projection benchmark', template: 'study' })
    const text = benchTranscriptText(0)
    const t = await importTranscript(db, { userId: lead.id }, projectId, { meta: { title: 'Bench interview' }, text })
    const room = textRoom(t.id)
    const codeRows = await db.select({ id: codes.id }).from(codes).where(eq(codes.projectId, projectId))
    const codeIds = codeRows.map((c) => c.id).slice(0, 12)
    const doc = buildTranscriptDoc(parseTurns(text))
    let n = 0
    // Warm up: some codings to shift, and the statements' first runs.
    for (let i = 0; i < 20; i++) {
      for (let e = 0; e < options.edits; e++) randomEdit(doc, codeIds, lead.id, n++)
      await saveDocProjection(db, projectId, room, doc)
    }
    const projectMs: number[] = []
    const pgBefore = url ? await postgresCpuMs() : null
    const cpuBefore = process.cpuUsage()
    const started = performance.now()
    for (let i = 0; i < options.projections; i++) {
      for (let e = 0; e < options.edits; e++) randomEdit(doc, codeIds, lead.id, n++)
      const t0 = performance.now()
      await saveDocProjection(db, projectId, room, doc)
      projectMs.push(performance.now() - t0)
    }
    const wall = performance.now() - started
    const cpu = process.cpuUsage(cpuBefore)
    const pgAfter = url ? await postgresCpuMs() : null
    const pgMs = pgBefore !== null && pgAfter !== null ? pgAfter - pgBefore : null
    const rows = await db.select({ id: codings.id }).from(codings).where(eq(codings.transcriptId, t.id))
    projectMs.sort((a, b) => a - b)
    const per = (ms: number) => (ms / options.projections).toFixed(2)
    console.log(`database: ${url ? 'postgres' : 'pglite'}; ${options.projections} projections, ${options.edits} edits before each; ${rows.length} codings rows at the end, ${Y.encodeStateAsUpdate(doc).length} B doc`)
    console.log(`wall per projection, ms        ${per(wall)}  (p50 ${projectMs[Math.floor(projectMs.length / 2)].toFixed(2)}, p99 ${projectMs[Math.floor(projectMs.length * 0.99)].toFixed(2)})`)
    console.log(`this process's CPU per projection, ms ${per((cpu.user + cpu.system) / 1000)}  (includes the edits; PGlite runs here)`)
    if (pgMs !== null) console.log(`Postgres processes' CPU per projection, ms ${per(pgMs)}`)
  } finally {
    await handle.close()
    if (dir) await rm(dir, { recursive: true, force: true })
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
