/**
 * Character-level agreement between two coders for one code, as NVivo computes its coding
 * comparison kappa: every character is a unit rated yes/no by each coder.
 *
 *   p_o = (both + neither) / n
 *   p_e = p_A(yes)·p_B(yes) + p_A(no)·p_B(no)        (a sum: QualCoder's product is wrong)
 *   κ   = (p_o − p_e) / (1 − p_e)
 */
import { intersectionLength, totalLength } from './intervals'
import type { CharacterCounts, Interval } from './types'

export const emptyCounts = (): CharacterCounts => ({ both: 0, onlyFirst: 0, onlySecond: 0, neither: 0 })

/** Adds the 2×2 table of one document (`length` characters) to `into`. */
export function addCharacterCounts(into: CharacterCounts, first: readonly Interval[], second: readonly Interval[], length: number): void {
  const a = totalLength(first)
  const b = totalLength(second)
  const both = intersectionLength(first, second)
  into.both += both
  into.onlyFirst += a - both
  into.onlySecond += b - both
  into.neither += length - a - b + both
}

export function addCounts(into: CharacterCounts, other: CharacterCounts): void {
  into.both += other.both
  into.onlyFirst += other.onlyFirst
  into.onlySecond += other.onlySecond
  into.neither += other.neither
}

export const countTotal = (c: CharacterCounts) => c.both + c.onlyFirst + c.onlySecond + c.neither

/** (both + neither) / n, or null with the reason when there are no characters. */
export function computePercentAgreement(c: CharacterCounts): { value: number | null; reason?: string } {
  const n = countTotal(c)
  if (n === 0) return { value: null, reason: 'there are no characters to compare' }
  return { value: (c.both + c.neither) / n }
}

/**
 * Cohen's kappa over the 2×2 character table, or null with the reason when it is undefined:
 * no characters, or a single category (both coders coded every character, or neither coded any),
 * where p_e = 1 and κ = 0/0.
 */
export function computeCharacterKappa(c: CharacterCounts): { value: number | null; reason?: string } {
  const n = countTotal(c)
  if (n === 0) return { value: null, reason: 'there are no characters to compare' }
  const firstYes = c.both + c.onlyFirst
  const secondYes = c.both + c.onlySecond
  if (firstYes === 0 && secondYes === 0) return { value: null, reason: 'neither coder coded any character (one category only)' }
  if (firstYes === n && secondYes === n) return { value: null, reason: 'both coders coded every character (one category only)' }
  const po = (c.both + c.neither) / n
  const pa = firstYes / n
  const pb = secondYes / n
  const pe = pa * pb + (1 - pa) * (1 - pb)
  return { value: (po - pe) / (1 - pe) }
}
