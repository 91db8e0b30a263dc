'use client'
/**
 * The decision view of one dispute: what each coder had, the preview of the lead's choice, the
 * rationale and the confirmation; for a decided dispute the decision and "reopen"; the thread.
 * The page's keyboard handler forwards single keys here through `handle`.
 */
import { useImperativeHandle, useRef, useState, type Ref } from 'react'
import Link from 'next/link'
import { useI18n } from '@/app/i18n/i18n-provider'
import { api } from '@/app/lib/api-client'
import type { FitStatusValue } from '@/server/domain/disputes/types'
import { DisputeComments } from './dispute-comments'
import { coderColor, decisionBody, previewSpans, previewStatus, versionsOf, type DisputeItem, type Draft, type KeyAction } from './dispute-model'
import { CoderRowHeader, SpanPassage, type CoderInfo } from './passage'
import type { Lookup } from './disputes-view'

export interface DetailHandle {
  /** Runs a key action; false when it does not apply here. */
  handle(action: KeyAction): boolean
}

interface Props {
  ref?: Ref<DetailHandle>
  projectId: string
  item: DisputeItem
  me: { id: string; role: 'lead' | 'coder' | 'viewer' }
  rationaleRequired: boolean
  lookup: Lookup
  onDecided: (disputeId: string) => Promise<void>
  onChanged: () => Promise<void>
}

const statuses: FitStatusValue[] = ['described', 'partial', 'none']

