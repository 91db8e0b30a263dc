'use client'
/** Deleting a code removes its sub-codes and every coding that uses them: count first, then say so. */
import { useState } from 'react'
import { useRouter } from 'next/navigation'
import { useI18n } from '@/app/i18n/i18n-provider'
import { api } from '@/app/lib/api-client'
import type { CodeEntry } from './code-tree'
import { Modal } from './modal'
import { useCodingCounts } from './use-coding-count'

export function DeleteCodeDialog({ projectId, code, onClose }: { projectId: string; code: CodeEntry; onClose: () => void }) {
  const { t, pick } = useI18n()
  const router = useRouter()
  const { counts, error: countError } = useCodingCounts(projectId, [code.id])
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const name = pick(code.name)
  const count = counts?.[0]

  async function remove() {
    if (!count) return
    setBusy(true)
    setError(null)
    try {
      await api(`/api/projects/${projectId}/codebook/${code.id}${count.codings > 0 ? '?force=1' : ''}`, { method: 'DELETE' })
      router.refresh()
      onClose()
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e))
      setBusy(false)
    }
  }

  return (
    <Modal title={t('codebookPage.deleteTitle', { name })} onClose={onClose} testId="delete-code-dialog">
      <div className="stack">
        {!count && !countError && <p className="muted">{t('codebookPage.counting')}</p>}
        {countError && <p role="alert" className="error">{countError}</p>}
        {count && (
          <div className={count.codings > 0 ? 'warning-box' : ''} data-testid="delete-warning">
            <p>{count.codings > 0 ? t('codebook.deleteWithCodings', { name, count: count.codings }) : t('codebook.deleteConfirm', { name })}</p>
            {count.codes > 1 && <p>{t('codebookPage.deleteSubcodes', { count: count.codes - 1 })}</p>}
          </div>
        )}
        {error && <p role="alert" className="error">{error}</p>}
        <div className="row dialog-actions">
          <button type="button" className="danger" onClick={remove} disabled={!count || busy}>
            {count && count.codings > 0 ? t('codebookPage.deleteWithCount', { count: count.codings }) : t('common.delete')}
          </button>
          <button type="button" onClick={onClose} autoFocus>
            {t('common.cancel')}
          </button>
        </div>
      </div>
    </Modal>
  )
}
