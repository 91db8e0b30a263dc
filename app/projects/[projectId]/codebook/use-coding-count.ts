'use client'
/** Asks the server how many codings a code (with its sub-codes) has, for the warnings. */
import { useEffect, useState } from 'react'
import { api } from '@/app/lib/api-client'

export interface CodingCount {
  codings: number
  codes: number
}

/** Counts for each id, in order; `own` = the first code's codings minus those of the rest. */
export function useCodingCounts(projectId: string, ids: string[]) {
  const [counts, setCounts] = useState<CodingCount[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const key = ids.join(',')
  useEffect(() => {
    let live = true
    setCounts(null)
    setError(null)
    Promise.all(key.split(',').map((id) => api<CodingCount>(`/api/projects/${projectId}/codebook/${id}`)))
      .then((r) => live && setCounts(r))
      .catch((e: unknown) => live && setError(e instanceof Error ? e.message : String(e)))
    return () => {
      live = false
    }
  }, [projectId, key])
  return { counts, error }
}