const formatWhen = (iso: string, locale: string) => new Date(iso).toLocaleString(locale === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' })

export function DisputeDetail({ ref, projectId, item, me, rationaleRequired, lookup, onDecided, onChanged }: Props) {
  const { t, pick, locale } = useI18n()
  const [draft, setDraft] = useState<Draft | null>(null)
  const [rationale, setRationale] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const rationaleBox = useRef<HTMLTextAreaElement>(null)
  const isLead = me.role === 'lead'
  const canDecide = isLead && item.state === 'open'
  const code = lookup.codes.find((c) => c.id === item.codeId)
  const codeColor = code?.color ?? item.code.color ?? '#8ab4f8'
  const memberName = (id: string) => lookup.members.find((m) => m.id === id)?.name ?? t('disputes.unknownCoder')
  const coders: CoderInfo[] = versionsOf(item).map((v, i) => ({ id: v.coderId, name: memberName(v.coderId) + (v.coderId === me.id ? ` ${t('disputes.you')}` : ''), color: coderColor(i), version: v }))
  const decision = item.decision
  const decidedAfter = decision?.after as { spans?: { start: number; end: number }[]; status?: FitStatusValue } | undefined

  const choiceLabel = (d: { choice: string; coderId?: string | null }) =>
    d.choice === 'coder' ? t('disputes.choice.coder', { name: memberName(d.coderId ?? '') }) : t(`disputes.choice.${d.choice as 'union' | 'intersection' | 'none' | 'custom'}`)

  function choose(next: Draft) {
    if (!canDecide) return
    setError(null)
    setDraft(next)
  }
  function startEditing() {
    if (!canDecide) return
    if (item.kind === 'status') return choose({ choice: 'custom', start: 0, end: 0, status: previewStatus(item, draft) ?? 'partial' })
    const base = previewSpans(item, draft, Number.MAX_SAFE_INTEGER)
    const from = base && base.length ? base[0] : { start: item.start!, end: item.end! }
    const to = base && base.length ? base[base.length - 1] : from
    choose({ choice: 'custom', start: from.start, end: to.end })
  }

  async function confirm() {
    if (!canDecide || busy) return
    if (!draft) return setError(t('disputes.pickFirst'))
    if (rationaleRequired && !rationale.trim()) {
      setError(t('disputes.needRationale'))
      rationaleBox.current?.focus()
      return
    }
    setBusy(true)
    setError(null)
    try {
      const body = item.kind === 'status' && draft.choice === 'custom' ? { choice: 'custom', status: draft.status, rationale } : decisionBody(draft, rationale)
      await api(`/api/projects/${projectId}/disputes/${item.id}/decision`, { method: 'POST', json: body })
      await onDecided(item.id)
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e))
    } finally {
      setBusy(false)
    }
  }

  async function reopen() {
    setBusy(true)
    setError(null)
    try {
      await api(`/api/projects/${projectId}/disputes/${item.id}/reopen`, { method: 'POST' })
      await onChanged()
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e))
    } finally {
      setBusy(false)
    }
  }

  useImperativeHandle(ref, () => ({
    handle(action) {
      if (!canDecide) return false
      switch (action.type) {
        case 'coder': {
          const c = coders[action.index]
          if (!c || c.version.hidden) return false
          choose({ choice: 'coder', coderId: c.id })
          return true
        }
        case 'union':
        case 'intersection':
        case 'none':
          choose({ choice: action.type })
          return true
        case 'edit':
          startEditing()
          return true
        case 'rationale':
          rationaleBox.current?.focus()
          return true
        case 'confirm':
          void confirm()
          return true
        default:
          return false
      }
    },
  }))

  const preview = item.kind === 'status' ? null : previewSpans(item, draft, Number.MAX_SAFE_INTEGER)
  const previewedStatus = previewStatus(item, draft)
  const showingDecision = item.state === 'decided' && decidedAfter
  const resultSpans = showingDecision ? (decidedAfter.spans ?? []) : canDecide ? preview : null
  const editing = canDecide && draft?.choice === 'custom' && item.kind !== 'status' ? { start: draft.start, end: draft.end } : null
  const isDraft = (d: Draft) => !!draft && draft.choice === d.choice && (d.choice !== 'coder' || (draft.choice === 'coder' && draft.coderId === d.coderId))

  return (
    <div className="stack" data-testid="dispute-detail" data-dispute={item.id} data-state={item.state}>
      <header className="dsp-detail-head">
        <div className="row">
          <span className="swatch" style={{ background: codeColor }} aria-hidden />
          <h3>{code ? pick(code.name) : pick(item.code.name)}</h3>
          <span className={`badge dsp-kind-${item.kind}`} title={t(`disputes.kindHint.${item.kind}`)}>
            {t(`disputes.kind.${item.kind}`)}
          </span>
          <span className={`badge ${item.state === 'decided' ? 'dsp-decided' : 'dsp-open'}`} data-testid="detail-state">
            {t(`disputes.state.${item.state}`)}
          </span>
        </div>
        <p className="muted small">
          {t(`disputes.kindHint.${item.kind}`)} {item.caseKey && t('disputes.caseLabel', { key: item.caseKey })}
          {item.documentTitle && (
            <>
              {' · '}
              <Link href={`/projects/${projectId}/transcripts/${item.documentId}`}>{item.documentTitle}</Link>
            </>
          )}
          {item.start !== null && ` · ${t('disputes.range', { start: item.start, end: item.end ?? '' })}`}
        </p>
      </header>

      {item.kind === 'status' ? (
        <table className="dsp-rows" data-testid="coder-rows">
          <tbody>
            {coders.map((c, i) => (
              <tr key={c.id} data-testid="coder-row">
                <CoderRowHeader coder={c} index={i} showKey={isLead} />
                <td>{c.version.hidden ? <span className="muted small">{t('disputes.hidden')}</span> : <span className={`badge dsp-status-${c.version.status}`}>{t(`disputes.status.${c.version.status ?? 'none'}`)}</span>}</td>
              </tr>
            ))}
            <tr className="dsp-result" data-testid="result-row">
              <th scope="row">{showingDecision ? t('disputes.consensus') : t('disputes.result')}</th>
              <td>
                {showingDecision ? (
                  <span className={`badge dsp-status-${decidedAfter.status}`}>{t(`disputes.status.${decidedAfter.status ?? 'none'}`)}</span>
                ) : previewedStatus ? (
                  <span className={`badge dsp-status-${previewedStatus}`}>{t(`disputes.status.${previewedStatus}`)}</span>
                ) : (
                  <span className="muted small">—</span>
                )}
              </td>
            </tr>
          </tbody>
        </table>
      ) : (
        <SpanPassage
          item={item}
          coders={coders}
          showKeys={isLead}
          result={resultSpans}
          resultLabel={showingDecision ? t('disputes.consensus') : t('disputes.result')}
          resultColor={codeColor}
          editing={editing}
          onEdit={(s) => setDraft({ choice: 'custom', start: s.start, end: s.end })}
        />
      )}

      {item.state === 'decided' && decision && (
        <div className="dsp-decision" data-testid="decision">
          <p>
            <strong suppressHydrationWarning>{t('disputes.decidedBy', { name: memberName(decision.decidedBy ?? ''), when: formatWhen(decision.decidedAt, locale) })}</strong>
          </p>
          <p>
            {t('disputes.chose')}: <strong data-testid="decision-choice">{choiceLabel(decision)}</strong>
          </p>
          {decision.rationale && <blockquote className="dsp-rationale-text">{decision.rationale}</blockquote>}
          {isLead && (
            <div className="row">
              <button type="button" onClick={() => void reopen()} disabled={busy} data-testid="reopen">
                {t('disputes.reopen')}
              </button>
              <span className="muted small">{t('disputes.reopenHint')}</span>
            </div>
          )}
        </div>
      )}
      {item.state === 'open' && decision && (
        <p className="muted small" suppressHydrationWarning>
          {t('disputes.previously', { name: memberName(decision.decidedBy ?? ''), when: formatWhen(decision.decidedAt, locale) })} · {choiceLabel(decision)}
        </p>
      )}

      {canDecide && (
        <div className="stack tight dsp-choices">
          <div className="row" role="group" aria-label={t('disputes.choose')} data-keys="pass">
            {coders.map((c, i) => (
              <button key={c.id} type="button" aria-pressed={isDraft({ choice: 'coder', coderId: c.id })} onClick={() => choose({ choice: 'coder', coderId: c.id })} disabled={c.version.hidden}>
                <span className="dsp-chip" style={{ background: c.color }} aria-hidden /> {t('disputes.choice.coder', { name: memberName(c.id) })}
                <kbd>{i + 1}</kbd>
              </button>
            ))}
            <button type="button" aria-pressed={isDraft({ choice: 'union' })} onClick={() => choose({ choice: 'union' })} title={t(item.kind === 'status' ? 'disputes.choiceHint.statusUnion' : 'disputes.choiceHint.union')}>
              {t('disputes.choice.union')}
              <kbd>u</kbd>
            </button>
            <button type="button" aria-pressed={isDraft({ choice: 'intersection' })} onClick={() => choose({ choice: 'intersection' })} title={t(item.kind === 'status' ? 'disputes.choiceHint.statusIntersection' : 'disputes.choiceHint.intersection')}>
              {t('disputes.choice.intersection')}
              <kbd>i</kbd>
            </button>
            <button type="button" aria-pressed={isDraft({ choice: 'none' })} onClick={() => choose({ choice: 'none' })} title={t('disputes.choiceHint.none')}>
              {t('disputes.choice.none')}
              <kbd>n</kbd>
            </button>
            <button type="button" aria-pressed={draft?.choice === 'custom'} onClick={startEditing}>
              {item.kind === 'status' ? t('disputes.choice.customStatus') : t('disputes.choice.custom')}
              <kbd>e</kbd>
            </button>
          </div>
          {draft?.choice === 'custom' && item.kind === 'status' && (
            <label className="inline">
              {t('disputes.choice.customStatus')}
              <select value={draft.status} onChange={(e) => setDraft({ ...draft, status: e.target.value as FitStatusValue })}>
                {statuses.map((s) => (
                  <option key={s} value={s}>
                    {t(`disputes.status.${s}`)}
                  </option>
                ))}
              </select>
            </label>
          )}
          {editing && (
            <div className="row small">
              <label className="inline">
                {t('disputes.start')}
                <input type="number" className="dsp-offset" value={editing.start} min={0} onChange={(e) => setDraft({ choice: 'custom', start: Number(e.target.value), end: editing.end })} data-testid="custom-start" />
              </label>
              <label className="inline">
                {t('disputes.end')}
                <input type="number" className="dsp-offset" value={editing.end} min={1} onChange={(e) => setDraft({ choice: 'custom', start: editing.start, end: Number(e.target.value) })} data-testid="custom-end" />
              </label>
              <span className="hint">{t('disputes.dragHint')}</span>
            </div>
          )}
          <label>
            {rationaleRequired ? t('disputes.rationaleRequired') : t('disputes.rationale')}
            <textarea
              ref={rationaleBox}
              rows={2}
              value={rationale}
              placeholder={t('disputes.rationalePlaceholder')}
              onChange={(e) => setRationale(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
                  e.preventDefault()
                  void confirm()
                } else if (e.key === 'Escape') e.currentTarget.blur()
              }}
              data-testid="rationale"
            />
          </label>
          <div className="row">
            <button type="button" className="primary" onClick={() => void confirm()} disabled={busy} data-testid="confirm">
              {busy ? t('disputes.confirming') : t('disputes.confirm')}
              <kbd>Enter</kbd>
            </button>
            {error && (
              <span role="alert" className="error small" data-testid="decision-error">
                {error}
              </span>
            )}
          </div>
          <p className="hint dsp-keys">
            {t('disputes.keys')}: {t('disputes.keys.nav')} · {t('disputes.keys.choose')} · {t('disputes.keys.confirm')}
          </p>
        </div>
      )}
      {!isLead && item.state === 'open' && <p className="muted small">{me.role === 'viewer' ? t('disputes.viewerOnly') : t('disputes.leadOnly')}</p>}
      {isLead && item.state !== 'open' && error && (
        <p role="alert" className="error small">
          {error}
        </p>
      )}

      <DisputeComments projectId={projectId} disputeId={item.id} open={item.state === 'open'} canWrite={me.role !== 'viewer'} commentCount={item.commentCount} />
    </div>
  )
}
