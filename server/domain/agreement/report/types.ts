/**
 * Plain data of the project agreement report (the API's and the dashboard's): a round's coded
 * spans, documents and statuses in; per-code, per-coder-pair and overall tables out. Offsets are
 * UTF-16 code units, `end` exclusive, as everywhere in `server/domain/agreement`.
 */
import type { Coding, SpanStatistics } from '../spans/types'
import type { TextSegment } from '../units/types'
import type { Level } from '../coefficients/types'

export const agreementUnits = ['span', 'segment', 'matched', 'document', 'status'] as const
export type AgreementUnit = (typeof agreementUnits)[number]
export const segmentKinds = ['turn', 'paragraph', 'sentence'] as const
export type SegmentKind = (typeof segmentKinds)[number]

export type FitStatusValue = 'described' | 'partial' | 'none'

/** A transcript of the comparison, with its predefined segments when the unit is `segment`. */
export interface AgreementDocument {
  id: string
  length: number
  /** The case the transcript belongs to (for the `status` unit). */
  caseId?: string | null
  segments?: TextSegment[]
}

/** One coder's framework judgement of one case × indicator. */
export interface StatusRating {
  caseId: string
  codeId: string
  coderId: string
  status: FitStatusValue
}

export interface AgreementInput {
  unit: AgreementUnit
  /** The transcripts compared, in report order. */
  documents: AgreementDocument[]
  /** The coders compared (at least two), in column order. */
  coders: string[]
  /** The codes reported, in table order. */
  codes: string[]
  /** Coded spans; `document` is a transcript id, `coder` a coder id, `code` a code id. */
  codings: Coding[]
  /** Coders' own statuses (unit `status`). */
  statuses?: StatusRating[]
  /** Cases compared (unit `status`); default: the cases of the documents. */
  cases?: string[]
  /** Matched segments: minimum overlap (0 < t ≤ 1, default 0.9) and how it is measured. */
  threshold?: number
  overlap?: 'union' | 'shorter'
  /** Bootstrap replicates for alpha's 95% interval (default 1000; 0 = none) and its seed (default 1). */
  bootstrap?: number
  seed?: number
}

export type ReliabilityStatistic = 'krippendorffAlpha' | 'fleissKappa' | 'cohenKappa' | 'scottPi' | 'brennanPrediger' | 'gwetAC1' | 'percentAgreement'
export type BandKey = string

/** How alpha's interval was resampled: whole transcripts (clusters) or single units (REL13). */
export interface BootstrapInfo {
  method: 'documents' | 'units'
  replicates: number
  seed: number
  /** Resampled clusters (transcripts) or units. */
  resampled: number
  undefinedReplicates: number
}

/**
 * One table of reliability coefficients, in the shape of `concord agreement --data --json`
 * (numbers rounded to 3 decimals, null with a note when a statistic does not apply), plus
 * alpha's interval, the standard errors and the reading of each value.
 */
export type ReliabilityTable = {
  units: number
  coders: number
  level: Level
  notes: string[]
  alphaCI: [number, number] | null
  bootstrap: BootstrapInfo | null
  /** Large-sample standard errors (Cohen: Fleiss, Cohen & Everitt 1969; the others: Gwet 2014). */
  se: { cohenKappa: number | null; fleissKappa: number | null; brennanPrediger: number | null; gwetAC1: number | null }
  cohenKappaWeighted?: { linear: number | null; quadratic: number | null }
  bands: Partial<Record<ReliabilityStatistic, BandKey>>
} & Record<ReliabilityStatistic, number | null>

export type SpanTable = SpanStatistics & { bands: Partial<Record<keyof SpanStatistics, BandKey>> }

export interface ReliabilityPair {
  coders: [string, string]
  overall: ReliabilityTable
  codes: Record<string, ReliabilityTable>
}

export interface SpanPair {
  coders: [string, string]
  overall: SpanTable
  codes: Record<string, SpanTable>
}

/** The report for the segment, matched-segment, document and status units. */
export type ReliabilityAgreement = ReliabilityTable & {
  unit: Exclude<AgreementUnit, 'span'>
  /** The coders compared (ids), in column order; `coders` (from the CLI shape) is their number. */
  coderIds: string[]
  documents: number
  /** Per code: the same table over that code's units. */
  codes: Record<string, ReliabilityTable>
  pairs: ReliabilityPair[]
}

/** The report for the span unit: the coded-spans shape of `concord agreement --codings --json`. */
export interface SpanAgreement {
  unit: 'span'
  coders: string[]
  documents: number
  characters: number
  codes: Record<string, SpanTable>
  overall: SpanTable
  notes: string[]
  details: unknown
  pairs: SpanPair[]
}

export type AgreementResult = SpanAgreement | ReliabilityAgreement

export interface AgreementProgress {
  done: number
  total: number
}
