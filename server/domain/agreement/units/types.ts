/**
 * Reliability data in long form, as the coefficients module (`../coefficients`) and
 * `concord agreement --data` consume it: one row per (unit, coder) rating. A missing rating
 * is a missing row. Here values are 1 (the code is present) or 0 (absent).
 */
export interface ReliabilityDatum {
  unit: string
  coder: string
  value: string | number
}

/** Reliability data per code: `{ [code]: rows }`, codes in the order they were asked for. */
export type ReliabilityDataByCode = Record<string, ReliabilityDatum[]>

/** A text segment of one document: [start, end) in UTF-16 code units. */
export interface TextSegment {
  id: string
  start: number
  end: number
}

/** A predefined unit of analysis (speaker turn, paragraph, sentence) in a document. */
export interface Segment extends TextSegment {
  document: string
}

export interface CoderScope {
  /**
   * The coders who coded each document, when not everyone coded everything. A coder not listed
   * for a document gives no rating (missing data) on its units, instead of "absent".
   */
  codersByDocument?: Readonly<Record<string, readonly string[]>>
}
