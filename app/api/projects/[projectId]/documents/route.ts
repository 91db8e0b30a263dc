import { route } from '@/app/lib/route-handler'
import { ConcordError } from '@/server/errors'
import { requireProjectRole } from '@/server/services/access'
import { listDocuments } from '@/server/services/transcripts/list-documents'
import { importTranscript } from '@/server/services/transcripts/import-transcript'

export const GET = route(({ ctx, actor, params }) => listDocuments(ctx.db, actor, params.projectId))

/** multipart/form-data: `meta` (JSON) and either `file` or `text`; or JSON { meta, text }. */
export const POST = route(async ({ ctx, actor, params, req }) => {
  // Authorize before reading an upload of up to 5 MB (importTranscript checks again).
  await requireProjectRole(ctx.db, actor, params.projectId, 'lead')
  const type = req.headers.get('content-type') ?? ''
  if (type.includes('multipart/form-data')) {
    const form = await req.formData()
    let meta: unknown
    try {
      meta = JSON.parse(String(form.get('meta') ?? '{}'))
    } catch {
      throw new ConcordError('bad_input', 'The transcript details are not valid JSON.', [{ path: 'meta', message: 'invalid JSON' }])
    }
    const file = form.get('file')
    const text = form.get('text')
    const upload = file instanceof File && file.size > 0 ? { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } : file instanceof File && file.name ? { name: file.name, bytes: new Uint8Array() } : null
    const result = await importTranscript(ctx.db, actor, params.projectId, { meta, file: upload, text: typeof text === 'string' ? text : null })
    ctx.events.publish(params.projectId, 'documents')
    return result
  }
  const body = (await req.json().catch(() => null)) as { meta?: unknown; text?: string } | null
  if (!body) throw new ConcordError('bad_input', 'Send multipart/form-data with a file, or JSON { meta, text }.', [{ path: '(body)', message: 'invalid body' }])
  const result = await importTranscript(ctx.db, actor, params.projectId, { meta: body.meta ?? {}, text: body.text ?? null })
  ctx.events.publish(params.projectId, 'documents')
  return result
})
