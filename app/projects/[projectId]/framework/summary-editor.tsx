'use client'
/**
 * The live summary of one matrix cell: a tiny Tiptap editor bound to the cell's Yjs room
 * (`m/<project>/<case>/<indicator>`) over the sync server. Mounted only while its cell is open,
 * so the page holds one socket at a time. Viewers get it read-only (the server also drops their
 * updates).
 */
import { useEffect, useRef, useState } from 'react'
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import { EditorContent, useEditor } from '@tiptap/react'
import StarterKit from '@tiptap/starter-kit'
import Collaboration from '@tiptap/extension-collaboration'
import { useI18n } from '@/app/i18n/i18n-provider'

interface Props {
  room: string
  editable: boolean
  label: string
  /** The text after every change (local or remote), so the page can show it before the next refetch. */
  onText?: (text: string) => void
}

export default function SummaryEditor({ room, editable, label, onText }: Props) {
  const { t } = useI18n()
  const [ydoc] = useState(() => new Y.Doc())
  const [state, setState] = useState<'connecting' | 'synced' | 'closed'>('connecting')

  useEffect(() => {
    const url = window.location.origin.replace(/^http/, 'ws') + '/collab'
    // No BroadcastChannel: every edit goes through the server, which enforces read-only rooms.
    const provider = new WebsocketProvider(url, room, ydoc, { disableBc: true })
    const onSync = (synced: boolean) => synced && setState('synced')
    const onClose = (e: CloseEvent | null) => {
      // 44xx: refused (not signed in, not a member); the client stops retrying.
      if (e && e.code >= 4400 && e.code < 4500) setState('closed')
    }
    provider.on('sync', onSync)
    provider.on('connection-close', onClose)
    return () => {
      provider.off('sync', onSync)
      provider.off('connection-close', onClose)
      provider.destroy()
    }
  }, [room, ydoc])
  // The doc is left to the garbage collector: destroying it in a cleanup would break React's
  // development double mount, which reuses the state.

  const editor = useEditor({
    immediatelyRender: false,
    editable,
    extensions: [
      // Yjs keeps the history (per user); a summary needs paragraphs, lists and emphasis only.
      StarterKit.configure({ undoRedo: false, heading: false, codeBlock: false, horizontalRule: false, blockquote: false }),
      Collaboration.configure({ document: ydoc, field: 'default' }),
    ],
    editorProps: { attributes: { class: 'fw-summary-editor', 'aria-label': label, 'aria-multiline': 'true', role: 'textbox', 'data-testid': 'summary-editor' } },
  })

  const report = useRef(onText)
  report.current = onText
  useEffect(() => {
    if (!editor) return
    // Paragraphs one per line, as the server reads summaries (read-summaries.ts).
    const onUpdate = () => report.current?.(editor.getText({ blockSeparator: '\n' }).trim())
    editor.on('update', onUpdate)
    return () => void editor.off('update', onUpdate)
  }, [editor])

  return (
    <div className="fw-summary-box" aria-busy={state === 'connecting'}>
      <EditorContent editor={editor} />
      <span className="hint small">
        {state === 'connecting' ? t('framework.summaryConnecting') : !editable || state === 'closed' ? t('framework.summaryReadOnly') : t('framework.updated')}
      </span>
    </div>
  )
}
