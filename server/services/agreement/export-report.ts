/** A pinned report as CSV (long form) or as a methods paragraph in English or Chinese. */
import { z } from 'zod'
import type { Db } from '../../../db/client'
import { writeMethodsParagraph, writeReportCsv } from '../../domain/agreement/report'
import { badInput, problemsFromZod } from '../../errors'
import { requireProjectRole, type Actor } from '../access'
import { loadStoredReport } from './get-report'

const exportQuerySchema = z.object({ format: z.enum(['csv', 'methods']).default('csv'), lang: z.enum(['en', 'zh']).default('en') }).strict()

export async function exportReport(db: Db, actor: Actor | null, projectId: string, reportId: string, raw: unknown) {
  await requireProjectRole(db, actor, projectId)
  const parsed = exportQuerySchema.safeParse(raw ?? {})
  if (!parsed.success) throw badInput('Please correct the export parameters.', problemsFromZod(parsed.error.issues))
  const { format, lang } = parsed.data
  const r = await loadStoredReport(db, projectId, reportId)
  const s = r.snapshot
  const coderName = (id: string) => s.coders.find((c) => c.id === id)?.name ?? id
  const code = (id: string) => s.codes.find((c) => c.id === id)
  const codeName = (id: string) => {
    const c = code(id)
    return c ? (lang === 'zh' ? c.name.zh || c.name.en : c.name.en || c.name.zh) : id
  }
  const base = `concord-agreement-${s.query.unit}-${s.id}`
  if (format === 'csv') {
    return { fileName: `${base}.csv`, contentType: 'text/csv; charset=utf-8', body: '\ufeff' + writeReportCsv(r.result, { coderName, codeName }) }
  }
  const text = writeMethodsParagraph({
    lang,
    result: r.result,
    segment: s.query.segment,
    threshold: s.query.threshold,
    overlap: s.query.overlap,
    roundName: s.round.name,
    coderNames: s.coders.map((c) => c.name),
    codeName,
    transcripts: s.documents.length,
    software: s.software,
    snapshotId: s.id,
    date: r.createdAt.toISOString().slice(0, 10),
  })
  return { fileName: `${base}-methods-${lang}.txt`, contentType: 'text/plain; charset=utf-8', body: text + '\n' }
}
