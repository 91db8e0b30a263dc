'use client'
import { useState } from 'react'
import Link from 'next/link'
import { signIn } from 'next-auth/react'
import { useI18n } from '@/app/i18n/i18n-provider'

export function SignInForm({ callbackUrl, github }: { callbackUrl: string; github: boolean }) {
  const { t } = useI18n()
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  return (
    <form
      className="card narrow stack"
      onSubmit={async (e) => {
        e.preventDefault()
        const form = new FormData(e.currentTarget)
        setBusy(true)
        setError(null)
        const res = await signIn('credentials', { email: form.get('email'), password: form.get('password'), redirect: false })
        setBusy(false)
        if (res?.ok) window.location.href = callbackUrl
        else setError(t('auth.signIn.failed'))
      }}
    >
      <h1>{t('auth.signIn.title')}</h1>
      <label>
        {t('auth.email')}
        <input name="email" type="email" autoComplete="email" required autoFocus />
      </label>
      <label>
        {t('auth.password')}
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
      {error && <p role="alert" className="error">{error}</p>}
      <button type="submit" className="primary" disabled={busy}>
        {t('auth.signIn.submit')}
      </button>
      {github && (
        <button type="button" onClick={() => signIn('github', { callbackUrl })}>
          {t('auth.signIn.github')}
        </button>
      )}
      <p className="muted">
        {t('auth.signIn.noAccount')} <Link href={`/signup?callbackUrl=${encodeURIComponent(callbackUrl)}`}>{t('auth.signIn.createOne')}</Link>
      </p>
      <p className="hint">{t('auth.signIn.demo')}</p>
    </form>
  )
}
