'use client'
import { useState } from 'react'
import { useRouter } from 'next/navigation'
import { useI18n } from '@/app/i18n/i18n-provider'
import { api } from '@/app/lib/api-client'

/** Accepts the invitation, then opens the project. */
export function AcceptButton({ token }: { token: string }) {
  const { t } = useI18n()
  const router = useRouter()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  return (
    <div className="stack">
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div>
        <button
          type="button"
          className="primary"
          disabled={busy}
          data-testid="accept-invite"
          onClick={async () => {
            setBusy(true)
            setError(null)
            try {
              const { projectId } = await api<{ projectId: string }>(`/api/invitations/${encodeURIComponent(token)}/accept`, { method: 'POST' })
              router.push(`/projects/${projectId}`)
              router.refresh()
            } catch (e) {
              setError(e instanceof Error ? e.message : String(e))
              setBusy(false)
            }
          }}
        >
          {busy ? t('invitePage.joining') : t('invite.accept')}
        </button>
      </div>
    </div>
  )
}
