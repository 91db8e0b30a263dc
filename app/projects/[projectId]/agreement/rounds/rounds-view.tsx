'use client'
/**
 * Independent rounds: for the lead, each round's progress (codings counted per coder and
 * transcript, never shown), the reveal with a confirmation, a form to start a round and the
 * project's coding mode; for a coder, the transcripts assigned to them. Live: codings and rounds
 * events refresh the page (debounced).
 */
import Link from 'next/link'
import { useRouter } from 'next/navigation'
import { useCallback, useEffect, useRef, useState } from 'react'
import { useI18n } from '@/app/i18n/i18n-provider'
import { api } from '@/app/lib/api-client'
import { useProjectEvents } from '@/app/lib/use-project-events'
import type { listRounds } from '@/server/services/rounds/list-rounds'
import { NewRoundForm } from './new-round-form'
import { RevealDialog } from './reveal-dialog'

type Round = Awaited<ReturnType<typeof listRounds>>[number]

export function RoundsView({
  projectId,
  userId,
  role,
  codingMode,
  rounds,
  freeTranscripts,
  coders,
}: {
  projectId: string
  userId: string
  role: 'lead' | 'coder' | 'viewer'
  codingMode: 'open' | 'independent'
  rounds: Round[]
  freeTranscripts: { id: string; title: string; charCount: number }[]
  coders: { id: string; name: string; role: string }[]
}) {
  const { t, locale } = useI18n()
  const router = useRouter()
  const [revealing, setRevealing] = useState<Round | null>(null)
  const [mode, setMode] = useState(codingMode)
  const [error, setError] = useState<string | null>(null)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const refresh = useCallback(() => {
    if (timer.current) return
    timer.current = setTimeout(() => {
      timer.current = null
      router.refresh()
    }, 1000)
  }, [router])
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), [])
  useProjectEvents(projectId, ['codings', 'rounds', 'documents'], refresh)
  const isLead = role === 'lead'
  const date = (iso: string) => new Date(iso).toLocaleDateString(locale === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'medium' })

  const setCodingMode = async (next: 'open' | 'independent') => {
    setError(null)
    try {
      await api(`/api/projects/${projectId}`, { method: 'PATCH', json: { codingMode: next } })
      setMode(next)
      router.refresh()
    } catch (e) {
      setError((e as Error).message)
    }
  }

  const shown = isLead ? rounds : [...rounds.filter((r) => r.mine), ...rounds.filter((r) => !r.mine)]
  return (
    <div className="stack">
      <div className="page-head">
        <div>
          <h2>{t('agr.rounds.title')}</h2>
          <p className="hint" style={{ margin: 0 }}>
            {t('agr.rounds.intro')}
          </p>
        </div>
      </div>
      {isLead && (
        <div className="card row between">
          <span>
            <strong>{t('agr.rounds.mode')}</strong> <span className="hint">{t('agr.rounds.modeHint')}</span>
          </span>
          <div className="segmented" role="group" aria-label={t('agr.rounds.mode')}>
            {(['open', 'independent'] as const).map((m) => (
              <button key={m} type="button" className={mode === m ? 'on' : ''} aria-pressed={mode === m} onClick={() => setCodingMode(m)}>
                {t(`mode.${m}`)}
              </button>
            ))}
          </div>
        </div>
      )}
      {error && <p className="error">{error}</p>}
      {rounds.length === 0 && <p className="empty">{isLead ? t('agr.rounds.noneLead') : t('agr.rounds.none')}</p>}
      {shown.map((r) => {
        const count = (coderId: string, transcriptId: string) => r.progress.find((p) => p.coderId === coderId && p.transcriptId === transcriptId)?.codings ?? 0
        const visibleCoders = isLead ? r.coders : r.coders.filter((c) => c.id === userId)
        return (
          <section key={r.id} className="card stack tight agr-round" data-testid="round-card" data-round={r.id}>
            <div className="row between">
              <h3 style={{ margin: 0 }}>
                {r.name} <span className={`badge round-${r.state}`}>{t(r.state === 'blind' ? 'transcripts.round.blind' : 'transcripts.round.revealed')}</span>
              </h3>
              <span className="row tight">
                <span className="muted small">
                  {t('agr.rounds.created', { date: date(r.createdAt) })}
                  {r.revealedAt && ` · ${t('agr.rounds.revealedAt', { date: date(r.revealedAt) })}`}
                </span>
                {isLead && r.state === 'blind' && (
                  <button type="button" className="primary small" onClick={() => setRevealing(r)} data-testid="reveal-round">
                    {t('agr.rounds.reveal')}
                  </button>
                )}
                {r.state === 'revealed' && (
                  <Link className="button small-btn" href={`/projects/${projectId}/agreement?round=${r.id}`}>
                    {t('agr.rounds.seeAgreement')}
                  </Link>
                )}
              </span>
            </div>
            <p className="small" style={{ margin: 0 }}>
              {r.coders.map((c) => c.name).join(' · ')}
            </p>
            {!isLead && !r.mine && <p className="muted small">{t('agr.rounds.notMine')}</p>}
            {(isLead || r.mine) && (
              <div className="table-wrap">
                <table className="agr-progress-table">
                  <caption className="hint">
                    {isLead || r.mine ? t('agr.rounds.progress') : ''} — {t('agr.rounds.progressHint')}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('agr.transcripts')}</th>
                      {visibleCoders.map((c) => (
                        <th key={c.id} scope="col" className="num">
                          {c.name}
                        </th>
                      ))}
                      <th scope="col" />
                    </tr>
                  </thead>
                  <tbody>
                    {r.transcripts.map((tr) => (
                      <tr key={tr.id}>
                        <th scope="row">{tr.title}</th>
                        {visibleCoders.map((c) => (
                          <td key={c.id} className="num" data-testid={`progress-${tr.id}-${c.id}`}>
                            {count(c.id, tr.id)}
                          </td>
                        ))}
                        <td className="actions">
                          <span className="row tight">
                            {r.mine && r.state === 'blind' && (
                              <Link href={`/projects/${projectId}/transcripts/${tr.id}`} data-testid="round-open-transcript">
                                {t('agr.rounds.open')}
                              </Link>
                            )}
                            {r.state === 'revealed' && (
                              <Link href={`/projects/${projectId}/transcripts/${tr.id}/layers`}>{t('agr.rounds.layers')}</Link>
                            )}
                          </span>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        )
      })}
      {isLead && <NewRoundForm projectId={projectId} transcripts={freeTranscripts} coders={coders} onCreated={() => router.refresh()} />}
      {revealing && (
        <RevealDialog
          projectId={projectId}
          round={revealing}
          onClose={() => setRevealing(null)}
          onRevealed={() => {
            setRevealing(null)
            router.refresh()
          }}
        />
      )}
    </div>
  )
}
