'use client'
/** Members and their roles; the lead changes a role with a select and confirms a removal in the row. */
import { useState } from 'react'
import { useRouter } from 'next/navigation'
import { useI18n } from '@/app/i18n/i18n-provider'
import { api } from '@/app/lib/api-client'

export type Role = 'lead' | 'coder' | 'viewer'
export const roles: Role[] = ['lead', 'coder', 'viewer']

export interface MemberItem {
  userId: string
  name: string
  email: string
  role: Role
  joined: string
}

export function MembersTable({ projectId, members, meId, canEdit }: { projectId: string; members: MemberItem[]; meId: string; canEdit: boolean }) {
  const { t } = useI18n()
  const router = useRouter()
  const [confirming, setConfirming] = useState<string | null>(null)
  const [pending, setPending] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)

  async function run(userId: string, action: () => Promise<unknown>, after?: () => void) {
    setPending(userId)
    setError(null)
    try {
      await action()
      after?.()
      router.refresh()
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e))
    } finally {
      setPending(null)
    }
  }

  const changeRole = (m: MemberItem, role: Role) => {
    if (m.userId === meId && m.role === 'lead' && role !== 'lead' && !window.confirm(t('membersPage.demoteSelf'))) return
    void run(m.userId, () => api(`/api/projects/${projectId}/members/${m.userId}`, { method: 'PATCH', json: { role } }))
  }
  const remove = (m: MemberItem) =>
    run(
      m.userId,
      () => api(`/api/projects/${projectId}/members/${m.userId}`, { method: 'DELETE' }),
      () => (m.userId === meId ? router.push('/projects') : setConfirming(null)),
    )

  return (
    <div className="stack">
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="table-wrap">
        <table data-testid="members-table">
          <thead>
            <tr>
              <th scope="col">{t('auth.name')}</th>
              <th scope="col">{t('auth.email')}</th>
              <th scope="col">{t('members.inviteRole')}</th>
              <th scope="col">{t('membersPage.joined')}</th>
              {canEdit && <th scope="col"><span className="visually-hidden">{t('casesPage.actions')}</span></th>}
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.userId}>
                <th scope="row">
                  {m.name} {m.userId === meId && <span className="muted small">{t('members.you')}</span>}
                </th>
                <td className="muted">{m.email}</td>
                <td>
                  {canEdit ? (
                    <select value={m.role} onChange={(e) => changeRole(m, e.target.value as Role)} disabled={pending === m.userId} aria-label={t('membersPage.roleOf', { name: m.name })}>
                      {roles.map((r) => (
                        <option key={r} value={r}>
                          {t(`role.${r}`)}
                        </option>
                      ))}
                    </select>
                  ) : (
                    <span className={`badge role-${m.role}`}>{t(`role.${m.role}`)}</span>
                  )}
                </td>
                <td className="nowrap muted small">{m.joined}</td>
                {canEdit && (
                  <td className="actions">
                    {confirming === m.userId ? (
                      <div className="confirm-inline">
                        <span id={`member-confirm-${m.userId}`}>{t('members.removeConfirm', { name: m.name })}</span>
                        <button type="button" className="small danger" onClick={() => remove(m)} disabled={pending === m.userId} autoFocus aria-describedby={`member-confirm-${m.userId}`}>
                          {t('common.remove')}
                        </button>
                        <button type="button" className="small" onClick={() => setConfirming(null)}>
                          {t('common.cancel')}
                        </button>
                      </div>
                    ) : (
                      <button type="button" className="small danger" onClick={() => setConfirming(m.userId)} aria-label={`${t('common.remove')}: ${m.name}`}>
                        {t('common.remove')}
                      </button>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  )
}
