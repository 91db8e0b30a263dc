'use client'
/** The small coloured labels of the framework page: a status chip and a fit-level badge. */
import { useI18n } from '@/app/i18n/i18n-provider'
import type { Bilingual, FitLevel, FitStatus } from '@/server/domain/fit/types'
import { percent } from './matrix-model'

export function StatusLabel({ status }: { status: FitStatus | null }) {
  const { t } = useI18n()
  return <>{t(status ? `framework.status.${status}` : 'framework.status.unset')}</>
}

export function LevelBadge({ level, label, unseenShare, testId }: { level: FitLevel; label: Bilingual; unseenShare: number; testId?: string }) {
  const { t, pick } = useI18n()
  return (
    <span className={`fw-level level-${level}`} data-testid={testId} data-level={level} title={t('framework.unseen', { pct: percent(unseenShare) })}>
      <span className="fw-level-name">{pick(label)}</span>
      <span className="fw-level-share">{percent(unseenShare)}</span>
    </span>
  )
}
