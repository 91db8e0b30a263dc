'use client'
/** The cross-case summary, like the study's Table 14: each case's level per dimension and its model. */
import { useI18n } from '@/app/i18n/i18n-provider'
import { LevelBadge } from './fit-badges'
import type { FrameworkMatrix } from './matrix-model'

export function SummaryTable({ matrix }: { matrix: FrameworkMatrix }) {
  const { t, pick } = useI18n()
  return (
    <div className="table-wrap card flush">
      <table className="fw-summary" data-testid="fit-summary">
        <thead>
          <tr>
            <th scope="col">{t('framework.case')}</th>
            {matrix.dimensions.map((d) => (
              <th key={d.id} scope="col">
                {pick(d.name)}
              </th>
            ))}
            <th scope="col">{t('framework.model')}</th>
          </tr>
        </thead>
        <tbody>
          {matrix.cases.map((c) => {
            const fit = matrix.report.cases[c.key]
            if (!fit) return null
            return (
              <tr key={c.id}>
                <th scope="row">{pick(c.name)}</th>
                {matrix.dimensions.map((d) => {
                  const dim = fit.dimensions[d.key]
                  return (
                    <td key={d.id}>
                      <LevelBadge level={dim.level} label={dim.levelLabel} unseenShare={dim.unseenShare} testId={`summary-level-${c.key}-${d.key}`} />
                    </td>
                  )
                })}
                <td className="fw-model" data-testid={`summary-model-${c.key}`}>
                  {pick(fit.model)}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
