'use client'
/** The overall figures of a report: each statistic with its reading, interval or standard error. */
import { useI18n } from '@/app/i18n/i18n-provider'
import type { ReliabilityTable, SpanTable } from '@/server/domain/agreement/report/types'
import type { AgreementReport } from '@/server/services/agreement/get-agreement'
import { formatValue, statisticsFor, statLabel, type Stat } from './agreement-format'
import { BandChip } from './band-chip'

export function OverallSummary({ report }: { report: AgreementReport }) {
  const { t } = useI18n()
  const coders = report.unit === 'span' ? report.coders : report.coderIds
  const table: ReliabilityTable | SpanTable = report.unit === 'span' ? report.overall : report
  const stats = statisticsFor(report.unit, coders.length)
  return (
    <section className="card agr-overall" data-testid="agreement-overall">
      <div className="row between">
        <h3 style={{ margin: 0 }}>
          {t('agr.overall')} · {report.round.name}
        </h3>
        <span className="muted small">
          {coders.map((c) => report.labels.coders[c] ?? c).join(' · ')} · {t('agr.transcripts')} {report.parameters.transcripts.length}
          {report.unit !== 'span' && ` · ${t('agr.units')} ${(report as ReliabilityTable).units}`}
        </span>
      </div>
      <div className="agr-stats">
        {stats.map((s) => {
          const value = (table as unknown as Record<Stat, number | null>)[s]
          const rel = report.unit === 'span' ? null : (report as ReliabilityTable)
          const se = rel && s in rel.se ? rel.se[s as keyof ReliabilityTable['se']] : null
          return (
            <div key={s} className="agr-stat" data-testid={`overall-${s}`}>
              <span className="agr-stat-name">{t(statLabel(s))}</span>
              <span className="agr-stat-value">{value === null ? <span className="muted">{t('agr.undefined')}</span> : formatValue(s, value)}</span>
              <BandChip band={(table.bands as Record<string, string | undefined>)[s]} />
              {s === 'krippendorffAlpha' && rel?.alphaCI && <span className="hint">{t('agr.ci', { lo: rel.alphaCI[0].toFixed(3), hi: rel.alphaCI[1].toFixed(3) })}</span>}
              {se !== null && value !== null && <span className="hint">{t('agr.se', { se: se.toFixed(3) })}</span>}
            </div>
          )
        })}
      </div>
      <p className="hint" style={{ margin: 0 }}>
        {t(report.unit === 'span' ? 'agr.overallHintSpan' : 'agr.overallHint')}
      </p>
    </section>
  )
}
