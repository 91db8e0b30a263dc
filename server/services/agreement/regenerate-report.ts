/**
 * Lead: recomputes a pinned report from its snapshot alone (the codings rows, documents and
 * parameters it stored) and checks that every number comes out the same. Nothing is written: a
 * report is never changed, only verified.
 */
import type { Db } from '../../../db/client'
import { computeAgreement } from '../../domain/agreement/report'
import { requireProjectRole, type Actor } from '../access'
import type { AgreementReport } from './get-agreement'
import { loadStoredReport } from './get-report'
import { inputFromSnapshot, labelsFromSnapshot } from './pinned-snapshot'

/** JSON with object keys sorted: the database may store keys in another order (jsonb). */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`
  if (v && typeof v === 'object')
    return `{${Object.keys(v)
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((v as Record<string, unknown>)[k])}`)
      .join(',')}}`
  return JSON.stringify(v)
}

export async function regenerateReport(db: Db, actor: Actor | null, projectId: string, reportId: string) {
  await requireProjectRole(db, actor, projectId, 'lead')
  const stored = await loadStoredReport(db, projectId, reportId)
  const s = stored.snapshot
  const result = computeAgreement(inputFromSnapshot(s))
  const regenerated = {
    ...result,
    notes: [...result.notes, ...s.notes],
    round: stored.result.round,
    parameters: stored.result.parameters,
    labels: labelsFromSnapshot(s),
    snapshotId: s.id,
  } as AgreementReport
  const identical = canonicalJson(regenerated) === canonicalJson(stored.result)
  return { id: stored.id, snapshotId: s.id, software: s.software, identical, result: regenerated }
}
