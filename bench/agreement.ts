/**
 * Benchmark of the agreement engine on a study-sized round: 500 transcripts × 20,000 characters ×
 * 4 coders × 60 codes of synthetic coded spans, then twice that many transcripts. Prints times
 * and the growth ratio (linear growth ≈ 2.0); it asserts nothing.
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

function time<T>(f: () => T): [number, T] {
  const start = performance.now()
  const result = f()
  return [performance.now() - start, result]
}

interface Measure {
  codings: number
  ratings: number
  coefficients: number
  pipeline: number
  bootstrap: number
  spans: number
}

function run(transcripts: number): Measure {
  const codings = generateCodings(transcripts, 2024)
  const { documents, segments } = presenceMatrices(codings, transcripts)
  const pairMatrices = (m: number[][]) => pairs.map(([a, b]) => m.map((row) => [row[a], row[b]]))
  const docPairs = documents.map(pairMatrices)
  const segPairs = segments.map(pairMatrices)

  // Every coefficient, per code, on both kinds of unit: all coders together, then each coder pair.
  let checksum = 0
  const [coefficients] = time(() => {
    codes.forEach((_, k) => {
      for (const m of [documents[k], segments[k]]) {
        const set = computeCoefficients(m, 'nominal')
        checksum += (set.krippendorffAlpha.value ?? 0) + (set.fleissKappa.value ?? 0) + (set.gwetAC1.value ?? 0)
      }
      for (const m of [...docPairs[k], ...segPairs[k]]) checksum += cohenKappa(m).value ?? 0
    })
  })

  // The app's path: long-form rows from the spans (units/), then the report (validation included).
  const names = Array.from({ length: transcripts }, (_, t) => `T${t + 1}`)
  const segmentList: Segment[] = names.flatMap((document) =>
    Array.from({ length: segmentsPerTranscript }, (_, s) => ({ document, id: `s${s + 1}`, start: s * segmentLength, end: (s + 1) * segmentLength })),
  )
  const [pipeline] = time(() => {
    const byDocument = documentUnits(codings, names, coders, codes)
    for (const code of codes) checksum += computeReliability(byDocument[code], 'nominal', { bootstrap: 0 }).krippendorffAlpha ?? 0
    for (const [, rows] of iterateSegmentUnits(codings, segmentList, coders, codes)) checksum += computeReliability(rows, 'nominal', { bootstrap: 0 }).krippendorffAlpha ?? 0
  })

  const [bootstrap] = time(() => computeCoefficients(segments[0], 'nominal', { bootstrap: 1000, seed: 1 }))
  const [spans] = time(() => computeSpanAgreement({ codings, lengths: names.map((document) => ({ document, length })) }))
  if (Number.isNaN(checksum)) console.log('(checksum NaN)')
  return { codings: codings.length, ratings: (transcripts + transcripts * segmentsPerTranscript) * coders.length * codes.length, coefficients, pipeline, bootstrap, spans }
}

const arg = process.argv.indexOf('--transcripts')
const base = arg > 0 ? Number(process.argv[arg + 1]) : 500
run(Math.max(10, Math.round(base / 10))) // warm-up: let the JIT compile the hot loops

const small = run(base)
const large = run(base * 2)
const ms = (x: number) => `${x.toFixed(0).padStart(7)} ms`
const rows: Array<[string, keyof Measure]> = [
  ['coefficients (all coders + 6 pairs, doc + segment, 60 codes)', 'coefficients'],
  ['app path: units/ derivation + computeReliability, 60 codes × 2', 'pipeline'],
  ['alpha unit bootstrap, 1000 resamples, one code’s segments', 'bootstrap'],
  ['computeSpanAgreement (unitizing alpha, character kappa)', 'spans'],
]
console.log(`agreement benchmark: ${coders.length} coders × ${codes.length} codes × ${length.toLocaleString('en')} characters per transcript, ${segmentsPerTranscript} segments per transcript`)
console.log(`  ${base} transcripts: ${small.codings.toLocaleString('en')} codings, ${small.ratings.toLocaleString('en')} presence ratings`)
console.log(`  ${base * 2} transcripts: ${large.codings.toLocaleString('en')} codings, ${large.ratings.toLocaleString('en')} presence ratings`)
console.log('')
console.log(`${'what'.padEnd(64)} ${`${base} tr.`.padStart(10)} ${`${base * 2} tr.`.padStart(10)}  growth`)
for (const [label, key] of rows) console.log(`${label.padEnd(64)} ${ms(small[key])} ${ms(large[key])}  ×${(large[key] / small[key]).toFixed(2)}`)
