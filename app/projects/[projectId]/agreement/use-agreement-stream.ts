'use client'
/**
 * Fetches an agreement report with progress: the API streams NDJSON lines (`progress`, then
 * `result`) when asked with `stream=1`. A new request (other parameters, a live refresh) aborts
 * the one in flight.
 */
import { useEffect, useRef, useState } from 'react'
import type { AgreementReport, NoAgreement } from '@/server/services/agreement/get-agreement'

export interface AgreementState {
  report: AgreementReport | NoAgreement | null
  progress: { done: number; total: number } | null
  loading: boolean
  error: string | null
}

export function useAgreementStream(projectId: string, query: string | null, reloadKey: number): AgreementState {
  const [state, setState] = useState<AgreementState>({ report: null, progress: null, loading: query !== null, error: null })
  const current = useRef<AbortController | null>(null)

  useEffect(() => {
    current.current?.abort()
    if (query === null) return
    const controller = new AbortController()
    current.current = controller
    setState((s) => ({ ...s, loading: true, progress: null, error: null }))
    ;(async () => {
      try {
        const res = await fetch(`/api/projects/${projectId}/agreement?${query}&stream=1`, { signal: controller.signal })
        if (!res.ok || !res.body) {
          const body = await res.json().catch(() => null)
          throw new Error(body?.error?.message ?? `Request failed (${res.status})`)
        }
        const reader = res.body.getReader()
        const decoder = new TextDecoder()
        let buffer = ''
        for (;;) {
          const { value, done } = await reader.read()
          if (done) break
          buffer += decoder.decode(value, { stream: true })
          let nl: number
          while ((nl = buffer.indexOf('\n')) >= 0) {
            const line = buffer.slice(0, nl).trim()
            buffer = buffer.slice(nl + 1)
            if (!line) continue
            const event = JSON.parse(line)
            if (event.type === 'progress') setState((s) => ({ ...s, progress: { done: event.done, total: event.total } }))
            else if (event.type === 'result') setState({ report: event.report, progress: null, loading: false, error: null })
            else if (event.type === 'error') throw new Error(event.error.message)
          }
        }
      } catch (e) {
        if (controller.signal.aborted) return
        setState((s) => ({ ...s, loading: false, progress: null, error: e instanceof Error ? e.message : String(e) }))
      }
    })()
    return () => controller.abort()
  }, [projectId, query, reloadKey])

  return state
}
