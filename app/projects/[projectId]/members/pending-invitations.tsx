'use client'
/** Invitations not yet accepted: who (or "anyone with the link"), role, expiry, the link, revoke. */
import { useState } from 'react'
import { useRouter } from 'next/navigation'
import { useI18n } from '@/app/i18n/i18n-provider'
import { api } from '@/app/lib/api-client'
import { CopyButton } from '@/app/components/copy-button'
import type { Role } from './members-table'
import { inviteLink, useOrigin } from './use-origin'

export interface InvitationItem {
  id: string
  email: string | null
  role: Role
  token: string
  expires: string
  expired: boolean
}

export function PendingInvitations({ projectId, invitations }: { projectId: string; invitations: InvitationItem[] }) {
  const { t } = useI18n()
  const router = useRouter()
  const origin = useOrigin()
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState<string | null>(null)

  async function revoke(id: string) {
    setBusy(id)
    setError(null)
    try {
      await api(`/api/projects/${projectId}/invitations/${id}`, { method: 'DELETE' })
      router.refresh()
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e))
    } finally {
      setBusy(null)
    }
  }

  return (
    <section className="card stack" aria-labelledby="pending-title" data-testid="pending-invitations">
      <h3 id="pending-title">{t('members.pending')}</h3>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {invitations.length === 0 ? (
        <p className="muted">{t('membersPage.noPending')}</p>
      ) : (
        <ul className="plain">
          {invitations.map((inv) => (
            <li key={inv.id} className="invitation">
              <span>{inv.email ?? <em>{t('membersPage.anyoneWithLink')}</em>}</span>
              <span className={`badge role-${inv.role}`}>{t(`role.${inv.role}`)}</span>
              <span className={inv.expired ? 'error small' : 'muted small'}>{inv.expired ? t('membersPage.expired') : t('membersPage.expires', { date: inv.expires })}</span>
              <span className="row">
                {origin && <CopyButton value={inviteLink(origin, inv.token)} label={t('membersPage.copyLink')} />}
                <button type="button" className="small danger" onClick={() => revoke(inv.id)} disabled={busy === inv.id} aria-label={`${t('members.revoke')}: ${inv.email ?? t('membersPage.anyoneWithLink')}`}>
                  {t('members.revoke')}
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
