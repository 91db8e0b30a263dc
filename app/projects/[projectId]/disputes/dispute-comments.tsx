'use client'
/** The small discussion thread of a dispute: coders and the lead write while it is open; everyone reads. */
import { useCallback, useEffect, useState } from 'react'
import { useI18n } from '@/app/i18n/i18n-provider'
import { api } from '@/app/lib/api-client'

interface Comment {
  id: string
  authorId: string | null
  authorName: string | null
  body: string
  createdAt: string
}

export function DisputeComments({ projectId, disputeId, open, canWrite, commentCount }: { projectId: string; disputeId: string; open: boolean; canWrite: boolean; commentCount: number }) {
  const { t, locale } = useI18n()
  const [comments, setComments] = useState<Comment[] | null>(null)
  const [body, setBody] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const load = useCallback(async () => {
    try {
      setComments(await api<Comment[]>(`/api/projects/${projectId}/disputes/${disputeId}/comments`))
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e))
    }
  }, [projectId, disputeId])
  // The page refetches on every 'disputes' event; a changed count means someone wrote.
  useEffect(() => {
    void load()
  }, [load, commentCount])

  async function send() {
    if (!body.trim()) return
    setBusy(true)
    setError(null)
    try {
      await api(`/api/projects/${projectId}/disputes/${disputeId}/comments`, { method: 'POST', json: { body } })
      setBody('')
      await load()
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="dsp-thread" aria-label={t('disputes.thread')}>
      <h3 className="small">{t('disputes.thread')}</h3>
      {comments === null ? (
        <p className="muted small">{t('common.loading')}</p>
      ) : comments.length === 0 ? (
        <p className="muted small">{t('disputes.noComments')}</p>
      ) : (
        <ol className="plain dsp-comments" data-testid="comments">
          {comments.map((c) => (
            <li key={c.id}>
              <strong>{c.authorName ?? '—'}</strong>{' '}
              <time className="muted small" dateTime={c.createdAt} suppressHydrationWarning>
                {new Date(c.createdAt).toLocaleString(locale === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'short', timeStyle: 'short' })}
              </time>
              <p>{c.body}</p>
            </li>
          ))}
        </ol>
      )}
      {!canWrite ? (
        <p className="hint">{t('disputes.commentsReadOnly')}</p>
      ) : !open ? (
        <p className="hint">{t('disputes.commentsClosed')}</p>
      ) : (
        <div className="stack tight">
          <textarea rows={2} value={body} onChange={(e) => setBody(e.target.value)} placeholder={t('disputes.commentPlaceholder')} aria-label={t('disputes.commentPlaceholder')} data-testid="comment-body" />
          <div className="row">
            <button type="button" className="small" onClick={() => void send()} disabled={busy || !body.trim()} data-testid="comment-send">
              {t('disputes.send')}
            </button>
            {error && (
              <span role="alert" className="error small">
                {error}
              </span>
            )}
          </div>
        </div>
      )}
    </section>
  )
}
