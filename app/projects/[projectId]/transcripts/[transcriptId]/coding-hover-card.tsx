'use client'
/** What is coded under the pointer: each code with its coder, and memos on the span. */
import { useI18n } from '@/app/i18n/i18n-provider'
import type { CodingRun } from './coding-runs'
import type { CodeInfo, MemoView } from './types'

export interface HoverState {
  runs: CodingRun[]
  memos: MemoView[]
  x: number
  y: number
}

export function CodingHoverCard({
  hover,
  codeById,
  coderName,
  canRemove,
  canMemo,
  onSelect,
  onRemove,
  onMemo,
  onEnter,
  onLeave,
}: {
  hover: HoverState
  codeById: ReadonlyMap<string, CodeInfo>
  coderName: (id: string) => string
  canRemove: (run: CodingRun) => boolean
  canMemo: boolean
  onSelect: (run: CodingRun) => void
  onRemove: (run: CodingRun) => void
  onMemo: (run: CodingRun) => void
  onEnter: () => void
  onLeave: () => void
}) {
  const { t, pick } = useI18n()
  const left = Math.min(hover.x, (typeof window === 'undefined' ? 1200 : window.innerWidth) - 340)
  return (
    <div className="hover-card card" style={{ left, top: hover.y }} onMouseEnter={onEnter} onMouseLeave={onLeave} role="dialog" aria-label={t('editor.codesHere')} data-testid="hover-card">
      <ul className="plain">
        {hover.runs.map((r) => {
          const code = codeById.get(r.codeId)
          return (
            <li key={`${r.codeId}|${r.coderId}|${r.from}`} className="hover-row">
              <div className="row tight">
                <span className="swatch" style={{ background: code?.color ?? '#999' }} />
                <strong className="grow-1">{code ? pick(code.name) : t('editor.unknownCode')}</strong>
              </div>
              <div className="row between">
                <span className="muted small">{coderName(r.coderId)}</span>
                <span className="row tight">
                  <button type="button" className="small" onClick={() => onSelect(r)}>
                    {t('editor.selectSpan')}
                  </button>
                  {canMemo && (
                    <button type="button" className="small" onClick={() => onMemo(r)} data-testid="hover-memo">
                      {t('editor.addMemo')}
                    </button>
                  )}
                  {canRemove(r) && (
                    <button type="button" className="small danger" onClick={() => onRemove(r)} data-testid="hover-remove">
                      {t('common.remove')}
                    </button>
                  )}
                </span>
              </div>
            </li>
          )
        })}
      </ul>
      {hover.memos.length > 0 && (
        <div className="hover-memos">
          {hover.memos.map((m) => (
            <blockquote key={m.id} className="memo-quote">
              {m.body}
              <footer className="muted small">— {m.authorName ?? t('editor.unknownUser')}</footer>
            </blockquote>
          ))}
        </div>
      )}
    </div>
  )
}
