'use client'
/** Coders' agreement on their own statuses: ordinal alpha over all coders, weighted kappa per pair. */
import { useI18n } from '@/app/i18n/i18n-provider'
import type { Coefficient } from '@/server/services/fit/compute-status-agreement'
import type { FrameworkMatrix } from './matrix-model'

export function AgreementCard({ matrix }: { matrix: FrameworkMatrix }) {
  const { t, pick } = useI18n()
  const a = matrix.agreement
  const name = (id: string) => matrix.coders.find((c) => c.id === id)?.name ?? id
  const show = (c: Coefficient) =>
    c.value === null ? (
      <span className="muted small">{t('framework.agreement.undefined', { reason: c.reason ?? '' })}</span>
    ) : (
      <>
        <strong className="num">{c.value.toFixed(3)}</strong> {c.band && <span className="badge">{pick(c.band.label)}</span>}
      </>
    )
  return (
    <div className="card stack tight" data-testid="fit-agreement">
      {matrix.blindCasesWithCoderStatuses > 0 && <p className="hint">{t('framework.agreement.blind', { count: matrix.blindCasesWithCoderStatuses })}</p>}
      {!a ? (
        matrix.blindCasesWithCoderStatuses === 0 && <p className="hint">{t('framework.agreement.none')}</p>
      ) : (
        <>
          <p className="hint">{t('framework.agreement.units', { units: a.units, cases: a.cases.length })}</p>
          <p>
            {t('framework.agreement.alpha')}: {show(a.krippendorffAlpha)}
          </p>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('framework.agreement.pair')}</th>
                  <th scope="col">{t('framework.agreement.pairUnits')}</th>
                  <th scope="col">{t('framework.agreement.kappaLinear')}</th>
                  <th scope="col">{t('framework.agreement.kappaQuadratic')}</th>
                  <th scope="col">{t('framework.agreement.percent')}</th>
                </tr>
              </thead>
              <tbody>
                {a.pairs.map((p) => (
                  <tr key={p.coders.join('|')}>
                    <th scope="row">{p.coders.map(name).join(' × ')}</th>
                    <td className="num">{p.units}</td>
                    <td>{show(p.weightedKappa.linear)}</td>
                    <td>{show(p.weightedKappa.quadratic)}</td>
                    <td>{show(p.percentAgreement)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  )
}
