/**
 * Span-level (unitizing) agreement: the coded-spans mode of `concord agreement`.
 * Rules: ./SPEC.md (SPAN1…). Pure: plain codings and document lengths in, the report out.
 */
import { badInput, type Problem } from '../../../errors'
import { addCharacterCounts, addCounts, computeCharacterKappa, computePercentAgreement, emptyCounts } from './character-kappa'
import { findCodingProblems, indexCodings, sortedUnique } from './intervals'
import { alphaFrom, computeUnitizingDisagreement } from './unitizing-alpha'
import type {
  CharacterCounts,
  Interval,
  SpanAgreementInput,
  SpanAgreementReport,
  SpanCodeDetail,
  SpanStatistics,
} from './types'

export type * from './types'
export { mergeIntervals } from './intervals'
export { computeUnitizingDisagreement } from './unitizing-alpha'
export { computeCharacterKappa } from './character-kappa'

/** Checks the lengths rows (SPAN3): named documents, non-negative integer lengths, no duplicates. */
function findLengthProblems(lengths: SpanAgreementInput['lengths']): { problems: Problem[]; byDocument: Map<string, number> } {
  const problems: Problem[] = []
  const byDocument = new Map<string, number>()
  const firstSeen = new Map<string, string>()
  lengths.forEach((row, i) => {
    const path = row.source ?? `lengths[${i}]`
    if (typeof row.document !== 'string' || row.document === '') problems.push({ path, message: 'document is empty' })
    if (!Number.isSafeInteger(row.length) || row.length < 0) problems.push({ path, message: `length must be a non-negative integer, got ${String(row.length)}` })
    if (typeof row.document !== 'string' || row.document === '') return
    const earlier = firstSeen.get(row.document)
    if (earlier !== undefined) problems.push({ path, message: `document "${row.document}" is listed twice (first at ${earlier})` })
    else {
      firstSeen.set(row.document, path)
      if (Number.isSafeInteger(row.length) && row.length >= 0) byDocument.set(row.document, row.length)
    }
  })
  return { problems, byDocument }
}

const nullStats = (): SpanStatistics => ({ unitizingAlpha: null, characterKappa: null, characterPercentAgreement: null })

/**
 * The codings of a span report validated, indexed and laid out on the continuum once, so that
 * several reports over the same codings (all coders, then each coder pair, as the project report
 * shows them) share that work instead of redoing it per report. Built by `prepareSpanAgreement`,
 * read by `reportSpanAgreement`.
 */
export interface PreparedSpans {
  /** Every coder: those passed in `coders` and those seen in the codings, sorted. */
  coders: string[]
  /** The codes passed in `codes` (reported even if nobody applied them). */
  listedCodes: readonly string[]
  documents: number
  /** L, the total characters of the continuum. */
  continuum: number
  /** code → coder → the coder's merged spans of the code on the continuum (SPAN5), in order. */
  units: Map<string, Map<string, Interval[]>>
}

/**
 * Validates the codings and lengths (SPAN3, throws `bad_input` listing every problem), merges each
 * coder's spans per code and document (SPAN2) and lays them out on the continuum (SPAN5).
 */
export function prepareSpanAgreement(input: SpanAgreementInput): PreparedSpans {
  const { problems: lengthProblems, byDocument } = findLengthProblems(input.lengths)
  const problems = [...lengthProblems, ...findCodingProblems(input.codings, byDocument)]
  if (problems.length) {
    const first = problems[0]
    throw badInput(`${problems.length} problem(s) in the codings or document lengths (first: ${first.path}: ${first.message})`, problems)
  }
  const index = indexCodings(input.codings)
  const offsets: number[] = []
  let continuum = 0
  for (const l of input.lengths) {
    offsets.push(continuum)
    continuum += l.length
  }
  const coders = new Set(input.coders)
  const units = new Map<string, Map<string, Interval[]>>()
  for (const [code, byCoder] of index) {
    const byCoderUnits = new Map<string, Interval[]>()
    for (const [coder, byDoc] of byCoder) {
      coders.add(coder)
      byCoderUnits.set(coder, layOut(byDoc, input.lengths, offsets))
    }
    units.set(code, byCoderUnits)
  }
  return {
    coders: sortedUnique(coders),
    listedCodes: input.codes ?? [],
    documents: input.lengths.length,
    continuum,
    units,
  }
}

/**
 * One coder's merged spans of one code, document by document in lengths order, each shifted by
 * its document's offset. Units touching across a document boundary stay two units (SPAN5).
 */
function layOut(byDoc: ReadonlyMap<string, readonly Interval[]>, lengths: SpanAgreementInput['lengths'], offsets: readonly number[]): Interval[] {
  const out: Interval[] = []
  lengths.forEach((l, k) => {
    const list = byDoc.get(l.document)
    if (list) for (const iv of list) out.push({ start: iv.start + offsets[k], end: iv.end + offsets[k] })
  })
  return out
}

