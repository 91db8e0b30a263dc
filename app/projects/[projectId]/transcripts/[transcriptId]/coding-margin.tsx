'use client'
/**
 * The margin beside the text: one coloured bar per coding (lanes side by side where codings
 * overlap, as in NVivo's and MAXQDA's coding stripes) and memo markers.
 *
 * Only what is near the screen is measured and rendered: a 50,000-character transcript can hold
 * 2,000 codings, and measuring and rendering all of them after every pause in typing costs tens
 * of milliseconds. Lanes come from positions, for the whole document, so they do not move while
 * scrolling. Positions are re-measured after the document settles (the caller debounces `tick`)
 * and when the visible stretch changes.
 */
import { memo, useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react'
import type { Editor } from '@tiptap/react'
import type { EditorView } from '@tiptap/pm/view'
import { paragraphSpansOfPmDoc, textOffsetToPmPos } from '@/server/domain/editor/positions'
import { useI18n } from '@/app/i18n/i18n-provider'
import { assignLanes, computeRuns, type CodingRun } from './coding-runs'
import type { MemoView } from './types'

const LANE = 7
const MAX_LANES = 10
const MEMO_COLUMN = 22
/** Runs starting within this many positions of a lane's last end (about half a line) take another lane. */
const LANE_GAP = 30

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
}

/** The document positions of the top-level blocks within one screen above and below the visible part. */
function nearbyRange(view: EditorView, scroller: HTMLElement): { from: number; to: number; key: string } {
  const blocks = view.dom.children
  const doc = view.state.doc
  if (blocks.length === 0 || blocks.length !== doc.childCount) return { from: 0, to: doc.content.size, key: 'all' }
  const box = scroller.getBoundingClientRect()
  const top = box.top - box.height
  const bottom = box.bottom + box.height
  let lo = 0
  let hi = blocks.length - 1
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (blocks[mid].getBoundingClientRect().bottom < top) lo = mid + 1
    else hi = mid
  }
  const first = lo
  hi = blocks.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (blocks[mid].getBoundingClientRect().top > bottom) hi = mid - 1
    else lo = mid
  }
  const last = lo
  let from = 0
  let to = 0
  doc.forEach((node, offset, index) => {
    if (index === first) from = offset
    if (index === last) to = offset + node.nodeSize
  })
  return { from, to, key: `${first}-${last}` }
}

function measure(view: EditorView, canvas: HTMLElement, range: { from: number; to: number }, runs: readonly CodingRun[], lanes: readonly number[], memos: readonly MemoView[]): Layout {
  const base = canvas.getBoundingClientRect().top
  const stripes: Stripe[] = []
  runs.forEach((r, i) => {
    if (r.to < range.from || r.from > range.to) return
    const a = view.coordsAtPos(r.from, 1)
    const b = view.coordsAtPos(r.to, -1)
    const top = a.top - base
    stripes.push({ ...r, top, height: Math.max(4, Math.max(b.bottom, a.bottom) - base - top), lane: lanes[i] })
  })
  const markers: MemoMarker[] = []
  if (memos.length) {
    const paragraphs = paragraphSpansOfPmDoc(view.state.doc)
    const length = paragraphs.length ? paragraphs[paragraphs.length - 1].end : 0
    const byTop = new Map<number, MemoView[]>()
    for (const m of memos) {
      const pos = textOffsetToPmPos(paragraphs, Math.min(Math.max(0, m.start), length))
      if (pos < range.from || pos > range.to) continue
      const top = Math.round(view.coordsAtPos(pos, 1).top - base)
      byTop.set(top, [...(byTop.get(top) ?? []), m])
    }
    for (const [top, list] of byTop) markers.push({ top, memos: list })
  }
  return { stripes, markers }
}

export const CodingMargin = memo(function CodingMargin({
  editor,
  canvasRef,
  scrollRef,
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
  scrollRef: RefObject<HTMLElement | null>
  tick: number
  memos: readonly MemoView[]
  colorOf: (codeId: string) => string
  describe: (run: CodingRun) => string
  onHoverRun: (run: CodingRun | null) => void
  onSelectRun: (run: CodingRun) => void
  onOpenMemos: (marker: MemoMarker, anchor: DOMRect) => void
}) {
  const { t } = useI18n()
  const [layout, setLayout] = useState<Layout>({ stripes: [], markers: [] })
  const [resized, setResized] = useState(0)
  const lastRange = useRef('')

  // Runs and lanes of the whole document, once per settled document.
  const { runs, lanes, laneCount } = useMemo(() => {
    const all = editor && !editor.isDestroyed ? computeRuns(editor.state.doc) : []
    const l = assignLanes(all, MAX_LANES, LANE_GAP)
    return { runs: all, lanes: l, laneCount: Math.max(1, ...l.map((x) => x + 1)) }
    // `tick` stands for "the document settled".
  }, [editor, tick])

  const update = useCallback(
    (force: boolean) => {
      const canvas = canvasRef.current
      const scroller = scrollRef.current
      if (!editor || editor.isDestroyed || !canvas || !scroller) return
      const range = nearbyRange(editor.view, scroller)
      const next = measure(editor.view, canvas, range, runs, lanes, memos)
      // Turns far from the screen are laid out lazily (content-visibility), so heights above can
      // settle while scrolling: measure every scrolled frame, re-render only when something moved.
      const key = `${range.key}|${next.stripes.map((x) => `${x.top},${x.height}`).join(';')}|${next.markers.map((m) => m.top).join(';')}`
      if (!force && key === lastRange.current) return
      lastRange.current = key
      setLayout(next)
      if (runs.length && typeof performance !== 'undefined' && performance.getEntriesByName('concord:stripes').length === 0) performance.mark('concord:stripes')
    },
    [editor, canvasRef, scrollRef, runs, lanes, memos],
  )

  useEffect(() => {
    const frame = requestAnimationFrame(() => update(true))
    return () => cancelAnimationFrame(frame)
  }, [update, resized])

  useEffect(() => {
    const scroller = scrollRef.current
    if (!scroller) return
    let frame = 0
    const onScroll = () => {
      if (frame) return
      frame = requestAnimationFrame(() => {
        frame = 0
        update(false)
      })
    }
    scroller.addEventListener('scroll', onScroll, { passive: true })
    return () => {
      scroller.removeEventListener('scroll', onScroll)
      cancelAnimationFrame(frame)
    }
  }, [scrollRef, update])

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

  const width = MEMO_COLUMN + laneCount * LANE + 6
  return (
    <div className="coding-margin" style={{ width }} data-testid="coding-margin" data-runs={runs.length}>
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
