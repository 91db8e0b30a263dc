'use client'
/**
 * The transcript editor: live co-editing and coding over Yjs (Tiptap + Collaboration +
 * CollaborationCaret on a y-websocket connection), the codebook sidebar with shortcuts and quick
 * search, coding stripes and memos in the margin, a hover card per coded span, and the version
 * history. Nothing here re-renders React per keystroke: the editor does not re-render on
 * transactions, the sidebar only follows a non-empty selection, and the margin and counts follow
 * the document debounced.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { EditorContent, useEditor, useEditorState, type Editor } from '@tiptap/react'
import Collaboration from '@tiptap/extension-collaboration'
import CollaborationCaret from '@tiptap/extension-collaboration-caret'
import { transcriptExtensions } from '@/server/domain/editor/extensions'
import { paragraphSpansOfPmDoc, pmPosToTextOffset, textRangeToPmRange } from '@/server/domain/editor/positions'
import { useI18n } from '@/app/i18n/i18n-provider'
import { api, ApiError } from '@/app/lib/api-client'
import { useProjectEvents } from '@/app/lib/use-project-events'
import { userColor } from './code-styles'
import { codingViewKey, CodingView, REDECORATE, setHighlight, type CodingBridge } from './coding-view'
import { computeRuns, countRunsByCode, runsAt, runsIn, type CodingRun } from './coding-runs'
import { CodebookSidebar } from './codebook-sidebar'
import { CodingHoverCard, type HoverState } from './coding-hover-card'
import { CodingMargin, type MemoMarker } from './coding-margin'
import { EditorHeader } from './editor-header'
import { HistoryPanel } from './history-panel'
import { keepUnchangedNodesOnRemoteChange } from './incremental-remote-render'
import { MemoDialog, MemoPopover } from './memo-dialogs'
import { QuickCodeSearch } from './quick-code-search'
import { effectiveShortcuts, keysByCode } from './shortcuts'
import { useCollab, type Collab, type ConnectionState, type PresentUser } from './use-collab'
import { VersionPreview } from './version-preview'
import type { CodeInfo, EditorMode, MemberInfo, MemoView, TranscriptInfo } from './types'

export type { EditorMode } from './types'

keepUnchangedNodesOnRemoteChange()

interface Props {
  projectId: string
  transcript: TranscriptInfo
  room: string
  mode: EditorMode
  role: 'lead' | 'coder' | 'viewer'
  me: { id: string; name: string }
  codes: CodeInfo[]
  members: MemberInfo[]
  /** `?at=<start>-<end>`: scroll to and highlight this span of the plain text. */
  at: string | null
}

export function TranscriptWorkspace(props: Props) {
  const { t } = useI18n()
  const conn = useCollab(props.room)
  if (!conn.collab) {
    return (
      <div className="editor-shell">
        <p className="muted">{t('common.loading')}</p>
      </div>
    )
  }
  return <EditorBody key={conn.collab.ydoc.guid} {...props} collab={conn.collab} conn={conn} />
}

/** Calls back after the document stops changing for `idleMs`, and at least every `maxMs` while it changes. */
function useDocTick(editor: Editor | null, idleMs = 300, maxMs = 2000): number {
  const [tick, setTick] = useState(0)
  useEffect(() => {
    if (!editor) return
    let idle: ReturnType<typeof setTimeout> | null = null
    let max: ReturnType<typeof setTimeout> | null = null
    const fire = () => {
      if (idle) clearTimeout(idle)
      if (max) clearTimeout(max)
      idle = max = null
      setTick((n) => n + 1)
    }
    const onUpdate = () => {
      if (idle) clearTimeout(idle)
      idle = setTimeout(fire, idleMs)
      max ??= setTimeout(fire, maxMs)
    }
    editor.on('update', onUpdate)
    setTick((n) => n + 1)
    return () => {
      editor.off('update', onUpdate)
      if (idle) clearTimeout(idle)
      if (max) clearTimeout(max)
    }
  }, [editor, idleMs, maxMs])
  return tick
}

