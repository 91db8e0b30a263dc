/**
 * `GET /api/projects/:id/fit/export?format=csv|xlsx|docx&lang=zh|en`: the fit results as a file.
 * CSV: the long table (or `table=summary`, the cross-case summary); XLSX and DOCX: the case
 * tables and the cross-case summary like the study's, with each cell's summary.
 */
import { z } from 'zod'
import type { Db } from '../../../db/client'
import type { LiveDocs } from '../../context'
import { badInput, problemsFromZod } from '../../errors'
import type { Actor } from '../access'
import { buildFitTables } from './build-fit-tables'
import { getFrameworkMatrix } from './get-framework-matrix'
import { writeFitCsv } from './write-fit-csv'
import { writeFitDocx } from './write-fit-docx'
import { writeFitXlsx } from './write-fit-xlsx'

export const fitExportQuerySchema = z.object({
  format: z.enum(['csv', 'xlsx', 'docx'], { message: 'format must be csv, xlsx or docx' }),
  lang: z.enum(['zh', 'en']).default('zh'),
  table: z.enum(['indicators', 'summary']).default('indicators'),
})

export interface ExportedFile {
  fileName: string
  contentType: string
  body: Uint8Array
}

const contentTypes = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
}

export async function exportFit(db: Db, actor: Actor | null, projectId: string, query: unknown, live: Pick<LiveDocs, 'readState' | 'settleCodings'> | null = null): Promise<ExportedFile> {
  const matrix = await getFrameworkMatrix(db, actor, projectId, live)
  const parsed = fitExportQuerySchema.safeParse(query)
  if (!parsed.success) throw badInput('Invalid export request.', problemsFromZod(parsed.error.issues))
  const { format, lang, table } = parsed.data
  const tables = buildFitTables(matrix, lang, matrix.projectName)
  const body =
    format === 'csv' ? new TextEncoder().encode(writeFitCsv(tables, table)) : format === 'xlsx' ? await writeFitXlsx(tables) : await writeFitDocx(tables)
  const suffix = format === 'csv' && table === 'summary' ? '-summary' : ''
  return { fileName: `${matrix.projectName}-fit${suffix}.${format}`, contentType: contentTypes[format], body }
}

/** Content-Disposition with an ASCII fallback and the UTF-8 name (RFC 6266 / 5987). */
export function attachmentHeader(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_')
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`
}
