/**
 * Benchmark of the transcript editor in Chromium: a 50,000-character transcript with 2,000 code
 * marks. Starts Concord (production build, embedded database in a temporary directory), creates
 * the transcript in the demo project, opens it as the lead and prints numbers; asserts nothing.
 *
 *   flock /tmp/concord-e2e.lock sh -c 'node scripts/ensure-build.mjs && npx tsx bench/editor.ts'
 *   npx tsx bench/editor.ts [--chars 50000] [--marks 2000] [--keys 200] [--runs 3] [--profile] [--dev]
 *
 * Open time: from navigation to the whole text on screen (synced from the sync server and
 * rendered, every paragraph present), and to the margin's coding stripes. Keystroke latency,
 * per typed character: keydown → the character in the editor's DOM (MutationObserver), and
 * keydown → the next frame after all handlers ran (ProseMirror, y-tiptap, Yjs, the decoration
 * plugin): what the typist waits for. Needs the Next build (run it under the e2e lock).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { eq, sql } from 'drizzle-orm'
import { chromium } from 'playwright-core'
import { codes, codings as codingRows, projects, users } from '../db/schema'
import { startConcord } from '../server/app-server'
import { readEnv } from '../server/env'
import { createTranscriptFromTurns } from '../server/services/transcripts/import-transcript'

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? Number(process.argv[i + 1]) : fallback
}
const totalChars = arg('chars', 50_000)
const totalMarks = arg('marks', 2_000)
const keys = arg('keys', 200)
const runs = arg('runs', 3)
/** `--dev`: Next in development mode (no build needed; slower React, for profiling only). */
const dev = process.argv.includes('--dev')
/** `--profile`: print the functions that took the most time while typing (CPU profile). */
const profile = process.argv.includes('--profile')

/** Deterministic pseudo-random numbers (mulberry32), so every run codes the same text. */
function random(seed: number) {
  return () => {
    seed |= 0
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const phrases = [
  '我们联合体的人才培养方案是和园区企业一起制定的，',
  '每年都会根据岗位需求调整专业设置。',
  'The enterprise sends engineers to teach the practical modules, ',
  '学生第三年基本上都在企业的产线上跟岗，',
  '管委会设立了专项资金支持实训基地建设，',
  'and the college runs a joint R&D centre with two companies. ',
  '技术服务方面，学校的老师帮企业做工艺改进和设备调试，',
  '考核标准就是车间自己的上岗标准。',
]

function makeTurns(rand: () => number): { speaker: string; text: string }[] {
  const turns: { speaker: string; text: string }[] = []
  let length = 0
  let i = 0
  while (length < totalChars) {
    const speaker = i % 2 === 0 ? '访谈者' : ['园区管委会副主任', '产业发展处处长', '学院副院长'][i % 3]
    let text = ''
    const target = i % 2 === 0 ? 30 + Math.floor(rand() * 40) : 120 + Math.floor(rand() * 260)
    while (text.length < target) text += phrases[Math.floor(rand() * phrases.length)]
    text = text.slice(0, Math.min(target, totalChars - length - (turns.length ? 1 : 0)))
    if (!text) break
    turns.push({ speaker, text })
    length += text.length + (turns.length > 1 ? 1 : 0)
    i++
  }
  return turns
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] }[]
  samples: number[]
  timeDeltas: number[]
}

