'use client'
/** Invite by email (an existing account joins at once) or create a shareable link (email left empty). */
import { useState, type FormEvent } from 'react'
import { useRouter } from 'next/navigation'
import { useI18n } from '@/app/i18n/i18n-provider'
import { api } from '@/app/lib/api-client'
import { CopyField } from '@/app/components/copy-button'
import { roles, type Role } from './members-table'
import { inviteLink, useOrigin } from './use-origin'

type Result = { added: boolean; email: string | null; role: Role; token: string | null }

export function InviteForm({ projectId }: { projectId: string }) {
  const { t } = useI18n()
  const router = useRouter()
  const origin = useOrigin()
  const [email, setEmail] = useState('')
  const [role, setRole] = useState<Role>('coder')
  const [result, setResult] = useState<Result | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function invite(e: FormEvent) {
    e.preventDefault()
    setBusy(true)
    setError(null)
    setResult(null)
    try {
      const r = await api<Result>(`/api/projects/${projectId}/members`, { method: 'POST', json: { email: email.trim() || null, role } })
      setResult(r)
      setEmail('')
      router.refresh()
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <form className="card stack" onSubmit={invite} aria-labelledby="invite-title" data-testid="invite-form">
      <h3 id="invite-title">{t('members.invite')}</h3>
      <div className="form-grid invite-grid">
        <label>
          {t('members.inviteEmail')}
          <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="off" />
        </label>
        <label>
          {t('members.inviteRole')}
          <select value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {roles.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="hint">{t('membersPage.roleHelp')}</p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {result?.added && (
        <p role="status" className="success">
          {t('members.added', { email: result.email ?? '', role: t(`role.${result.role}`) })}
        </p>
      )}
      {result?.token && (
        <div role="status" className="stack tight" data-testid="invite-result">
          <p className="success">{result.email ? t('membersPage.waitsForSignUp', { email: result.email }) : t('membersPage.linkCreated', { role: t(`role.${result.role}`) })}</p>
          <CopyField value={inviteLink(origin, result.token)} label={t('members.inviteLink')} testId="invite-link" />
          <p className="hint">{t('membersPage.linkExpires')}</p>
        </div>
      )}
      <div>
        <button type="submit" className="primary" disabled={busy}>
          {email.trim() ? t('membersPage.sendInvite') : t('membersPage.createLink')}
        </button>
      </div>
    </form>
  )
}
