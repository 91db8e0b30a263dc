/**
 * Sync server benchmark (issue 3): our sync server (authenticated, persisting) and the reference
 * y-websocket server `@y/websocket-server@0.1.1` (in memory, no authentication; or with its own
 * y-leveldb persistence, `--reference-store leveldb`, for context), each under the
 * same load, one after the other, each in its own child process; the clients run in
 * `generators` further child processes (bench/sync-load-worker.ts), each with whole rooms.
 * Prints numbers and ratios; asserts nothing. About seven minutes on an idle 2-core machine.
 *
 *   npx tsx bench/sync.ts [--clients 200] [--rooms 20] [--rate 2] [--seconds 20] [--warmup 25]
 *                         [--marks 0.2] [--users 10] [--grace 30] [--generators 2] [--rounds 3]
 *                         [--only ours|reference] [--reference-store memory|leveldb] [--cpu-prof]
 *
 * Load: `clients` official y-websocket clients spread evenly over `rooms` transcripts, each
 * inserting a short marked-up text at `rate` edits/s (a share `marks` of them with a code mark),
 * first for `warmup` s untimed (a fresh process spends its first seconds compiling its hot
 * paths, and each of our rooms projects its codings and saves its first automatic checkpoint
 * once, 20 s after its first edit: a steady-state comparison must not count that), then for
 * `seconds` s measured. The two servers run `rounds` times, alternating which goes first; on
 * this kind of machine one run's CPU time drifts by ±20%, so the verdict is on the median of
 * the rounds' ratios, not on one run.
 * Our rooms are real transcripts (`t/<id>`) of a project made through the services; clients
 * authenticate with personal access tokens of `users` coders. Persistence is PGlite in a temporary
 * directory, inside the server process (so its CPU and memory count as ours), or Postgres when
 * BENCH_DATABASE_URL (or DATABASE_URL) is set (then Postgres's own CPU is not counted).
 *
 * Measured: propagation latency (edit → every other client of the room, timed in the process
 * that holds both, so one clock; it includes the clients' own Yjs work, which is the same for
 * both servers, and any lag of a busy load generator, which the table shows), edits that
 * did not reach every other client within `grace` s after the last edit, edits missing from the
 * stored state (ours: read back from the database by a fresh process after the server closed;
 * reference: its in-memory docs), and the server process's own CPU time and RSS (reported by
 * the server from inside, so the load generator's CPU is not counted). `--cpu-prof` writes V8
 * CPU profiles of both servers' edit phase to bench/out/sync-profiles/.
 */
