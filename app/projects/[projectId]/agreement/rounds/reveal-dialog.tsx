'use client'
/** Confirms the reveal of a round: it cannot be undone. */
import { useEffect, useRef, useState } from 'react'
import { useI18n } from '@/app/i18n/i18n-provider'
import { api } from '@/app/lib/api-client'

export function RevealDialog({ projectId, round, onClose, onRevealed }: { projectId: string; round: { id: string; name: string }; onClose: () => void; onRevealed: () => void }) {
  const { t } = useI18n()
  const ref = useRef<HTMLDialogElement>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    ref.current?.showModal()
  }, [])
  const reveal = async () => {
    setBusy(true)
    setError(null)
    try {
      await api(`/api/projects/${projectId}/rounds/${round.id}/reveal`, { method: 'POST' })
      onRevealed()
    } catch (e) {
      setError((e as Error).message)
      setBusy(false)
    }
  }
  return (
    <dialog ref={ref} onClose={onClose} aria-labelledby="reveal-title" data-testid="reveal-dialog">
      <div className="stack">
        <h2 id="reveal-title" className="dialog-head">
          {t('agr.rounds.revealTitle', { name: round.name })}
        </h2>
        <p style={{ margin: 0 }}>{t('agr.rounds.revealBody')}</p>
        {error && <p className="error">{error}</p>}
        <div className="row dialog-actions">
          <button type="button" onClick={() => ref.current?.close()} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button type="button" className="primary" onClick={reveal} disabled={busy} data-testid="reveal-confirm">
            {busy ? t('agr.rounds.revealing') : t('agr.rounds.revealConfirm')}
          </button>
        </div>
      </div>
    </dialog>
  )
}
