/**
 * Benchmark of the agreement engine on a study-sized round: 500 transcripts × 20,000 characters ×
 * 4 coders × 60 codes of synthetic coded spans, then twice that many transcripts. Prints wall and
 * CPU times (the machine may be shared) and the growth ratio (linear ≈ 2.0); it asserts nothing.
 *
 *   npx tsx bench/agreement.ts [--transcripts 500]
 *
 * Timed, per code: the document-presence and segment-presence (50 segments per transcript)
 * matrices through every reliability coefficient (all 4 coders, and Cohen's kappa for each of
 * the 6 coder pairs); the same through the app's path (units derivation → computeReliability);
 * one alpha bootstrap; and the coded-spans report (unitizing alpha, character kappa).
 */
import { performance } from 'node:perf_hooks'
import { cohenKappa, computeCoefficients, computeReliability } from '../server/domain/agreement/coefficients'
import { createRandom } from '../server/domain/agreement/coefficients/random'
import { computeSpanAgreement, type Coding } from '../server/domain/agreement/spans'
import { documentUnits, iterateSegmentUnits, type Segment } from '../server/domain/agreement/units'

const length = 20_000
const coders = ['c1', 'c2', 'c3', 'c4']
const codes = Array.from({ length: 60 }, (_, i) => `code${String(i + 1).padStart(2, '0')}`)
const segmentsPerTranscript = 50
const segmentLength = length / segmentsPerTranscript

/**
 * Codings of a round in which coders mostly agree: per transcript and code, with probability ½
 * the code is there, in 1–4 "true" passages; each coder keeps a passage with probability 0.85,
 * moves its edges by up to ±30 characters, and adds a stray span with probability 0.1.
 */
function generateCodings(transcripts: number, seed: number): Coding[] {
  const random = createRandom(seed)
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1))
  const codings: Coding[] = []
  for (let t = 0; t < transcripts; t++) {
    const document = `T${t + 1}`
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
  return codings
}

/** Presence (0/1) of every code in every document and segment, per coder, straight from the spans. */
function presenceMatrices(codings: Coding[], transcripts: number) {
  const codeIndex = new Map(codes.map((c, i) => [c, i]))
  const coderIndex = new Map(coders.map((c, i) => [c, i]))
  const segmentUnits = transcripts * segmentsPerTranscript
  const documents = codes.map(() => new Uint8Array(transcripts * coders.length))
  const segments = codes.map(() => new Uint8Array(segmentUnits * coders.length))
  for (const c of codings) {
    const k = codeIndex.get(c.code)!
    const r = coderIndex.get(c.coder)!
    const t = Number(c.document.slice(1)) - 1
    documents[k][t * coders.length + r] = 1
    for (let s = Math.floor(c.start / segmentLength); s <= Math.floor((c.end - 1) / segmentLength); s++)
      segments[k][(t * segmentsPerTranscript + s) * coders.length + r] = 1
  }
  const toMatrix = (flat: Uint8Array) => Array.from({ length: flat.length / coders.length }, (_, u) => Array.from(flat.subarray(u * coders.length, (u + 1) * coders.length)))
  return { documents: documents.map(toMatrix), segments: segments.map(toMatrix) }
}

const pairs = coders.flatMap((_, a) => coders.slice(a + 1).map((__, i) => [a, a + 1 + i] as const))

/** Wall-clock and CPU milliseconds of `f`: the machine may be shared, and CPU time shows the work itself. */
function time(f: () => void): Cost {
  const wall = performance.now()
  const cpu = process.cpuUsage()
  f()
  const used = process.cpuUsage(cpu)
  return { wall: performance.now() - wall, cpu: (used.user + used.system) / 1000 }
}

interface Cost {
  wall: number
  cpu: number
}
const add = (a: Cost, b: Cost): Cost => ({ wall: a.wall + b.wall, cpu: a.cpu + b.cpu })

interface Measure {
  codings: number
  ratings: number
  coefficients: Cost
  derivation: Cost
  reports: Cost
  bootstrap: Cost
  spans: Cost
}

