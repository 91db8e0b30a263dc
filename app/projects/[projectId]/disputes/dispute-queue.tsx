'use client'
/** The queue: one entry per dispute, biggest first; the selected one is the decision view's. */
import { useI18n } from '@/app/i18n/i18n-provider'
import type { DisputeItem } from './dispute-model'
import type { Lookup } from './disputes-view'

export function DisputeQueue({ items, selectedId, onSelect, lookup }: { items: DisputeItem[]; selectedId: string | null; onSelect: (id: string) => void; lookup: Lookup }) {
  const { t, pick } = useI18n()
  if (items.length === 0) return <p className="empty dsp-queue">{t('disputes.emptyFiltered')}</p>
  return (
    <ol className="dsp-queue" aria-label={t('disputes.queueLabel')} data-testid="dispute-queue" data-keys="pass">
      {items.map((d) => {
        const code = lookup.codes.find((c) => c.id === d.codeId)
        return (
          <li key={d.id} id={`dispute-${d.id}`}>
            <button
              type="button"
              className={`dsp-entry${d.id === selectedId ? ' selected' : ''}`}
              aria-current={d.id === selectedId ? 'true' : undefined}
              onClick={() => onSelect(d.id)}
              data-testid="dispute-entry"
              data-state={d.state}
            >
              <span className="dsp-entry-head">
                <span className="swatch" style={{ background: code?.color ?? d.code.color ?? '#ccc' }} aria-hidden />
                <strong>{code ? pick(code.name) : pick(d.code.name)}</strong>
                <span className={`badge dsp-kind-${d.kind}`}>{t(`disputes.kind.${d.kind}`)}</span>
                {d.state === 'decided' && <span className="badge dsp-decided">{t('disputes.state.decided')}</span>}
              </span>
              <span className="muted small dsp-entry-meta">
                {d.caseKey ? t('disputes.caseLabel', { key: d.caseKey }) : ''}
                {d.documentTitle ? ` · ${d.documentTitle}` : ''}
              </span>
              <span className="muted small">
                {d.kind === 'status' ? t('disputes.magnitudeStatus') : t('disputes.magnitude', { count: d.magnitude })}
                {d.commentCount > 0 && ` · ${t('disputes.comments', { count: d.commentCount })}`}
              </span>
            </button>
          </li>
        )
      })}
    </ol>
  )
}
