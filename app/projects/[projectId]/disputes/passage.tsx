'use client'
/**
 * The disputed passage side by side: the context with every coder's marks overlaid (one coloured
 * bar per coder), one row per coder with their own marks, and the result row (the preview of the
 * choice, or the decided consensus), where the lead can drag new boundaries.
 */
import { useRef, useState, type PointerEvent, type ReactElement } from 'react'
import { useI18n } from '@/app/i18n/i18n-provider'
import type { Span } from '@/server/domain/disputes/types'
import { segmentText, windowAround, type DisputeItem, type ShownVersion } from './dispute-model'

export interface CoderInfo {
  id: string
  name: string
  color: string
  version: ShownVersion
}

type Context = NonNullable<DisputeItem['context']>

const ROW_PAD = 30

function barShadow(colors: string[]): string | undefined {
  if (colors.length === 0) return undefined
  return colors.map((c, i) => `inset 0 -${3 * (i + 1)}px 0 ${c}`).join(', ')
}

/** Context paragraphs (speaker turns) with the marks of every coder as stacked bars. */
function ContextBlock({ context, extent, coders }: { context: Context; extent: Span; coders: CoderInfo[] }) {
  const layers = [{ id: '__extent', spans: [extent] }, ...coders.map((c) => ({ id: c.id, spans: c.version.spans ?? [] }))]
  const turns = context.turns.length ? context.turns : [{ start: context.start, speaker: null }]
  return (
    <div className="dsp-context" data-testid="dispute-context">
      {turns.map((turn, i) => {
        const from = Math.max(turn.start, context.start)
        const to = i + 1 < turns.length ? turns[i + 1].start - 1 : context.end
        if (to <= from) return null
        const segs = segmentText(context.text.slice(from - context.start, to - context.start), from, layers)
        return (
          <p key={turn.start} className="dsp-turn">
            {turn.speaker && <span className="dsp-speaker">{turn.speaker}</span>}
            {segs.map((s) => {
              const colors = coders.filter((c) => s.ids.includes(c.id)).map((c) => c.color)
              return (
                <span key={s.start} className={s.ids.includes('__extent') ? 'dsp-in-unit' : undefined} style={{ boxShadow: barShadow(colors), paddingBottom: colors.length ? `${3 * colors.length}px` : undefined }}>
                  {s.text}
                </span>
              )
            })}
          </p>
        )
      })}
    </div>
  )
}

/** One row of text [window) with `spans` highlighted in `color`. */
function MarkedText({ context, window, spans, color, testId }: { context: Context; window: Span; spans: Span[]; color: string; testId?: string }) {
  const text = context.text.slice(window.start - context.start, window.end - context.start)
  const segs = segmentText(text, window.start, [{ id: 'm', spans }])
  return (
    <span className="dsp-row-text" data-testid={testId}>
      {window.start > context.start && <span className="muted">…</span>}
      {segs.map((s) => (
        <span key={s.start} className={s.ids.length ? 'dsp-mark' : 'dsp-unmarked'} style={s.ids.length ? { background: `${color}40`, boxShadow: `inset 0 -2px 0 ${color}` } : undefined} data-marked={s.ids.length ? 'true' : undefined}>
          {s.text}
        </span>
      ))}
      {window.end < context.end && <span className="muted">…</span>}
    </span>
  )
}

/** The result row in boundary-editing mode: one span per character, two draggable handles. */
function BoundaryEditor({ context, span, color, onChange }: { context: Context; span: Span; color: string; onChange: (s: Span) => void }) {
  const { t } = useI18n()
  const [dragging, setDragging] = useState<'start' | 'end' | null>(null)
  const box = useRef<HTMLSpanElement>(null)
  const offsetAt = (x: number, y: number): number | null => {
    const el = document.elementFromPoint(x, y)?.closest('[data-o]') as HTMLElement | null
    return el && box.current?.contains(el) ? Number(el.dataset.o) : null
  }
  const moveTo = (which: 'start' | 'end', o: number) => {
    if (which === 'start') onChange({ start: Math.min(o, span.end - 1), end: span.end })
    else onChange({ start: span.start, end: Math.max(o + 1, span.start + 1) })
  }
  const onMove = (e: PointerEvent) => {
    if (!dragging) return
    const o = offsetAt(e.clientX, e.clientY)
    if (o !== null) moveTo(dragging, o)
  }
  const chars: ReactElement[] = []
  for (let o = context.start; o < context.end; o++) {
    const ch = context.text[o - context.start]
    if (o === span.start) chars.push(<Handle key="hs" which="start" label={t('disputes.handleStart')} onGrab={setDragging} color={color} />)
    const inside = o >= span.start && o < span.end
    chars.push(
      <span
        key={o}
        data-o={o}
        className={inside ? 'dsp-mark' : 'dsp-unmarked'}
        style={inside ? { background: `${color}40` } : undefined}
        onClick={() => moveTo(Math.abs(o - span.start) <= Math.abs(o - (span.end - 1)) ? 'start' : 'end', o)}
      >
        {ch === '\n' ? '¶ ' : ch}
      </span>,
    )
    if (o === span.end - 1) chars.push(<Handle key="he" which="end" label={t('disputes.handleEnd')} onGrab={setDragging} color={color} />)
  }
  return (
    <span ref={box} className="dsp-row-text dsp-editor" onPointerMove={onMove} onPointerUp={() => setDragging(null)} onPointerLeave={() => setDragging(null)} data-testid="boundary-editor">
      {chars}
    </span>
  )
}

