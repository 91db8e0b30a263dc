'use client'
/**
 * One sync connection for the editor: a fresh Y.Doc and a y-websocket provider on
 * `/collab/<room>` (same origin, the session cookie authenticates), its connection state and
 * who is in the room (awareness). A 44xx close is final (y-websocket stops retrying): it is
 * reported with its reason; `reconnect()` starts over with a fresh doc, as a layer editor must
 * after the server refused one of its updates (DESIGN.md).
 */
import { useCallback, useEffect, useState } from 'react'
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'

export type ConnectionState = 'connecting' | 'connected' | 'offline' | 'closed'

export interface PresentUser {
  clientId: number
  id: string
  name: string
  color: string
  self: boolean
}

export interface Collab {
  ydoc: Y.Doc
  provider: WebsocketProvider
}

export function useCollab(room: string) {
  const [generation, setGeneration] = useState(0)
  const [collab, setCollab] = useState<Collab | null>(null)
  const [state, setState] = useState<ConnectionState>('connecting')
  const [synced, setSynced] = useState(false)
  const [closed, setClosed] = useState<{ code: number; reason: string } | null>(null)
  const [users, setUsers] = useState<PresentUser[]>([])

  useEffect(() => {
    const ydoc = new Y.Doc()
    const url = window.location.origin.replace(/^http/, 'ws') + '/collab'
    const provider = new WebsocketProvider(url, room, ydoc, { disableBc: true })
    // Timeline marks for bench/editor.ts (and anyone profiling the page).
    const mark = (name: string) => performance.getEntriesByName(name).length === 0 && performance.mark(name)
    mark('concord:collab-start')
    let everConnected = false
    setState('connecting')
    setSynced(false)
    setClosed(null)
    provider.on('status', ({ status }: { status: 'connected' | 'disconnected' | 'connecting' }) => {
      if (status === 'connected') {
        everConnected = true
        mark('concord:ws-open')
        provider.ws?.addEventListener('message', () => mark('concord:first-message'), { once: true })
      }
      setState((prev) => (prev === 'closed' ? prev : status === 'connected' ? 'connected' : everConnected ? 'offline' : 'connecting'))
    })
    const onFirstUpdate = () => {
      mark('concord:doc-applied')
      ydoc.off('update', onFirstUpdate)
    }
    ydoc.on('update', onFirstUpdate)
    provider.on('sync', (isSynced: boolean) => {
      if (isSynced) {
        mark('concord:synced')
        setSynced(true)
      }
    })
    const onClose = (event: { code: number; reason: string } | null) => {
      if (!event || event.code < 4400 || event.code >= 4500) return
      setClosed({ code: event.code, reason: event.reason })
      setState('closed')
    }
    provider.on('connection-close', onClose)
    provider.on('closed', onClose)
    // Awareness changes on every caret move (each keystroke): re-render only when people come,
    // go or change name or colour.
    let lastKey = ''
    const readUsers = () => {
      const list: PresentUser[] = []
      provider.awareness.getStates().forEach((s, clientId) => {
        const u = (s as { user?: { id?: string; name?: string; color?: string } }).user
        if (u?.id) list.push({ clientId, id: u.id, name: u.name ?? '?', color: u.color ?? '#888', self: clientId === ydoc.clientID })
      })
      const key = list.map((u) => `${u.clientId}|${u.id}|${u.name}|${u.color}`).sort().join('\n')
      if (key === lastKey) return
      lastKey = key
      setUsers(list)
    }
    provider.awareness.on('change', readUsers)
    readUsers()
    setCollab({ ydoc, provider })
    return () => {
      provider.awareness.off('change', readUsers)
      provider.destroy()
      ydoc.destroy()
      setCollab(null)
    }
  }, [room, generation])

  // The browser knows before the socket does.
  useEffect(() => {
    const off = () => setState((s) => (s === 'connected' ? 'offline' : s))
    window.addEventListener('offline', off)
    return () => window.removeEventListener('offline', off)
  }, [])

  const reconnect = useCallback(() => setGeneration((g) => g + 1), [])
  return { collab, state, synced, closed, users, reconnect }
}

/** One entry per person (several tabs of one user show once), the current user first. */
export function distinctUsers(users: readonly PresentUser[]): PresentUser[] {
  const byId = new Map<string, PresentUser>()
  for (const u of users) {
    const seen = byId.get(u.id)
    if (!seen || (u.self && !seen.self)) byId.set(u.id, u)
  }
  return [...byId.values()].sort((a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name))
}
