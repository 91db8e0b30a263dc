'use client'
/** Gives client components the current locale's messages; switching sets a cookie and reloads. */
import { createContext, useCallback, useContext, type ReactNode } from 'react'
import { useRouter } from 'next/navigation'
import { translate, type MessageKey, type Messages } from './messages'
import { LOCALE_COOKIE, type Locale } from './locale'

interface I18n {
  locale: Locale
  t: (key: MessageKey, vars?: Record<string, string | number>) => string
  /** Pick the zh or en variant of a bilingual value (falls back to the other language). */
  pick: (v: { zh?: string | null; en?: string | null } | null | undefined) => string
  setLocale: (l: Locale) => void
}

const I18nContext = createContext<I18n | null>(null)

export function I18nProvider({ locale, messages, children }: { locale: Locale; messages: Messages; children: ReactNode }) {
  const router = useRouter()
  const t = useCallback((key: MessageKey, vars?: Record<string, string | number>) => translate(messages, key, vars), [messages])
  const pick = useCallback(
    (v: { zh?: string | null; en?: string | null } | null | undefined) => (v ? (locale === 'zh' ? v.zh || v.en : v.en || v.zh) || '' : ''),
    [locale],
  )
  const setLocale = useCallback(
    (l: Locale) => {
      document.cookie = `${LOCALE_COOKIE}=${l}; path=/; max-age=31536000; samesite=lax`
      router.refresh()
    },
    [router],
  )
  return <I18nContext.Provider value={{ locale, t, pick, setLocale }}>{children}</I18nContext.Provider>
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext)
  if (!ctx) throw new Error('useI18n outside I18nProvider')
  return ctx
}
