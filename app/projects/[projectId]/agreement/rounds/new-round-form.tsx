'use client'
/** Lead: starts a blind round on transcripts not yet in a round, with at least two coders. */
import { useState } from 'react'
import { useI18n } from '@/app/i18n/i18n-provider'
import { api, ApiError } from '@/app/lib/api-client'

export function NewRoundForm({ projectId, transcripts, coders, onCreated }: { projectId: string; transcripts: { id: string; title: string; charCount: number }[]; coders: { id: string; name: string; role: string }[]; onCreated: () => void }) {
  const { t } = useI18n()
  const [name, setName] = useState('')
  const [picked, setPicked] = useState<string[]>([])
  const [pickedCoders, setPickedCoders] = useState<string[]>([])
  const [busy, setBusy] = useState(false)
  const [problems, setProblems] = useState<string[]>([])
  const toggle = (list: string[], id: string) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id])

  const submit = async (e: React.FormEvent) => {
    e.preventDefault()
    setBusy(true)
    setProblems([])
    try {
      await api(`/api/projects/${projectId}/rounds`, { method: 'POST', json: { name, transcriptIds: picked, coderIds: pickedCoders } })
      setName('')
      setPicked([])
      setPickedCoders([])
      onCreated()
    } catch (err) {
      const p = err instanceof ApiError && err.problems.length ? err.problems.map((x) => x.message) : [(err as Error).message]
      setProblems(p)
    } finally {
      setBusy(false)
    }
  }

  return (
    <form className="card stack" onSubmit={submit} data-testid="new-round-form">
      <h3 style={{ margin: 0 }}>{t('agr.rounds.new')}</h3>
      <label>
        {t('agr.rounds.name')}
        <input value={name} onChange={(e) => setName(e.target.value)} placeholder={t('agr.rounds.namePlaceholder')} required maxLength={200} data-testid="round-name" />
      </label>
      <fieldset>
        <legend>{t('agr.rounds.pickTranscripts')}</legend>
        <span className="hint">{t('agr.rounds.pickTranscriptsHint')}</span>
        {transcripts.length === 0 && <span className="muted small">{t('agr.rounds.noFree')}</span>}
        {transcripts.map((tr) => (
          <label key={tr.id} className="inline">
            <input type="checkbox" checked={picked.includes(tr.id)} onChange={() => setPicked(toggle(picked, tr.id))} />
            {tr.title} <span className="muted small">{t('transcripts.chars', { count: tr.charCount.toLocaleString() })}</span>
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('agr.rounds.pickCoders')}</legend>
        {coders.map((c) => (
          <label key={c.id} className="inline">
            <input type="checkbox" checked={pickedCoders.includes(c.id)} onChange={() => setPickedCoders(toggle(pickedCoders, c.id))} />
            {c.name} <span className={`badge role-${c.role}`}>{t(`role.${c.role}` as 'role.coder')}</span>
          </label>
        ))}
      </fieldset>
      {problems.length > 0 && (
        <div className="error-box" role="alert">
          <ul>
            {problems.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="row">
        <button type="submit" className="primary" disabled={busy || !name.trim() || picked.length === 0 || pickedCoders.length < 2} data-testid="start-round">
          {busy ? t('agr.rounds.starting') : t('agr.rounds.start')}
        </button>
      </div>
    </form>
  )
}
