'use client'
/**
 * The arbitration page: the disputes queue (filters, progress, biggest first) beside the
 * side-by-side decision view, and the decision log. Keyboard-driven like INCEpTION's curation:
 * j/k move, 1–9/u/i/n/e choose, r writes the rationale, Enter confirms. Everyone looking sees
 * decisions and comments arrive live ('disputes' events).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useI18n } from '@/app/i18n/i18n-provider'
import { api } from '@/app/lib/api-client'
import { useProjectEvents } from '@/app/lib/use-project-events'
import { DecisionLog } from './decision-log'
import { DisputeDetail, type DetailHandle } from './dispute-detail'
import { DisputeFiltersBar } from './dispute-filters'
import { DisputeQueue } from './dispute-queue'
import { filterDisputes, keyAction, noFilters, type DisputeFilters, type DisputeItem } from './dispute-model'

export interface Lookup {
  members: { id: string; name: string }[]
  codes: { id: string; name: { zh: string; en: string }; color: string }[]
  cases: { id: string; key: string }[]
}

interface Props extends Lookup {
  projectId: string
  me: { id: string; role: 'lead' | 'coder' | 'viewer' }
  rationaleRequired: boolean
  initial: DisputeItem[]
  initialTab: 'queue' | 'log'
  initialDispute: string | null
}

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable)
}

export function DisputesView(props: Props) {
  const { projectId, me } = props
  const { t } = useI18n()
  const [items, setItems] = useState(props.initial)
  const [filters, setFilters] = useState<DisputeFilters>(noFilters)
  const [selectedId, setSelectedId] = useState<string | null>(props.initialDispute ?? filterDisputes(props.initial, noFilters)[0]?.id ?? null)
  const [tab, setTab] = useState(props.initialTab)
  const [error, setError] = useState<string | null>(null)
  const [logVersion, setLogVersion] = useState(0)
  /** The keyboard works once this page is interactive (tests and scripts wait for it). */
  const [keysReady, setKeysReady] = useState(false)
  const detail = useRef<DetailHandle>(null)
  const request = useRef(0)

  const refetch = useCallback(async () => {
    const mine = ++request.current
    try {
      const next = await api<DisputeItem[]>(`/api/projects/${projectId}/disputes`)
      if (mine !== request.current) return
      setItems(next)
      setError(null)
      setLogVersion((v) => v + 1)
    } catch (e) {
      if (mine === request.current) setError(t('disputes.loadFailed', { message: e instanceof Error ? e.message : String(e) }))
    }
  }, [projectId, t])
  useProjectEvents(projectId, ['disputes'], () => void refetch())

  const visible = useMemo(() => filterDisputes(items, filters), [items, filters])
  const scope = useMemo(() => filterDisputes(items, filters, true), [items, filters])
  const progress = { decided: scope.filter((d) => d.state === 'decided').length, total: scope.length }
  const selected = items.find((d) => d.id === selectedId) ?? null

  const move = useCallback(
    (delta: 1 | -1) => {
      if (visible.length === 0) return
      const at = visible.findIndex((d) => d.id === selectedId)
      const next = at < 0 ? (delta === 1 ? 0 : visible.length - 1) : Math.min(visible.length - 1, Math.max(0, at + delta))
      setSelectedId(visible[next].id)
      document.getElementById(`dispute-${visible[next].id}`)?.scrollIntoView({ block: 'nearest' })
    },
    [visible, selectedId],
  )

  const changeFilters = useCallback(
    (next: DisputeFilters) => {
      setFilters(next)
      // Keep the decision view on a dispute the queue shows.
      const shown = filterDisputes(items, next)
      if (!shown.some((d) => d.id === selectedId)) setSelectedId(shown[0]?.id ?? null)
    },
    [items, selectedId],
  )

  /** After a decision: the next open dispute of the queue, as INCEpTION moves on after merging. */
  const advance = useCallback(
    (decidedId: string, fresh: DisputeItem[]) => {
      const list = filterDisputes(fresh, { ...filters, state: '' })
      const at = list.findIndex((d) => d.id === decidedId)
      const after = [...list.slice(at + 1), ...list.slice(0, Math.max(0, at))].find((d) => d.state === 'open')
      if (after) setSelectedId(after.id)
    },
    [filters],
  )

  const onDecided = useCallback(
    async (disputeId: string) => {
      const next = await api<DisputeItem[]>(`/api/projects/${projectId}/disputes`)
      ++request.current
      setItems(next)
      setLogVersion((v) => v + 1)
      advance(disputeId, next)
    },
    [projectId, advance],
  )

  useEffect(() => {
    if (tab !== 'queue') return
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || isTyping(e.target)) return
      // Enter on an ordinary button or link keeps its native meaning; on the queue and the
      // choice buttons (marked data-keys="pass") it confirms, as everywhere else on the page.
      const el = e.target as HTMLElement | null
      if (e.key === 'Enter' && el?.closest?.('dialog, button, a') && !el.closest('[data-keys=pass]')) return
      const action = keyAction(e)
      if (!action) return
      if (action.type === 'next' || action.type === 'prev') {
        e.preventDefault()
        move(action.type === 'next' ? 1 : -1)
        return
      }
      if (detail.current?.handle(action)) e.preventDefault()
    }
    window.addEventListener('keydown', onKey)
    setKeysReady(true)
    return () => window.removeEventListener('keydown', onKey)
  }, [tab, move])

  return (
    <div className="stack dsp-page" data-keys-ready={keysReady ? 'yes' : 'no'}>
      <div className="page-head">
        <h2>{t('disputes.title')}</h2>
        <div className="row" role="tablist" aria-label={t('disputes.title')}>
          <button type="button" role="tab" aria-selected={tab === 'queue'} className={tab === 'queue' ? 'primary' : ''} onClick={() => setTab('queue')} data-testid="tab-queue">
            {t('disputes.tab.queue')}
          </button>
          <button type="button" role="tab" aria-selected={tab === 'log'} className={tab === 'log' ? 'primary' : ''} onClick={() => setTab('log')} data-testid="tab-log">
            {t('disputes.tab.log')}
          </button>
        </div>
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {tab === 'log' ? (
        <DecisionLog projectId={projectId} version={logVersion} />
      ) : (
        <>
          <DisputeFiltersBar items={items} filters={filters} onChange={changeFilters} lookup={props} progress={progress} canRefresh={me.role === 'lead'} projectId={projectId} onRefreshed={refetch} />
          {items.length === 0 ? (
            <p className="empty">{t('disputes.empty')}</p>
          ) : (
            <div className="dsp-layout">
              <DisputeQueue items={visible} selectedId={selectedId} onSelect={setSelectedId} lookup={props} />
              <section className="dsp-detail card" aria-live="polite">
                {selected ? (
                  <DisputeDetail
                    key={selected.id}
                    ref={detail}
                    projectId={projectId}
                    item={selected}
                    me={me}
                    rationaleRequired={props.rationaleRequired}
                    lookup={props}
                    onDecided={onDecided}
                    onChanged={refetch}
                  />
                ) : (
                  <p className="empty">{visible.length ? t('disputes.select') : t('disputes.emptyFiltered')}</p>
                )}
              </section>
            </div>
          )}
        </>
      )}
    </div>
  )
}
