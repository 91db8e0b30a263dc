'use client'
/** A reading band as a coloured chip (Krippendorff for alpha, Landis & Koch for kappa-type statistics). */
import { useI18n } from '@/app/i18n/i18n-provider'
import { bandLabel, bandTone } from './agreement-format'

export function BandChip({ band }: { band?: string }) {
  const { t } = useI18n()
  if (!band) return null
  return <span className={`agr-band ${bandTone(band)}`}>{t(bandLabel(band))}</span>
}
