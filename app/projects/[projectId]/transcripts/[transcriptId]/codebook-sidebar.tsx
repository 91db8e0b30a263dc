'use client'
/**
 * The codebook beside the text: click a code (or press its key) to code the selection; the
 * codes already on the selection can be removed from it. Names follow the interface language.
 */
import { useMemo, useState } from 'react'
import { useI18n } from '@/app/i18n/i18n-provider'
import type { CodingRun } from './coding-runs'
import type { CodeInfo } from './types'

export function CodebookSidebar({
  codes,
  keys,
  counts,
  selection,
  inSelection,
  canCode,
  canRemove,
  coderName,
  onApply,
  onRemove,
  onOpenSearch,
  status,
}: {
  codes: readonly CodeInfo[]
  keys: ReadonlyMap<string, string>
  counts: ReadonlyMap<string, number>
  selection: { from: number; to: number; chars: number } | null
  inSelection: readonly CodingRun[]
  canCode: boolean
  canRemove: (run: CodingRun) => boolean
  coderName: (id: string) => string
  onApply: (codeId: string) => void
  onRemove: (run: CodingRun) => void
  onOpenSearch: () => void
  status: string
}) {
  const { t, pick } = useI18n()
  const [filter, setFilter] = useState('')
  const byId = useMemo(() => new Map(codes.map((c) => [c.id, c])), [codes])
  const shown = useMemo(() => {
    const q = filter.trim().toLowerCase()
    if (!q) return codes
    return codes.filter((c) => c.name.zh.toLowerCase().includes(q) || c.name.en.toLowerCase().includes(q))
  }, [codes, filter])
  // The same code by the same coder once, even when the selection crosses several of its runs.
  const present = useMemo(() => {
    const seen = new Map<string, CodingRun>()
    for (const r of inSelection) {
      const k = `${r.codeId}|${r.coderId}`
      const s = seen.get(k)
      if (s) seen.set(k, { ...s, from: Math.min(s.from, r.from), to: Math.max(s.to, r.to) })
      else seen.set(k, r)
    }
    return [...seen.values()]
  }, [inSelection])

  return (
    <div className="code-sidebar stack" data-testid="codebook-sidebar">
      <div className="row between">
        <h3>{t('editor.panel.codes')}</h3>
        <button type="button" className="small" onClick={onOpenSearch} title={t('editor.searchHint')}>
          {t('editor.search')} <kbd>Ctrl K</kbd>
        </button>
      </div>
      <p className="hint" aria-live="polite" data-testid="selection-hint">
        {!canCode ? t('editor.cannotCode') : selection ? t('editor.selected', { count: selection.chars }) : t('editor.selectFirst')}
      </p>
      {status && (
        <p className="success small" role="status">
          {status}
        </p>
      )}
      {present.length > 0 && (
        <div className="in-selection">
          <h4>{t('editor.inSelection')}</h4>
          <ul className="plain">
            {present.map((r) => {
              const code = byId.get(r.codeId)
              return (
                <li key={`${r.codeId}|${r.coderId}`} className="row tight" data-code-id={r.codeId} data-coder-id={r.coderId}>
                  <span className="swatch" style={{ background: code?.color }} />
                  <span className="grow-1">
                    {code ? pick(code.name) : t('editor.unknownCode')} <span className="muted small">· {coderName(r.coderId)}</span>
                  </span>
                  {canRemove(r) && (
                    <button type="button" className="small danger" onClick={() => onRemove(r)} data-testid="remove-from-selection">
                      {t('editor.removeFromSelection')}
                    </button>
                  )}
                </li>
              )
            })}
          </ul>
        </div>
      )}
      <input type="search" value={filter} onChange={(e) => setFilter(e.target.value)} placeholder={t('editor.filterCodes')} aria-label={t('editor.filterCodes')} />
      <ul className="code-list" role="list">
        {shown.map((c) => (
          <li key={c.id} style={{ paddingInlineStart: `${filter ? 0 : c.depth * 0.9}rem` }}>
            <button
              type="button"
              className="code-btn"
              disabled={!canCode || !selection}
              onMouseDown={(e) => e.preventDefault() /* keep the editor's selection and focus */}
              onClick={() => onApply(c.id)}
              data-testid="code-button"
              data-code-id={c.id}
              title={pick(c.name)}
            >
              <span className="swatch" style={{ background: c.color }} />
              <span className="code-name">{pick(c.name)}</span>
              {counts.get(c.id) ? <span className="count">{counts.get(c.id)}</span> : null}
              {keys.get(c.id) && <kbd>{keys.get(c.id)}</kbd>}
            </button>
          </li>
        ))}
        {shown.length === 0 && <li className="muted small">{t('editor.noCodeMatch')}</li>}
      </ul>
    </div>
  )
}