/** Self time per function (and per script) over a CPU profile, largest first. */
function printProfile(p: CpuProfile) {
  const byId = new Map(p.nodes.map((n) => [n.id, n]))
  const self = new Map<number, number>()
  p.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000))
  const byFn = new Map<string, number>()
  const byScript = new Map<string, number>()
  for (const [id, t] of self) {
    const f = byId.get(id)!.callFrame
    const script = f.url.split('/').slice(-2).join('/') || '(native)'
    const key = `${f.functionName || '(anonymous)'} ${script}:${f.lineNumber + 1}:${f.columnNumber + 1}`
    byFn.set(key, (byFn.get(key) ?? 0) + t)
    byScript.set(script, (byScript.get(script) ?? 0) + t)
  }
  const top = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n)
  console.log('CPU while typing, self time by script:')
  for (const [k, t] of top(byScript, 12)) console.log(`  ${t.toFixed(0).padStart(7)} ms  ${k}`)
  console.log('… by function:')
  for (const [k, t] of top(byFn, 30)) console.log(`  ${t.toFixed(0).padStart(7)} ms  ${k}`)
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]
}
const ms = (n: number) => `${n.toFixed(1)} ms`

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'concord-bench-editor-'))
  const env = readEnv({ ...process.env, NODE_ENV: 'production', PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, CONCORD_DEMO: '1', DATABASE_URL: '', REDIS_URL: '' })
  const concord = await startConcord(env, { log: () => undefined, dev })
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  })
  try {
    const db = concord.ctx.db
    const [project] = await db.select().from(projects)
    const [lead] = await db.select().from(users).where(eq(users.email, 'lead@demo.concord'))
    const coderIds = (await db.select({ id: users.id }).from(users)).map((u) => u.id).slice(0, 3)
    const codeIds = (await db.select({ id: codes.id }).from(codes).where(eq(codes.projectId, project.id))).map((c) => c.id)

    const rand = random(42)
    const turns = makeTurns(rand)
    const text = turns.map((t) => t.text).join('\n')
    const codings = Array.from({ length: totalMarks }, () => {
      const start = Math.floor(rand() * (text.length - 80))
      const end = start + 5 + Math.floor(rand() * 70)
      return { codeId: codeIds[Math.floor(rand() * codeIds.length)], coderId: coderIds[Math.floor(rand() * coderIds.length)], start, end }
    }).filter((c) => text.slice(c.start, c.end).replace(/\n/g, '') !== '')
    const t0 = performance.now()
    const created = await createTranscriptFromTurns(
      db,
      { userId: lead.id },
      project.id,
      { title: 'Benchmark transcript', caseId: null, respondentRole: 'other', interviewDate: null, mode: 'onsite', durationMinutes: null, protocol: '', participants: [] },
      turns,
      { codings },
    )
    const [stored] = await db.select({ n: sql<number>`count(*)::int` }).from(codingRows).where(eq(codingRows.transcriptId, created.id))
    console.log(`transcript: ${text.length.toLocaleString()} characters, ${turns.length} turns, ${codings.length} code marks written (${stored?.n ?? '?'} coded runs after merging) in ${ms(performance.now() - t0)}`)

    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' })
    const page = await context.newPage()
    page.setDefaultTimeout(dev ? 300_000 : 60_000)
    await page.goto(`${concord.url}/signin`)
    await page.getByLabel(/Email|邮箱/).fill('lead@demo.concord')
    await page.getByLabel(/Password|密码/).fill('concord-demo')
    await page.locator('form button[type=submit]').click()
    await page.waitForURL(/\/projects/)
    const url = `${concord.url}/projects/${project.id}/transcripts/${created.id}`

    const opens: { text: number; stripes: number }[] = []
    for (let r = 0; r < runs; r++) {
      const start = Date.now()
      await page.goto(url, { waitUntil: 'commit' })
      await page.waitForFunction((n) => document.querySelector('[data-synced=yes]') && document.querySelectorAll('.ProseMirror > p').length === n, turns.length, { timeout: 120_000, polling: 'raf' })
      const textAt = Date.now() - start
      await page.waitForFunction(() => document.querySelectorAll('.stripe').length > 0, null, { timeout: 120_000, polling: 'raf' })
      opens.push({ text: textAt, stripes: Date.now() - start })
      // Where the time went, from the page's own timeline (ms since navigation start).
      // (No helper functions inside evaluate: tsx would wrap them in a `__name` the page lacks.)
      const timeline = await page.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming
        const marks: Record<string, number> = {}
        for (const name of ['collab-start', 'ws-open', 'first-message', 'doc-applied', 'synced', 'stripes']) marks[name] = Math.round(performance.getEntriesByName(`concord:${name}`)[0]?.startTime ?? NaN)
        return { html: Math.round(nav.responseEnd), domReady: Math.round(nav.domContentLoadedEventEnd), ...marks } as Record<string, number>
      })
      console.log(
        `  timeline #${r + 1} (ms from navigation): HTML ${timeline.html} · DOM ready ${timeline.domReady} · editor starts ${timeline['collab-start']} · socket open ${timeline['ws-open']} · ` +
          `first message ${timeline['first-message']} · doc applied and rendered ${timeline['doc-applied']} · synced ${timeline.synced} · stripes ${timeline.stripes}`,
      )
    }
    const counts = await page.evaluate(() => ({ marks: document.querySelectorAll('.code-mark').length, stripes: document.querySelectorAll('.stripe').length, coded: document.querySelectorAll('.coded').length }))
    console.log(`DOM: ${counts.marks} code-mark spans, ${counts.coded} coloured runs, ${counts.stripes} stripes`)
    opens.forEach((o, i) => console.log(`open #${i + 1}${i === 0 ? ' (cold)' : ''}: text on screen ${o.text} ms, stripes ${o.stripes} ms`))

    // Type in the middle of the document.
    await page.evaluate(() => {
      const ps = document.querySelectorAll('.ProseMirror > p')
      const p = ps[Math.floor(ps.length / 2) + 1]
      p.scrollIntoView({ block: 'center' })
    })
    const middle = page.locator('.ProseMirror > p').nth(Math.floor(turns.length / 2) + 1)
    await middle.click({ position: { x: 20, y: 12 } })
    await page.evaluate(() => {
      const w = window as unknown as { __lat: { dom: number[]; frame: number[] } }
      w.__lat = { dom: [], frame: [] }
      const editor = document.querySelector('.ProseMirror')!
      let pending: number | null = null
      const observer = new MutationObserver(() => {
        if (pending !== null) {
          w.__lat.dom.push(performance.now() - pending)
          pending = null
        }
      })
      observer.observe(editor, { subtree: true, characterData: true, childList: true })
      document.addEventListener(
        'keydown',
        (e) => {
          if (e.key.length !== 1) return
          const t = performance.now()
          pending = t
          // The frame after every handler of this key ran: rAF, then a task after it.
          requestAnimationFrame(() => setTimeout(() => w.__lat.frame.push(performance.now() - t), 0))
        },
        true,
      )
    })
    const sample = 'the quick brown fox jumps over the lazy dog and codes it '
    const typed = Array.from({ length: keys }, (_, i) => sample[i % sample.length]).join('')
    const cdp = profile ? await context.newCDPSession(page) : null
    if (cdp) {
      await cdp.send('Profiler.enable')
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
      await cdp.send('Profiler.start')
    }
    const tk = Date.now()
    await page.keyboard.type(typed, { delay: 50 })
    const typingWall = Date.now() - tk
    if (cdp) printProfile((await cdp.send('Profiler.stop')).profile as unknown as CpuProfile)
    await page.waitForTimeout(1500)
    const lat = await page.evaluate(() => (window as unknown as { __lat: { dom: number[]; frame: number[] } }).__lat)
    const inDoc = await page.evaluate((s) => document.querySelector('.ProseMirror')!.textContent!.includes(s), typed.slice(0, 40))
    console.log(`typed ${keys} characters at 50 ms intervals in ${typingWall} ms (text arrived: ${inDoc})`)
    console.log(`keydown → character in DOM: p50 ${ms(pct(lat.dom, 50))}, p95 ${ms(pct(lat.dom, 95))}, max ${ms(Math.max(...lat.dom))} (n=${lat.dom.length})`)
    console.log(`keydown → next frame:       p50 ${ms(pct(lat.frame, 50))}, p95 ${ms(pct(lat.frame, 95))}, max ${ms(Math.max(...lat.frame))} (n=${lat.frame.length})`)

    // Remote typing: another user types; what it costs this page (y-tiptap re-renders from Yjs
    // on every remote change). Long tasks (> 50 ms) observed here while the other one types.
    const other = await browser.newContext({ viewport: { width: 1200, height: 800 }, locale: 'en-US' })
    const coder = await other.newPage()
    coder.setDefaultTimeout(dev ? 300_000 : 60_000)
    await coder.goto(`${concord.url}/signin`)
    await coder.getByLabel(/Email|邮箱/).fill('coder1@demo.concord')
    await coder.getByLabel(/Password|密码/).fill('concord-demo')
    await coder.locator('form button[type=submit]').click()
    await coder.waitForURL(/\/projects/)
    await coder.goto(url)
    await coder.waitForFunction(() => document.querySelector('[data-synced=yes]'), null, { timeout: 120_000 })
    await coder.locator('.ProseMirror > p').nth(Math.floor(turns.length / 3)).click({ position: { x: 20, y: 12 } })
    await page.evaluate(() => {
      const w = window as unknown as { __long: number[]; __applied: number[] }
      w.__long = []
      w.__applied = []
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__long.push(e.duration)
      }).observe({ type: 'longtask' })
      // Time from a remote change reaching the DOM to the next frame (the page is usable again).
      new MutationObserver(() => {
        const t = performance.now()
        requestAnimationFrame(() => setTimeout(() => w.__applied.push(performance.now() - t), 0))
      }).observe(document.querySelector('.ProseMirror')!, { subtree: true, characterData: true, childList: true })
    })
    const remoteKeys = Math.min(keys, 100)
    const remoteText = Array.from({ length: remoteKeys }, (_, i) => sample[i % sample.length]).join('')
    await coder.keyboard.type(remoteText, { delay: 80 })
    await page.waitForFunction((s) => document.querySelector('.ProseMirror')!.textContent!.includes(s), remoteText.slice(-20), { timeout: 30_000 })
    await page.waitForTimeout(1000)
    const remote = await page.evaluate(() => {
      const w = window as unknown as { __long: number[]; __applied: number[] }
      return { __long: w.__long, __applied: w.__applied }
    })
    console.log(
      `remote typing (${remoteKeys} characters by another user): long tasks on this page ${remote.__long.length}` +
        (remote.__long.length ? `, max ${ms(Math.max(...remote.__long))}` : '') +
        `; remote change → next frame p50 ${ms(pct(remote.__applied, 50))}, p95 ${ms(pct(remote.__applied, 95))}`,
    )
    await other.close()
    await context.close()
  } finally {
    await browser.close()
    await concord.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e)
    process.exit(1)
  },
)
