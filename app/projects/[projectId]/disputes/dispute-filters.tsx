'use client'
/** Filters (state, kind, code, transcript, case, coder pair), the progress bar and, for the lead, re-detection. */
import { useMemo, useState } from 'react'
import { useI18n } from '@/app/i18n/i18n-provider'
import { api } from '@/app/lib/api-client'
import type { DisputeFilters, DisputeItem } from './dispute-model'
import type { Lookup } from './disputes-view'

interface Props {
  projectId: string
  items: DisputeItem[]
  filters: DisputeFilters
  onChange: (f: DisputeFilters) => void
  lookup: Lookup
  progress: { decided: number; total: number }
  canRefresh: boolean
  onRefreshed: () => Promise<void>
}

export function DisputeFiltersBar({ projectId, items, filters, onChange, lookup, progress, canRefresh, onRefreshed }: Props) {
  const { t, pick } = useI18n()
  const [busy, setBusy] = useState(false)
  const [note, setNote] = useState<string | null>(null)
  const set = (patch: Partial<DisputeFilters>) => onChange({ ...filters, ...patch })
  const name = (id: string) => lookup.members.find((m) => m.id === id)?.name ?? t('disputes.unknownCoder')
  const options = useMemo(() => {
    const codes = new Map<string, string>()
    const docs = new Map<string, string>()
    const cases = new Set<string>()
    const coders = new Set<string>()
    for (const d of items) {
      codes.set(d.codeId, pick(d.code.name) || d.codeId)
      if (d.documentId) docs.set(d.documentId, d.documentTitle ?? d.documentId)
      if (d.caseId) cases.add(d.caseId)
      for (const c of d.coders) coders.add(c)
    }
    const list = [...coders]
    const pairs: [string, string][] = []
    for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) pairs.push([list[i], list[j]])
    return { codes: [...codes], docs: [...docs], cases: [...cases], pairs }
  }, [items, pick])

  async function refresh() {
    setBusy(true)
    setNote(null)
    try {
      const r = await api<{ detected: number; created: number; merged: number }>(`/api/projects/${projectId}/disputes/refresh`, { method: 'POST', json: {} })
      setNote(t('disputes.refreshed', r))
      await onRefreshed()
    } catch (e) {
      setNote(e instanceof Error ? e.message : String(e))
    } finally {
      setBusy(false)
    }
  }

  const pct = progress.total ? Math.round((100 * progress.decided) / progress.total) : 0
  return (
    <div className="card dsp-toolbar">
      <div className="dsp-progress" data-testid="dispute-progress">
        <progress max={progress.total || 1} value={progress.decided} aria-label={t('disputes.progressLabel')} />
        <span>
          {t('disputes.progress', progress)} <span className="muted small">({pct}%)</span>
        </span>
        {canRefresh && (
          <button type="button" className="small" onClick={() => void refresh()} disabled={busy}>
            {busy ? t('disputes.refreshing') : t('disputes.refresh')}
          </button>
        )}
        {note && <span className="muted small">{note}</span>}
      </div>
      <div className="dsp-filters">
        <label>
          {t('disputes.filter.state')}
          <select value={filters.state} onChange={(e) => set({ state: e.target.value as DisputeFilters['state'] })} data-testid="filter-state">
            <option value="open">{t('disputes.state.open')}</option>
            <option value="decided">{t('disputes.state.decided')}</option>
            <option value="">{t('disputes.filter.all')}</option>
          </select>
        </label>
        <label>
          {t('disputes.filter.kind')}
          <select value={filters.kind} onChange={(e) => set({ kind: e.target.value })}>
            <option value="">{t('disputes.filter.all')}</option>
            {(['presence', 'boundary', 'status'] as const).map((k) => (
              <option key={k} value={k}>
                {t(`disputes.kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('disputes.filter.code')}
          <select value={filters.codeId} onChange={(e) => set({ codeId: e.target.value })}>
            <option value="">{t('disputes.filter.all')}</option>
            {options.codes.map(([id, label]) => (
              <option key={id} value={id}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('disputes.filter.transcript')}
          <select value={filters.documentId} onChange={(e) => set({ documentId: e.target.value })}>
            <option value="">{t('disputes.filter.all')}</option>
            {options.docs.map(([id, title]) => (
              <option key={id} value={id}>
                {title}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('disputes.filter.case')}
          <select value={filters.caseId} onChange={(e) => set({ caseId: e.target.value })}>
            <option value="">{t('disputes.filter.all')}</option>
            {options.cases.map((id) => (
              <option key={id} value={id}>
                {lookup.cases.find((c) => c.id === id)?.key ?? id}
              </option>
            ))}
          </select>
        </label>
        {options.pairs.length > 0 && (
          <label>
            {t('disputes.filter.pair')}
            <select value={filters.pair} onChange={(e) => set({ pair: e.target.value })}>
              <option value="">{t('disputes.filter.anyPair')}</option>
              {options.pairs.map(([a, b]) => (
                <option key={`${a},${b}`} value={`${a},${b}`}>
                  {name(a)} ↔ {name(b)}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
    </div>
  )
}
