'use client'
import Link from 'next/link'
import { usePathname } from 'next/navigation'
import { useI18n } from '@/app/i18n/i18n-provider'
import type { MessageKey } from '@/app/i18n/messages'

const tabs: { href: string; key: MessageKey; leadOnly?: boolean }[] = [
  { href: '', key: 'project.overview' },
  { href: '/transcripts', key: 'project.transcripts' },
  { href: '/codebook', key: 'project.codebook' },
  { href: '/cases', key: 'project.cases' },
  { href: '/retrieval', key: 'project.retrieval' },
  { href: '/framework', key: 'project.framework' },
  { href: '/agreement', key: 'project.agreement' },
  { href: '/disputes', key: 'project.disputes' },
  { href: '/members', key: 'project.members' },
  { href: '/settings', key: 'project.settings', leadOnly: true },
]

export function ProjectNav({ projectId, role, available }: { projectId: string; role: string; available: string[] }) {
  const { t } = useI18n()
  const path = usePathname()
  const base = `/projects/${projectId}`
  return (
    <nav className="tabs" aria-label="project">
      {tabs
        .filter((tab) => (!tab.leadOnly || role === 'lead') && (tab.href === '' || available.includes(tab.href)))
        .map((tab) => {
          const href = base + tab.href
          const active = tab.href === '' ? path === base : path.startsWith(href)
          return (
            <Link key={tab.href} href={href} aria-current={active ? 'page' : undefined} className={active ? 'active' : ''}>
              {t(tab.key)}
            </Link>
          )
        })}
    </nav>
  )
}
