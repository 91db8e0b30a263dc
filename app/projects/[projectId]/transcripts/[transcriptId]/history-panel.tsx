'use client'
/** Version history: save a named version, list versions (who, when, named or automatic). */
import { useCallback, useEffect, useState } from 'react'
import { api, ApiError } from '@/app/lib/api-client'
import { useI18n } from '@/app/i18n/i18n-provider'

export interface VersionSummary {
  id: string
  kind: 'auto' | 'named'
  name: string | null
  charCount: number
  codingCount: number
  createdBy: string | null
  createdByName: string | null
  createdAt: string
}

const BEFORE_RESTORE = 'before-restore:'

export function useVersionLabel() {
  const { t } = useI18n()
  return useCallback(
    (v: Pick<VersionSummary, 'kind' | 'name'>) =>
      v.kind === 'named' && v.name ? v.name : v.name?.startsWith(BEFORE_RESTORE) ? t('history.beforeRestore') : t('history.auto'),
    [t],
  )
}

export function HistoryPanel({
  projectId,
  transcriptId,
  canSave,
  refreshKey,
  openId,
  onOpen,
}: {
  projectId: string
  transcriptId: string
  canSave: boolean
  refreshKey: number
  openId: string | null
  onOpen: (id: string) => void
}) {
  const { t, locale } = useI18n()
  const label = useVersionLabel()
  const [versions, setVersions] = useState<VersionSummary[] | null>(null)
  const [name, setName] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const base = `/api/projects/${projectId}/transcripts/${transcriptId}/versions`

  const load = useCallback(async () => {
    try {
      setVersions(await api<VersionSummary[]>(base))
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e))
    }
  }, [base])
  useEffect(() => {
    void load()
  }, [load, refreshKey])

  const save = async () => {
    setBusy(true)
    setError('')
    try {
      await api(base, { method: 'POST', json: { name } })
      setName('')
      await load()
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e))
    } finally {
      setBusy(false)
    }
  }

  const fmt = (iso: string) => new Date(iso).toLocaleString(locale === 'zh' ? 'zh-CN' : 'en', { dateStyle: 'medium', timeStyle: 'short' })
  return (
    <div className="history-panel stack" data-testid="history-panel">
      <h3>{t('editor.panel.history')}</h3>
      {canSave && (
        <form
          className="history-save"
          onSubmit={(e) => {
            e.preventDefault()
            void save()
          }}
        >
          <input value={name} onChange={(e) => setName(e.target.value)} placeholder={t('history.namePlaceholder')} aria-label={t('history.name')} data-testid="version-name" />
          <button type="submit" className="primary small" disabled={busy || !name.trim()} data-testid="save-version">
            {busy ? t('common.saving') : t('history.save')}
          </button>
        </form>
      )}
      <p className="hint">{t('history.autoHint')}</p>
      {error && <p className="error">{error}</p>}
      {versions === null ? (
        <p className="muted">{t('common.loading')}</p>
      ) : versions.length === 0 ? (
        <p className="empty">{t('history.none')}</p>
      ) : (
        <ul className="version-list plain">
          {versions.map((v) => (
            <li key={v.id}>
              <button type="button" className={`version-item ${openId === v.id ? 'on' : ''}`} onClick={() => onOpen(v.id)} data-testid="version-item" data-kind={v.kind}>
                <span className="row between">
                  <strong>{label(v)}</strong>
                  <span className={`badge ${v.kind === 'named' ? 'role-lead' : ''}`}>{t(v.kind === 'named' ? 'history.named' : 'history.autoShort')}</span>
                </span>
                <span className="muted small">
                  {fmt(v.createdAt)} · {v.createdByName ?? t('history.system')}
                </span>
                <span className="muted small">{t('history.counts', { chars: v.charCount.toLocaleString(), codings: v.codingCount })}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
