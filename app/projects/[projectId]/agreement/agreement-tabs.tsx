'use client'
/** The agreement section's own tabs: the dashboard and the independent rounds. */
import Link from 'next/link'
import { usePathname } from 'next/navigation'
import { useI18n } from '@/app/i18n/i18n-provider'

export function AgreementTabs({ projectId }: { projectId: string }) {
  const { t } = useI18n()
  const path = usePathname()
  const base = `/projects/${projectId}/agreement`
  const tabs = [
    { href: base, label: t('agr.tab.dashboard'), active: path === base },
    { href: `${base}/rounds`, label: t('agr.tab.rounds'), active: path.startsWith(`${base}/rounds`) },
  ]
  return (
    <nav className="segmented agr-tabs" aria-label={t('project.agreement')}>
      {tabs.map((tab) => (
        <Link key={tab.href} href={tab.href} className={tab.active ? 'on' : ''} aria-current={tab.active ? 'page' : undefined}>
          {tab.label}
        </Link>
      ))}
    </nav>
  )
}
