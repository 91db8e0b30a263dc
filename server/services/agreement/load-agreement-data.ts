/**
 * Reads what an agreement report compares — always from the projected rows (`codings`,
 * `transcript_texts`, `fit_statuses`), never from live documents — and checks who may see it.
 * Blindness: numbers are computed only on revealed rounds, for everyone (the lead included),
 * because agreement figures tell a coder about the others' codings.
 */
import type { LiveDocs } from '../../context'
import { and, eq, inArray, ne, sql } from 'drizzle-orm'
import type { Db } from '../../../db/client'
import { codings, fitStatuses, transcriptTexts } from '../../../db/schema'
import { documentSegments, type AgreementDocument, type AgreementInput, type StatusRating } from '../../domain/agreement/report'
import type { Coding } from '../../domain/agreement/spans'
import { badInput, ConcordError, type Problem } from '../../errors'
import { sha256 } from '../../ids'
import { requireProjectRole, type Actor } from '../access'
import { loadCodes } from '../codebook/list-codes'
import { latestRevealedRoundId, loadRound, type RoundInfo } from '../rounds/load-round'
import type { AgreementQuery } from './agreement-query'

/**
 * A layer's own marks. A layer starts as a copy of the canonical transcript and keeps receiving
 * its updates, so its projected rows also hold marks the coder did not make in the round: the
 * shared layer's codes (open coding before the round, identical rows in the shared layer) and,
 * after the reveal, the team's consensus (another coder id: the sync server accepts no mark
 * claiming another coder into a layer). Neither is part of the coder's independent coding.
 */
export const ownMarks = and(
  sql`${codings.coderId} = ${codings.layerOwner}`,
  sql`not exists (select 1 from codings s where s.transcript_id = ${codings.transcriptId} and s.layer = 'shared' and s.code_id = ${codings.codeId} and s.coder_id = ${codings.coderId} and s.start = ${codings.start} and s."end" = ${codings.end})`,
)!

export interface AgreementLabels {
  coders: Record<string, string>
  codes: Record<string, { key: string | null; name: { zh: string; en: string }; color: string }>
  transcripts: Record<string, { title: string; caseId: string | null }>
}

/** Everything a report is computed from, in plain data: pinned as is by a citable report. */
export interface AgreementData {
  input: AgreementInput
  labels: AgreementLabels
  /** Notes about the data (codings clipped to the text, …). */
  notes: string[]
  /** Hash of the compared data: equal data, equal id. */
  snapshotId: string
  /** Per transcript: a hash of the text the segments and lengths came from. */
  textHashes: Record<string, string>
}

export interface LoadedAgreement {
  role: 'lead' | 'coder' | 'viewer'
  round: RoundInfo | null
  data: AgreementData | null
}

