'use client'
/** Adds or edits a code: names, parent, the four bilingual guidance fields, colour and shortcut. */
import { useState, type FormEvent } from 'react'
import { useRouter } from 'next/navigation'
import { useI18n } from '@/app/i18n/i18n-provider'
import { api, ApiError } from '@/app/lib/api-client'
import { allowedTargets, type CodeEntry, type Localized } from './code-tree'
import { Modal } from './modal'

const guidance = ['definition', 'inclusion', 'exclusion', 'example'] as const
type Guidance = (typeof guidance)[number]

interface Draft extends Record<Guidance, Localized> {
  parentId: string
  nameZh: string
  nameEn: string
  color: string
  shortcut: string
}

function draftOf(code: CodeEntry | null, parent: CodeEntry | null): Draft {
  const empty = { zh: '', en: '' }
  return {
    parentId: code ? (code.parentId ?? '') : (parent?.id ?? ''),
    nameZh: code?.name.zh ?? '',
    nameEn: code?.name.en ?? '',
    definition: code?.definition ?? empty,
    inclusion: code?.inclusion ?? empty,
    exclusion: code?.exclusion ?? empty,
    example: code?.example ?? empty,
    color: code?.color ?? parent?.color ?? '#4e79a7',
    shortcut: code?.shortcut ?? '',
  }
}

/** `code` set: edit it. Otherwise add a code under `parent` (null: top level). */
export function CodeFormDialog({ projectId, codes, code, parent, onClose }: { projectId: string; codes: CodeEntry[]; code: CodeEntry | null; parent: CodeEntry | null; onClose: () => void }) {
  const { t, pick } = useI18n()
  const router = useRouter()
  const [draft, setDraft] = useState<Draft>(() => draftOf(code, parent))
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }))
  const setText = (g: Guidance, lang: 'zh' | 'en', value: string) => setDraft((d) => ({ ...d, [g]: { ...d[g], [lang]: value } }))
  const problem = (path: string) => error?.problems.find((p) => p.path === path || p.path.startsWith(path + '.'))?.message

  async function save(e: FormEvent) {
    e.preventDefault()
    setBusy(true)
    setError(null)
    const body = { ...draft, parentId: draft.parentId || null, shortcut: draft.shortcut.trim() || null }
    try {
      if (code) await api(`/api/projects/${projectId}/codebook/${code.id}`, { method: 'PATCH', json: body })
      else await api(`/api/projects/${projectId}/codebook`, { method: 'POST', json: body })
      router.refresh()
      onClose()
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(String(err), 0))
      setBusy(false)
    }
  }

  const title = code ? t('codebookPage.editTitle', { name: pick(code.name) }) : parent ? t('codebookPage.addUnder', { name: pick(parent.name) }) : t('codebook.add')
  return (
    <Modal title={title} onClose={onClose} testId="code-dialog">
      <form className="stack" onSubmit={save}>
        <div className="form-grid">
          <label>
            {t('codebook.nameZh')}
            <input value={draft.nameZh} maxLength={200} onChange={(e) => set({ nameZh: e.target.value })} aria-invalid={problem('nameZh') ? true : undefined} autoFocus lang="zh" />
          </label>
          <label>
            {t('codebook.nameEn')}
            <input value={draft.nameEn} maxLength={200} onChange={(e) => set({ nameEn: e.target.value })} lang="en" />
          </label>
          <label className="span-2">
            {t('codebook.parent')}
            <select value={draft.parentId} onChange={(e) => set({ parentId: e.target.value })}>
              <option value="">{t('codebook.topLevel')}</option>
              {allowedTargets(codes, code?.id ?? null).map((c) => (
                <option key={c.id} value={c.id}>
                  {'\u00a0\u00a0'.repeat(c.depth)}
                  {pick(c.name)}
                </option>
              ))}
            </select>
          </label>
        </div>
        {guidance.map((g) => (
          <fieldset key={g} className="bilingual">
            <legend>{t(`codebook.${g}`)}</legend>
            <div className="form-grid">
              {(['zh', 'en'] as const).map((lang) => (
                <label key={lang}>
                  <span className="muted small">{t(`codebookPage.lang.${lang}`)}</span>
                  <textarea rows={g === 'definition' ? 3 : 2} maxLength={4000} lang={lang} value={draft[g][lang]} onChange={(e) => setText(g, lang, e.target.value)} />
                </label>
              ))}
            </div>
          </fieldset>
        ))}
        <div className="row">
          <label className="inline">
            {t('codebook.color')}
            <input type="color" value={draft.color} onChange={(e) => set({ color: e.target.value })} />
            <code className="small">{draft.color}</code>
          </label>
          <label className="inline">
            {t('codebook.shortcut')}
            <input className="shortcut-input" value={draft.shortcut} maxLength={1} onChange={(e) => set({ shortcut: e.target.value })} aria-describedby="shortcut-hint" aria-invalid={problem('shortcut') ? true : undefined} />
          </label>
          <span id="shortcut-hint" className="hint">
            {t('codebookPage.shortcutHint')}
          </span>
        </div>
        {error && (
          <p role="alert" className="error">
            {error.message}
          </p>
        )}
        <div className="row dialog-actions">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t('common.saving') : t('common.save')}
          </button>
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Modal>
  )
}
