/**
 * The project agreement report (API `GET /api/projects/:id/agreement`, the dashboard, pinned
 * reports): a round's codings in, per-code, per-coder-pair and overall tables out, for the unit
 * the lead chose. Rules: ./SPEC.md (AGR…). Pure.
 *
 * The work is a generator that yields after each table, so that the server can report progress
 * and let other requests run between the codes of a large round; `computeAgreement` runs it
 * through.
 */
import { readBand } from '../bands'
import { computeCoefficients } from '../coefficients/compute-coefficients'
import { defaultBootstrap } from '../coefficients/compute-reliability'
import { defaultSeed } from '../coefficients/krippendorff-alpha'
import type { Rating } from '../coefficients/types'
import { prepareSpanAgreement, reportSpanAgreement } from '../spans'
import type { SpanAgreementReport, SpanStatistics } from '../spans/types'
import { addSums, clusterInterval, drawClusters, sumByCluster, type ClusterSums } from './cluster-bootstrap'
import { krippendorffAlphaOf } from '../coefficients/krippendorff-alpha'
import { documentPresence, emptyPresence, indexSpans, layOutReport, matchedPresence, pairPresence, poolPresence, segmentPresence, type PresenceTable } from './presence-tables'
import { checkAgreementInput } from './check-input'
import { coefficientsOfTable, encodePresence, reportTable, type Interval95 } from './table-coefficients'
import { coefficientsOfPatterns, countPresencePatterns, maxPatternCoders, pairPatterns, poolPatterns, type PatternCounts } from './presence-coefficients'
import type {
  AgreementInput,
  AgreementProgress,
  AgreementResult,
  ReliabilityAgreement,
  ReliabilityPair,
  ReliabilityTable,
  SpanAgreement,
  SpanPair,
  SpanTable,
} from './types'

export const statusScale: Record<'none' | 'partial' | 'described', number> = { none: 0, partial: 1, described: 2 }
const statusCategories: Rating[] = [0, 1, 2]
/** Fewest transcripts for alpha's interval to resample whole transcripts (AGR8). */
export const minClusters = 10

/**
 * Computes the report to the end.
 * @example computeAgreement({ unit: 'document', documents: [{ id: 'T1', length: 100 }], coders: ['a', 'b'], codes: ['X'], codings })
 */
export function computeAgreement(input: AgreementInput): AgreementResult {
  const steps = computeAgreementSteps(input)
  for (;;) {
    const next = steps.next()
    if (next.done) return next.value
  }
}

/** The report, one table at a time: yields `{ done, total }` after each. Throws `bad_input` (AGR1) before the first. */
export function* computeAgreementSteps(input: AgreementInput): Generator<AgreementProgress, AgreementResult> {
  const clean = checkAgreementInput(input)
  switch (clean.unit) {
    case 'span':
      return yield* spanSteps(clean)
    case 'status':
      return yield* statusSteps(clean)
    default:
      return yield* presenceSteps(clean)
  }
}

const pairsOf = (n: number) => Array.from({ length: n }, (_, a) => Array.from({ length: n - a - 1 }, (__, i) => [a, a + 1 + i] as [number, number])).flat()

// ---------------------------------------------------------------- spans (AGR2)

function spanTable(s: SpanStatistics): SpanTable {
  const bands: SpanTable['bands'] = {}
  for (const key of ['unitizingAlpha', 'characterKappa'] as const) {
    const band = readBand(key, s[key])
    if (band) bands[key] = band.key
  }
  return { ...s, bands }
}

/** The span report with codes in the asked order (the spans module sorts them). */
function orderCodes(report: SpanAgreementReport, codes: readonly string[]): Record<string, SpanTable> {
  return Object.fromEntries(codes.map((c) => [c, spanTable(report.codes[c])]))
}

function* spanSteps(input: AgreementInput): Generator<AgreementProgress, SpanAgreement> {
  const lengths = input.documents.map((d) => ({ document: d.id, length: d.length }))
  const pairs = pairsOf(input.coders.length)
  const total = 1 + (input.coders.length > 2 ? pairs.length : 0)
  // The codings are validated, indexed and laid out once; every pair's report reads them.
  const prepared = prepareSpanAgreement({ codings: input.codings, lengths, coders: input.coders, codes: input.codes })
  const all = reportSpanAgreement(prepared)
  yield { done: 1, total }
  const pairReports: SpanPair[] = []
  for (const [a, b] of pairs) {
    const coders: [string, string] = [input.coders[a], input.coders[b]]
    // With two coders the pair is the whole report; otherwise the report of the pair's own codings
    // (equal to computeSpanAgreement on them alone).
    const report = input.coders.length === 2 ? all : reportSpanAgreement(prepared, coders)
    pairReports.push({ coders, overall: spanTable(report.overall), codes: orderCodes(report, input.codes) })
    if (input.coders.length > 2) yield { done: 1 + pairReports.length, total }
  }
  return {
    unit: 'span',
    coders: input.coders,
    documents: all.documents,
    characters: all.characters,
    codes: orderCodes(all, input.codes),
    overall: spanTable(all.overall),
    notes: all.notes,
    details: all.details,
    pairs: pairReports,
  }
}