function EditorBody({
  projectId,
  transcript,
  mode,
  role,
  me,
  codes: initialCodes,
  members,
  at,
  collab,
  conn,
}: Props & {
  collab: Collab
  conn: { state: ConnectionState; synced: boolean; closed: { code: number; reason: string } | null; users: PresentUser[]; reconnect: () => void }
}) {
  const { t, pick } = useI18n()
  const [codes, setCodes] = useState(initialCodes)
  const codeById = useMemo(() => new Map(codes.map((c) => [c.id, c])), [codes])
  const shortcuts = useMemo(() => effectiveShortcuts(codes), [codes])
  const keys = useMemo(() => keysByCode(shortcuts), [shortcuts])
  const memberName = useMemo(() => new Map(members.map((m) => [m.id, m.name])), [members])
  const coderName = useCallback((id: string) => (id === me.id ? t('editor.you', { name: me.name }) : (memberName.get(id) ?? t('editor.unknownUser'))), [me, memberName, t])
  const colorOf = useCallback((id: string) => codeById.get(id)?.color ?? '#9aa0a6', [codeById])
  const canCode = mode !== 'read'
  const canEditText = mode === 'edit'
  const canMemo = role !== 'viewer'
  const canRemove = useCallback((r: CodingRun) => mode === 'edit' || (mode === 'layer' && r.coderId === me.id), [mode, me.id])

  const [status, setStatus] = useState('')
  const statusTimer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const flash = useCallback((message: string) => {
    setStatus(message)
    if (statusTimer.current) clearTimeout(statusTimer.current)
    statusTimer.current = setTimeout(() => setStatus(''), 2500)
  }, [])

  const [searchOpen, setSearchOpen] = useState(false)
  const editorRef = useRef<Editor | null>(null)

  const applyCode = useCallback(
    (codeId: string) => {
      const editor = editorRef.current
      if (!editor || !canCode) return
      const { state } = editor
      const { from, to, empty } = state.selection
      if (empty) return
      editor.view.dispatch(state.tr.addMark(from, to, state.schema.marks.code.create({ codeId, coderId: me.id })))
      flash(t('editor.coded', { name: pick(codeById.get(codeId)?.name) }))
    },
    [canCode, me.id, flash, t, pick, codeById],
  )
  const removeRun = useCallback(
    (run: CodingRun) => {
      const editor = editorRef.current
      if (!editor || !canRemove(run)) return
      const { state } = editor
      const to = Math.min(run.to, state.doc.content.size)
      editor.view.dispatch(state.tr.removeMark(run.from, to, state.schema.marks.code.create({ codeId: run.codeId, coderId: run.coderId })))
      flash(t('editor.removed', { name: pick(codeById.get(run.codeId)?.name) }))
    },
    [canRemove, flash, t, pick, codeById],
  )

  // Read by the editor's plugins at event time (see coding-view.ts).
  const bridge = useRef<CodingBridge>(null as unknown as CodingBridge)
  bridge.current = {
    colorOf,
    shortcuts,
    canCode,
    canEditText,
    marksOnly: mode === 'layer',
    applyCode,
    openSearch: () => canCode && setSearchOpen(true),
  }

  const color = useMemo(() => userColor(me.id), [me.id])
  const extensions = useMemo(
    () => [
      ...transcriptExtensions({ forLayer: mode === 'layer' }),
      Collaboration.configure({ document: collab.ydoc }),
      CollaborationCaret.configure({ provider: collab.provider, user: { id: me.id, name: me.name, color } }),
      CodingView.configure({ bridge }),
    ],
    // The editor lives as long as its connection (the body is keyed by the doc).
    [collab],
  )
  const editor = useEditor(
    {
      extensions,
      editable: mode !== 'read',
      immediatelyRender: false,
      shouldRerenderOnTransaction: false,
      editorProps: { attributes: { class: 'transcript-text', spellcheck: 'false', 'aria-label': t('editor.textLabel'), 'data-testid': 'editor-text', 'data-mode': mode } },
    },
    [collab],
  )
  editorRef.current = editor

  // Codebook colours changed: redecorate once.
  const firstCodes = useRef(true)
  useEffect(() => {
    if (firstCodes.current) {
      firstCodes.current = false
      return
    }
    if (editor && !editor.isDestroyed) editor.view.dispatch(editor.state.tr.setMeta(codingViewKey, REDECORATE))
  }, [codes, editor])

  const selection = useEditorState({
    editor,
    selector: ({ editor: e }) => {
      if (!e) return null
      const { from, to, empty } = e.state.selection
      return empty ? null : { from, to, chars: e.state.doc.textBetween(from, to, '\n').length }
    },
  })
  const tick = useDocTick(editor)
  const runs = useMemo(() => (editor ? computeRuns(editor.state.doc) : []), [editor, tick])
  const counts = useMemo(() => countRunsByCode(runs), [runs])
  const inSelection = useMemo(() => (editor && selection ? runsIn(editor.state.doc, selection.from, selection.to) : []), [editor, selection])

  // Memos, kept fresh by the project's events.
  const [memos, setMemos] = useState<MemoView[]>([])
  const memosUrl = `/api/projects/${projectId}/transcripts/${transcript.id}/memos`
  const loadMemos = useCallback(() => {
    api<MemoView[]>(memosUrl).then(setMemos, () => undefined)
  }, [memosUrl])
  useEffect(loadMemos, [loadMemos])
  const [versionsKey, setVersionsKey] = useState(0)
  // Memos follow their text (anchored server-side): after text edits ('codings' follows each
  // projection) their offsets are fetched again, when there are any to move.
  const haveMemos = memos.length > 0
  useProjectEvents(projectId, ['memos', 'codebook', 'versions', 'codings'], (topic) => {
    if (topic === 'memos' || (topic === 'codings' && haveMemos)) loadMemos()
    if (topic === 'versions') setVersionsKey((n) => n + 1)
    if (topic === 'codebook') {
      api<CodeInfo[]>(`/api/projects/${projectId}/codebook`).then(
        (list) => setCodes(list.map((c) => ({ id: c.id, parentId: c.parentId, name: c.name, color: c.color, shortcut: c.shortcut, depth: c.depth }))),
        () => undefined,
      )
    }
  })

  // Open at a retrieved segment.
  const scrollRef = useRef<HTMLDivElement>(null)
  const canvasRef = useRef<HTMLDivElement>(null)
  const atDone = useRef(false)
  useEffect(() => {
    if (!editor || !conn.synced || !at || atDone.current) return
    const m = /^(\d+)-(\d+)$/.exec(at)
    if (!m) return
    atDone.current = true
    requestAnimationFrame(() => {
      try {
        const range = textRangeToPmRange(paragraphSpansOfPmDoc(editor.state.doc), Number(m[1]), Number(m[2]))
        setHighlight(editor.view, { ...range, className: 'seg-target' })
        const box = scrollRef.current
        if (box) box.scrollTop += editor.view.coordsAtPos(range.from).top - box.getBoundingClientRect().top - box.clientHeight / 3
      } catch {
        flash(t('editor.atMissing'))
      }
    })
  }, [editor, conn.synced, at, flash, t])

  // Hover card over coded text.
  const [hover, setHover] = useState<HoverState | null>(null)
  const hoverSpan = useRef<Element | null>(null)
  const hideTimer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const cancelHide = () => {
    if (hideTimer.current) clearTimeout(hideTimer.current)
    hideTimer.current = null
  }
  const scheduleHide = () => {
    if (hideTimer.current) return
    hideTimer.current = setTimeout(() => {
      hideTimer.current = null
      hoverSpan.current = null
      setHover(null)
    }, 250)
  }
  const memosAt = useCallback(
    (from: number, to: number) => {
      if (!editor || memos.length === 0) return []
      const paragraphs = paragraphSpansOfPmDoc(editor.state.doc)
      const a = pmPosToTextOffset(paragraphs, from)
      const b = pmPosToTextOffset(paragraphs, to)
      return memos.filter((m) => m.start < b && m.end > a)
    },
    [editor, memos],
  )
  const onMouseMove = (e: React.MouseEvent) => {
    const span = (e.target as HTMLElement).closest?.('.code-mark')
    if (!span || !editor) return scheduleHide()
    cancelHide()
    if (span === hoverSpan.current) return
    hoverSpan.current = span
    const pos = editor.view.posAtDOM(span, 0)
    const here = runsAt(editor.state.doc, pos)
    if (here.length === 0) return
    const rect = span.getBoundingClientRect()
    const from = Math.min(...here.map((r) => r.from))
    const to = Math.max(...here.map((r) => r.to))
    setHover({ runs: here, memos: memosAt(from, to), x: e.clientX + 8, y: rect.bottom + 6 })
  }

  const [memoTarget, setMemoTarget] = useState<{ codeId: string | null; start: number; end: number; excerpt: string } | null>(null)
  const [memoPopover, setMemoPopover] = useState<{ marker: MemoMarker; anchor: { left: number; top: number } } | null>(null)
  const openMemo = (run: CodingRun) => {
    if (!editor) return
    const paragraphs = paragraphSpansOfPmDoc(editor.state.doc)
    setMemoTarget({
      codeId: run.codeId,
      start: pmPosToTextOffset(paragraphs, run.from),
      end: pmPosToTextOffset(paragraphs, run.to),
      excerpt: editor.state.doc.textBetween(run.from, Math.min(run.to, editor.state.doc.content.size), '\n'),
    })
    setHover(null)
  }
  const deleteMemo = async (m: MemoView) => {
    try {
      await api(`${memosUrl}/${m.id}`, { method: 'DELETE' })
      setMemoPopover(null)
      loadMemos()
    } catch (e) {
      flash(e instanceof ApiError ? e.message : String(e))
    }
  }

  const selectRun = (run: CodingRun) => {
    if (!editor) return
    const size = editor.state.doc.content.size
    editor.chain().focus().setTextSelection({ from: Math.min(run.from, size), to: Math.min(run.to, size) }).run()
    setHover(null)
  }
  const hoverRun = useCallback(
    (run: CodingRun | null) => {
      if (editor && !editor.isDestroyed) setHighlight(editor.view, run ? { from: run.from, to: run.to, className: 'stripe-highlight' } : null)
    },
    [editor],
  )
  const describeRun = useCallback((r: CodingRun) => `${pick(codeById.get(r.codeId)?.name) || t('editor.unknownCode')} · ${coderName(r.coderId)}`, [pick, codeById, coderName, t])
  const openMemos = useCallback((marker: MemoMarker, anchor: DOMRect) => setMemoPopover({ marker, anchor: { left: anchor.right + 6, top: anchor.top } }), [])

  const [panel, setPanel] = useState<'codes' | 'history'>('codes')
  const [previewId, setPreviewId] = useState<string | null>(null)

  return (
    <div className="editor-shell" data-testid="transcript-editor" data-mode={mode} data-synced={conn.synced ? 'yes' : 'no'}>
      <EditorHeader
        projectId={projectId}
        transcript={transcript}
        mode={mode}
        state={conn.state}
        closed={conn.closed}
        users={conn.users}
        editor={editor}
        panel={panel}
        onPanel={setPanel}
      />
      {conn.closed && (
        <div className="card error-box row between" role="alert" data-testid="connection-closed">
          <span>
            {t(closedMessageKey(conn.closed.code))} <span className="muted small">({conn.closed.code}{conn.closed.reason ? `: ${conn.closed.reason}` : ''})</span>
          </span>
          {conn.closed.code === 4400 && (
            <button type="button" className="small" onClick={conn.reconnect}>
              {t('editor.reload')}
            </button>
          )}
        </div>
      )}
      {conn.state === 'offline' && (
        <p className="warning-box card small" role="status">
          {t('editor.conn.offlineHint')}
        </p>
      )}
      {mode !== 'edit' && <p className="hint mode-hint">{t(`editor.modeHint.${mode}`)}</p>}
      <div className="editor-grid">
        <div className="editor-main" ref={scrollRef} onScroll={() => hover && setHover(null)}>
          <div className="editor-canvas" ref={canvasRef} onMouseMove={onMouseMove} onMouseLeave={scheduleHide}>
            <CodingMargin
              editor={editor}
              canvasRef={canvasRef}
              scrollRef={scrollRef}
              tick={tick}
              memos={memos}
              colorOf={colorOf}
              describe={describeRun}
              onHoverRun={hoverRun}
              onSelectRun={selectRun}
              onOpenMemos={openMemos}
            />
            <EditorContent editor={editor} className="editor-content" />
          </div>
          {!conn.synced && !conn.closed && <div className="editor-loading">{t('editor.loading')}</div>}
        </div>
        {previewId && (
          <div className="preview-layer">
            <VersionPreview
              projectId={projectId}
              transcriptId={transcript.id}
              versionId={previewId}
              canRestore={role === 'lead'}
              codeById={codeById}
              coderName={coderName}
              onClose={() => setPreviewId(null)}
              onRestored={(restored) => {
                setPreviewId(null)
                setVersionsKey((n) => n + 1)
                flash(t(restored ? 'history.restored' : 'history.alreadySame'))
              }}
            />
          </div>
        )}
        <aside className="editor-side">
          {panel === 'codes' ? (
            <CodebookSidebar
              codes={codes}
              keys={keys}
              counts={counts}
              selection={selection}
              inSelection={inSelection}
              canCode={canCode}
              canRemove={canRemove}
              coderName={coderName}
              onApply={applyCode}
              onRemove={removeRun}
              onOpenSearch={() => canCode && setSearchOpen(true)}
              status={status}
            />
          ) : (
            <HistoryPanel projectId={projectId} transcriptId={transcript.id} canSave={role !== 'viewer'} refreshKey={versionsKey} openId={previewId} onOpen={setPreviewId} />
          )}
          {panel === 'history' && status && (
            <p className="success small" role="status">
              {status}
            </p>
          )}
        </aside>
      </div>
      {hover && (
        <CodingHoverCard
          hover={hover}
          codeById={codeById}
          coderName={coderName}
          canRemove={canRemove}
          canMemo={canMemo}
          onSelect={selectRun}
          onRemove={(r) => {
            removeRun(r)
            setHover(null)
          }}
          onMemo={openMemo}
          onEnter={cancelHide}
          onLeave={scheduleHide}
        />
      )}
      {searchOpen && (
        <QuickCodeSearch
          codes={codes}
          keys={keys}
          onPick={(id) => {
            setSearchOpen(false)
            applyCode(id)
            editor?.commands.focus()
          }}
          onClose={() => {
            setSearchOpen(false)
            editor?.commands.focus()
          }}
        />
      )}
      {memoTarget && (
        <MemoDialog
          projectId={projectId}
          transcriptId={transcript.id}
          target={memoTarget}
          code={memoTarget.codeId ? (codeById.get(memoTarget.codeId) ?? null) : null}
          onDone={(saved) => {
            setMemoTarget(null)
            if (saved) {
              loadMemos()
              flash(t('editor.memoSaved'))
            }
          }}
        />
      )}
      {memoPopover && (
        <MemoPopover
          memos={memoPopover.marker.memos}
          anchor={memoPopover.anchor}
          codeById={codeById}
          canDelete={(m) => m.authorId === me.id || role === 'lead'}
          onDelete={(m) => void deleteMemo(m)}
          onClose={() => setMemoPopover(null)}
        />
      )}
    </div>
  )
}

function closedMessageKey(code: number) {
  if (code === 4401) return 'editor.closed.4401' as const
  if (code === 4403) return 'editor.closed.4403' as const
  if (code === 4404) return 'editor.closed.4404' as const
  if (code === 4400) return 'editor.closed.4400' as const
  return 'editor.closed.other' as const
}
