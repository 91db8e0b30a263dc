import { makeFingerprint } from './fingerprint'
import type { DetectedStatusDispute, FitStatusValue, StatusVersion } from './types'

export interface StatusDetectionInput {
  caseId: string
  /** The round's coders, in the order versions are listed. */
  coders: readonly string[]
  /** Coders' own statuses for this case (team statuses excluded). */
  statuses: readonly { coderId: string; codeId: string; status: FitStatusValue }[]
}

export const statusRank: Record<FitStatusValue, number> = { none: 0, partial: 1, described: 2 }

/** DIS12: one ordinal step weighs like 100 disputed characters. */
export const STATUS_STEP_MAGNITUDE = 100

/**
 * Status disputes of one case: indicators on which the participating coders' statuses differ
 * (DIS11–DIS13).
 * @example detectStatusDisputes({ caseId: 'Z', coders: ['a', 'b'], statuses: [{ coderId: 'a', codeId: 'x', status: 'described' }, { coderId: 'b', codeId: 'y', status: 'partial' }] })
 *   // → disputes on x (described vs none) and y (none vs partial)
 */
export function detectStatusDisputes(input: StatusDetectionInput): DetectedStatusDispute[] {
  const coders = new Set(input.coders)
  const byCoder = new Map<string, Map<string, FitStatusValue>>()
  for (const s of input.statuses) {
    if (!coders.has(s.coderId)) continue
    let m = byCoder.get(s.coderId)
    if (!m) byCoder.set(s.coderId, (m = new Map()))
    m.set(s.codeId, s.status)
  }
  const participants = input.coders.filter((c) => byCoder.has(c))
  if (participants.length < 2) return []
  const codeIds = [...new Set(input.statuses.filter((s) => coders.has(s.coderId)).map((s) => s.codeId))].sort()
  const out: DetectedStatusDispute[] = []
  for (const codeId of codeIds) {
    const versions: StatusVersion[] = participants.map((coderId) => ({ coderId, status: byCoder.get(coderId)?.get(codeId) ?? 'none' }))
    const ranks = versions.map((v) => statusRank[v.status])
    const spread = Math.max(...ranks) - Math.min(...ranks)
    if (spread === 0) continue
    const canonical = [...versions].sort((a, b) => (a.coderId < b.coderId ? -1 : 1)).map((v) => [v.coderId, v.status])
    out.push({ kind: 'status', caseId: input.caseId, codeId, versions, magnitude: spread * STATUS_STEP_MAGNITUDE, fingerprint: makeFingerprint('status', input.caseId, codeId, canonical) })
  }
  return out.sort((a, b) => b.magnitude - a.magnitude || (a.codeId < b.codeId ? -1 : 1))
}
