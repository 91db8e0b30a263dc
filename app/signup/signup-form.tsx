'use client'
import { useState } from 'react'
import Link from 'next/link'
import { signIn } from 'next-auth/react'
import { useI18n } from '@/app/i18n/i18n-provider'
import { api } from '@/app/lib/api-client'

export function SignUpForm({ callbackUrl }: { callbackUrl: string }) {
  const { t } = useI18n()
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  return (
    <form
      className="card narrow stack"
      onSubmit={async (e) => {
        e.preventDefault()
        const form = new FormData(e.currentTarget)
        const body = { name: form.get('name'), email: form.get('email'), password: form.get('password') }
        setBusy(true)
        setError(null)
        try {
          await api('/api/signup', { method: 'POST', json: body })
          const res = await signIn('credentials', { email: body.email, password: body.password, redirect: false })
          if (res?.ok) window.location.href = callbackUrl
          else setError(t('auth.signIn.failed'))
        } catch (err) {
          setError(err instanceof Error ? err.message : String(err))
        } finally {
          setBusy(false)
        }
      }}
    >
      <h1>{t('auth.signUp.title')}</h1>
      <label>
        {t('auth.name')}
        <input name="name" autoComplete="name" required autoFocus />
      </label>
      <label>
        {t('auth.email')}
        <input name="email" type="email" autoComplete="email" required />
      </label>
      <label>
        {t('auth.password')}
        <input name="password" type="password" autoComplete="new-password" minLength={8} required />
      </label>
      {error && <p role="alert" className="error">{error}</p>}
      <button type="submit" className="primary" disabled={busy}>
        {t('auth.signUp.submit')}
      </button>
      <p className="muted">
        {t('auth.signUp.haveAccount')} <Link href="/signin">{t('nav.signIn')}</Link>
      </p>
    </form>
  )
}
