'use client'
/**
 * Merges a code into another. Only the code's own codings move (its sub-codes move under the
 * target with theirs), so the count shown is the code's total minus its children's totals.
 */
import { useState } from 'react'
import { useRouter } from 'next/navigation'
import { useI18n } from '@/app/i18n/i18n-provider'
import { api } from '@/app/lib/api-client'
import { allowedTargets, directChildren, type CodeEntry } from './code-tree'
import { Modal } from './modal'
import { useCodingCounts } from './use-coding-count'

export function MergeCodeDialog({ projectId, codes, code, onClose }: { projectId: string; codes: CodeEntry[]; code: CodeEntry; onClose: () => void }) {
  const { t, pick } = useI18n()
  const router = useRouter()
  const children = directChildren(codes, code.id)
  const { counts, error: countError } = useCodingCounts(projectId, [code.id, ...children.map((c) => c.id)])
  const own = counts ? counts[0].codings - counts.slice(1).reduce((n, c) => n + c.codings, 0) : null
  const targets = allowedTargets(codes, code.id)
  const [intoId, setIntoId] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const into = codes.find((c) => c.id === intoId)
  const from = pick(code.name)

  async function merge() {
    if (!intoId) return
    setBusy(true)
    setError(null)
    try {
      await api(`/api/projects/${projectId}/codebook/${code.id}/merge`, { method: 'POST', json: { intoId } })
      router.refresh()
      onClose()
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e))
      setBusy(false)
    }
  }

  return (
    <Modal title={t('codebookPage.mergeTitle', { name: from })} onClose={onClose} testId="merge-code-dialog">
      <div className="stack">
        <label>
          {t('codebookPage.mergeInto')}
          <select value={intoId} onChange={(e) => setIntoId(e.target.value)} autoFocus>
            <option value="">{t('codebookPage.chooseCode')}</option>
            {targets.map((c) => (
              <option key={c.id} value={c.id}>
                {'\u00a0\u00a0'.repeat(c.depth)}
                {pick(c.name)}
              </option>
            ))}
          </select>
        </label>
        {countError && <p role="alert" className="error">{countError}</p>}
        {into && own == null && !countError && <p className="muted">{t('codebookPage.counting')}</p>}
        {into && own != null && (
          <div className="warning-box" data-testid="merge-warning">
            <p>{t('codebook.mergeConfirm', { from, into: pick(into.name), count: own })}</p>
            {children.length > 0 && <p>{t('codebookPage.mergeChildren', { count: children.length, into: pick(into.name) })}</p>}
          </div>
        )}
        {error && <p role="alert" className="error">{error}</p>}
        <div className="row dialog-actions">
          <button type="button" className="primary" onClick={merge} disabled={!into || own == null || busy}>
            {t('codebookPage.mergeSubmit')}
          </button>
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </div>
    </Modal>
  )
}
