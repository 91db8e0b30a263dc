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
 * Computes Krippendorff's uα, character-level Cohen's kappa and character percent agreement per
 * code and overall, over all documents laid end to end in the order of `lengths`.
 * Throws `bad_input` listing every coding outside its document or on an unknown document.
 *
 * @example computeSpanAgreement({ codings: [{ document: 'T1', coder: 'a', code: 'X', start: 0, end: 5 }, …],
 *                                 lengths: [{ document: 'T1', length: 100 }] })
 */
export function computeSpanAgreement(input: SpanAgreementInput): SpanAgreementReport {
  const { problems: lengthProblems, byDocument } = findLengthProblems(input.lengths)
  const problems = [...lengthProblems, ...findCodingProblems(input.codings, byDocument)]
  if (problems.length) {
    const first = problems[0]
    throw badInput(`${problems.length} problem(s) in the codings or document lengths (first: ${first.path}: ${first.message})`, problems)
  }

  const coders = sortedUnique([...(input.coders ?? []), ...input.codings.map((c) => c.coder)])
  const codes = sortedUnique([...(input.codes ?? []), ...input.codings.map((c) => c.code)])
  const index = indexCodings(input.codings)
  const documents = input.lengths.map((l) => ({ document: l.document, length: l.length }))
  const offsets: number[] = []
  let continuum = 0
  for (const d of documents) {
    offsets.push(continuum)
    continuum += d.length
  }

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
    const byCoder = index.get(code)
    const stats = nullStats()
    const detail: SpanCodeDetail = { observedDisagreement: null, expectedDisagreement: null, units: 0, characters: null }
    codeStats.push([code, stats])
    codeDetails.push([code, detail])
    if (!byCoder || byCoder.size === 0) {
      notes.push(`${code}: nobody applied this code, so its statistics are undefined`)
      continue
    }

    // The continuum: every document in lengths order, each coder's units shifted by the
    // document's offset. Units touching across a document boundary stay two units (SPAN5).
    const coderUnits: Interval[][] = coders.map((coder) => {
      const byDoc = byCoder.get(coder)
      const out: Interval[] = []
      if (!byDoc) return out
      documents.forEach((d, k) => {
        const list = byDoc.get(d.document)
        if (list) for (const iv of list) out.push({ start: iv.start + offsets[k], end: iv.end + offsets[k] })
      })
      return out
    })
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
      const counts: CharacterCounts = emptyCounts()
      const first = byCoder.get(coders[0])
      const second = byCoder.get(coders[1])
      for (const d of documents) addCharacterCounts(counts, first?.get(d.document) ?? [], second?.get(d.document) ?? [], d.length)
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
    documents: documents.length,
    characters: continuum,
    codes: Object.fromEntries(codeStats),
    overall,
    notes,
    details: { codes: Object.fromEntries(codeDetails), overall: { characters: twoCoders && pooledCodes > 0 ? pooled : null } },
  }
}