// ---------------------------------------------------------------- presence units (AGR3–AGR8)

function* presenceSteps(input: AgreementInput): Generator<AgreementProgress, ReliabilityAgreement> {
  const { coders, codes, documents } = input
  const m = coders.length
  const replicates = input.bootstrap ?? defaultBootstrap
  const seed = input.seed ?? defaultSeed
  const pairs = pairsOf(m)
  const total = codes.length + 1
  // Few transcripts make a poor cluster bootstrap (its interval is erratic): resample units then.
  const byDocument = documents.length >= minClusters
  const draws = replicates > 0 && byDocument ? drawClusters(documents.length, replicates, seed) : null
  const interval = (t: PresenceTable, sums?: ClusterSums): Interval95 | null => {
    if (replicates === 0) return null
    if (draws) return clusterInterval(sums ?? sumByCluster(t, documents.length), draws, replicates, seed)
    const alpha = krippendorffAlphaOf(encodePresence(t), 'nominal', { bootstrap: replicates, seed })
    if (alpha.value === null || !alpha.bootstrap) return null
    const b = alpha.bootstrap
    return { ci: b.ci, info: { method: 'units', replicates: b.replicates, seed: b.seed, resampled: alpha.units, undefinedReplicates: b.undefinedReplicates } }
  }

  const index = indexSpans(input.codings)
  const layout = layOutReport(documents)
  const matched = input.unit === 'matched' ? matchedPresence(index, layout, coders, codes, { threshold: input.threshold ?? 0.9, overlap: input.overlap ?? 'union' }) : null
  // Pattern counts score every table (AGR13); the units themselves are kept only where an
  // interval or more coders than patterns allow need them.
  const byPattern = m <= maxPatternCoders
  const keepTables = !byPattern || (!byDocument && replicates > 0)
  const tables: PresenceTable[] = []
  const counts: PatternCounts[] = []
  const codeTables: Record<string, ReliabilityTable> = {}
  const pairCodes: Record<string, ReliabilityTable>[] = pairs.map(() => ({}))
  const pooledSums = sumByCluster(emptyPresence(m), documents.length)

  for (const [k, code] of codes.entries()) {
    const t =
      input.unit === 'segment'
        ? segmentPresence(index, layout, coders, code)
        : input.unit === 'document'
          ? documentPresence(index, layout, coders, code)
          : (matched!.get(code) ?? emptyPresence(m))
    if (keepTables) tables.push(t)
    const sums = byDocument ? sumByCluster(t, documents.length) : undefined
    if (sums) addSums(pooledSums, sums)
    if (byPattern) {
      const c = countPresencePatterns(t)
      counts.push(c)
      codeTables[code] = reportOfCounts(c, interval(t, sums))
      pairs.forEach(([a, b], i) => (pairCodes[i][code] = reportOfCounts(pairPatterns(c, a, b), null)))
    } else {
      codeTables[code] = presenceReport(t, interval(t, sums))
      pairs.forEach(([a, b], i) => (pairCodes[i][code] = presenceReport(pairPresence(t, a, b), null)))
    }
    yield { done: k + 1, total }
  }

  let overall: ReliabilityTable
  let pairOverall: ReliabilityTable[]
  const pooledTable = keepTables ? poolPresence(tables, m) : null
  const pooledInterval = replicates === 0 ? null : byDocument && draws ? clusterInterval(pooledSums, draws, replicates, seed) : interval(pooledTable!)
  if (byPattern) {
    const pooled = poolPatterns(counts, m)
    overall = reportOfCounts(pooled, pooledInterval)
    pairOverall = pairs.map(([a, b]) => reportOfCounts(pairPatterns(pooled, a, b), null))
  } else {
    overall = presenceReport(pooledTable!, pooledInterval)
    pairOverall = pairs.map(([a, b]) => presenceReport(pairPresence(pooledTable!, a, b), null))
  }
  overall.notes.push(poolNote(input.unit))
  const pairReports: ReliabilityPair[] = pairs.map(([a, b], i) => ({ coders: [coders[a], coders[b]], overall: pairOverall[i], codes: pairCodes[i] }))
  yield { done: total, total }
  return { unit: input.unit as ReliabilityAgreement['unit'], ...overall, coderIds: coders, documents: documents.length, codes: codeTables, pairs: pairReports }
}

