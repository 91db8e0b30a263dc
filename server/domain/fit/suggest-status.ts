import type { FitStatus } from './types'

/**
 * The status to propose for a case × indicator from the number of coded segments of that
 * indicator in the case's transcripts: any evidence → described, none → none (METHOD.md §4).
 * `partial` is a human judgement about vague evidence, so it is never suggested.
 */
export function suggestStatus(evidenceCount: number): Extract<FitStatus, 'described' | 'none'> {
  return evidenceCount > 0 ? 'described' : 'none'
}
