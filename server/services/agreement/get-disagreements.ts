/**
 * The drill-down of an agreement cell: the passages on which the chosen coders disagree about one
 * code, with the text around each and a link that opens the transcript there. These are the
 * codings themselves, so they are shown only to whoever may read the revealed layers: the lead,
 * or the coders when the project allows it.
 */
import type { LiveDocs } from '../../context'
import { eq, and, inArray } from 'drizzle-orm'
import { z } from 'zod'
import type { Db } from '../../../db/client'
import { projects, transcriptTexts } from '../../../db/schema'
import { findDisagreements } from '../../domain/agreement/report'
import { badInput, ConcordError, problemsFromZod } from '../../errors'
import { requireProjectRole, type Actor } from '../access'
import { agreementQuerySchema } from './agreement-query'
import { loadAgreementData } from './load-agreement-data'

const disagreementQuerySchema = agreementQuerySchema.extend({
  code: z.string().trim().min(1, 'Which code? Give its id.').max(64),
  limit: z.coerce.number().int().min(1).max(2000).default(200),
})

const contextChars = 80

export async function getDisagreements(db: Db, actor: Actor | null, projectId: string, raw: unknown, live: Pick<LiveDocs, 'settleCodings'> | null = null) {
  const role = await requireProjectRole(db, actor, projectId)
  const parsed = disagreementQuerySchema.safeParse(raw ?? {})
  if (!parsed.success) throw badInput('Please correct the drill-down parameters.', problemsFromZod(parsed.error.issues))
  const { code, limit, ...query } = parsed.data
  if (query.unit === 'status') throw badInput('The framework-status unit has no passages to show.', [{ path: 'unit', message: 'use span, segment, matched or document' }])
  // Refused before loading (and settling the live rooms' codings): that work would be wasted.
  const [project] = await db.select({ settings: projects.settings }).from(projects).where(eq(projects.id, projectId))
  if (!(role === 'lead' || (role === 'coder' && project?.settings.coderSeesRevealed)))
    throw new ConcordError('forbidden', 'The disagreeing passages show the coders’ codings: only the lead (or, if the lead allows it, the coders) may open them.')
  const { round, data } = await loadAgreementData(db, actor, projectId, { ...query, codes: [code] }, live)
  if (!round || !data) return { round: null, code, passages: [], total: 0 }

  const { passages, total } = findDisagreements({ unit: query.unit, documents: data.input.documents, coders: data.input.coders, code, codings: data.input.codings, threshold: query.threshold, overlap: query.overlap, limit })
  const ids = [...new Set(passages.map((p) => p.document))]
  const texts = ids.length ? await db.select({ id: transcriptTexts.transcriptId, text: transcriptTexts.text }).from(transcriptTexts).where(and(inArray(transcriptTexts.transcriptId, ids))) : []
  const textOf = new Map(texts.map((t) => [t.id, t.text]))
  return {
    round: { id: round.id, name: round.name },
    code,
    coders: data.input.coders,
    labels: data.labels,
    total,
    passages: passages.map((p) => {
      const text = textOf.get(p.document) ?? ''
      return {
        ...p,
        title: data.labels.transcripts[p.document]?.title ?? p.document,
        text: text.slice(p.start, p.end),
        before: text.slice(Math.max(0, p.start - contextChars), p.start),
        after: text.slice(p.end, p.end + contextChars),
        href: `/projects/${projectId}/transcripts/${p.document}?at=${p.start}-${p.end}`,
      }
    }),
  }
}
