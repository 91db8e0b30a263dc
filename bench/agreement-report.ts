/**
 * Benchmark of the project agreement report (what `GET /api/projects/:id/agreement` computes):
 * 500 transcripts × 20,000 characters × 4 coders × 60 codes, then twice as many transcripts.
 * Per unit: every code's table, the pooled overall table, the 6 coder pairs and alpha's
 * 1000-replicate interval by transcript. Prints times and growth (linear ≈ ×2.0); asserts nothing.
 * With `--runs N` each report is computed N times and the fastest run (by CPU time) is shown: on a
 * shared machine a single run is often inflated by other work.
 *
 *   npx tsx bench/agreement-report.ts [--transcripts 500] [--units segment,document,matched,span] [--runs 1]
 */
import { performance } from 'node:perf_hooks'
import { createRandom } from '../server/domain/agreement/coefficients/random'
import { computeAgreement, type AgreementDocument, type AgreementUnit } from '../server/domain/agreement/report'
import type { Coding } from '../server/domain/agreement/spans'

const length = 20_000
const coders = ['c1', 'c2', 'c3', 'c4']
const codes = Array.from({ length: 60 }, (_, i) => `code${String(i + 1).padStart(2, '0')}`)
const turnsPerTranscript = 50

/** The same synthetic round as bench/agreement.ts: coders mostly agree, edges move by ±30, strays. */
function generate(transcripts: number, seed: number): { documents: AgreementDocument[]; codings: Coding[] } {
  const random = createRandom(seed)
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1))
  const codings: Coding[] = []
  const turn = length / turnsPerTranscript
  const documents: AgreementDocument[] = []
  for (let t = 0; t < transcripts; t++) {
    const document = `T${t + 1}`
    documents.push({ id: document, length, segments: Array.from({ length: turnsPerTranscript }, (_, s) => ({ id: `t${s + 1}`, start: s * turn, end: (s + 1) * turn - 1 })) })
    for (const code of codes) {
      const passages = random() < 0.5 ? [] : Array.from({ length: int(1, 4) }, () => {
        const start = int(0, length - 700)
        return { start, end: start + int(50, 600) }
      })
      for (const coder of coders) {
        for (const p of passages) {
          if (random() > 0.85) continue
          const start = Math.max(0, p.start + int(-30, 30))
          const end = Math.min(length, Math.max(start + 1, p.end + int(-30, 30)))
          codings.push({ document, coder, code, start, end })
        }
        if (random() < 0.1) {
          const start = int(0, length - 300)
          codings.push({ document, coder, code, start, end: start + int(20, 300) })
        }
      }
    }
  }
  return { documents, codings }
}

/** Wall time and CPU time of the process (the CPU time is what the machine's other load does not inflate). */
function time(f: () => unknown): [number, number] {
  const start = performance.now()
  const cpu = process.cpuUsage()
  f()
  const used = process.cpuUsage(cpu)
  return [performance.now() - start, (used.user + used.system) / 1000]
}

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? process.argv[i + 1] : undefined
}
const base = Number(arg('transcripts') ?? 500)
const units = (arg('units') ?? 'segment,document,matched,span').split(',') as AgreementUnit[]
const runs = Math.max(1, Number(arg('runs') ?? 1))

const run = (transcripts: number, repeat: number) => {
  const data = generate(transcripts, 2024)
  const out: Record<string, [number, number]> = {}
  for (let i = 0; i < repeat; i++)
    for (const unit of units) {
      const cost = time(() => computeAgreement({ unit, ...data, coders, codes, bootstrap: 1000, seed: 1 }))
      if (!out[unit] || cost[1] < out[unit][1]) out[unit] = cost
    }
  return { codings: data.codings.length, out }
}

run(Math.max(10, Math.round(base / 10)), 1) // warm-up
const small = run(base, runs)
const large = run(base * 2, runs)
console.log(`agreement report benchmark: ${coders.length} coders × ${codes.length} codes × ${length.toLocaleString('en')} characters, ${turnsPerTranscript} turns per transcript, 6 pairs, 1000 bootstrap replicates`)
if (runs > 1) console.log(`  fastest of ${runs} runs (by CPU time)`)
console.log(`  ${base} transcripts: ${small.codings.toLocaleString('en')} codings; ${base * 2}: ${large.codings.toLocaleString('en')}`)
const ms = (x: number) => `${x.toFixed(0).padStart(7)} ms`
console.log(`${'unit'.padEnd(10)} ${`${base} tr. wall`.padStart(14)} ${'cpu'.padStart(10)} ${`${base * 2} tr. wall`.padStart(15)} ${'cpu'.padStart(10)}  growth (cpu)`)
for (const unit of units) {
  const [w1, c1] = small.out[unit]
  const [w2, c2] = large.out[unit]
  console.log(`${unit.padEnd(10)} ${ms(w1).padStart(14)} ${ms(c1)} ${ms(w2).padStart(15)} ${ms(c2)}  ×${(c2 / c1).toFixed(2)}`)
}
console.log(`load average during the run: ${(await import('node:os')).loadavg().map((x) => x.toFixed(1)).join(' ')} on ${(await import('node:os')).cpus().length} cores`)