function run(transcripts: number): Measure {
  const codings = generateCodings(transcripts, 2024)
  const { documents, segments } = presenceMatrices(codings, transcripts)
  const pairMatrices = (m: number[][]) => pairs.map(([a, b]) => m.map((row) => [row[a], row[b]]))

  // Every coefficient, per code, on both kinds of unit: all coders together, then each coder pair.
  // The pair matrices are built code by code (untimed) so that memory stays that of one code.
  let checksum = 0
  let coefficients: Cost = { wall: 0, cpu: 0 }
  codes.forEach((_, k) => {
    const pairsOfCode = [...pairMatrices(documents[k]), ...pairMatrices(segments[k])]
    coefficients = add(
      coefficients,
      time(() => {
        for (const m of [documents[k], segments[k]]) {
          const set = computeCoefficients(m, 'nominal')
          checksum += (set.krippendorffAlpha.value ?? 0) + (set.fleissKappa.value ?? 0) + (set.gwetAC1.value ?? 0)
        }
        for (const m of pairsOfCode) checksum += cohenKappa(m).value ?? 0
      }),
    )
  })

  // The app's path: long-form rows from the spans (units/), then the report (checks included).
  const names = Array.from({ length: transcripts }, (_, t) => `T${t + 1}`)
  const segmentList: Segment[] = names.flatMap((document) =>
    Array.from({ length: segmentsPerTranscript }, (_, s) => ({ document, id: `s${s + 1}`, start: s * segmentLength, end: (s + 1) * segmentLength })),
  )
  let derivation: Cost = { wall: 0, cpu: 0 }
  let reports: Cost = { wall: 0, cpu: 0 }
  let byDocument: ReturnType<typeof documentUnits> = {}
  derivation = add(derivation, time(() => (byDocument = documentUnits(codings, names, coders, codes))))
  for (const code of codes) reports = add(reports, time(() => (checksum += computeReliability(byDocument[code], 'nominal', { bootstrap: 0 }).krippendorffAlpha ?? 0)))
  const perCode = iterateSegmentUnits(codings, segmentList, coders, codes)
  for (;;) {
    let next: IteratorResult<[string, Array<{ unit: string; coder: string; value: string | number }>]> | undefined
    derivation = add(derivation, time(() => (next = perCode.next())))
    if (!next || next.done) break
    const rows = next.value[1]
    reports = add(reports, time(() => (checksum += computeReliability(rows, 'nominal', { bootstrap: 0 }).krippendorffAlpha ?? 0)))
  }

  const bootstrap = time(() => void computeCoefficients(segments[0], 'nominal', { bootstrap: 1000, seed: 1 }))
  const spans = time(() => void computeSpanAgreement({ codings, lengths: names.map((document) => ({ document, length })) }))
  if (Number.isNaN(checksum)) console.log('(checksum NaN)')
  const ratings = (transcripts + transcripts * segmentsPerTranscript) * coders.length * codes.length
  return { codings: codings.length, ratings, coefficients, derivation, reports, bootstrap, spans }
}

const arg = process.argv.indexOf('--transcripts')
const base = arg > 0 ? Number(process.argv[arg + 1]) : 500
run(Math.max(10, Math.round(base / 10))) // warm-up: let the JIT compile the hot loops

const small = run(base)
const large = run(base * 2)
const ms = (x: number) => `${x.toFixed(0).padStart(6)} ms`
const rows: Array<[string, Exclude<keyof Measure, 'codings' | 'ratings'>]> = [
  ['coefficients: all coders + 6 coder pairs, doc + segment units', 'coefficients'],
  ['units/ derivation of the presence rows (spans engineer)', 'derivation'],
  ['computeReliability on those rows (checks + report)', 'reports'],
  ['alpha unit bootstrap, 1000 resamples, one code’s segments', 'bootstrap'],
  ['computeSpanAgreement (unitizing alpha, character kappa)', 'spans'],
]
const load = (await import('node:os')).loadavg()[0]
console.log(`agreement benchmark: ${coders.length} coders × ${codes.length} codes × ${length.toLocaleString('en')} characters per transcript, ${segmentsPerTranscript} segments per transcript`)
console.log(`  ${base} transcripts: ${small.codings.toLocaleString('en')} codings, ${small.ratings.toLocaleString('en')} presence ratings`)
console.log(`  ${base * 2} transcripts: ${large.codings.toLocaleString('en')} codings, ${large.ratings.toLocaleString('en')} presence ratings`)
console.log(`  load average ${load.toFixed(1)} on ${(await import('node:os')).cpus().length} CPUs: wall time includes waiting for the CPU, CPU time does not`)
console.log('')
console.log(`${'60 codes, per step'.padEnd(64)} ${`${base} tr. wall / cpu`.padStart(20)} ${`${base * 2} tr. wall / cpu`.padStart(21)}  growth (cpu)`)
for (const [label, key] of rows)
  console.log(`${label.padEnd(64)} ${ms(small[key].wall)} /${ms(small[key].cpu)} ${ms(large[key].wall)} /${ms(large[key].cpu)}  ×${(large[key].cpu / small[key].cpu).toFixed(2)}`)
