/**
 * Shared by the sync benchmark's processes (bench/sync.ts and its two server children): the
 * synthetic transcripts both servers start from, the IPC messages between the parent and a
 * server child, and the probe a server child runs to report its own CPU time, RSS and event
 * loop delay. Bench-only code: nothing in the app imports it.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { Session } from 'node:inspector/promises'
import { join } from 'node:path'
import { constants as perfConstants, monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks'

/** Parent → server child. */
export type ToServer =
  | { type: 'init'; rooms: string[] } // reference only: the rooms to create
  | { type: 'sample'; profile?: 'start' | 'stop' } // cumulative CPU, RSS now and peaks since the previous sample; --cpu-prof starts or stops here
  | { type: 'stop' } // close (ours: write everything to the database) and report the docs
  | { type: 'verify'; rooms: string[] } // ours, fresh process: read the rooms from the database

/** Server child → parent. */
export type FromServer =
  | { type: 'ready'; port: number; base: string; setup: OursSetup | null; setupMs: number }
  | { type: 'sample'; sample: ProcessSample }
  | { type: 'stopped'; states: Record<string, string> } // room → base64 Yjs state
  | { type: 'verified'; states: Record<string, string> }
  | { type: 'failed'; message: string }

/** What the parent needs from our server: which rooms exist, and who may open them. */
export interface OursSetup {
  projectId: string
  rooms: string[]
  /** One per bench user (all coders of the project). */
  users: { userId: string; token: string }[]
  codeIds: string[]
  database: string
}

export interface ProcessSample {
  /** process.cpuUsage() since the process started, in ms (user + system). */
  cpuMs: number
  /** Of cpuMs, the kernel's share (socket writes on loopback carry the delivery to the receiver). */
  systemMs: number
  /** Of cpuMs, the main thread's (the rest is V8's helper threads, mostly garbage collection, and libuv's pool); 10 ms steps. */
  mainThreadMs: number
  /** write/writev system calls and bytes written since the process started (/proc/self/io; 0 off Linux). */
  writeCalls: number
  writeBytes: number
  rssMb: number
  /** Highest RSS seen (sampled every 500 ms) since the previous sample. */
  peakRssMb: number
  /** Event loop delay since the previous sample, ms. */
  loopP50Ms: number
  loopP99Ms: number
  loopMaxMs: number
  /** Garbage collections since the process started (cumulative): scavenges of the young generation, full mark-compacts, and their pauses on the main thread (ms). */
  gcMinor: number
  gcMajor: number
  gcPauseMs: number
  /** V8 heap in use at the sample, MB (what a full collection's marking walks). */
  heapUsedMb: number
  /** Ours only, cumulative: rows appended to the update log, codings projections written. */
  appends?: number
  projections?: number
}

/**
 * Deterministic interview-like text: `paragraphs` turns alternating I/R, about 150 characters
 * each, mixing Chinese and English as the study's transcripts do. Never contains « or ».
 */
export function benchTranscriptText(index: number, paragraphs = 40): string {
  let seed = (index + 1) * 2654435761
  const random = () => {
    seed = (seed * 1103515245 + 12345) >>> 0
    return seed / 2 ** 32
  }
  const words = [
    '产教融合', '联合体', '企业', '学校', '园区', '人才培养', '实训基地', '订单班', '政府', '协同', '机制', '平台',
    'the', 'college', 'park', 'students', 'training', 'companies', 'we', 'started', 'program', 'funding', 'really', 'because',
  ]
  const lines: string[] = []
  for (let p = 0; p < paragraphs; p++) {
    let line = ''
    while (line.length < 150) line += (line ? ' ' : '') + words[Math.floor(random() * words.length)]
    lines.push(`${p % 2 === 0 ? 'I' : 'R'}: ${line}.`)
  }
  return lines.join('\n')
}

/**
 * Answers the parent's `sample` requests from inside a server process, so that the numbers are
 * the server's own (the load generator's CPU is in another process). With BENCH_CPU_PROF_DIR
 * set, the V8 CPU profile of the measured edit phase (from the sample marked 'start' to the one
 * marked 'stop') is written there as `<name>-edit-phase.cpuprofile` (Chrome DevTools, speedscope).
 */
export function startProbe(name: string): { sample(profile?: 'start' | 'stop'): Promise<ProcessSample> } {
  const loop = monitorEventLoopDelay({ resolution: 10 })
  loop.enable()
  let peak = process.memoryUsage.rss()
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss())
  }, 500)
  timer.unref()
  const mb = (bytes: number) => bytes / 1024 / 1024
  const gc = { minor: 0, major: 0, pauseMs: 0 }
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const kind = (entry as { detail?: { kind?: number } }).detail?.kind
      if (kind === perfConstants.NODE_PERFORMANCE_GC_MINOR) gc.minor++
      else if (kind === perfConstants.NODE_PERFORMANCE_GC_MAJOR) gc.major++
      gc.pauseMs += entry.duration
    }
  }).observe({ entryTypes: ['gc'] })
  const profileDir = process.env.BENCH_CPU_PROF_DIR
  let session: Session | null = null
  return {
    async sample(profile) {
      if (profileDir && profile === 'stop' && session) {
        const { profile } = await session.post('Profiler.stop')
        session.disconnect()
        await mkdir(profileDir, { recursive: true })
        await writeFile(join(profileDir, `${name}-edit-phase.cpuprofile`), JSON.stringify(profile))
      }
      const cpu = process.cpuUsage()
      const rss = process.memoryUsage.rss()
      const io = await readFile('/proc/self/io', 'utf8').catch(() => '')
      // utime and stime of the main thread, in clock ticks (100 per second on Linux).
      const stat = await readFile(`/proc/self/task/${process.pid}/stat`, 'utf8').catch(() => '')
      const statFields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      const ioField = (field: string) => Number(new RegExp(`^${field}: (\\d+)$`, 'm').exec(io)?.[1] ?? 0)
      const sample: ProcessSample = {
        cpuMs: (cpu.user + cpu.system) / 1000,
        systemMs: cpu.system / 1000,
        mainThreadMs: (Number(statFields[11] ?? 0) + Number(statFields[12] ?? 0)) * 10,
        writeCalls: ioField('syscw'),
        writeBytes: ioField('wchar'),
        rssMb: mb(rss),
        peakRssMb: mb(Math.max(peak, rss)),
        loopP50Ms: loop.percentile(50) / 1e6,
        loopP99Ms: loop.percentile(99) / 1e6,
        loopMaxMs: loop.max / 1e6,
        gcMinor: gc.minor,
        gcMajor: gc.major,
        gcPauseMs: gc.pauseMs,
        heapUsedMb: mb(process.memoryUsage().heapUsed),
      }
      peak = rss
      loop.reset()
      if (profileDir && profile === 'start') {
        session = new Session()
        session.connect()
        await session.post('Profiler.enable')
        await session.post('Profiler.start')
      }
      return sample
    },
  }
}

/** Sends a message to the parent; resolves once it is handed to the channel (safe to exit then). */
export function tellParent(message: FromServer): Promise<void> {
  return new Promise((resolve) => {
    if (!process.send) return resolve() // run stand-alone
    process.send(message, undefined, {}, () => resolve())
  })
}

export const toBase64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64')
export const fromBase64 = (text: string) => new Uint8Array(Buffer.from(text, 'base64'))