/** A table's report from its pattern counts; an empty table goes through the coefficients module (its reasons). */
const reportOfCounts = (c: PatternCounts, interval: Interval95 | null): ReliabilityTable =>
  reportTable(c.units > 0 ? coefficientsOfPatterns(c) : coefficientsOfTable(encodePresence(emptyPresence(c.coders)), 'nominal'), c.units, interval)

/** A table's report unit by unit (more coders than pattern counts take). */
const presenceReport = (t: PresenceTable, interval: Interval95 | null): ReliabilityTable => reportTable(coefficientsOfTable(encodePresence(t), 'nominal'), t.units, interval)

const unitWords: Record<string, string> = { segment: 'segment', document: 'transcript', matched: 'matched segment' }

function poolNote(unit: string): string {
  return `overall: pools every code's units (each code × ${unitWords[unit] ?? unit} is one presence unit, 1 = coded, 0 = not); percent agreement is pairwise, averaged over the units`
}

// ---------------------------------------------------------------- framework statuses (AGR9)

function* statusSteps(input: AgreementInput): Generator<AgreementProgress, ReliabilityAgreement> {
  const { coders, codes } = input
  const replicates = input.bootstrap ?? defaultBootstrap
  const seed = input.seed ?? defaultSeed
  const cases = input.cases ?? [...new Set(input.documents.map((d) => d.caseId).filter((c): c is string => !!c))]
  const wantedCase = new Set(cases)
  const wantedCode = new Set(codes)
  const cell = new Map<string, number>()
  const rated = new Set<string>() // coder|case: the coder judged this case
  for (const s of input.statuses ?? []) {
    if (!wantedCase.has(s.caseId) || !wantedCode.has(s.codeId)) continue
    cell.set(`${s.coderId}|${s.caseId}|${s.codeId}`, statusScale[s.status])
    rated.add(`${s.coderId}|${s.caseId}`)
  }
  // A coder who judged a case rated all of its indicators (blank = none, as in scoring); a coder
  // who judged nothing of the case did not rate it.
  const rating = (coder: string, caseId: string, code: string): number | null =>
    rated.has(`${coder}|${caseId}`) ? (cell.get(`${coder}|${caseId}|${code}`) ?? 0) : null
  const rowsOf = (code: string) => cases.map((c) => coders.map((coder) => rating(coder, c, code)))
  const pairs = pairsOf(coders.length)
  const total = codes.length + 1
  const table = (matrix: (number | null)[][], bootstrap: number): ReliabilityTable => {
    const set = computeCoefficients(matrix, 'ordinal', { categories: statusCategories, bootstrap, seed })
    const boot = set.krippendorffAlpha.value !== null ? set.krippendorffAlpha.bootstrap : null
    const info = boot && { ci: boot.ci, info: { method: 'units' as const, replicates: boot.replicates, seed: boot.seed, resampled: set.krippendorffAlpha.value === null ? 0 : set.krippendorffAlpha.units, undefinedReplicates: boot.undefinedReplicates } }
    return reportTable(set, set.units, info)
  }
  const pairTable = (matrix: (number | null)[][], a: number, b: number) => table(matrix.map((row) => [row[a], row[b]]).filter(([x, y]) => x !== null && y !== null), 0)

  const codeTables: Record<string, ReliabilityTable> = {}
  const pairCodes: Record<string, ReliabilityTable>[] = pairs.map(() => ({}))
  const all: (number | null)[][] = []
  let done = 0
  for (const code of codes) {
    const matrix = rowsOf(code)
    all.push(...matrix)
    codeTables[code] = table(matrix, replicates)
    pairs.forEach(([a, b], k) => (pairCodes[k][code] = pairTable(matrix, a, b)))
    yield { done: ++done, total }
  }
  const overall = table(all, replicates)
  overall.notes.push('overall: units are case × indicator; a coder who judged a case rated all its indicators (blank = none); ordinal scale none < partial < described')
  const pairReports: ReliabilityPair[] = pairs.map(([a, b], k) => ({ coders: [coders[a], coders[b]], overall: pairTable(all, a, b), codes: pairCodes[k] }))
  yield { done: total, total }
  return { unit: 'status', ...overall, coderIds: coders, documents: input.documents.length, codes: codeTables, pairs: pairReports }
}