/**
 * Computes Krippendorff's uα, character-level Cohen's kappa and character percent agreement per
 * code and overall, over all documents laid end to end in the order of `lengths`.
 * Throws `bad_input` listing every coding outside its document or on an unknown document.
 *
 * @example computeSpanAgreement({ codings: [{ document: 'T1', coder: 'a', code: 'X', start: 0, end: 5 }, …],
 *                                 lengths: [{ document: 'T1', length: 100 }] })
 */
export function computeSpanAgreement(input: SpanAgreementInput): SpanAgreementReport {
  return reportSpanAgreement(prepareSpanAgreement(input))
}

/**
 * The report of the coders `among` (default: every coder) over prepared codings: exactly what
 * `computeSpanAgreement` returns for those coders' codings alone, with them as `coders` and the
 * prepared `codes`, so that a coder pair's report needs no second validation and indexing.
 *
 * @example reportSpanAgreement(prepareSpanAgreement(input), ['a', 'b']) // the pair a–b
 */
export function reportSpanAgreement(prepared: PreparedSpans, among?: readonly string[]): SpanAgreementReport {
  const coders = among ? sortedUnique(among) : prepared.coders
  const { continuum } = prepared
  // The codes these coders applied: a code only other coders applied is not part of their report.
  const applied = [...prepared.units].filter(([, byCoder]) => coders.some((coder) => byCoder.has(coder))).map(([code]) => code)
  const codes = sortedUnique([...prepared.listedCodes, ...applied])

  const notes: string[] = []
  const twoCoders = coders.length === 2
  if (coders.length < 2) notes.push(`unitizingAlpha: needs at least two coders (${coders.length} found)`)
  if (!twoCoders) notes.push(`characterKappa, characterPercentAgreement: need exactly two coders (${coders.length} found)`)
  if (continuum === 0 && coders.length >= 2) notes.push('all statistics: the documents have no characters')

  const codeStats: [string, SpanStatistics][] = []
  const codeDetails: [string, SpanCodeDetail][] = []
  let sumObserved = 0
  let sumExpected = 0
  let alphaTerms = 0
  const pooled = emptyCounts()
  let pooledCodes = 0

  for (const code of codes) {
    const byCoder = prepared.units.get(code)
    const stats = nullStats()
    const detail: SpanCodeDetail = { observedDisagreement: null, expectedDisagreement: null, units: 0, characters: null }
    codeStats.push([code, stats])
    codeDetails.push([code, detail])
    if (!byCoder || !coders.some((coder) => byCoder.has(coder))) {
      notes.push(`${code}: nobody applied this code, so its statistics are undefined`)
      continue
    }

    const coderUnits: Interval[][] = coders.map((coder) => byCoder.get(coder) ?? [])
    const terms = computeUnitizingDisagreement(coderUnits, continuum)
    detail.units = terms.units
    if (Number.isFinite(terms.observed) && Number.isFinite(terms.expected)) {
      detail.observedDisagreement = terms.observed
      detail.expectedDisagreement = terms.expected
      stats.unitizingAlpha = alphaFrom(terms.observed, terms.expected)
      if (stats.unitizingAlpha === null) notes.push(`${code}: unitizingAlpha is undefined: the expected disagreement is 0`)
      sumObserved += terms.observed
      sumExpected += terms.expected
      alphaTerms++
    }

    if (twoCoders) {
      // Units never cross a document boundary, so the continuum's table is the sum of the
      // documents' tables (SPAN8): whole numbers, added exactly.
      const counts: CharacterCounts = emptyCounts()
      addCharacterCounts(counts, coderUnits[0], coderUnits[1], continuum)
      detail.characters = counts
      const kappa = computeCharacterKappa(counts)
      const percent = computePercentAgreement(counts)
      stats.characterKappa = kappa.value
      stats.characterPercentAgreement = percent.value
      if (kappa.reason) notes.push(`${code}: characterKappa is undefined: ${kappa.reason}`)
      if (percent.reason) notes.push(`${code}: characterPercentAgreement is undefined: ${percent.reason}`)
      addCounts(pooled, counts)
      pooledCodes++
    }
  }

  const overall = nullStats()
  if (alphaTerms > 0) {
    overall.unitizingAlpha = alphaFrom(sumObserved, sumExpected)
    if (overall.unitizingAlpha === null) notes.push('overall: unitizingAlpha is undefined: the expected disagreement is 0')
  }
  if (twoCoders && pooledCodes > 0) {
    const kappa = computeCharacterKappa(pooled)
    overall.characterKappa = kappa.value
    overall.characterPercentAgreement = computePercentAgreement(pooled).value
    if (kappa.reason) notes.push(`overall: characterKappa is undefined: ${kappa.reason}`)
  }
  if (codes.length === 0) notes.push('overall: there are no codings, so every statistic is undefined')

  return {
    coders,
    documents: prepared.documents,
    characters: continuum,
    codes: Object.fromEntries(codeStats),
    overall,
    notes,
    details: { codes: Object.fromEntries(codeDetails), overall: { characters: twoCoders && pooledCodes > 0 ? pooled : null } },
  }
}
