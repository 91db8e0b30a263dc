import { badInput } from '../../errors'
import { statusRank } from './detect-status-disputes'
import { intersectSpans, mergeSpans } from './intervals'
import type { DecisionChoice, FitStatusValue, Span, SpanVersion, StatusVersion } from './types'

/**
 * The consensus spans a decision gives for a span dispute (DIS14–DIS18).
 * @example chooseSpans([{ coderId: 'a', spans: [{ start: 0, end: 10 }] }, { coderId: 'b', spans: [{ start: 4, end: 20 }] }], { choice: 'intersection' }, 100)
 *   // → [{ start: 4, end: 10 }]
 */
export function chooseSpans(versions: readonly SpanVersion[], decision: DecisionChoice, textLength: number): Span[] {
  switch (decision.choice) {
    case 'coder': {
      const v = versions.find((x) => x.coderId === decision.coderId)
      if (!v) throw badInput('The chosen coder has no version in this dispute.', [{ path: 'coderId', message: `"${decision.coderId}" is not one of this dispute's coders` }])
      return mergeSpans(v.spans)
    }
    case 'union':
      return mergeSpans(versions.flatMap((v) => v.spans))
    case 'intersection':
      if (versions.length === 0) return []
      return versions.slice(1).reduce<Span[]>((acc, v) => intersectSpans(acc, v.spans), mergeSpans(versions[0].spans))
    case 'none':
      return []
    case 'custom': {
      const { start, end } = decision
      const problems = []
      if (!Number.isSafeInteger(start) || (start as number) < 0) problems.push({ path: 'start', message: 'a non-negative whole number is required for custom boundaries' })
      if (!Number.isSafeInteger(end)) problems.push({ path: 'end', message: 'a whole number is required for custom boundaries' })
      else if ((end as number) > textLength) problems.push({ path: 'end', message: `must be at most the transcript's length (${textLength})` })
      if (problems.length === 0 && (end as number) <= (start as number)) problems.push({ path: 'end', message: `must be greater than start (${start})` })
      if (problems.length) throw badInput('Invalid custom boundaries.', problems)
      return [{ start: start as number, end: end as number }]
    }
  }
}

/**
 * The team status a decision gives for a status dispute (DIS22): union = highest, intersection =
 * lowest.
 */
export function chooseStatus(versions: readonly StatusVersion[], decision: DecisionChoice): FitStatusValue {
  const byRank = [...versions].sort((a, b) => statusRank[a.status] - statusRank[b.status])
  switch (decision.choice) {
    case 'coder': {
      const v = versions.find((x) => x.coderId === decision.coderId)
      if (!v) throw badInput('The chosen coder has no status in this dispute.', [{ path: 'coderId', message: `"${decision.coderId}" is not one of this dispute's coders` }])
      return v.status
    }
    case 'union':
      return byRank[byRank.length - 1]?.status ?? 'none'
    case 'intersection':
      return byRank[0]?.status ?? 'none'
    case 'none':
      return 'none'
    case 'custom':
      if (!decision.status || !(decision.status in statusRank)) {
        throw badInput('Invalid custom status.', [{ path: 'status', message: 'one of described, partial, none is required for a custom status decision' }])
      }
      return decision.status
  }
}
