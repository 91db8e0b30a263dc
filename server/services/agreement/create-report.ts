/**
 * Lead: pins a citable agreement report — the parameters, the result and a snapshot of every
 * layer and coding it used — so that a methods section can cite it by id and anyone can
 * regenerate the same numbers later, whatever happened to the layers since.
 */
import type { Db } from '../../../db/client'
import { agreementReports } from '../../../db/schema'
import type { LiveDocs } from '../../context'
import { ConcordError } from '../../errors'
import { newId } from '../../ids'
import { requireProjectRole, type Actor } from '../access'
import { parseAgreementQuery } from './agreement-query'
import { runAgreement, usedParameters, wrapReport } from './get-agreement'
import { loadAgreementData } from './load-agreement-data'
import { pinSnapshot } from './pinned-snapshot'

export async function createReport(db: Db, actor: Actor | null, projectId: string, body: unknown, live: LiveDocs | null = null) {
  await requireProjectRole(db, actor, projectId, 'lead')
  const query = parseAgreementQuery(body)
  const { round, data } = await loadAgreementData(db, actor, projectId, query, live)
  if (!round || !data) throw new ConcordError('conflict', 'There is no revealed round to report on yet.')
  const run = runAgreement(data)
  let next = await run.next()
  while (!next.done) next = await run.next()
  const result = wrapReport(next.value, round, query, data)
  const snapshot = await pinSnapshot(db, live, { id: round.id, name: round.name }, query, data)
  const id = newId()
  const createdAt = new Date()
  await db.insert(agreementReports).values({ id, projectId, params: usedParameters(query, data), snapshot, result, createdBy: actor!.userId, createdAt })
  return { id, createdAt: createdAt.toISOString(), snapshotId: snapshot.id, result }
}
