'use client'
/** The cases table; the lead edits a case in place and confirms a delete in the row. */
import { Fragment, useState } from 'react'
import { useRouter } from 'next/navigation'
import { useI18n } from '@/app/i18n/i18n-provider'
import { api } from '@/app/lib/api-client'
import { CaseForm, type CaseItem } from './case-form'

export function CasesView({ projectId, cases, canEdit }: { projectId: string; cases: CaseItem[]; canEdit: boolean }) {
  const { t, pick } = useI18n()
  const router = useRouter()
  const [editing, setEditing] = useState<string | null>(null)
  const [confirming, setConfirming] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const columns = canEdit ? 5 : 4

  async function remove(c: CaseItem) {
    setBusy(true)
    setError(null)
    try {
      await api(`/api/projects/${projectId}/cases/${c.id}`, { method: 'DELETE' })
      setConfirming(null)
      router.refresh()
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e))
    } finally {
      setBusy(false)
    }
  }

  if (cases.length === 0) return <p className="empty">{canEdit ? t('cases.empty') + ' ' + t('casesPage.emptyLead') : t('cases.empty')}</p>
  return (
    <div className="stack">
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="table-wrap card flush">
        <table data-testid="cases-table">
          <thead>
            <tr>
              <th scope="col">{t('cases.key')}</th>
              <th scope="col">{t('cases.name')}</th>
              <th scope="col">{t('cases.attributes')}</th>
              <th scope="col">{t('project.transcripts')}</th>
              {canEdit && <th scope="col"><span className="visually-hidden">{t('casesPage.actions')}</span></th>}
            </tr>
          </thead>
          <tbody>
            {cases.map((c) => (
              <Fragment key={c.id}>
                {editing === c.id ? (
                  <tr>
                    <td colSpan={columns}>
                      <CaseForm projectId={projectId} item={c} onDone={() => setEditing(null)} />
                    </td>
                  </tr>
                ) : (
                  <tr>
                    <th scope="row">{c.key}</th>
                    <td>
                      {pick({ zh: c.nameZh, en: c.nameEn })}
                      {c.nameEn && c.nameZh && <div className="muted small">{pick({ zh: c.nameEn, en: c.nameZh })}</div>}
                    </td>
                    <td>
                      {Object.keys(c.attributes).length === 0 ? (
                        <span className="muted">{t('common.none')}</span>
                      ) : (
                        <dl className="attrs">
                          {Object.entries(c.attributes).map(([k, v]) => (
                            <div key={k}>
                              <dt>{k}</dt>
                              <dd>{v}</dd>
                            </div>
                          ))}
                        </dl>
                      )}
                    </td>
                    <td className="num">{c.transcripts}</td>
                    {canEdit && (
                      <td className="actions">
                        {confirming === c.id ? (
                          <div className="confirm-inline">
                            <span id={`case-confirm-${c.id}`}>{t('casesPage.deleteConfirm', { name: c.key, count: c.transcripts })}</span>
                            <button type="button" className="small danger" onClick={() => remove(c)} disabled={busy} autoFocus aria-describedby={`case-confirm-${c.id}`}>
                              {t('common.delete')}
                            </button>
                            <button type="button" className="small" onClick={() => setConfirming(null)}>
                              {t('common.cancel')}
                            </button>
                          </div>
                        ) : (
                          <div className="row">
                            <button type="button" className="small" onClick={() => setEditing(c.id)} aria-label={`${t('common.edit')}: ${c.key}`}>
                              {t('common.edit')}
                            </button>
                            <button type="button" className="small danger" onClick={() => setConfirming(c.id)} aria-label={`${t('common.delete')}: ${c.key}`}>
                              {t('common.delete')}
                            </button>
                          </div>
                        )}
                      </td>
                    )}
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  )
}
