'use client'
/** The lead's project settings: name, description, coding mode, fit thresholds and arbitration rules. */
import { useState, type FormEvent, type ReactNode } from 'react'
import { useRouter } from 'next/navigation'
import { useI18n } from '@/app/i18n/i18n-provider'
import { api } from '@/app/lib/api-client'
import { toUpdate, type SettingsProblem, type SettingsValues } from './settings-values'

export function SettingsForm({ projectId, initial }: { projectId: string; initial: SettingsValues }) {
  const { t } = useI18n()
  const router = useRouter()
  const [v, setV] = useState(initial)
  const [problems, setProblems] = useState<SettingsProblem[]>([])
  const [error, setError] = useState<string | null>(null)
  const [saved, setSaved] = useState(false)
  const [busy, setBusy] = useState(false)
  const set = (patch: Partial<SettingsValues>) => {
    setV((old) => ({ ...old, ...patch }))
    setSaved(false)
  }
  const problemFor = (field: keyof SettingsValues) => problems.find((p) => p.field === field)

  async function save(e: FormEvent) {
    e.preventDefault()
    const { problems: found, body } = toUpdate(v)
    setProblems(found)
    setError(null)
    setSaved(false)
    if (found.length) return
    setBusy(true)
    try {
      await api(`/api/projects/${projectId}`, { method: 'PATCH', json: body })
      setSaved(true)
      router.refresh()
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err))
    } finally {
      setBusy(false)
    }
  }

  const field = (name: keyof SettingsValues, label: ReactNode, input: ReactNode, hint?: string) => {
    const p = problemFor(name)
    return (
      <label>
        {label}
        {input}
        {hint && <span className="hint">{hint}</span>}
        {p && (
          <span id={`set-${name}-error`} className="field-error">
            {t(`settingsPage.problem.${p.kind}`)}
          </span>
        )}
      </label>
    )
  }
  const numberInput = (name: 'highAtMost' | 'mediumAtMost' | 'partialWeight' | 'boundaryTolerance', step: number, max: number) => (
    <input
      type="number"
      min={0}
      max={max}
      step={step}
      value={v[name]}
      onChange={(e) => set({ [name]: e.target.value } as Partial<SettingsValues>)}
      aria-invalid={problemFor(name) ? true : undefined}
      aria-describedby={problemFor(name) ? `set-${name}-error` : undefined}
      name={name}
    />
  )

  return (
    <form className="stack settings-form" onSubmit={save} noValidate data-testid="settings-form">
      <section className="card stack" aria-labelledby="set-project">
        <h3 id="set-project">{t('settingsPage.project')}</h3>
        {field('name', t('projects.name'), <input name="name" value={v.name} maxLength={200} onChange={(e) => set({ name: e.target.value })} aria-invalid={problemFor('name') ? true : undefined} aria-describedby={problemFor('name') ? 'set-name-error' : undefined} />)}
        {field('description', t('projects.description'), <textarea name="description" rows={3} maxLength={2000} value={v.description} onChange={(e) => set({ description: e.target.value })} />)}
        <fieldset>
          <legend>{t('settings.codingMode')}</legend>
          {(['open', 'independent'] as const).map((m) => (
            <label key={m} className="inline">
              <input type="radio" name="codingMode" value={m} checked={v.codingMode === m} onChange={() => set({ codingMode: m })} /> {t(`mode.${m}`)}
              <span className="hint">— {t(`settingsPage.mode.${m}`)}</span>
            </label>
          ))}
        </fieldset>
      </section>
      <section className="card stack" aria-labelledby="set-fit">
        <h3 id="set-fit">{t('settings.fit')}</h3>
        <p className="hint">{t('settingsPage.fitHelp')}</p>
        <div className="form-grid three">
          {field('highAtMost', t('settings.highAtMost'), numberInput('highAtMost', 0.05, 1), t('settingsPage.fractionHint'))}
          {field('mediumAtMost', t('settings.mediumAtMost'), numberInput('mediumAtMost', 0.05, 1), t('settingsPage.fractionHint'))}
          {field('partialWeight', t('settings.partialWeight'), numberInput('partialWeight', 0.05, 1), t('settingsPage.partialHint'))}
        </div>
      </section>
      <section className="card stack" aria-labelledby="set-arbitration">
        <h3 id="set-arbitration">{t('settings.arbitration')}</h3>
        <label className="inline">
          <input type="checkbox" checked={v.rationaleRequired} onChange={(e) => set({ rationaleRequired: e.target.checked })} /> {t('settings.rationaleRequired')}
        </label>
        <label className="inline">
          <input type="checkbox" checked={v.coderSeesRevealed} onChange={(e) => set({ coderSeesRevealed: e.target.checked })} /> {t('settings.coderSeesRevealed')}
        </label>
        <div className="form-grid three">{field('boundaryTolerance', t('settings.boundaryTolerance'), numberInput('boundaryTolerance', 1, 1000), t('settingsPage.toleranceHint'))}</div>
      </section>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {problems.length > 0 && (
        <p role="alert" className="error">
          {t('settingsPage.fixProblems', { count: problems.length })}
        </p>
      )}
      <div className="row">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('common.saving') : t('common.save')}
        </button>
        {saved && (
          <span role="status" className="success">
            {t('common.saved')}
          </span>
        )}
      </div>
    </form>
  )
}
