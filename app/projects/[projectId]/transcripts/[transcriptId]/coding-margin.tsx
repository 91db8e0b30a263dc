'use client'
/**
 * The margin beside the text: one coloured bar per coding (lanes side by side where codings
 * overlap, as in NVivo's and MAXQDA's coding stripes) and memo markers. Positions are measured
 * from the editor's DOM after the document settles (the caller throttles `tick`), never per
 * keystroke.
 */
import { memo, useEffect, useState, type RefObject } from 'react'
import type { Editor } from '@tiptap/react'
import { paragraphSpansOfPmDoc, textOffsetToPmPos } from '@/server/domain/editor/positions'
import { useI18n } from '@/app/i18n/i18n-provider'
import { assignLanes, computeRuns, type CodingRun } from './coding-runs'
import type { MemoView } from './types'

const LANE = 7
const MAX_LANES = 10
const MEMO_COLUMN = 22

export interface Stripe extends CodingRun {
  top: number
  height: number
  lane: number
}

export interface MemoMarker {
  top: number
  memos: MemoView[]
}

interface Layout {
  stripes: Stripe[]
  markers: MemoMarker[]
  lanes: number
}

function measure(editor: Editor, canvas: HTMLElement, memos: readonly MemoView[]): Layout {
  const view = editor.view
  const doc = view.state.doc
  const base = canvas.getBoundingClientRect().top
  const runs = computeRuns(doc)
  const boxes = runs.map((r) => {
    const a = view.coordsAtPos(r.from, 1)
    const b = view.coordsAtPos(r.to, -1)
    return { top: a.top - base, bottom: Math.max(b.bottom, a.bottom) - base }
  })
  const lanes = assignLanes(boxes, MAX_LANES)
  const stripes = runs.map((r, i) => ({ ...r, top: boxes[i].top, height: Math.max(4, boxes[i].bottom - boxes[i].top), lane: lanes[i] }))
  const paragraphs = paragraphSpansOfPmDoc(doc)
  const length = paragraphs.length ? paragraphs[paragraphs.length - 1].end : 0
  const byTop = new Map<number, MemoView[]>()
  for (const m of memos) {
    const pos = textOffsetToPmPos(paragraphs, Math.min(Math.max(0, m.start), length))
    const top = Math.round(view.coordsAtPos(pos, 1).top - base)
    byTop.set(top, [...(byTop.get(top) ?? []), m])
  }
  return { stripes, markers: [...byTop].map(([top, list]) => ({ top, memos: list })), lanes: Math.max(1, ...lanes.map((l) => l + 1)) }
}

export const CodingMargin = memo(function CodingMargin({
  editor,
  canvasRef,
  tick,
  memos,
  colorOf,
  describe,
  onHoverRun,
  onSelectRun,
  onOpenMemos,
}: {
  editor: Editor | null
  canvasRef: RefObject<HTMLElement | null>
  tick: number
  memos: readonly MemoView[]
  colorOf: (codeId: string) => string
  describe: (run: CodingRun) => string
  onHoverRun: (run: CodingRun | null) => void
  onSelectRun: (run: CodingRun) => void
  onOpenMemos: (marker: MemoMarker, anchor: DOMRect) => void
}) {
  const { t } = useI18n()
  const [layout, setLayout] = useState<Layout>({ stripes: [], markers: [], lanes: 1 })
  const [resized, setResized] = useState(0)

  useEffect(() => {
    const el = canvasRef.current
    if (!el || typeof ResizeObserver === 'undefined') return
    let last = el.clientWidth
    const ro = new ResizeObserver(() => {
      // Only a width change reflows lines; height changes follow edits, which `tick` covers.
      if (el.clientWidth !== last) {
        last = el.clientWidth
        setResized((n) => n + 1)
      }
    })
    ro.observe(el)
    return () => ro.disconnect()
  }, [canvasRef])

  useEffect(() => {
    if (!editor || editor.isDestroyed || !canvasRef.current) return
    const frame = requestAnimationFrame(() => {
      if (!editor.isDestroyed && canvasRef.current) setLayout(measure(editor, canvasRef.current, memos))
    })
    return () => cancelAnimationFrame(frame)
  }, [editor, canvasRef, tick, memos, resized])

  const width = MEMO_COLUMN + layout.lanes * LANE + 6
  return (
    <div className="coding-margin" style={{ width }} aria-hidden={layout.stripes.length === 0} data-testid="coding-margin">
      {layout.markers.map((m) => (
        <button
          key={m.top}
          type="button"
          className="memo-marker"
          style={{ top: m.top }}
          title={t('editor.memoCount', { count: m.memos.length })}
          onClick={(e) => onOpenMemos(m, e.currentTarget.getBoundingClientRect())}
          data-testid="memo-marker"
        >
          ✎{m.memos.length > 1 ? m.memos.length : ''}
        </button>
      ))}
      {layout.stripes.map((s) => (
        <div
          key={`${s.codeId}|${s.coderId}|${s.from}`}
          className="stripe"
          style={{ top: s.top, height: s.height, left: MEMO_COLUMN + s.lane * LANE, background: colorOf(s.codeId) }}
          title={describe(s)}
          onMouseEnter={() => onHoverRun(s)}
          onMouseLeave={() => onHoverRun(null)}
          onClick={() => onSelectRun(s)}
          data-testid="stripe"
          data-code-id={s.codeId}
        />
      ))}
    </div>
  )
})
