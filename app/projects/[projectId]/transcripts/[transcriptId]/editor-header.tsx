'use client'
/** The editor's top bar: title and context, connection state, who is here, undo/redo, panels. */
import Link from 'next/link'
import { useEffect, useState } from 'react'
import type { Editor } from '@tiptap/react'
import { yUndoPluginKey } from '@tiptap/y-tiptap'
import { useI18n } from '@/app/i18n/i18n-provider'
import { distinctUsers, type ConnectionState, type PresentUser } from './use-collab'
import type { EditorMode, TranscriptInfo } from './types'

export function ConnectionBadge({ state, closed }: { state: ConnectionState; closed: { code: number; reason: string } | null }) {
  const { t } = useI18n()
  const label = {
    connecting: t('editor.conn.connecting'),
    connected: t('editor.conn.connected'),
    offline: t('editor.conn.offline'),
    closed: t('editor.conn.closed'),
  }[state]
  const title = state === 'offline' ? t('editor.conn.offlineHint') : state === 'closed' && closed ? `${closed.code} ${closed.reason}` : label
  return (
    <span className={`conn conn-${state}`} data-testid="connection-state" data-state={state} title={title} role="status">
      <span className="conn-dot" aria-hidden />
      {label}
    </span>
  )
}

function initials(name: string): string {
  const clean = name.replace(/\(.*?\)/g, '').trim() || name
  // CJK names: the first character; others: the first letters of two words.
  if (/^[\u3400-\u9fff]/.test(clean)) return clean.slice(0, 1)
  return clean
    .split(/\s+/)
    .slice(0, 2)
    .map((w) => w[0]?.toUpperCase() ?? '')
    .join('')
}

export function PresenceBar({ users }: { users: readonly PresentUser[] }) {
  const { t } = useI18n()
  const people = distinctUsers(users)
  return (
    <ul className="presence" aria-label={t('editor.presence')} data-testid="presence">
      {people.map((u) => (
        <li key={u.id} className="avatar" style={{ background: u.color }} title={u.self ? t('editor.presenceYou', { name: u.name }) : u.name} data-user-id={u.id}>
          {initials(u.name)}
        </li>
      ))}
    </ul>
  )
}

/** Undo/redo of one's own changes (Yjs undo manager of the Collaboration extension). */
export function UndoRedo({ editor }: { editor: Editor | null }) {
  const { t } = useI18n()
  const [can, setCan] = useState({ undo: false, redo: false })
  useEffect(() => {
    if (!editor) return
    const manager = yUndoPluginKey.getState(editor.state)?.undoManager
    if (!manager) return
    const read = () => setCan({ undo: manager.undoStack.length > 0, redo: manager.redoStack.length > 0 })
    manager.on('stack-item-added', read)
    manager.on('stack-item-popped', read)
    manager.on('stack-cleared', read)
    read()
    return () => {
      manager.off('stack-item-added', read)
      manager.off('stack-item-popped', read)
      manager.off('stack-cleared', read)
    }
  }, [editor])
  return (
    <span className="row tight">
      <button type="button" className="small" disabled={!can.undo} onClick={() => editor?.chain().focus().undo().run()} title={t('editor.undoHint')} data-testid="undo">
        ↶ {t('editor.undo')}
      </button>
      <button type="button" className="small" disabled={!can.redo} onClick={() => editor?.chain().focus().redo().run()} title={t('editor.redoHint')} data-testid="redo">
        ↷ {t('editor.redo')}
      </button>
    </span>
  )
}

export function EditorHeader({
  projectId,
  transcript,
  mode,
  state,
  closed,
  users,
  editor,
  panel,
  onPanel,
}: {
  projectId: string
  transcript: TranscriptInfo
  mode: EditorMode
  state: ConnectionState
  closed: { code: number; reason: string } | null
  users: readonly PresentUser[]
  editor: Editor | null
  panel: 'codes' | 'history'
  onPanel: (p: 'codes' | 'history') => void
}) {
  const { t, pick } = useI18n()
  return (
    <div className="editor-head">
      <div className="editor-title">
        <Link href={`/projects/${projectId}/transcripts`} className="muted small">
          ← {t('project.transcripts')}
        </Link>
        <h2 data-testid="transcript-title">{transcript.title}</h2>
        <span className="badges">
          {transcript.caseLabel && <span className="badge">{`${transcript.caseLabel.key} · ${pick(transcript.caseLabel)}`}</span>}
          <span className="badge">{t(`respondent.${transcript.respondentRole}` as 'respondent.other')}</span>
          {transcript.round && (
            <span className={`badge round-${transcript.round.state}`}>{t(transcript.round.state === 'blind' ? 'transcripts.round.blind' : 'transcripts.round.revealed')}</span>
          )}
          <span className={`badge mode-${mode}`} data-testid="editor-mode" title={t(`editor.modeHint.${mode}`)}>
            {t(`editor.mode.${mode}`)}
          </span>
        </span>
      </div>
      <div className="editor-tools">
        <ConnectionBadge state={state} closed={closed} />
        <PresenceBar users={users} />
        {mode !== 'read' && <UndoRedo editor={editor} />}
        <span className="segmented" role="tablist" aria-label={t('editor.panels')}>
          <button type="button" role="tab" aria-selected={panel === 'codes'} className={panel === 'codes' ? 'on' : ''} onClick={() => onPanel('codes')}>
            {t('editor.panel.codes')}
          </button>
          <button type="button" role="tab" aria-selected={panel === 'history'} className={panel === 'history' ? 'on' : ''} onClick={() => onPanel('history')} data-testid="history-tab">
            {t('editor.panel.history')}
          </button>
        </span>
      </div>
    </div>
  )
}