export async function loadAgreementData(db: Db, actor: Actor | null, projectId: string, query: AgreementQuery, live: Pick<LiveDocs, 'settleCodings'> | null = null): Promise<LoadedAgreement> {
  const role = await requireProjectRole(db, actor, projectId)
  const roundId = query.round ?? (await latestRevealedRoundId(db, projectId))
  if (!roundId) return { role, round: null, data: null }
  const round = await loadRound(db, projectId, roundId)
  if (round.state !== 'revealed')
    throw new ConcordError('forbidden', 'Agreement is computed only after the lead reveals the round: before that, the numbers would tell the coders about each other’s codings.')
  await live?.settleCodings(projectId) // rows include what the live documents have received

  const problems: Problem[] = []
  const roundTranscripts = new Set(round.transcripts.map((t) => t.id))
  const roundCoders = new Set(round.coders.map((c) => c.id))
  ;(query.transcripts ?? []).forEach((id, i) => roundTranscripts.has(id) || problems.push({ path: `transcripts.${i}`, message: `Transcript ${id} is not in the round “${round.name}”.` }))
  ;(query.coders ?? []).forEach((id, i) => roundCoders.has(id) || problems.push({ path: `coders.${i}`, message: `${id} is not a coder of the round “${round.name}”.` }))
  const transcripts = query.transcripts ? round.transcripts.filter((t) => query.transcripts!.includes(t.id)) : round.transcripts
  const coders = query.coders ? round.coders.filter((c) => query.coders!.includes(c.id)) : round.coders
  if (coders.length < 2) problems.push({ path: 'coders', message: 'Agreement needs at least two coders.' })
  if (transcripts.length === 0) problems.push({ path: 'transcripts', message: 'Choose at least one transcript of the round.' })
  const codebook = await loadCodes(db, projectId)
  const codeIds = new Set(codebook.map((c) => c.id))
  ;(query.codes ?? []).forEach((id, i) => codeIds.has(id) || problems.push({ path: `codes.${i}`, message: `No code ${id} in this project.` }))
  if (problems.length) throw badInput('Please correct the agreement parameters.', problems)

  const transcriptIds = transcripts.map((t) => t.id)
  const coderIds = coders.map((c) => c.id)
  const rows = await db
    .select({ document: codings.transcriptId, coder: codings.layerOwner, code: codings.codeId, start: codings.start, end: codings.end })
    .from(codings)
    .where(and(inArray(codings.transcriptId, transcriptIds), eq(codings.layer, 'coder'), inArray(codings.layerOwner, coderIds), ownMarks))
  const texts = await db.select().from(transcriptTexts).where(inArray(transcriptTexts.transcriptId, transcriptIds))
  const textOf = new Map(texts.map((t) => [t.transcriptId, t]))
  const statuses: StatusRating[] =
    query.unit === 'status'
      ? (
          await db
            .select({ caseId: fitStatuses.caseId, codeId: fitStatuses.codeId, coderId: fitStatuses.coderId, status: fitStatuses.status })
            .from(fitStatuses)
            .where(and(eq(fitStatuses.projectId, projectId), ne(fitStatuses.coderId, ''), inArray(fitStatuses.coderId, coderIds)))
        ).filter((s) => transcripts.some((t) => t.caseId === s.caseId))
      : []

  const notes: string[] = []
  const documents: AgreementDocument[] = transcripts.map((t) => {
    const text = textOf.get(t.id)
    const doc: AgreementDocument = { id: t.id, length: text?.text.length ?? 0, caseId: t.caseId }
    if (query.unit === 'segment') doc.segments = documentSegments(query.segment, text?.text ?? '', text?.paragraphs ?? [])
    return doc
  })
  const lengthOf = new Map(documents.map((d) => [d.id, d.length]))
  // A layer projected before the lead's last text edit may hold offsets past the current text.
  let clipped = 0
  const spans: Coding[] = []
  for (const r of rows) {
    const length = lengthOf.get(r.document) ?? 0
    const end = Math.min(r.end, length)
    if (end < r.end) clipped++
    if (r.start < end) spans.push({ document: r.document, coder: r.coder!, code: r.code, start: r.start, end })
  }
  if (clipped) notes.push(`${clipped} coding(s) reached past the end of the current text and were cut at its end`)
  spans.sort((a, b) => cmp(a.document, b.document) || cmp(a.coder, b.coder) || cmp(a.code, b.code) || a.start - b.start || a.end - b.end)
  statuses.sort((a, b) => cmp(a.caseId, b.caseId) || cmp(a.codeId, b.codeId) || cmp(a.coderId, b.coderId))

  const used = new Set(query.unit === 'status' ? statuses.map((s) => s.codeId) : spans.map((s) => s.code))
  const codes = query.codes ? codebook.filter((c) => query.codes!.includes(c.id)).map((c) => c.id) : codebook.filter((c) => used.has(c.id)).map((c) => c.id)
  const textHashes = Object.fromEntries(transcripts.map((t) => [t.id, sha256(textOf.get(t.id)?.text ?? '').slice(0, 16)]))
  const input: AgreementInput = {
    unit: query.unit,
    documents,
    coders: coderIds,
    codes,
    codings: spans,
    statuses,
    threshold: query.threshold,
    overlap: query.overlap,
    bootstrap: query.bootstrap,
    seed: query.seed,
  }
  const snapshotId = sha256(JSON.stringify({ round: round.id, coders: coderIds, documents: documents.map((d) => [d.id, textHashes[d.id]]), codings: spans, statuses })).slice(0, 16)
  const labels: AgreementLabels = {
    coders: Object.fromEntries(coders.map((c) => [c.id, c.name])),
    codes: Object.fromEntries(codebook.filter((c) => codes.includes(c.id)).map((c) => [c.id, { key: c.key, name: { zh: c.nameZh, en: c.nameEn }, color: c.color }])),
    transcripts: Object.fromEntries(transcripts.map((t) => [t.id, { title: t.title, caseId: t.caseId }])),
  }
  return { role, round, data: { input, labels, notes, snapshotId, textHashes } }
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
