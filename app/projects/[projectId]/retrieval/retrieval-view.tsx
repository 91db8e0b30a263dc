'use client'
/**
 * Code retrieval (MAXQDA's "retrieved segments", NVivo's coding query): pick a code, narrow by
 * case, respondent role, coder and layer; each segment with its context and a link that opens
 * the transcript scrolled to it. The filters live in the URL, so a retrieval can be shared.
 */
import Link from 'next/link'
import { usePathname } from 'next/navigation'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { api, ApiError } from '@/app/lib/api-client'
import { useI18n } from '@/app/i18n/i18n-provider'
import { useProjectEvents } from '@/app/lib/use-project-events'
import type { RetrievedSegment } from '@/server/services/codings/retrieve-codings'
import type { MessageKey } from '@/app/i18n/messages'

export interface RetrievalFilters {
  codeId: string
  subcodes: boolean
  caseId: string
  role: string
  coderId: string
  layer: string
}

interface Code {
  id: string
  parentId: string | null
  name: { zh: string; en: string }
  color: string
  depth: number
}

interface Result {
  items: RetrievedSegment[]
  total: number
  truncated: boolean
}

const roles = ['park', 'college', 'enterprise', 'research', 'other'] as const

function queryOf(f: RetrievalFilters): URLSearchParams {
  const q = new URLSearchParams()
  if (f.codeId) q.set('codeId', f.codeId)
  if (f.codeId && !f.subcodes) q.set('subcodes', '0')
  for (const k of ['caseId', 'role', 'coderId', 'layer'] as const) if (f[k]) q.set(k, f[k])
  return q
}

