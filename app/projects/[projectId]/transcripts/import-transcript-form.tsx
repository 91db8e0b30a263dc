'use client'
/**
 * The lead's import form. Every value stays in state until an import succeeds, so a refused
 * upload (wrong file, bad date, unknown case) loses nothing; the server's problems are shown
 * beside their fields and listed under the form.
 */
import { useState, type FormEvent } from 'react'
import Link from 'next/link'
import { useRouter } from 'next/navigation'
import { useI18n } from '@/app/i18n/i18n-provider'
import { ApiError } from '@/app/lib/api-client'
import { MetaFieldsEditor, type CaseOption } from './meta-fields'
import { fileProblem, SourceFields, type Source } from './source-fields'
import { emptyMeta, titleFromFileName, toMeta, type MetaFields } from './transcript-meta'
import { uploadTranscript, type ImportResult } from './upload-transcript'

type Status = { kind: 'idle' } | { kind: 'uploading'; fraction: number } | { kind: 'processing' }

export function ImportTranscriptForm({ projectId, cases }: { projectId: string; cases: CaseOption[] }) {
  const { t } = useI18n()
  const router = useRouter()
  const [fields, setFields] = useState<MetaFields>(emptyMeta)
  const [source, setSource] = useState<Source>('file')
  const [file, setFile] = useState<File | null>(null)
  const [fileInputKey, setFileInputKey] = useState(0)
  const [text, setText] = useState('')
  const [status, setStatus] = useState<Status>({ kind: 'idle' })
  const [error, setError] = useState<ApiError | null>(null)
  const [attempted, setAttempted] = useState(false)
  const [done, setDone] = useState<ImportResult | null>(null)
  const busy = status.kind !== 'idle'

  const update = (patch: Partial<MetaFields>) => setFields((f) => ({ ...f, ...patch }))
  const chooseFile = (f: File | null) => {
    setFile(f)
    if (f && !fields.title.trim()) update({ title: titleFromFileName(f.name) })
  }

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault()
    setAttempted(true)
    setDone(null)
    setError(null)
    if (source === 'file' ? fileProblem(file) : !text.trim()) return
    const form = new FormData()
    form.set('meta', JSON.stringify(toMeta(fields)))
    if (source === 'file' && file) form.set('file', file)
    else form.set('text', text)
    setStatus({ kind: 'uploading', fraction: 0 })
    try {
      const result = await uploadTranscript(projectId, form, (fraction) => setStatus(fraction >= 1 ? { kind: 'processing' } : { kind: 'uploading', fraction }))
      setDone(result)
      setFields((f) => ({ ...emptyMeta, caseId: f.caseId, mode: f.mode, protocol: f.protocol }))
      setFile(null)
      setFileInputKey((k) => k + 1)
      setText('')
      setAttempted(false)
      router.refresh()
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(err instanceof Error ? err.message : String(err), 0))
    } finally {
      setStatus({ kind: 'idle' })
    }
  }

  return (
    <form className="card stack import-form" aria-labelledby="import-title" onSubmit={submit} data-testid="import-transcript">
      <h2 id="import-title">{t('transcripts.import')}</h2>
      <MetaFieldsEditor value={fields} onChange={update} cases={cases} problems={error?.problems ?? []} />
      <SourceFields
        key={fileInputKey}
        source={source}
        onSource={setSource}
        file={file}
        onFile={chooseFile}
        text={text}
        onText={setText}
        problems={error?.problems ?? []}
        showFileCheck={attempted}
      />
      {error && (
        <div role="alert" className="error-box" data-testid="import-error">
          <p className="error">{t('transcriptsPage.importFailed', { message: error.message })}</p>
          {error.problems.length > 0 && (
            <ul>
              {error.problems.map((p, i) => (
                <li key={i}>
                  <code>{p.path}</code>: {p.message}
                </li>
              ))}
            </ul>
          )}
          <p className="hint">{t('transcriptsPage.nothingLost')}</p>
        </div>
      )}
      {done && (
        <p role="status" className="success" data-testid="import-success">
          {t('transcripts.imported', { title: done.title, turns: done.turns })}{' '}
          <Link href={`/projects/${projectId}/transcripts/${done.id}`}>{t('transcripts.open')}</Link>
        </p>
      )}
      <div className="row">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('transcriptsPage.importing') : t('transcripts.import')}
        </button>
        {status.kind === 'uploading' && (
          <span className="row" role="status">
            <progress max={1} value={status.fraction} aria-label={t('transcriptsPage.uploading')} />
            <span className="hint">{t('transcriptsPage.uploadingPct', { pct: Math.round(status.fraction * 100) })}</span>
          </span>
        )}
        {status.kind === 'processing' && (
          <span className="row" role="status">
            <progress aria-label={t('transcriptsPage.processing')} />
            <span className="hint">{t('transcriptsPage.processing')}</span>
          </span>
        )}
      </div>
    </form>
  )
}
