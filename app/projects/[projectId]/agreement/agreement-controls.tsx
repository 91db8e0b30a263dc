'use client'
/** The dashboard's choices: round, unit (and its options), transcripts, codes, heatmap statistic. */
import { useI18n } from '@/app/i18n/i18n-provider'
import { agreementUnits, segmentKinds } from '@/server/domain/agreement/report/types'
import type { CodebookEntry, Selection } from './agreement-dashboard'
import { statLabel, type Stat } from './agreement-format'

export interface RoundOption {
  id: string
  name: string
  revealedAt: string | null
  coders: { id: string; name: string }[]
  transcripts: { id: string; title: string }[]
}

export function AgreementControls({
  rounds,
  selection,
  onChange,
  codebook,
  stat,
  onStat,
  statistics,
}: {
  rounds: RoundOption[]
  selection: Selection
  onChange: (next: Partial<Selection>) => void
  codebook: CodebookEntry[]
  stat: Stat
  onStat: (s: Stat) => void
  statistics: Stat[]
}) {
  const { t, pick } = useI18n()
  const round = rounds.find((r) => r.id === selection.roundId)!
  const chosenTranscripts = selection.transcripts ?? round.transcripts.map((x) => x.id)
  const toggle = (list: string[], id: string) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id])
  return (
    <div className="card agr-controls" data-testid="agreement-controls">
      <label>
        {t('agr.round')}
        <select value={selection.roundId} onChange={(e) => onChange({ roundId: e.target.value, transcripts: null })} data-testid="agreement-round">
          {rounds.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('agr.unit')}
        <select value={selection.unit} onChange={(e) => onChange({ unit: e.target.value as Selection['unit'] })} data-testid="agreement-unit">
          {agreementUnits.map((u) => (
            <option key={u} value={u}>
              {t(`agr.unit.${u}`)}
            </option>
          ))}
        </select>
      </label>
      {selection.unit === 'segment' && (
        <label>
          {t('agr.segment')}
          <select value={selection.segment} onChange={(e) => onChange({ segment: e.target.value as Selection['segment'] })} data-testid="agreement-segment">
            {segmentKinds.map((k) => (
              <option key={k} value={k}>
                {t(`agr.segment.${k}`)}
              </option>
            ))}
          </select>
        </label>
      )}
      {selection.unit === 'matched' && (
        <label>
          {t('agr.threshold')}
          <select value={String(selection.threshold)} onChange={(e) => onChange({ threshold: Number(e.target.value) })}>
            {[0.5, 0.6, 0.7, 0.8, 0.9, 1].map((v) => (
              <option key={v} value={v}>
                {Math.round(v * 100)}%
              </option>
            ))}
          </select>
        </label>
      )}
      <details className="agr-picker">
        <summary>
          {t('agr.transcripts')}: {t('agr.transcriptsSome', { n: chosenTranscripts.length, total: round.transcripts.length })}
        </summary>
        <div className="agr-picker-body">
          <div className="row tight">
            <button type="button" className="small" onClick={() => onChange({ transcripts: null })}>
              {t('agr.all')}
            </button>
          </div>
          {round.transcripts.map((tr) => (
            <label key={tr.id} className="inline">
              <input
                type="checkbox"
                checked={chosenTranscripts.includes(tr.id)}
                onChange={() => {
                  const next = toggle(chosenTranscripts, tr.id)
                  if (next.length) onChange({ transcripts: next.length === round.transcripts.length ? null : next })
                }}
              />
              {tr.title}
            </label>
          ))}
        </div>
      </details>
      <details className="agr-picker">
        <summary>
          {t('agr.codes')}: {selection.codes ? t('agr.codesSome', { n: selection.codes.length }) : t('agr.codesAll')}
        </summary>
        <div className="agr-picker-body">
          <div className="row tight">
            <button type="button" className="small" onClick={() => onChange({ codes: null })}>
              {t('agr.codesAll')}
            </button>
          </div>
          {codebook.map((c) => (
            <label key={c.id} className="inline" style={{ paddingInlineStart: `${c.depth * 1}rem` }}>
              <input
                type="checkbox"
                checked={selection.codes?.includes(c.id) ?? false}
                onChange={() => {
                  const next = toggle(selection.codes ?? [], c.id)
                  onChange({ codes: next.length ? next : null })
                }}
              />
              <span className="swatch" style={{ background: c.color }} aria-hidden />
              {pick(c.name)}
            </label>
          ))}
        </div>
      </details>
      <label>
        {t('agr.statistic')}
        <select value={stat} onChange={(e) => onStat(e.target.value as Stat)} data-testid="agreement-stat">
          {statistics.map((s) => (
            <option key={s} value={s}>
              {t(statLabel(s))}
            </option>
          ))}
        </select>
      </label>
    </div>
  )
}
