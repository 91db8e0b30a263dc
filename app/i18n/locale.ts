export type Locale = 'zh' | 'en'
export const LOCALE_COOKIE = 'concord-locale'
export const locales: Locale[] = ['zh', 'en']

/** Cookie first, then the browser's Accept-Language; Chinese when nothing says otherwise. */
export function pickLocale(cookie: string | undefined, acceptLanguage: string | null | undefined): Locale {
  if (cookie === 'zh' || cookie === 'en') return cookie
  const al = (acceptLanguage ?? '').toLowerCase()
  if (al.startsWith('en')) return 'en'
  return 'zh'
}
