'use client'
/** Ctrl/Cmd+K or '/': type part of a code's Chinese or English name, Enter applies it. */
import { useEffect, useMemo, useRef, useState } from 'react'
import { useI18n } from '@/app/i18n/i18n-provider'
import type { CodeInfo } from './types'

export function matchCodes(codes: readonly CodeInfo[], query: string): CodeInfo[] {
  const q = query.trim().toLowerCase()
  if (!q) return [...codes]
  const score = (c: CodeInfo) => {
    const names = [c.name.zh.toLowerCase(), c.name.en.toLowerCase()]
    if (names.some((n) => n.startsWith(q))) return 0
    if (names.some((n) => n.split(/[\s·/]+/).some((w) => w.startsWith(q)))) return 1
    if (names.some((n) => n.includes(q))) return 2
    return -1
  }
  return codes
    .map((c) => ({ c, s: score(c) }))
    .filter((x) => x.s >= 0)
    .sort((a, b) => a.s - b.s)
    .map((x) => x.c)
}

export function QuickCodeSearch({ codes, keys, onPick, onClose }: { codes: readonly CodeInfo[]; keys: ReadonlyMap<string, string>; onPick: (codeId: string) => void; onClose: () => void }) {
  const { t, pick } = useI18n()
  const dialog = useRef<HTMLDialogElement>(null)
  const [query, setQuery] = useState('')
  const [active, setActive] = useState(0)
  const results = useMemo(() => matchCodes(codes, query).slice(0, 12), [codes, query])

  useEffect(() => {
    dialog.current?.showModal()
  }, [])

  const choose = (i: number) => {
    const c = results[i]
    if (c) onPick(c.id)
  }

  return (
    <dialog ref={dialog} className="quick-search" onClose={onClose} onCancel={onClose} data-testid="quick-search">
      <input
        autoFocus
        value={query}
        onChange={(e) => {
          setQuery(e.target.value)
          setActive(0)
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault()
            setActive((a) => Math.min(a + 1, results.length - 1))
          } else if (e.key === 'ArrowUp') {
            e.preventDefault()
            setActive((a) => Math.max(a - 1, 0))
          } else if (e.key === 'Enter') {
            e.preventDefault()
            choose(active)
          }
        }}
        placeholder={t('editor.searchPlaceholder')}
        aria-label={t('editor.search')}
        role="combobox"
        aria-expanded
        aria-controls="quick-search-results"
        aria-activedescendant={results[active] ? `qs-${results[active].id}` : undefined}
      />
      <ul id="quick-search-results" role="listbox" className="quick-results">
        {results.map((c, i) => (
          <li
            key={c.id}
            id={`qs-${c.id}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'active' : ''}
            onMouseEnter={() => setActive(i)}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => choose(i)}
          >
            <span className="swatch" style={{ background: c.color }} />
            <span className="grow-1">{pick(c.name)}</span>
            <span className="muted small">{c.name.zh && c.name.en ? (pick(c.name) === c.name.zh ? c.name.en : c.name.zh) : ''}</span>
            {keys.get(c.id) && <kbd>{keys.get(c.id)}</kbd>}
          </li>
        ))}
        {results.length === 0 && <li className="muted">{t('editor.noCodeMatch')}</li>}
      </ul>
      <p className="hint">{t('editor.searchFooter')}</p>
    </dialog>
  )
}
