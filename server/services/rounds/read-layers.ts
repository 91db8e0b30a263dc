/**
 * The reveal view's data: a transcript's text and every coder layer of its independent round, as
 * projected rows. Blindness holds here as in the sync server: before the reveal nobody — the lead
 * included — gets any layer; after it the lead gets them all, a coder all of them only when the
 * project lets coders see revealed layers, otherwise just their own, and a viewer none.
 */
import type { LiveDocs } from '../../context'
import { and, asc, eq, inArray } from 'drizzle-orm'
import type { Db } from '../../../db/client'
import { codings, projects, transcripts, transcriptTexts } from '../../../db/schema'
import { ConcordError } from '../../errors'
import { requireProjectRole, type Actor } from '../access'
import { findLatestRounds } from '../transcripts/find-rounds'
import { ownMarks } from '../agreement/load-agreement-data'
import { loadRound } from './load-round'

export async function readLayers(db: Db, actor: Actor | null, projectId: string, transcriptId: string, live: Pick<LiveDocs, 'settleCodings'> | null = null) {
  const role = await requireProjectRole(db, actor, projectId)
  const [t] = await db.select({ id: transcripts.id, title: transcripts.title }).from(transcripts).where(and(eq(transcripts.id, transcriptId), eq(transcripts.projectId, projectId)))
  if (!t) throw new ConcordError('not_found', 'No such transcript in this project.')
  const latest = (await findLatestRounds(db, [transcriptId])).get(transcriptId)
  if (!latest) return { transcript: t, round: null, text: '', paragraphs: [], layers: [] }
  if (latest.state === 'blind') throw new ConcordError('forbidden', 'The coders’ layers stay blind until the lead reveals the round.')
  const round = await loadRound(db, projectId, latest.id)
  const [project] = await db.select({ settings: projects.settings }).from(projects).where(eq(projects.id, projectId))
  const isCoder = round.coders.some((c) => c.id === actor!.userId)
  const seesAll = role === 'lead' || (role === 'coder' && (project?.settings.coderSeesRevealed ?? false))
  if (!seesAll && !isCoder) throw new ConcordError('forbidden', 'Only the lead (or, if the lead allows it, the coders) may read the revealed layers.')
  const shown = seesAll ? round.coders : round.coders.filter((c) => c.id === actor!.userId)
  await live?.settleCodings(projectId) // rows include what the live documents have received
  const rows = await db
    .select({ owner: codings.layerOwner, codeId: codings.codeId, start: codings.start, end: codings.end })
    .from(codings)
    .where(and(eq(codings.transcriptId, transcriptId), eq(codings.layer, 'coder'), inArray(codings.layerOwner, shown.map((c) => c.id)), ownMarks))
    .orderBy(asc(codings.start), asc(codings.end))
  const [text] = await db.select().from(transcriptTexts).where(eq(transcriptTexts.transcriptId, transcriptId))
  return {
    transcript: t,
    round: { id: round.id, name: round.name, state: round.state },
    partial: !seesAll,
    text: text?.text ?? '',
    paragraphs: text?.paragraphs ?? [],
    layers: shown.map((c) => ({ coderId: c.id, name: c.name, codings: rows.filter((r) => r.owner === c.id).map(({ codeId, start, end }) => ({ codeId, start, end })) })),
  }
}
