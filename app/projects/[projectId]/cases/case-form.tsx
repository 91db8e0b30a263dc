'use client'
/** Adds or edits a case: key, names and attributes (`name = value` lines, checked before sending). */
import { useId, useState, type FormEvent } from 'react'
import { useRouter } from 'next/navigation'
import { useI18n } from '@/app/i18n/i18n-provider'
import { api } from '@/app/lib/api-client'
import { formatAttributesText, parseAttributesText, type AttributeProblem } from './attributes-text'

export interface CaseItem {
  id: string
  key: string
  nameZh: string
  nameEn: string
  attributes: Record<string, string>
  transcripts: number
}

export function CaseForm({ projectId, item, onDone }: { projectId: string; item: CaseItem | null; onDone?: () => void }) {
  const { t } = useI18n()
  const router = useRouter()
  const id = useId()
  const [key, setKey] = useState(item?.key ?? '')
  const [nameZh, setNameZh] = useState(item?.nameZh ?? '')
  const [nameEn, setNameEn] = useState(item?.nameEn ?? '')
  const [attrText, setAttrText] = useState(item ? formatAttributesText(item.attributes) : '')
  const [problems, setProblems] = useState<AttributeProblem[]>([])
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const describe = (p: AttributeProblem) => t(`casesPage.attr.${p.kind}`, { line: p.line, name: p.name ?? '' })

  async function save(e: FormEvent) {
    e.preventDefault()
    const parsed = parseAttributesText(attrText)
    setProblems(parsed.problems)
    setError(null)
    if (parsed.problems.length) return
    setBusy(true)
    const json = { key, nameZh, nameEn, attributes: parsed.attributes }
    try {
      if (item) await api(`/api/projects/${projectId}/cases/${item.id}`, { method: 'PATCH', json })
      else await api(`/api/projects/${projectId}/cases`, { method: 'POST', json })
      if (!item) {
        setKey('')
        setNameZh('')
        setNameEn('')
        setAttrText('')
      }
      router.refresh()
      onDone?.()
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <form className="stack" onSubmit={save} aria-labelledby={`${id}-title`} data-testid={item ? 'edit-case' : 'add-case'}>
      <h3 id={`${id}-title`}>{item ? t('casesPage.editTitle', { key: item.key }) : t('cases.add')}</h3>
      <div className="form-grid three">
        <label>
          {t('cases.key')}
          <input value={key} onChange={(e) => setKey(e.target.value)} required maxLength={40} autoFocus={Boolean(item)} placeholder="S" />
        </label>
        <label>
          {t('cases.name')}
          <input value={nameZh} onChange={(e) => setNameZh(e.target.value)} required maxLength={300} />
        </label>
        <label>
          {t('cases.nameEn')} <span className="muted small">({t('common.optional')})</span>
          <input value={nameEn} onChange={(e) => setNameEn(e.target.value)} maxLength={300} lang="en" />
        </label>
      </div>
      <label>
        {t('cases.attributes')} <span className="muted small">({t('common.optional')})</span>
        <textarea
          rows={4}
          value={attrText}
          onChange={(e) => setAttrText(e.target.value)}
          placeholder={t('casesPage.attributesPlaceholder')}
          aria-describedby={`${id}-hint`}
          aria-invalid={problems.length ? true : undefined}
          className="mono"
        />
        <span id={`${id}-hint`} className="hint">
          {t('cases.attributesHint')}
        </span>
      </label>
      {problems.length > 0 && (
        <ul role="alert" className="error">
          {problems.map((p) => (
            <li key={p.line}>{describe(p)}</li>
          ))}
        </ul>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="row">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('common.saving') : item ? t('common.save') : t('cases.add')}
        </button>
        {onDone && item && (
          <button type="button" onClick={onDone}>
            {t('common.cancel')}
          </button>
        )}
      </div>
    </form>
  )
}
