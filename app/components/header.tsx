'use client'
import Link from 'next/link'
import { signOut } from 'next-auth/react'
import { useI18n } from '@/app/i18n/i18n-provider'

export function Header({ user }: { user: { name: string; email: string } | null }) {
  const { t, locale, setLocale } = useI18n()
  return (
    <header className="topbar">
      <a className="skip" href="#main">{t('nav.skip')}</a>
      <Link href="/projects" className="brand">
        <span className="brand-mark" aria-hidden>◐</span> Concord
      </Link>
      <nav aria-label="main">
        {user && <Link href="/projects">{t('nav.projects')}</Link>}
        {user && <Link href="/settings/tokens">{t('nav.tokens')}</Link>}
      </nav>
      <div className="topbar-right">
        <button type="button" className="link" onClick={() => setLocale(locale === 'zh' ? 'en' : 'zh')} data-testid="locale-switch">
          {t('nav.language')}
        </button>
        {user ? (
          <>
            <span className="muted" title={user.email}>{user.name}</span>
            <button type="button" className="link" onClick={() => signOut({ callbackUrl: '/signin' })}>
              {t('nav.signOut')}
            </button>
          </>
        ) : (
          <Link href="/signin">{t('nav.signIn')}</Link>
        )}
      </div>
    </header>
  )
}
