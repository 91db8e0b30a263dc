'use client'
/** Subscribes to the project's server-sent events; calls `onEvent` for the listed topics. */
import { useEffect, useRef } from 'react'

export function useProjectEvents(projectId: string, topics: string[], onEvent: (topic: string) => void) {
  const handler = useRef(onEvent)
  handler.current = onEvent
  const key = topics.join(',')
  useEffect(() => {
    const source = new EventSource(`/api/projects/${projectId}/events`)
    const wanted = new Set(key.split(','))
    source.onmessage = (m) => {
      try {
        const e = JSON.parse(m.data) as { topic: string }
        if (wanted.has(e.topic)) handler.current(e.topic)
      } catch {
        /* ignore malformed */
      }
    }
    return () => source.close()
  }, [projectId, key])
}
