/**
 * AGR1: what the report accepts. Every problem is listed (bad_input); codings by coders, of codes
 * or on transcripts that are not compared are left out (the caller chose what is compared).
 */
import { badInput, type Problem } from '../../../errors'
import { findCodingProblems } from '../spans/intervals'
import { findSegmentProblems } from '../units/validate'
import { agreementUnits, type AgreementInput } from './types'

export const maxBootstrap = 10_000

export function checkAgreementInput(input: AgreementInput): AgreementInput {
  const problems: Problem[] = []
  if (!agreementUnits.includes(input.unit)) problems.push({ path: 'unit', message: `must be one of ${agreementUnits.join(', ')}, got ${String(input.unit)}` })
  const coders = [...new Set(input.coders)]
  if (coders.length < 2) problems.push({ path: 'coders', message: `agreement needs at least two coders (got ${coders.length})` })
  if (coders.some((c) => typeof c !== 'string' || c === '')) problems.push({ path: 'coders', message: 'a coder is empty' })
  const codes = [...new Set(input.codes)]
  if (codes.some((c) => typeof c !== 'string' || c === '')) problems.push({ path: 'codes', message: 'a code is empty' })
  const lengths = new Map<string, number>()
  input.documents.forEach((d, i) => {
    if (typeof d.id !== 'string' || d.id === '') problems.push({ path: `documents[${i}]`, message: 'id is empty' })
    else if (lengths.has(d.id)) problems.push({ path: `documents[${i}]`, message: `document "${d.id}" is listed twice` })
    if (!Number.isSafeInteger(d.length) || d.length < 0) problems.push({ path: `documents[${i}]`, message: `length must be a non-negative integer, got ${String(d.length)}` })
    else lengths.set(d.id, d.length)
  })
  if (input.unit === 'segment') {
    // The fields the check reads, written out: spreading 50,000 segments costs more than checking them.
    const segments = input.documents.flatMap((d) => (d.segments ?? []).map((s) => ({ id: s.id, start: s.start, end: s.end, document: d.id })))
    problems.push(...findSegmentProblems(segments))
    input.documents.forEach((d, i) => {
      if (!d.segments) problems.push({ path: `documents[${i}]`, message: 'the segment unit needs the segments of every document' })
      else if (d.segments.some((s) => s.end > d.length)) problems.push({ path: `documents[${i}]`, message: 'a segment ends after the document' })
    })
  }
  if (input.threshold !== undefined && !(input.threshold > 0 && input.threshold <= 1))
    problems.push({ path: 'threshold', message: `must be greater than 0 and at most 1, got ${String(input.threshold)}` })
  if (input.overlap !== undefined && input.overlap !== 'union' && input.overlap !== 'shorter')
    problems.push({ path: 'overlap', message: `must be "union" or "shorter", got ${String(input.overlap)}` })
  if (input.bootstrap !== undefined && !(Number.isInteger(input.bootstrap) && input.bootstrap >= 0 && input.bootstrap <= maxBootstrap))
    problems.push({ path: 'bootstrap', message: `must be a whole number from 0 to ${maxBootstrap}, got ${String(input.bootstrap)}` })
  if (input.seed !== undefined && !(Number.isInteger(input.seed) && input.seed >= 0 && input.seed <= 0xffffffff))
    problems.push({ path: 'seed', message: `must be a whole number from 0 to 4294967295, got ${String(input.seed)}` })

  const wantedCoder = new Set(coders)
  const wantedCode = new Set(codes)
  const codings = input.codings.filter((c) => wantedCoder.has(c.coder) && wantedCode.has(c.code) && lengths.has(c.document))
  problems.push(...findCodingProblems(codings, lengths))
  if (problems.length) throw badInput(`${problems.length} problem(s) in the agreement input (first: ${problems[0].path}: ${problems[0].message})`, problems)
  return { ...input, coders, codes, codings }
}
