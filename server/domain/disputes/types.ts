/** Plain data of arbitration: disputes, versions, decisions. Offsets are UTF-16 indices, end exclusive. */

/** A half-open character range [start, end). */
export interface Span {
  start: number
  end: number
}

/** A code applied by a coder (same shape as `PlainCoding` of the live-docs API). */
export interface CodedSpan extends Span {
  codeId: string
  coderId: string
}

export type FitStatusValue = 'described' | 'partial' | 'none'

/** What one coder had in a span dispute: their merged spans inside the unit ([] = nothing). */
export interface SpanVersion {
  coderId: string
  spans: Span[]
}

/** One coder's status in a status dispute. */
export interface StatusVersion {
  coderId: string
  status: FitStatusValue
}

export interface DetectedSpanDispute {
  kind: 'presence' | 'boundary'
  documentId: string
  codeId: string
  /** The unit's extent. */
  start: number
  end: number
  versions: SpanVersion[]
  magnitude: number
  fingerprint: string
}

export interface DetectedStatusDispute {
  kind: 'status'
  caseId: string
  codeId: string
  versions: StatusVersion[]
  magnitude: number
  fingerprint: string
}

export type DetectedDispute = DetectedSpanDispute | DetectedStatusDispute

/** A unit every coder coded alike (DIS5): what goes into the consensus (DIS6). */
export interface AgreedUnit {
  documentId: string
  codeId: string
  start: number
  end: number
  versions: SpanVersion[]
  /** The consensus spans: per span, the smallest start and the largest end. */
  spans: Span[]
  fingerprint: string
}

export type DecisionChoice =
  | { choice: 'coder'; coderId: string }
  | { choice: 'union' }
  | { choice: 'intersection' }
  | { choice: 'none' }
  | { choice: 'custom'; start?: number; end?: number; status?: FitStatusValue }

/** The change a decision made to the consensus of one code, so that it can be reverted (DIS21). */
export interface AppliedSpans {
  added: CodedSpan[]
  removed: CodedSpan[]
}

/** The change a status decision made to the team status (DIS22). */
export interface AppliedStatus {
  previous: FitStatusValue | null
  next: FitStatusValue
}
