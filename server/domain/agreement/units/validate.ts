import { badInput, type Problem } from '../../../errors'
import type { CoderScope, Segment } from './types'

/** Throws `bad_input` listing every problem, or does nothing when there are none. */
export function throwIfProblems(problems: Problem[], what: string): void {
  if (problems.length === 0) return
  const first = problems[0]
  throw badInput(`${problems.length} problem(s) in the ${what} (first: ${first.path}: ${first.message})`, problems)
}

/** Segments need a document, an id unique within the document, and integer offsets 0 ≤ start < end. */
export function findSegmentProblems(segments: readonly Segment[]): Problem[] {
  const problems: Problem[] = []
  const seen = new SegmentNames()
  segments.forEach((s, i) => {
    const path = `segments[${i}]`
    if (typeof s.document !== 'string' || s.document === '') problems.push({ path, message: 'document is empty' })
    if (typeof s.id !== 'string' || s.id === '') problems.push({ path, message: 'id is empty' })
    if (!Number.isSafeInteger(s.start) || s.start < 0 || !Number.isSafeInteger(s.end) || s.end <= s.start) {
      problems.push({ path, message: `offsets must be integers with 0 ≤ start < end, got [${String(s.start)}, ${String(s.end)})` })
    }
    if (!seen.add(s.document, s.id)) problems.push({ path, message: `segment "${s.id}" of document "${s.document}" is listed twice` })
  })
  return problems
}

/**
 * The (document, id) pairs seen so far. String names, the usual case, are kept per document
 * without building a key per segment (a study has some 50,000 segments); anything else (already
 * a problem) by its JSON, which never equals the JSON of two strings, so no pair is confused.
 */
class SegmentNames {
  private readonly byDocument = new Map<string, Set<string>>()
  private readonly other = new Set<string>()

  /** Adds the pair; false when it was already there. */
  add(document: unknown, id: unknown): boolean {
    if (typeof document === 'string' && typeof id === 'string') {
      let ids = this.byDocument.get(document)
      if (!ids) this.byDocument.set(document, (ids = new Set()))
      return ids.size !== ids.add(id).size
    }
    const key = JSON.stringify([document, id])
    return this.other.size !== this.other.add(key).size
  }
}

/** The coders who rate the units of `document`: the scope's list for it, else everyone. */
export function codersFor(document: string, coders: readonly string[], scope: CoderScope): readonly string[] {
  const byDoc = scope.codersByDocument
  return byDoc && Object.hasOwn(byDoc, document) ? byDoc[document] : coders
}

/** Unique values in first-seen order. */
export const unique = (values: Iterable<string>): string[] => [...new Set(values)]
