'use client'
/** Create a token (shown once, with a copy button and an example call), list and revoke tokens. */
import { useState, useSyncExternalStore, type FormEvent } from 'react'
import { useRouter } from 'next/navigation'
import { useI18n } from '@/app/i18n/i18n-provider'
import { api } from '@/app/lib/api-client'
import { CopyField } from '@/app/components/copy-button'

export interface TokenItem {
  id: string
  name: string
  prefix: string
  created: string
  lastUsed: string | null
}

const noSubscribe = () => () => {}

export function TokensManager({ tokens }: { tokens: TokenItem[] }) {
  const { t } = useI18n()
  const router = useRouter()
  const origin = useSyncExternalStore(noSubscribe, () => window.location.origin, () => '')
  const [name, setName] = useState('')
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null)
  const [confirming, setConfirming] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function run(action: () => Promise<void>) {
    setBusy(true)
    setError(null)
    try {
      await action()
      router.refresh()
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e))
    } finally {
      setBusy(false)
    }
  }

  const create = (e: FormEvent) => {
    e.preventDefault()
    void run(async () => {
      const r = await api<{ token: string; name: string }>('/api/tokens', { method: 'POST', json: { name: name.trim() || undefined } })
      setCreated({ name: r.name, token: r.token })
      setName('')
    })
  }
  const revoke = (id: string) =>
    run(async () => {
      await api(`/api/tokens/${id}`, { method: 'DELETE' })
      setConfirming(null)
    })

  return (
    <div className="stack">
      <form className="card stack" onSubmit={create} aria-labelledby="new-token-title" data-testid="create-token">
        <h2 id="new-token-title">{t('tokens.create')}</h2>
        <div className="row">
          <label className="grow">
            {t('tokens.name')}
            <input value={name} onChange={(e) => setName(e.target.value)} maxLength={100} placeholder={t('tokensPage.namePlaceholder')} />
          </label>
          <button type="submit" className="primary align-end" disabled={busy}>
            {t('tokens.create')}
          </button>
        </div>
        {created && (
          <div role="status" className="warning-box stack tight" data-testid="new-token">
            <p>
              <strong>{created.name}</strong> — {t('tokens.created')}
            </p>
            <CopyField value={created.token} label={t('tokensPage.tokenValue')} testId="token-value" />
            <p className="hint">{t('tokensPage.example')}</p>
            <pre className="code-sample">{`curl -H "Authorization: Bearer ${created.token}" ${origin || ''}/api/projects`}</pre>
            <div>
              <button type="button" className="small" onClick={() => setCreated(null)}>
                {t('tokensPage.done')}
              </button>
            </div>
          </div>
        )}
      </form>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <section className="card stack" aria-labelledby="token-list-title">
        <h2 id="token-list-title">{t('tokensPage.yours')}</h2>
        {tokens.length === 0 ? (
          <p className="empty">{t('tokens.empty')}</p>
        ) : (
          <div className="table-wrap">
            <table data-testid="token-table">
              <thead>
                <tr>
                  <th scope="col">{t('tokens.name')}</th>
                  <th scope="col">{t('tokensPage.prefix')}</th>
                  <th scope="col">{t('tokensPage.created')}</th>
                  <th scope="col">{t('tokens.lastUsed')}</th>
                  <th scope="col"><span className="visually-hidden">{t('casesPage.actions')}</span></th>
                </tr>
              </thead>
              <tbody>
                {tokens.map((tok) => (
                  <tr key={tok.id}>
                    <th scope="row">{tok.name}</th>
                    <td>
                      <code>{tok.prefix}…</code>
                    </td>
                    <td className="nowrap">{tok.created}</td>
                    <td className="nowrap">{tok.lastUsed ?? <span className="muted">{t('tokens.never')}</span>}</td>
                    <td className="actions">
                      {confirming === tok.id ? (
                        <div className="confirm-inline">
                          <span id={`token-confirm-${tok.id}`}>{t('tokensPage.revokeConfirm', { name: tok.name })}</span>
                          <button type="button" className="small danger" onClick={() => revoke(tok.id)} disabled={busy} autoFocus aria-describedby={`token-confirm-${tok.id}`}>
                            {t('tokens.revoke')}
                          </button>
                          <button type="button" className="small" onClick={() => setConfirming(null)}>
                            {t('common.cancel')}
                          </button>
                        </div>
                      ) : (
                        <button type="button" className="small danger" onClick={() => setConfirming(tok.id)} aria-label={`${t('tokens.revoke')}: ${tok.name}`}>
                          {t('tokens.revoke')}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  )
}