import { fork, type ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { performance } from 'node:perf_hooks'
import { fromBase64, type FromServer, type ProcessSample, type ToServer } from './sync-fixture'
import { countMissing, percentile, type LoadClientSpec, type LoadResult } from './sync-load'
import type { FromWorker, ToWorker, WorkerResult } from './sync-load-worker'
import { postgresCpuMs } from './postgres-cpu'

const argValue = (name: string) => {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? process.argv[i + 1] : undefined
}
const numberArg = (name: string, fallback: number) => {
  const value = argValue(name)
  const n = value === undefined ? fallback : Number(value)
  if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a number, got ${value}`)
  return n
}
const oneOf = <T extends string>(name: string, values: readonly T[]): T => {
  const value = argValue(name) ?? values[0]
  if (!values.includes(value as T)) throw new Error(`--${name} must be one of ${values.join(', ')}, got ${value}`)
  return value as T
}
const options = {
  clients: numberArg('clients', 200),
  rooms: numberArg('rooms', 20),
  rate: numberArg('rate', 2),
  seconds: numberArg('seconds', 20),
  warmup: numberArg('warmup', 25),
  markShare: numberArg('marks', 0.2),
  users: numberArg('users', 10),
  graceMs: numberArg('grace', 30) * 1000,
  generators: numberArg('generators', 2),
  rounds: Math.max(1, Math.round(numberArg('rounds', 3))),
  only: argValue('only') as 'ours' | 'reference' | undefined,
  // The reference in memory (the default, and the verdict's yardstick), or persisting every
  // update with its own y-leveldb (YPERSISTENCE), for a like-for-like view of persistence's cost.
  referenceStore: oneOf('reference-store', ['memory', 'leveldb'] as const),
  cpuProf: process.argv.includes('--cpu-prof'),
}
// The reference reads YPERSISTENCE at start: one left in the shell must not make "memory" persist.
if (options.referenceStore === 'memory') delete process.env.YPERSISTENCE
const here = (file: string) => fileURLToPath(new URL(file, import.meta.url))

interface ServerRun {
  label: string
  load: LoadResult
  /** Samples: before the clients connect, when the measured edits start, after their drain. */
  samples: [ProcessSample, ProcessSample, ProcessSample]
  /** Server CPU from the first connection until every client was synced (ms). */
  connectCpuMs: number
  editWindowS: number
  /** CPU of the machine's Postgres processes during the edit phase (ms), when ours runs on Postgres. */
  databaseCpuMs: number | null
  /** Edits missing from the server's state after the run (ours: as read back from the database). */
  storedMissing: number
  storedRooms: number
  note: string
  loadBefore: number
  loadAfter: number
}

type Message = { type: string }

/** A child process (tsx) with its IPC messages as awaitable events. */
function startChild<In extends Message, Out extends Message>(file: string, args: string[], env: Record<string, string> = {}, nodeArgs: string[] = []) {
  const child: ChildProcess = fork(file, args, {
    execArgv: ['--import', 'tsx', ...nodeArgs],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  })
  const inbox: In[] = []
  const waiters: Array<() => void> = []
  let exited: number | null = null
  child.stdout!.on('data', () => {}) // a server's JSON line is for stand-alone use; we get the same over IPC
  child.on('message', (message: In) => {
    inbox.push(message)
    waiters.splice(0).forEach((w) => w())
  })
  child.on('exit', (code) => {
    exited = code ?? 1
    waiters.splice(0).forEach((w) => w())
  })
  const next = <T extends In['type']>(type: T): Promise<Extract<In, { type: T }>> =>
    new Promise((resolve, reject) => {
      const check = () => {
        const failed = inbox.find((m) => m.type === 'failed') as { message?: string } | undefined
        if (failed) return reject(new Error(`${file}: ${failed.message}`))
        const i = inbox.findIndex((m) => m.type === type)
        if (i >= 0) return resolve(inbox.splice(i, 1)[0] as Extract<In, { type: T }>)
        if (exited !== null) return reject(new Error(`${file} exited (${exited}) before sending "${type}"`))
        waiters.push(check)
      }
      check()
    })
  const send = (message: Out) => child.send(message)
  const exit = () => new Promise<void>((resolve) => (exited !== null ? resolve() : child.once('exit', () => resolve())))
  return { child, next, send, exit }
}

function startServer(file: string, args: string[], env: Record<string, string> = {}) {
  const profile: Record<string, string> = options.cpuProf ? { BENCH_CPU_PROF_DIR: here('./out/sync-profiles') } : {}
  const server = startChild<FromServer, ToServer>(file, args, { ...profile, ...env })
  const sample = async (profile?: 'start' | 'stop') => {
    server.send({ type: 'sample', profile })
    return (await server.next('sample')).sample
  }
  return { ...server, sample }
}

/** The load generators' results as one. */
function mergeResults(results: WorkerResult[]): LoadResult {
  const sum = (f: (r: WorkerResult) => number) => results.reduce((n, r) => n + f(r), 0)
  const max = (f: (r: WorkerResult) => number) => Math.max(...results.map(f))
  const latencies = Float64Array.from(results.flatMap((r) => [...new Float64Array(new Uint8Array(Buffer.from(r.latencies, 'base64')).buffer)])).sort()
  return {
    clients: sum((r) => r.clients),
    synced: sum((r) => r.synced),
    connectMs: max((r) => r.connectMs),
    edits: sum((r) => r.edits),
    marks: sum((r) => r.marks),
    editSeconds: max((r) => r.editSeconds),
    latencies,
    expectedDeliveries: sum((r) => r.expectedDeliveries),
    untimedDeliveries: sum((r) => r.untimedDeliveries),
    lostEdits: sum((r) => r.lostEdits),
    missingDeliveries: sum((r) => r.missingDeliveries),
    drainMs: max((r) => r.drainMs),
    disconnects: sum((r) => r.disconnects),
    generatorCpuMs: sum((r) => r.generatorCpuMs),
    generatorLoopP99Ms: max((r) => r.generatorLoopP99Ms),
    idsByRoom: new Map(results.flatMap((r) => Object.entries(r.idsByRoom))),
  }
}

/**
 * Runs the load on `--generators` processes, each with whole rooms (an edit's sender and
 * receivers share one clock), sampling the server between the phases.
 */
async function measure(
  label: string,
  server: ReturnType<typeof startServer>,
  base: string,
  clients: LoadClientSpec[],
  codeIds: string[],
) {
  const loadBefore = loadavg()[0]
  const rooms = [...new Set(clients.map((c) => c.room))]
  const count = Math.max(1, Math.min(options.generators, rooms.length))
  // A larger young generation: the clients' Yjs docs allocate a lot, and scavenges were a
  // quarter of a generator's CPU with the default.
  const workers = Array.from({ length: count }, () =>
    startChild<FromWorker, ToWorker>(here('./sync-load-worker.ts'), [], {}, ['--max-semi-space-size=64']))
  await Promise.all(workers.map((w) => w.next('ready')))
  const s0 = await server.sample()
  process.stderr.write(`${label}: ${clients.length} clients connecting (${count} load generator processes)…\n`)
  workers.forEach((w, k) => w.send({
    type: 'load',
    job: {
      base, codeIds,
      clients: clients.filter((c) => rooms.indexOf(c.room) % count === k),
      rate: options.rate, seconds: options.seconds, warmupSeconds: options.warmup, markShare: options.markShare,
      graceMs: options.graceMs, connectTimeoutMs: 60_000,
    },
  }))
  await Promise.all(workers.map((w) => w.next('synced')))
  const synced = await server.sample()
  if (options.warmup > 0) {
    process.stderr.write(`${label}: warming up for ${options.warmup} s…\n`)
    workers.forEach((w) => w.send({ type: 'go' }))
    await Promise.all(workers.map((w) => w.next('warm')))
  }
  const s1 = await server.sample('start')
  const db1 = await postgresCpuMs()
  const windowStart = performance.now()
  process.stderr.write(`${label}: editing for ${options.seconds} s…\n`)
  workers.forEach((w) => w.send({ type: options.warmup > 0 ? 'measure' : 'go' }))
  await Promise.all(workers.map((w) => w.next('drained')))
  const s2 = await server.sample('stop')
  const db2 = await postgresCpuMs()
  const editWindowS = (performance.now() - windowStart) / 1000
  workers.forEach((w) => w.send({ type: 'finish' }))
  const results = await Promise.all(workers.map((w) => w.next('result')))
  await Promise.all(workers.map((w) => w.exit()))
  const load = mergeResults(results.map((r) => r.result))
  const databaseCpuMs = db1 !== null && db2 !== null ? db2 - db1 : null
  return { label, load, samples: [s0, s1, s2] as ServerRun['samples'], connectCpuMs: synced.cpuMs - s0.cpuMs, editWindowS, loadBefore, loadAfter: loadavg()[0], databaseCpuMs }
}

/** Spreads clients evenly over the rooms; in each room every client is a different user. */
function spread<T>(rooms: string[], clientOf: (room: string, slot: number) => T): T[] {
  return Array.from({ length: options.clients }, (_, i) => clientOf(rooms[i % rooms.length], Math.floor(i / rooms.length)))
}

async function runOurs(): Promise<ServerRun> {
  const url = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL
  const dataDir = url ? null : await mkdtemp(join(tmpdir(), 'concord-bench-sync-'))
  const env: Record<string, string> = dataDir ? { BENCH_DATA_DIR: dataDir } : {}
  try {
    process.stderr.write('ours: creating the database, project, users, tokens and transcripts…\n')
    const server = startServer(here('./sync-server-ours.ts'), ['serve', '--rooms', String(options.rooms), '--users', String(options.users)], env)
    const ready = await server.next('ready')
    const setup = ready.setup!
    process.stderr.write(`ours: set up in ${(ready.setupMs / 1000).toFixed(1)} s\n`)
    const clients = spread(setup.rooms, (room, slot) => {
      const user = setup.users[slot % setup.users.length]
      return { room, params: { token: user.token }, coderId: user.userId }
    })
    const run = await measure('ours', server, ready.base, clients, setup.codeIds)
    server.send({ type: 'stop' })
    await server.next('stopped')
    await server.exit()
    // A fresh process reads the rooms back from the database, as a restarted server would.
    const verifier = startServer(here('./sync-server-ours.ts'), ['verify'], env)
    await verifier.next('ready')
    verifier.send({ type: 'verify', rooms: setup.rooms })
    const { states } = await verifier.next('verified')
    await verifier.exit()
    const storedMissing = setup.rooms.reduce((n, room) => n + countMissing(fromBase64(states[room]), run.load.idsByRoom.get(room) ?? []), 0)
    const note = setup.database === 'pglite'
      ? 'ours: PGlite (embedded Postgres) runs inside the server process; its CPU and memory count as ours'
      : 'ours: Postgres at BENCH_DATABASE_URL/DATABASE_URL; its processes\' CPU is measured from /proc and added to ours in the target line'
    return { ...run, databaseCpuMs: setup.database === 'pglite' ? null : run.databaseCpuMs, storedMissing, storedRooms: Object.keys(states).length, note }
  } finally {
    if (dataDir) await rm(dataDir, { recursive: true, force: true })
  }
}

async function runReference(): Promise<ServerRun> {
  const leveldbDir = options.referenceStore === 'leveldb' ? await mkdtemp(join(tmpdir(), 'concord-bench-leveldb-')) : null
  try {
    return await runReferenceWith(leveldbDir)
  } finally {
    if (leveldbDir) await rm(leveldbDir, { recursive: true, force: true })
  }
}

async function runReferenceWith(leveldbDir: string | null): Promise<ServerRun> {
  const rooms = Array.from({ length: options.rooms }, (_, r) => `t/bench-${r + 1}`)
  const server = startServer(here('./sync-server-reference.ts'), [], leveldbDir ? { YPERSISTENCE: leveldbDir } : {})
  server.send({ type: 'init', rooms })
  const ready = await server.next('ready')
  // Ids shaped like ours (UUIDs): code marks carry them, so shorter ids would make the
  // reference's updates smaller than ours and its load lighter.
  const codeIds = Array.from({ length: 12 }, () => randomUUID())
  const coderIds = Array.from({ length: options.users }, () => randomUUID())
  const clients = spread(rooms, (room, slot) => ({ room, params: {}, coderId: coderIds[slot % options.users] }))
  const run = await measure('reference', server, ready.base, clients, codeIds)
  server.send({ type: 'stop' })
  const { states } = await server.next('stopped')
  await server.exit()
  const storedMissing = rooms.reduce((n, room) => n + countMissing(fromBase64(states[room] ?? ''), run.load.idsByRoom.get(room) ?? []), 0)
  const note = leveldbDir
    ? 'reference: its own persistence (y-leveldb in YPERSISTENCE: every update stored as it comes; LevelDB runs in the process), no authentication'
    : 'reference: in memory, no authentication, no persistence'
  return { ...run, databaseCpuMs: null, storedMissing, storedRooms: Object.keys(states).length, note }
}

function printTable(runs: ServerRun[]) {
  const ours = runs.find((r) => r.label === 'ours')
  const ref = runs.find((r) => r.label === 'reference')
  const rows: Array<[string, (r: ServerRun) => number, (n: number) => string, boolean]> = [
    ['clients synced', (r) => r.load.synced, (n) => n.toFixed(0), false],
    ['connect time (all synced), s', (r) => r.load.connectMs / 1000, (n) => n.toFixed(2), true],
    ['edits sent', (r) => r.load.edits, (n) => n.toFixed(0), false],
    ['  seconds to send them (nominal ' + options.seconds + ')', (r) => r.load.editSeconds, (n) => n.toFixed(1), false],
    ['  with a code mark', (r) => r.load.marks, (n) => n.toFixed(0), false],
    ['deliveries timed', (r) => r.load.latencies.length, (n) => n.toFixed(0), false],
    ['latency p50, ms', (r) => percentile(r.load.latencies, 50), (n) => n.toFixed(1), true],
    ['latency p90, ms', (r) => percentile(r.load.latencies, 90), (n) => n.toFixed(1), true],
    ['latency p99, ms', (r) => percentile(r.load.latencies, 99), (n) => n.toFixed(1), true],
    ['latency max, ms', (r) => r.load.latencies[r.load.latencies.length - 1] ?? NaN, (n) => n.toFixed(1), true],
    ['server CPU, edit phase, s', (r) => (r.samples[2].cpuMs - r.samples[1].cpuMs) / 1000, (n) => n.toFixed(2), true],
    ['  per 1000 edits, s', (r) => (r.samples[2].cpuMs - r.samples[1].cpuMs) / r.load.edits, (n) => n.toFixed(2), true],
    ['  % of one core', (r) => (r.samples[2].cpuMs - r.samples[1].cpuMs) / 10 / r.editWindowS, (n) => n.toFixed(0), true],
    ['  of which in the kernel, s', (r) => (r.samples[2].systemMs - r.samples[1].systemMs) / 1000, (n) => n.toFixed(2), true],
    ['  of which off the main thread, s', (r) => (r.samples[2].cpuMs - r.samples[1].cpuMs - (r.samples[2].mainThreadMs - r.samples[1].mainThreadMs)) / 1000, (n) => n.toFixed(2), true],
    ['write system calls, edit phase', (r) => r.samples[2].writeCalls - r.samples[1].writeCalls, (n) => n.toFixed(0), true],
    ['  bytes written, MB', (r) => (r.samples[2].writeBytes - r.samples[1].writeBytes) / 1e6, (n) => n.toFixed(1), true],
    ['  + Postgres processes, edit phase, s', (r) => (r.databaseCpuMs === null ? NaN : r.databaseCpuMs / 1000), (n) => (Number.isNaN(n) ? '—' : n.toFixed(2)), false],
    ['server CPU, connect phase, s', (r) => r.connectCpuMs / 1000, (n) => n.toFixed(2), true],
    ['update log appends (store rows)', (r) => (r.samples[2].appends ?? NaN) - (r.samples[1].appends ?? NaN), (n) => (Number.isNaN(n) ? '—' : n.toFixed(0)), false],
    ['codings projections written', (r) => (r.samples[2].projections ?? NaN) - (r.samples[1].projections ?? NaN), (n) => (Number.isNaN(n) ? '—' : n.toFixed(0)), false],
    ['server RSS before clients, MB', (r) => r.samples[0].rssMb, (n) => n.toFixed(0), true],
    ['server peak RSS under load, MB', (r) => Math.max(r.samples[1].peakRssMb, r.samples[2].peakRssMb), (n) => n.toFixed(0), true],
    ['  growth under load, MB', (r) => Math.max(r.samples[1].peakRssMb, r.samples[2].peakRssMb) - r.samples[0].rssMb, (n) => n.toFixed(0), true],
    ['server event loop delay p99, ms', (r) => r.samples[2].loopP99Ms, (n) => n.toFixed(1), true],
    ['garbage collections, edit phase: scavenges', (r) => r.samples[2].gcMinor - r.samples[1].gcMinor, (n) => n.toFixed(0), true],
    ['  full mark-compacts', (r) => r.samples[2].gcMajor - r.samples[1].gcMajor, (n) => n.toFixed(0), true],
    ['  pauses on the main thread, ms', (r) => r.samples[2].gcPauseMs - r.samples[1].gcPauseMs, (n) => n.toFixed(0), true],
    ['  V8 heap in use at the end, MB', (r) => r.samples[2].heapUsedMb, (n) => n.toFixed(0), true],
    ['lost edits (live, after grace)', (r) => r.load.lostEdits, (n) => n.toFixed(0), false],
    ['  missing deliveries', (r) => r.load.missingDeliveries, (n) => n.toFixed(0), false],
    ['  untimed deliveries', (r) => r.load.untimedDeliveries, (n) => n.toFixed(0), false],
    ['lost edits (server state after run)', (r) => r.storedMissing, (n) => n.toFixed(0), false],
    ['client disconnects', (r) => r.load.disconnects, (n) => n.toFixed(0), false],
    ['drain after last edit, s', (r) => r.load.drainMs / 1000, (n) => n.toFixed(2), false],
    ['load generator CPU, edit phase, s', (r) => r.load.generatorCpuMs / 1000, (n) => n.toFixed(2), false],
    ['load generator loop delay p99, ms', (r) => r.load.generatorLoopP99Ms, (n) => n.toFixed(1), false],
    ['load average (1 min) before/after', (r) => r.loadBefore, (n) => n.toFixed(1), false],
  ]
  const width = 38
  console.log(`${'metric'.padEnd(width)} ${'ours'.padStart(10)} ${'reference'.padStart(10)} ${'ratio'.padStart(8)}`)
  console.log('-'.repeat(width + 31))
  for (const [name, value, format, ratio] of rows) {
    const a = ours ? value(ours) : NaN
    const b = ref ? value(ref) : NaN
    const cell = (r: ServerRun | undefined, n: number) =>
      !r ? '—' : name.startsWith('load average') ? `${format(n)}/${r.loadAfter.toFixed(1)}` : format(n)
    const q = ratio && ours && ref && b > 0 ? `${(a / b).toFixed(2)}×` : ''
    console.log(`${name.padEnd(width)} ${cell(ours, a).padStart(10)} ${cell(ref, b).padStart(10)} ${q.padStart(8)}`)
  }
  console.log('')
  for (const r of runs) console.log(r.note)
  for (const r of runs) {
    if (r.load.generatorLoopP99Ms > 50 || r.load.editSeconds > options.seconds * 1.1) {
      console.log(`${r.label}: the load generators fell behind (event loop delay p99 ${r.load.generatorLoopP99Ms.toFixed(0)} ms, ` +
        `${r.load.editSeconds.toFixed(1)} s to send ${options.seconds} s of edits): latencies include their lag; the machine is too busy for clean latencies`)
    }
  }
  const target = targetOf(runs)
  if (target) console.log(`${verdictLabel}: ${describeTarget(target)}`)
}

interface Target {
  p99: number
  cpu: number
  lost: number
}

/** The issue's target figures for one round (ours against the reference), or null with only one server. */
function targetOf(runs: ServerRun[]): Target | null {
  const ours = runs.find((r) => r.label === 'ours')
  const ref = runs.find((r) => r.label === 'reference')
  if (!ours || !ref) return null
  return {
    p99: percentile(ours.load.latencies, 99) / percentile(ref.load.latencies, 99),
    // On Postgres, the database's processes work for ours: their CPU counts too.
    cpu: (ours.samples[2].cpuMs - ours.samples[1].cpuMs + (ours.databaseCpuMs ?? 0)) / (ref.samples[2].cpuMs - ref.samples[1].cpuMs),
    lost: ours.load.lostEdits + ours.storedMissing,
  }
}

function describeTarget(t: Target): string {
  const verdict = (ok: boolean) => (ok ? 'within' : 'OUTSIDE')
  return `p99 ratio ${t.p99.toFixed(2)}× ${verdict(t.p99 <= 1.3)} 1.3×; CPU ratio ${t.cpu.toFixed(2)}× ${verdict(t.cpu <= 1.3)} 1.3×; lost edits ${t.lost} (target 0)`
}

/** The issue's yardstick is the reference as it runs by default, in memory; against y-leveldb the ratios are context. */
const verdictLabel = options.referenceStore === 'leveldb'
  ? 'against the reference with y-leveldb (context; issue 3 compares with the reference in memory)'
  : 'target (issue 3)'

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

async function main() {
  const perRoom = options.clients / options.rooms
  console.log(`sync benchmark: ${options.clients} y-websocket clients over ${options.rooms} rooms (${perRoom.toFixed(1)} per room), ` +
    `${options.rate} edits/s each (${options.clients * options.rate} edits/s in all, ${Math.round(options.markShare * 100)}% with a code mark), ` +
    `${options.seconds} s per server after a ${options.warmup} s warm-up, ${options.rounds} round(s)`)
  console.log(`machine: ${cpus().length} CPUs, load average ${loadavg().map((l) => l.toFixed(1)).join(' / ')} (1/5/15 min); other work on the machine inflates latencies`)
  console.log('')
  const targets: Target[] = []
  for (let round = 1; round <= options.rounds; round++) {
    // Alternate the order, so that a machine getting slower or faster during the run does not
    // always favour the same server.
    const order = round % 2 === 1 ? (['ours', 'reference'] as const) : (['reference', 'ours'] as const)
    const runs: ServerRun[] = []
    for (const which of order) {
      if (options.only && options.only !== which) continue
      runs.push(which === 'ours' ? await runOurs() : await runReference())
    }
    if (options.rounds > 1) console.log(`\n--- round ${round} of ${options.rounds} (${order.join(' first, then ')}) ---`)
    printTable(runs)
    const target = targetOf(runs)
    if (target) targets.push(target)
  }
  if (targets.length > 1) {
    console.log(`\nper round: CPU ratio ${targets.map((t) => `${t.cpu.toFixed(2)}×`).join(', ')}; p99 ratio ${targets.map((t) => `${t.p99.toFixed(2)}×`).join(', ')}`)
    const lost = targets.reduce((n, t) => n + t.lost, 0)
    console.log(`${verdictLabel}, median of ${targets.length} rounds: ${describeTarget({ p99: median(targets.map((t) => t.p99)), cpu: median(targets.map((t) => t.cpu)), lost })}`)
  }
  if (options.cpuProf) console.log(`CPU profiles (last round): ${here('./out/sync-profiles')}`)
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error)
    process.exit(1)
  },
)
