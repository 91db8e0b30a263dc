'use client'
/** Writing a memo on a coded span, and reading/deleting the memos at a margin marker. */
import { useEffect, useRef, useState } from 'react'
import { api, ApiError } from '@/app/lib/api-client'
import { useI18n } from '@/app/i18n/i18n-provider'
import type { CodeInfo, MemoView } from './types'

export function MemoDialog({
  projectId,
  transcriptId,
  target,
  code,
  onDone,
}: {
  projectId: string
  transcriptId: string
  target: { codeId: string | null; start: number; end: number; excerpt: string }
  code: CodeInfo | null
  onDone: (saved: boolean) => void
}) {
  const { t, pick } = useI18n()
  const ref = useRef<HTMLDialogElement>(null)
  const [body, setBody] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  useEffect(() => ref.current?.showModal(), [])
  const save = async () => {
    setBusy(true)
    setError('')
    try {
      await api(`/api/projects/${projectId}/transcripts/${transcriptId}/memos`, { method: 'POST', json: { codeId: target.codeId, start: target.start, end: target.end, body } })
      onDone(true)
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e))
      setBusy(false)
    }
  }
  return (
    <dialog ref={ref} onClose={() => onDone(false)} data-testid="memo-dialog">
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault()
          void save()
        }}
      >
        <h3>{t('editor.memoTitle')}</h3>
        <p className="muted small">
          {code && (
            <>
              <span className="swatch" style={{ background: code.color }} /> {pick(code.name)} ·{' '}
            </>
          )}
          “{target.excerpt.length > 160 ? target.excerpt.slice(0, 160) + '…' : target.excerpt}”
        </p>
        <label>
          {t('editor.memoBody')}
          <textarea autoFocus rows={5} value={body} onChange={(e) => setBody(e.target.value)} required />
        </label>
        {error && <p className="error">{error}</p>}
        <div className="row dialog-actions">
          <button type="button" onClick={() => onDone(false)}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="primary" disabled={busy || !body.trim()}>
            {busy ? t('common.saving') : t('common.save')}
          </button>
        </div>
      </form>
    </dialog>
  )
}

export function MemoPopover({
  memos,
  anchor,
  codeById,
  canDelete,
  onDelete,
  onClose,
}: {
  memos: readonly MemoView[]
  anchor: { left: number; top: number }
  codeById: ReadonlyMap<string, CodeInfo>
  canDelete: (m: MemoView) => boolean
  onDelete: (m: MemoView) => void
  onClose: () => void
}) {
  const { t, pick, locale } = useI18n()
  return (
    <div className="memo-popover card" style={{ left: anchor.left, top: anchor.top }} role="dialog" aria-label={t('editor.memos')} data-testid="memo-popover">
      <div className="row between">
        <h4>{t('editor.memos')}</h4>
        <button type="button" className="link" onClick={onClose} aria-label={t('common.close')}>
          ✕
        </button>
      </div>
      {memos.map((m) => {
        const code = m.codeId ? codeById.get(m.codeId) : null
        return (
          <div key={m.id} className="memo-item">
            {code && (
              <div className="small muted">
                <span className="swatch" style={{ background: code.color }} /> {pick(code.name)}
              </div>
            )}
            <p className="memo-body">{m.body}</p>
            <div className="row between small muted">
              <span>
                {m.authorName ?? t('editor.unknownUser')} · {new Date(m.createdAt).toLocaleString(locale === 'zh' ? 'zh-CN' : 'en')}
              </span>
              {canDelete(m) && (
                <button type="button" className="small danger" onClick={() => onDelete(m)}>
                  {t('common.delete')}
                </button>
              )}
            </div>
          </div>
        )
      })}
    </div>
  )
}
