'use client'
/** Browser-side calls to our JSON API; errors carry the server's message and problems. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly problems: { path: string; message: string }[] = [],
  ) {
    super(message)
  }
}

export async function api<T = unknown>(path: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
  const { json, ...rest } = init
  const res = await fetch(path, {
    ...rest,
    headers: { ...(json !== undefined ? { 'content-type': 'application/json' } : {}), ...(rest.headers ?? {}) },
    body: json !== undefined ? JSON.stringify(json) : rest.body,
  })
  const body = await res.json().catch(() => null)
  if (!res.ok) {
    const err = body?.error
    const detail = err?.problems?.length ? ' ' + err.problems.map((p: { path: string; message: string }) => `${p.path}: ${p.message}`).join('; ') : ''
    throw new ApiError((err?.message ?? `Request failed (${res.status})`) + detail, res.status, err?.problems ?? [])
  }
  return body as T
}
