/**
 * `concord disputes` and `concord decisions` against the database (the embedded PGlite in
 * DATA_DIR), end to end through runCli on the demo project: list, decide (lead only, rationale
 * required), the decision log as CSV, and bad arguments with exit status 2.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDb } from '../../db/client'
import { runMigrations } from '../../db/migrate'
import { runCli } from '../../server/cli/main'
import { closeDbIfOpen } from '../../server/cli/close-db'
import { parseCsvWithHeader } from '../../server/domain/formats/csv'
import { decisionLogColumns } from '../../server/domain/disputes/decision-log-csv'
import { seedDemo } from '../../server/services/demo/seed-demo'

let dir: string
let projectId: string
const saved = { DATA_DIR: process.env.DATA_DIR, DATABASE_URL: process.env.DATABASE_URL, CONCORD_URL: process.env.CONCORD_URL }

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'concord-cli-arb-'))
  const handle = await openDb({ dataDir: join(dir, 'pglite') })
  await runMigrations(handle)
  projectId = (await seedDemo(handle.db)).projectId
  await handle.close()
  process.env.DATA_DIR = dir
  delete process.env.DATABASE_URL
  delete process.env.CONCORD_URL
})
afterAll(async () => {
  await closeDbIfOpen()
  for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k]
  else process.env[k] = v
  await rm(dir, { recursive: true, force: true })
})

async function cli(...argv: string[]) {
  let stdout = ''
  let stderr = ''
  const sink = <T>(append: (s: string) => void) => ({ write: (s: string) => (append(s), true) }) as unknown as T
  try {
    const code = await runCli(argv, sink<typeof process.stdout>((s) => (stdout += s)), sink<typeof process.stderr>((s) => (stderr += s)))
    return { code, stdout, stderr }
  } finally {
    await closeDbIfOpen()
  }
}

describe('concord disputes / decisions (database)', () => {
  it('lists the open disputes, biggest first, with progress', async () => {
    const { code, stdout, stderr } = await cli('disputes', 'list', '--project', projectId, '--as', 'viewer@demo.concord', '--state', 'open', '--json')
    expect(stderr).toBe('')
    expect(code).toBe(0)
    const out = JSON.parse(stdout)
    expect(out.progress.total).toBeGreaterThan(out.progress.decided)
    expect(out.disputes.length).toBe(out.progress.total - out.progress.decided)
    for (const d of out.disputes) expect(d).toMatchObject({ id: expect.any(String), kind: expect.any(String), state: 'open', coders: expect.any(Array) })
    const sizes = out.disputes.map((d: { magnitude: number }) => d.magnitude)
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a))
    const table = await cli('disputes', 'list', '--project', projectId, '--as', 'lead@demo.concord')
    expect(table.stdout).toMatch(/^decided \d+ of \d+/)
  })

  it('decides as the lead (coder by email), refuses coders and a missing rationale, and logs it as CSV', async () => {
    const list = JSON.parse((await cli('disputes', 'list', '--project', projectId, '--as', 'lead@demo.concord', '--state', 'open', '--kind', 'boundary', '--json')).stdout)
    const d = list.disputes[0]
    const asCoder = await cli('disputes', 'decide', d.id, '--project', projectId, '--as', 'coder1@demo.concord', '--choice', 'union', '--rationale', 'x')
    expect(asCoder.code).not.toBe(0)
    expect(asCoder.stderr).toMatch(/lead/)
    const noReason = await cli('disputes', 'decide', d.id, '--project', projectId, '--as', 'lead@demo.concord', '--choice', 'coder')
    expect(noReason.code).toBe(2)
    expect(noReason.stderr).toMatch(/coderId/)
    expect(noReason.stderr).toMatch(/rationale/)
    const ok = await cli('disputes', 'decide', d.id, '--project', projectId, '--as', 'lead@demo.concord', '--choice', 'coder', '--coder', 'coder2@demo.concord', '--rationale', '陈默的边界更完整。', '--json')
    expect(ok.stderr).toBe('')
    expect(ok.code).toBe(0)
    const decision = JSON.parse(ok.stdout)
    expect(decision).toMatchObject({ disputeId: d.id, choice: 'coder', rationale: '陈默的边界更完整。', after: { spans: d.versions[1].spans } })
    const csv = await cli('decisions', '--project', projectId, '--as', 'viewer@demo.concord', '--csv')
    expect(csv.code).toBe(0)
    const rows = parseCsvWithHeader(csv.stdout, decisionLogColumns, 'decisions.csv')
    const row = rows.find((r) => r.values.decision_id === decision.id)!
    expect(row.values).toMatchObject({ dispute_id: d.id, choice: 'coder', chosen_coder: '陈默 (coder 2)', rationale: '陈默的边界更完整。', in_force: 'yes' })
  })

  it('bad arguments exit with status 2 and name every problem', async () => {
    const r = await cli('disputes', 'decide', '--choice', 'custom', '--start', 'x', '--as', 'lead@demo.concord')
    expect(r.code).toBe(2)
    for (const p of ['DISPUTE_ID', '--start', '--project']) expect(r.stderr).toContain(p)
    expect((await cli('disputes', 'frobnicate')).code).toBe(2)
    expect((await cli('disputes', 'list', '--project', projectId)).stderr).toContain('--as')
    const help = await cli('disputes', '--help')
    expect(help.code).toBe(0)
    expect(help.stdout).toContain('--choice intersection')
  })
})
