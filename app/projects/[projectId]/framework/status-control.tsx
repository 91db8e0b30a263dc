'use client'
/**
 * The status of one cell. For the lead it is a button: click or Enter opens a small menu, and
 * D / P / N (or 1–3) set the status directly, Delete clears it, arrow keys move between cells.
 * Everyone else sees a plain chip. An unset status shows what the evidence suggests.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react'
import { useI18n } from '@/app/i18n/i18n-provider'
import type { FitStatus } from '@/server/domain/fit/types'
import { StatusLabel } from './fit-badges'
import { moveInGrid, statusForKey, statusOrder } from './matrix-model'

interface Props {
  status: FitStatus | null
  suggested: 'described' | 'none'
  editable: boolean
  label: string
  row: number
  col: number
  rows: number
  cols: number
  testId: string
  onSet: (status: FitStatus | null) => void
}

export function StatusControl({ status, suggested, editable, label, row, col, rows, cols, testId, onSet }: Props) {
  const { t } = useI18n()
  const [menu, setMenu] = useState(false)
  const wrap = useRef<HTMLSpanElement>(null)
  const firstItem = useRef<HTMLButtonElement>(null)

  useEffect(() => {
    if (!menu) return
    firstItem.current?.focus()
    const outside = (e: MouseEvent) => {
      if (!wrap.current?.contains(e.target as Node)) setMenu(false)
    }
    document.addEventListener('mousedown', outside)
    return () => document.removeEventListener('mousedown', outside)
  }, [menu])

  const chipClass = `fw-chip status-${status ?? 'unset'}`
  const hint = status === null ? <span className={`fw-suggest suggest-${suggested}`}>{t('framework.suggested', { status: t(`framework.status.${suggested}`) })}</span> : null

  if (!editable)
    return (
      <span className="fw-status">
        <span className={chipClass} data-testid={testId} data-status={status ?? 'unset'}>
          <StatusLabel status={status} />
        </span>
        {hint}
      </span>
    )

  function onKeyDown(e: KeyboardEvent<HTMLButtonElement>) {
    if (e.altKey || e.ctrlKey || e.metaKey) return
    const next = statusForKey(e.key)
    if (next !== undefined) {
      e.preventDefault()
      onSet(next)
      return
    }
    const to = moveInGrid(e.key, row, col, rows, cols)
    if (to) {
      e.preventDefault()
      document.querySelector<HTMLButtonElement>(`[data-fw-row="${to[0]}"][data-fw-col="${to[1]}"]`)?.focus()
    }
  }

  function choose(s: FitStatus | null) {
    setMenu(false)
    onSet(s)
    wrap.current?.querySelector<HTMLButtonElement>('button.fw-chip')?.focus()
  }

  function onMenuKey(e: KeyboardEvent<HTMLDivElement>) {
    const items = [...(wrap.current?.querySelectorAll<HTMLButtonElement>('[role=menuitemradio],[role=menuitem]') ?? [])]
    const at = items.indexOf(document.activeElement as HTMLButtonElement)
    if (e.key === 'Escape') {
      e.preventDefault()
      setMenu(false)
      wrap.current?.querySelector<HTMLButtonElement>('button.fw-chip')?.focus()
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault()
      items[(at + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]?.focus()
    }
  }

  return (
    <span className="fw-status" ref={wrap}>
      <button
        type="button"
        className={chipClass}
        data-testid={testId}
        data-status={status ?? 'unset'}
        data-fw-row={row}
        data-fw-col={col}
        aria-haspopup="menu"
        aria-expanded={menu}
        aria-label={`${label}: ${t(status ? `framework.status.${status}` : 'framework.status.unset')}`}
        onClick={() => setMenu((m) => !m)}
        onKeyDown={onKeyDown}
      >
        <StatusLabel status={status} />
      </button>
      {hint}
      {menu && (
        <div className="fw-menu" role="menu" aria-label={label} onKeyDown={onMenuKey}>
          {statusOrder.map((s, i) => (
            <button key={s} type="button" role="menuitemradio" aria-checked={status === s} ref={i === 0 ? firstItem : undefined} className={`fw-menu-item status-${s}`} onClick={() => choose(s)}>
              <span className={`fw-dot status-${s}`} aria-hidden="true" />
              <StatusLabel status={s} />
              {s === suggested && status !== s && <span className="muted small"> · {t('framework.suggestedShort')}</span>}
              <kbd>{s[0].toUpperCase()}</kbd>
            </button>
          ))}
          <button type="button" role="menuitem" className="fw-menu-item" onClick={() => choose(null)} disabled={status === null}>
            {t('framework.status.clear')}
            <kbd>Del</kbd>
          </button>
        </div>
      )}
    </span>
  )
}
