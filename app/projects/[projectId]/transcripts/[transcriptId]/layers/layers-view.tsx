'use client'
/**
 * The revealed layers of one transcript, read-only: side by side (one column per coder, each
 * paragraph on one row so the columns line up) or overlaid (one text, a coloured underline per
 * coder). Codes are tinted with their codebook colour; `focus` (from `?at=start-end`) is outlined
 * and scrolled into view.
 */
import { useEffect, useMemo, useRef, useState } from 'react'
import { useI18n } from '@/app/i18n/i18n-provider'

interface Coding {
  codeId: string
  start: number
  end: number
}
interface Layer {
  coderId: string
  name: string
  codings: Coding[]
}

const coderColors = ['#2f6f8f', '#c2572b', '#6b4fa0', '#2e7d32', '#a0487a', '#8a6d00']

/** Splits [start, end) at every coding boundary and the focus: pieces with the codings that cover them. */
function pieces(start: number, end: number, layers: Layer[], focus: { start: number; end: number } | null) {
  const cuts = new Set([start, end])
  for (const l of layers) for (const c of l.codings) for (const x of [c.start, c.end]) if (x > start && x < end) cuts.add(x)
  if (focus) for (const x of [focus.start, focus.end]) if (x > start && x < end) cuts.add(x)
  const sorted = [...cuts].sort((a, b) => a - b)
  return sorted.slice(0, -1).map((s, i) => {
    const e = sorted[i + 1]
    return { start: s, end: e, by: layers.map((l) => l.codings.filter((c) => c.start < e && c.end > s)), focused: !!focus && focus.start < e && focus.end > s }
  })
}

export function LayersView({
  title,
  roundName,
  partial,
  text,
  paragraphs,
  layers,
  codes,
  focus,
}: {
  title: string
  roundName: string
  partial: boolean
  text: string
  paragraphs: { start: number; end: number; speaker: string | null }[]
  layers: Layer[]
  codes: { id: string; name: { zh: string; en: string }; color: string }[]
  focus: { start: number; end: number } | null
}) {
  const { t, pick } = useI18n()
  const [mode, setMode] = useState<'side' | 'overlay'>('side')
  const focused = useRef<HTMLElement | null>(null)
  const codeOf = useMemo(() => new Map(codes.map((c) => [c.id, c])), [codes])
  const rows = useMemo(() => (paragraphs.length ? paragraphs : [{ start: 0, end: text.length, speaker: null }]), [paragraphs, text])
  useEffect(() => {
    focused.current?.scrollIntoView({ block: 'center' })
  }, [mode])

  const tint = (list: Coding[]) => {
    if (list.length === 0) return undefined
    const colors = list.map((c) => (codeOf.get(c.codeId)?.color ?? '#999999') + '55')
    return colors.length === 1 ? colors[0] : `linear-gradient(${colors.map((c, i) => `${c} ${(i * 100) / colors.length}%, ${c} ${((i + 1) * 100) / colors.length}%`).join(', ')})`
  }
  const label = (list: Coding[]) => list.map((c) => pick(codeOf.get(c.codeId)?.name) || c.codeId).join(' · ')
  let focusAssigned = false
  const focusRef = (isFocus: boolean) => {
    if (!isFocus || focusAssigned) return undefined
    focusAssigned = true
    return (el: HTMLElement | null) => {
      focused.current = el
    }
  }

  return (
    <div className="stack agr-layers" data-testid="layers-view">
      <div className="row between">
        <div>
          <h2 style={{ margin: 0 }}>
            {t('agr.layers.title')}: {title}
          </h2>
          <span className="muted small">{roundName}</span>
        </div>
        <div className="segmented" role="group">
          {(['side', 'overlay'] as const).map((m) => (
            <button key={m} type="button" className={mode === m ? 'on' : ''} aria-pressed={mode === m} onClick={() => setMode(m)}>
              {t(m === 'side' ? 'agr.layers.side' : 'agr.layers.overlay')}
            </button>
          ))}
        </div>
      </div>
      {partial && <p className="hint">{t('agr.layers.partial')}</p>}
      <div className="row tight">
        {layers.map((l, i) => (
          <span key={l.coderId} className="agr-coder" style={{ borderColor: coderColors[i % coderColors.length] }}>
            {l.name} <span className="muted small">{t('agr.layers.codings', { n: l.codings.length })}</span>
          </span>
        ))}
      </div>
      {mode === 'side' ? (
        <div className="agr-layers-grid card" style={{ gridTemplateColumns: `repeat(${layers.length}, minmax(0, 1fr))` }}>
          {layers.map((l, i) => (
            <div key={l.coderId} className="agr-layer-head" style={{ borderColor: coderColors[i % coderColors.length] }}>
              {l.name}
            </div>
          ))}
          {rows.map((p, r) =>
            layers.map((l, i) => (
              <p key={`${r}-${l.coderId}`} className="agr-para">
                {pieces(p.start, p.end, [l], focus).map((piece) => {
                  const list = piece.by[0]
                  return (
                    <span
                      key={piece.start}
                      ref={i === 0 ? focusRef(piece.focused) : undefined}
                      className={piece.focused ? 'agr-focus-outline' : undefined}
                      style={{ background: tint(list) }}
                      title={list.length ? label(list) : undefined}
                    >
                      {text.slice(piece.start, piece.end)}
                    </span>
                  )
                })}
              </p>
            )),
          )}
        </div>
      ) : (
        <div className="card agr-overlay">
          {rows.map((p, r) => (
            <p key={r} className="agr-para">
              {pieces(p.start, p.end, layers, focus).map((piece) => {
                const shadows = piece.by.flatMap((list, i) => (list.length ? [`inset 0 -${3 * (i + 1)}px 0 ${coderColors[i % coderColors.length]}`] : []))
                const names = piece.by.flatMap((list, i) => (list.length ? [`${layers[i].name}: ${label(list)}`] : []))
                return (
                  <span key={piece.start} ref={focusRef(piece.focused)} className={piece.focused ? 'agr-focus-outline' : undefined} style={{ boxShadow: shadows.join(', ') || undefined, paddingBottom: shadows.length ? `${3 * shadows.length}px` : undefined }} title={names.join('\n') || undefined}>
                    {text.slice(piece.start, piece.end)}
                  </span>
                )
              })}
            </p>
          ))}
        </div>
      )}
    </div>
  )
}
