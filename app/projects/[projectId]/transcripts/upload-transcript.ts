'use client'
/**
 * Posts a transcript as multipart/form-data with XMLHttpRequest rather than fetch, because
 * only XHR reports upload progress. Errors carry the server's message and problems, like api().
 */
import { ApiError } from '@/app/lib/api-client'

export interface ImportResult {
  id: string
  title: string
  charCount: number
  turns: number
}

export function uploadTranscript(projectId: string, form: FormData, onProgress: (fraction: number) => void): Promise<ImportResult> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', `/api/projects/${encodeURIComponent(projectId)}/documents`)
    xhr.responseType = 'json'
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total)
    }
    xhr.onload = () => {
      const body = xhr.response as { error?: { message?: string; problems?: { path: string; message: string }[] } } | null
      if (xhr.status >= 200 && xhr.status < 300) return resolve(body as unknown as ImportResult)
      const err = body?.error
      reject(new ApiError(err?.message ?? `Request failed (${xhr.status})`, xhr.status, err?.problems ?? []))
    }
    xhr.onerror = () => reject(new ApiError('The upload did not reach the server. Check the connection and try again.', 0))
    xhr.send(form)
  })
}
