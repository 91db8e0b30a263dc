'use client'
/** Where the text comes from: a file (.txt, .md, .docx) or pasted text, with a live turn preview. */
import { useEffect, useState } from 'react'
import { useI18n } from '@/app/i18n/i18n-provider'
import type { MessageKey } from '@/app/i18n/messages'
import { stripMarkdown } from '@/server/domain/formats/transcript-text'
import { problemAt } from './meta-fields'
import { ACCEPTED_EXTENSIONS, extensionOf, MAX_UPLOAD_BYTES } from './transcript-meta'
import { TurnsPreview } from './turns-preview'

export type Source = 'file' | 'paste'

/** Checks a chosen file before it is sent; the server checks again. */
export function fileProblem(file: File | null): MessageKey | null {
  if (!file) return 'transcriptsPage.noFile'
  if (!ACCEPTED_EXTENSIONS.includes(extensionOf(file.name))) return 'transcriptsPage.badType'
  if (file.size > MAX_UPLOAD_BYTES) return 'transcriptsPage.tooLarge'
  if (file.size === 0) return 'transcriptsPage.emptyFile'
  return null
}

/** Text files can be previewed in the browser; Word files are read on the server. */
function useFileText(file: File | null): string {
  const [text, setText] = useState('')
  useEffect(() => {
    let live = true
    setText('')
    const ext = file ? extensionOf(file.name) : ''
    if (file && file.size <= MAX_UPLOAD_BYTES && ['txt', 'md', 'markdown'].includes(ext)) {
      file.text().then((raw) => live && setText(ext === 'txt' ? raw : stripMarkdown(raw)), () => {})
    }
    return () => {
      live = false
    }
  }, [file])
  return text
}

export function SourceFields({
  source,
  onSource,
  file,
  onFile,
  text,
  onText,
  problems,
  showFileCheck,
}: {
  source: Source
  onSource: (s: Source) => void
  file: File | null
  onFile: (f: File | null) => void
  text: string
  onText: (s: string) => void
  problems: { path: string; message: string }[]
  /** After a submit attempt, say what is wrong with the chosen file (not while choosing). */
  showFileCheck: boolean
}) {
  const { t } = useI18n()
  const fileText = useFileText(file)
  const check = fileProblem(file)
  const fileError = problemAt(problems, 'file') ?? (check && (showFileCheck || file) ? t(check, { name: file?.name ?? '' }) : undefined)
  const textError = problemAt(problems, 'text') ?? (showFileCheck && source === 'paste' && !text.trim() ? t('transcriptsPage.noText') : undefined)
  return (
    <fieldset className="stack">
      <legend>{t('transcriptsPage.source')}</legend>
      <div className="row">
        <label className="inline">
          <input type="radio" name="source" value="file" checked={source === 'file'} onChange={() => onSource('file')} /> {t('transcriptsPage.sourceFile')}
        </label>
        <label className="inline">
          <input type="radio" name="source" value="paste" checked={source === 'paste'} onChange={() => onSource('paste')} /> {t('transcriptsPage.sourcePaste')}
        </label>
      </div>
      {source === 'file' ? (
        <label>
          {t('transcripts.file')}
          <input
            type="file"
            name="file"
            accept=".txt,.md,.markdown,.docx,text/plain,text/markdown,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            onChange={(e) => onFile(e.target.files?.[0] ?? null)}
            aria-invalid={fileError ? true : undefined}
            aria-describedby={fileError ? 'tr-file-error' : undefined}
            data-testid="transcript-file"
          />
          {file && (
            <span className="hint">
              {file.name} · {t('transcriptsPage.fileSize', { kb: Math.max(1, Math.round(file.size / 1024)) })}
            </span>
          )}
          {fileError && (
            <span id="tr-file-error" className="field-error">
              {fileError}
            </span>
          )}
          {file && extensionOf(file.name) === 'docx' && !fileError && <span className="hint">{t('transcriptsPage.docxNoPreview')}</span>}
        </label>
      ) : (
        <label>
          {t('transcripts.paste')}
          <textarea
            name="text"
            rows={10}
            value={text}
            onChange={(e) => onText(e.target.value)}
            aria-invalid={textError ? true : undefined}
            aria-describedby={['tr-text-hint', textError ? 'tr-text-error' : ''].filter(Boolean).join(' ')}
            data-testid="transcript-text"
          />
          <span id="tr-text-hint" className="hint">
            {t('transcripts.pasteHint')}
          </span>
          {textError && (
            <span id="tr-text-error" className="field-error">
              {textError}
            </span>
          )}
        </label>
      )}
      <TurnsPreview text={source === 'file' ? fileText : text} />
    </fieldset>
  )
}
