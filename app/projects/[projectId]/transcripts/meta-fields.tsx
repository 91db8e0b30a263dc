'use client'
/** The transcript's details: title, case, respondent, date, mode, duration, protocol, participants. */
import { useI18n } from '@/app/i18n/i18n-provider'
import { interviewModes, respondentRoles, type MetaFields } from './transcript-meta'

export interface CaseOption {
  id: string
  label: string
}

type Problems = { path: string; message: string }[]

/** The server's message for a field (paths such as `participants.0` belong to `participants`). */
export function problemAt(problems: Problems, field: string): string | undefined {
  const hits = problems.filter((p) => p.path === field || p.path.startsWith(field + '.'))
  return hits.length ? hits.map((p) => p.message).join('; ') : undefined
}

export function MetaFieldsEditor({
  value,
  onChange,
  cases,
  problems,
}: {
  value: MetaFields
  onChange: (patch: Partial<MetaFields>) => void
  cases: CaseOption[]
  problems: Problems
}) {
  const { t } = useI18n()
  const field = (name: keyof MetaFields, hintId?: string) => {
    const error = problemAt(problems, name)
    const describedBy = [hintId, error ? `tr-${name}-error` : undefined].filter(Boolean).join(' ')
    return {
      id: `tr-${name}`,
      name,
      'aria-invalid': error ? true : undefined,
      'aria-describedby': describedBy || undefined,
    }
  }
  const errorFor = (name: keyof MetaFields) => {
    const error = problemAt(problems, name)
    return error ? <span id={`tr-${name}-error`} className="field-error">{error}</span> : null
  }
  return (
    <div className="form-grid">
      <label className="span-2">
        {t('transcripts.title')}
        <input {...field('title')} required maxLength={300} value={value.title} onChange={(e) => onChange({ title: e.target.value })} />
        {errorFor('title')}
      </label>
      <label>
        {t('transcripts.case')}
        <select {...field('caseId')} value={value.caseId} onChange={(e) => onChange({ caseId: e.target.value })}>
          <option value="">{t('transcripts.noCase')}</option>
          {cases.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label}
            </option>
          ))}
        </select>
        {errorFor('caseId')}
      </label>
      <label>
        {t('transcripts.role')}
        <select {...field('respondentRole')} value={value.respondentRole} onChange={(e) => onChange({ respondentRole: e.target.value as MetaFields['respondentRole'] })}>
          {respondentRoles.map((r) => (
            <option key={r} value={r}>
              {t(`respondent.${r}`)}
            </option>
          ))}
        </select>
        {errorFor('respondentRole')}
      </label>
      <label>
        {t('transcripts.date')}
        <input {...field('interviewDate')} type="date" value={value.interviewDate} onChange={(e) => onChange({ interviewDate: e.target.value })} />
        {errorFor('interviewDate')}
      </label>
      <label>
        {t('transcripts.mode')}
        <select {...field('mode')} value={value.mode} onChange={(e) => onChange({ mode: e.target.value as MetaFields['mode'] })}>
          {interviewModes.map((m) => (
            <option key={m} value={m}>
              {t(`transcripts.mode.${m}`)}
            </option>
          ))}
        </select>
        {errorFor('mode')}
      </label>
      <label>
        {t('transcripts.duration')} <span className="muted small">({t('common.optional')})</span>
        <input
          {...field('durationMinutes')}
          type="number"
          inputMode="numeric"
          min={1}
          max={1440}
          step={1}
          value={value.durationMinutes}
          onChange={(e) => onChange({ durationMinutes: e.target.value })}
        />
        {errorFor('durationMinutes')}
      </label>
      <label>
        {t('transcripts.protocol')} <span className="muted small">({t('common.optional')})</span>
        <input {...field('protocol')} maxLength={200} value={value.protocol} onChange={(e) => onChange({ protocol: e.target.value })} placeholder={t('transcriptsPage.protocolPlaceholder')} />
        {errorFor('protocol')}
      </label>
      <label className="span-2">
        {t('transcriptsPage.participants')} <span className="muted small">({t('common.optional')})</span>
        <input {...field('participants', 'tr-participants-hint')} value={value.participants} onChange={(e) => onChange({ participants: e.target.value })} />
        <span id="tr-participants-hint" className="hint">
          {t('transcriptsPage.participantsHint')}
        </span>
        {errorFor('participants')}
      </label>
    </div>
  )
}
