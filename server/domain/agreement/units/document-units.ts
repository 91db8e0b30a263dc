import { findCodingProblems, indexCodings, intervalsOf } from '../spans/intervals'
import type { Coding } from '../spans/types'
import type { CoderScope, ReliabilityDataByCode, ReliabilityDatum } from './types'
import { codersFor, throwIfProblems, unique } from './validate'

/**
 * Whether each coder applied each code anywhere in each document (UNIT4): reliability data per
 * code with one unit per document (the unit is the document's name).
 *
 * @example documentUnits(codings, ['T1', 'T2'], ['a', 'b'], ['X']) → { X: [{ unit: 'T1', coder: 'a', value: 1 }, …] }
 */
export function documentUnits(
  codings: readonly Coding[],
  documents: readonly string[],
  coders: readonly string[],
  codes: readonly string[],
  options: CoderScope = {},
): ReliabilityDataByCode {
  throwIfProblems(findCodingProblems(codings), 'codings')
  const index = indexCodings(codings)
  const docs = unique(documents)
  return Object.fromEntries(
    unique(codes).map((code) => {
      const rows: ReliabilityDatum[] = []
      for (const document of docs) {
        for (const coder of codersFor(document, coders, options)) {
          rows.push({ unit: document, coder, value: intervalsOf(index, code, coder, document).length > 0 ? 1 : 0 })
        }
      }
      return [code, rows]
    }),
  )
}