function Handle({ which, label, onGrab, color }: { which: 'start' | 'end'; label: string; onGrab: (w: 'start' | 'end') => void; color: string }) {
  return (
    <span
      role="slider"
      aria-label={label}
      tabIndex={-1}
      className={`dsp-handle dsp-handle-${which}`}
      style={{ borderColor: color }}
      onPointerDown={(e) => {
        e.preventDefault()
        onGrab(which)
      }}
    />
  )
}

/** A coder's row heading in the decision view: colour, the key that takes their version (lead), name. */
export function CoderRowHeader({ coder, index, showKey }: { coder: CoderInfo; index: number; showKey: boolean }) {
  return (
    <th scope="row">
      <span className="dsp-chip" style={{ background: coder.color }} aria-hidden />
      {showKey && <kbd>{index + 1}</kbd>} {coder.name}
    </th>
  )
}

export function SpanPassage({
  item,
  coders,
  showKeys,
  result,
  resultLabel,
  resultColor,
  editing,
  onEdit,
}: {
  item: DisputeItem
  coders: CoderInfo[]
  showKeys: boolean
  result: Span[] | null
  resultLabel: string
  resultColor: string
  editing: Span | null
  onEdit: (s: Span) => void
}) {
  const { t } = useI18n()
  const context = item.context
  if (!context || item.start === null || item.end === null) return null
  const extent = { start: item.start, end: item.end }
  const spanAll = [...coders.flatMap((c) => c.version.spans ?? []), ...(result ?? []), ...(editing ? [editing] : [])]
  const lo = Math.min(extent.start, ...spanAll.map((s) => s.start))
  const hi = Math.max(extent.end, ...spanAll.map((s) => s.end))
  const win = windowAround(lo, hi, ROW_PAD, context.start, context.end)
  return (
    <div className="stack tight">
      <h3 className="small muted">{t('disputes.context')}</h3>
      <ContextBlock context={context} extent={extent} coders={coders.filter((c) => !c.version.hidden)} />
      <table className="dsp-rows" data-testid="coder-rows">
        <tbody>
          {coders.map((c, i) => (
            <tr key={c.id} data-testid="coder-row">
              <CoderRowHeader coder={c} index={i} showKey={showKeys} />
              <td>
                {c.version.hidden ? (
                  <span className="muted small">{t('disputes.hidden')}</span>
                ) : (c.version.spans ?? []).length === 0 ? (
                  <span className="muted small">{t('disputes.nothing')}</span>
                ) : (
                  <MarkedText context={context} window={win} spans={c.version.spans ?? []} color={c.color} />
                )}
              </td>
            </tr>
          ))}
          <tr className="dsp-result" data-testid="result-row">
            <th scope="row">
              <span className="dsp-chip" style={{ background: resultColor }} aria-hidden />
              {resultLabel}
            </th>
            <td>
              {editing ? (
                <BoundaryEditor context={context} span={editing} color={resultColor} onChange={onEdit} />
              ) : result === null ? (
                <span className="muted small">—</span>
              ) : result.length === 0 ? (
                <span className="muted small" data-testid="result-empty">
                  {t('disputes.noResult')}
                </span>
              ) : (
                <MarkedText context={context} window={win} spans={result} color={resultColor} testId="result-text" />
              )}
            </td>
          </tr>
        </tbody>
      </table>
    </div>
  )
}
