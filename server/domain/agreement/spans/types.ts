/**
 * Plain data shared by the span-level agreement engine and the unit derivations
 * (`../units`). Offsets are UTF-16 code units (JavaScript string indices), `end` exclusive.
 */

/** One coder's tag of `code` on the characters [start, end) of `document`. */
export interface Coding {
  document: string
  coder: string
  code: string
  start: number
  end: number
  /** Where the coding came from (e.g. `codings.csv:12`), used to name it in error messages. */
  source?: string
}

/** The length of a document in UTF-16 code units. */
export interface DocumentLength {
  document: string
  length: number
  /** Where the row came from (e.g. `lengths.csv:3`), used in error messages. */
  source?: string
}

/** A half-open character range [start, end). */
export interface Interval {
  start: number
  end: number
}

/** The three statistics reported per code and overall; `null` = not applicable or undefined (see `notes`). */
export interface SpanStatistics {
  unitizingAlpha: number | null
  characterKappa: number | null
  characterPercentAgreement: number | null
}

/** The 2×2 character table between the first and the second coder (coders sorted). */
export interface CharacterCounts {
  both: number
  onlyFirst: number
  onlySecond: number
  neither: number
}

/** The terms behind the statistics, so that a methods section can show its working. */
export interface SpanCodeDetail {
  /** Krippendorff's uD_o for the code (null when fewer than two coders or an empty continuum). */
  observedDisagreement: number | null
  /** Krippendorff's uD_e for the code. */
  expectedDisagreement: number | null
  /** Number of (merged) units of the code, all coders together. */
  units: number
  /** Character table (null unless exactly two coders). */
  characters: CharacterCounts | null
}

/**
 * The coded-spans report of `concord agreement --json` (see /work/shared/API.md).
 * `codes`, `overall`, `coders` and `documents` are the documented contract; `notes` and
 * `details` are additions.
 */
export interface SpanAgreementReport {
  coders: string[]
  documents: number
  /** Total characters of the continuum (all documents laid end to end). */
  characters: number
  codes: Record<string, SpanStatistics>
  overall: SpanStatistics
  notes: string[]
  details: { codes: Record<string, SpanCodeDetail>; overall: { characters: CharacterCounts | null } }
}

export interface SpanAgreementInput {
  codings: readonly Coding[]
  lengths: readonly DocumentLength[]
  /** Coders of the round, including any who coded nothing (they still count as coders). */
  coders?: readonly string[]
  /** Codes to report even if nobody applied them (they get nulls and a note). */
  codes?: readonly string[]
}
