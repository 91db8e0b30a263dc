import type { Metadata } from 'next'
import type { ReactNode } from 'react'
import './globals.css'
import { I18nProvider } from '@/app/i18n/i18n-provider'
import { Header } from '@/app/components/header'
import { currentUser, getT } from '@/app/lib/session'

export const metadata: Metadata = {
  title: 'Concord',
  description: 'Live co-coding, blind coding, agreement, arbitration and framework fit for qualitative research teams.',
}

export const dynamic = 'force-dynamic'

export default async function RootLayout({ children }: { children: ReactNode }) {
  const { locale, messages } = await getT()
  const user = await currentUser()
  return (
    <html lang={locale === 'zh' ? 'zh-CN' : 'en'}>
      <body>
        <I18nProvider locale={locale} messages={messages}>
          <Header user={user} />
          <main id="main">{children}</main>
        </I18nProvider>
      </body>
    </html>
  )
}
