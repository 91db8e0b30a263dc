'use client'
/**
 * The live summary of one matrix cell: a tiny Tiptap editor bound to the cell's Yjs room
 * (`m/<project>/<case>/<indicator>`) over the sync server. Mounted only while its cell is open,
 * so the page holds one socket at a time. Viewers get it read-only (the server also drops their
 * updates).
 */
import { useEffect, useState } from 'react'
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import { EditorContent, useEditor } from '@tiptap/react'
import StarterKit from '@tiptap/starter-kit'
import Collaboration from '@tiptap/extension-collaboration'
import { useI18n } from '@/app/i18n/i18n-provider'

export default function SummaryEditor({ room, editable, label }: { room: string; editable: boolean; label: string }) {
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
  useEffect(() => () => ydoc.destroy(), [ydoc])

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

  return (
    <div className="fw-summary-box" aria-busy={state === 'connecting'}>
      <EditorContent editor={editor} />
      <span className="hint small">
        {state === 'connecting' ? t('framework.summaryConnecting') : !editable || state === 'closed' ? t('framework.summaryReadOnly') : t('framework.updated')}
      </span>
    </div>
  )
}