export function RetrievalView({
  projectId,
  codes,
  cases,
  coders,
  initialFilters,
  initial,
}: {
  projectId: string
  role: string
  codes: Code[]
  cases: { id: string; key: string; name: { zh: string; en: string } }[]
  coders: { id: string; name: string }[]
  initialFilters: RetrievalFilters
  initial: Result | null
}) {
  const { t, pick } = useI18n()
  const pathname = usePathname()
  const [filters, setFilters] = useState(initialFilters)
  const [result, setResult] = useState<Result | null>(initial)
  const [loading, setLoading] = useState(false)
  const [error, setError] = useState('')
  const codeById = useMemo(() => new Map(codes.map((c) => [c.id, c])), [codes])
  const coderById = useMemo(() => new Map(coders.map((c) => [c.id, c.name])), [coders])
  const skipFirst = useRef(initial !== null)

  const load = useCallback(async (f: RetrievalFilters) => {
    if (!f.codeId) {
      setResult(null)
      return
    }
    setLoading(true)
    setError('')
    try {
      const q = queryOf(f)
      if (f.subcodes) q.set('subcodes', '1')
      setResult(await api<Result>(`/api/projects/${projectId}/codings?${q}`))
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e))
    } finally {
      setLoading(false)
    }
  }, [projectId])

  useEffect(() => {
    // The native history API: Next keeps its router in step without fetching the page again.
    const query = queryOf(filters).toString()
    if (query !== window.location.search.replace(/^\?/, '')) window.history.replaceState(null, '', `${pathname}${query ? `?${query}` : ''}`)
    if (skipFirst.current) {
      skipFirst.current = false
      return
    }
    void load(filters)
  }, [filters, load, pathname])

  // Codings change while people code: refresh, at most once a second.
  const refreshTimer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const latest = useRef(filters)
  latest.current = filters
  useProjectEvents(projectId, ['codings'], () => {
    if (refreshTimer.current) return
    refreshTimer.current = setTimeout(() => {
      refreshTimer.current = null
      void load(latest.current)
    }, 1000)
  })

  const set = (patch: Partial<RetrievalFilters>) => setFilters((f) => ({ ...f, ...patch }))
  const groups = useMemo(() => {
    const out: { transcriptId: string; title: string; caseLabel: string; role: string; items: RetrievedSegment[] }[] = []
    for (const item of result?.items ?? []) {
      let g = out[out.length - 1]
      if (!g || g.transcriptId !== item.transcriptId) {
        g = {
          transcriptId: item.transcriptId,
          title: item.transcriptTitle,
          caseLabel: item.caseKey ? `${item.caseKey} · ${pick(item.caseName)}` : t('transcripts.noCase'),
          role: item.respondentRole,
          items: [],
        }
        out.push(g)
      }
      g.items.push(item)
    }
    return out
  }, [result, pick, t])

  const layerLabel = (s: RetrievedSegment) =>
    s.layer === 'shared' ? t('retrieval.layerShared') : t('retrieval.layerOf', { name: coderById.get(s.layerOwner ?? '') ?? t('editor.unknownUser') })

  return (
    <div className="stack retrieval" data-testid="retrieval">
      <div className="page-head">
        <h2>{t('project.retrieval')}</h2>
        {result && (
          <span className="muted small" data-testid="retrieval-count">
            {t('retrieval.count', { count: result.total, transcripts: groups.length })}
          </span>
        )}
      </div>
      <form className="card retrieval-filters" onSubmit={(e) => e.preventDefault()}>
        <label className="retrieval-code">
          {t('retrieval.code')}
          <select value={filters.codeId} onChange={(e) => set({ codeId: e.target.value })} data-testid="retrieval-code">
            <option value="">{t('retrieval.chooseCode')}</option>
            {codes.map((c) => (
              <option key={c.id} value={c.id}>
                {'\u00a0\u00a0'.repeat(c.depth)}
                {pick(c.name)}
              </option>
            ))}
          </select>
        </label>
        <label className="inline retrieval-sub">
          <input type="checkbox" checked={filters.subcodes} onChange={(e) => set({ subcodes: e.target.checked })} />
          {t('retrieval.subcodes')}
        </label>
        <label>
          {t('transcripts.case')}
          <select value={filters.caseId} onChange={(e) => set({ caseId: e.target.value })}>
            <option value="">{t('retrieval.all')}</option>
            {cases.map((c) => (
              <option key={c.id} value={c.id}>
                {c.key} · {pick(c.name)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('transcripts.role')}
          <select value={filters.role} onChange={(e) => set({ role: e.target.value })}>
            <option value="">{t('retrieval.all')}</option>
            {roles.map((r) => (
              <option key={r} value={r}>
                {t(`respondent.${r}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('retrieval.coder')}
          <select value={filters.coderId} onChange={(e) => set({ coderId: e.target.value })}>
            <option value="">{t('retrieval.all')}</option>
            {coders.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('retrieval.layer')}
          <select value={filters.layer} onChange={(e) => set({ layer: e.target.value })}>
            <option value="">{t('retrieval.all')}</option>
            <option value="shared">{t('retrieval.layerShared')}</option>
            <option value="coder">{t('retrieval.layerCoders')}</option>
          </select>
        </label>
      </form>
      <p className="hint">{t('retrieval.blindHint')}</p>
      {error && <p className="error">{error}</p>}
      {!filters.codeId ? (
        <p className="empty">{t('retrieval.pickCode')}</p>
      ) : loading && !result ? (
        <p className="muted">{t('common.loading')}</p>
      ) : result && result.items.length === 0 ? (
        <p className="empty" data-testid="retrieval-empty">
          {t('retrieval.none')}
        </p>
      ) : (
        <div className={`stack ${loading ? 'is-loading' : ''}`}>
          {groups.map((g) => (
            <section key={g.transcriptId} className="card retrieval-group">
              <h3>
                <Link href={`/projects/${projectId}/transcripts/${g.transcriptId}`}>{g.title}</Link>
                <span className="muted small"> · {g.caseLabel} · {t(`respondent.${g.role}` as MessageKey)}</span>
              </h3>
              <ol className="segments">
                {g.items.map((s) => {
                  const code = codeById.get(s.codeId)
                  return (
                    <li key={s.id} className="segment" data-testid="segment">
                      <div className="segment-meta small">
                        <span className="code-chip" style={{ borderColor: code?.color, background: `${code?.color ?? '#999999'}22` }}>
                          <span className="swatch" style={{ background: code?.color }} /> {code ? pick(code.name) : t('editor.unknownCode')}
                        </span>
                        <span className="muted">{coderById.get(s.coderId) ?? s.coderName ?? t('editor.unknownUser')}</span>
                        <span className={`badge ${s.layer === 'shared' ? '' : 'round-revealed'}`}>{layerLabel(s)}</span>
                        {s.speaker && <span className="muted">{t('retrieval.speaker', { name: s.speaker })}</span>}
                        <Link className="open-link" href={`/projects/${projectId}/transcripts/${s.transcriptId}?at=${s.start}-${s.end}`} data-testid="open-segment">
                          {t('retrieval.open')} →
                        </Link>
                      </div>
                      <p className="segment-text">
                        {s.before && <span className="context">{s.clippedBefore ? '…' : ''}{s.before}</span>}
                        <mark style={{ background: `${code?.color ?? '#999999'}40`, boxShadow: `inset 0 -2px 0 ${code?.color ?? '#999'}` }}>{s.text}</mark>
                        {s.after && <span className="context">{s.after}{s.clippedAfter ? '…' : ''}</span>}
                      </p>
                    </li>
                  )
                })}
              </ol>
            </section>
          ))}
          {result?.truncated && <p className="hint">{t('retrieval.truncated', { shown: result.items.length, total: result.total })}</p>}
        </div>
      )}
    </div>
  )
}
