'use client'
import { useState } from 'react'
import { useRouter } from 'next/navigation'
import { useI18n } from '@/app/i18n/i18n-provider'
import { api } from '@/app/lib/api-client'

export function NewProjectForm() {
  const { t } = useI18n()
  const router = useRouter()
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  return (
    <form
      className="card stack"
      aria-labelledby="new-project-title"
      onSubmit={async (e) => {
        e.preventDefault()
        const form = new FormData(e.currentTarget)
        setBusy(true)
        setError(null)
        try {
          const p = await api<{ id: string }>('/api/projects', {
            method: 'POST',
            json: { name: form.get('name'), description: form.get('description'), template: form.get('template') },
          })
          router.push(`/projects/${p.id}`)
        } catch (err) {
          setError(err instanceof Error ? err.message : String(err))
          setBusy(false)
        }
      }}
    >
      <h2 id="new-project-title">{t('projects.new')}</h2>
      <label>
        {t('projects.name')}
        <input name="name" required maxLength={200} />
      </label>
      <label>
        {t('projects.description')} <span className="muted">({t('common.optional')})</span>
        <textarea name="description" rows={2} maxLength={2000} />
      </label>
      <fieldset>
        <legend>{t('projects.template')}</legend>
        <label className="inline">
          <input type="radio" name="template" value="study" defaultChecked /> {t('projects.template.study')}
        </label>
        <label className="inline">
          <input type="radio" name="template" value="blank" /> {t('projects.template.blank')}
        </label>
      </fieldset>
      {error && <p role="alert" className="error">{error}</p>}
      <div>
        <button type="submit" className="primary" disabled={busy}>
          {t('common.create')}
        </button>
      </div>
    </form>
  )
}
