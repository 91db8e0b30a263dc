/**
 * Glue for route handlers: resolve who is asking, run the handler, map ConcordError to a JSON
 * error with the right status. Handlers stay a few lines: parse, call one service, return.
 */
import { NextResponse } from 'next/server'
import { ConcordError, toHttpStatus } from '@/server/errors'
import { getAppContext, type AppContext } from '@/server/context'
import { resolveActor } from '@/server/auth/actor'
import type { Actor } from '@/server/services/access'

export interface RouteContext {
  ctx: AppContext
  actor: Actor | null
  req: Request
  params: Record<string, string>
}

type Handler = (c: RouteContext) => Promise<unknown>

export function errorResponse(e: unknown) {
  if (e instanceof ConcordError) {
    return NextResponse.json({ error: { code: e.code, message: e.message, problems: e.problems } }, { status: toHttpStatus(e.code) })
  }
  console.error(e)
  return NextResponse.json({ error: { code: 'internal', message: 'Internal error', problems: [] } }, { status: 500 })
}

export function route(handler: Handler, options: { public?: boolean } = {}) {
  return async (req: Request, segment: { params: Promise<Record<string, string>> }) => {
    try {
      const ctx = getAppContext()
      const actor = await resolveActor(ctx.db, ctx.authSecret, req.headers)
      if (!actor && !options.public) throw new ConcordError('unauthenticated', 'Please sign in, or send a personal access token (Authorization: Bearer …).')
      const params = (await segment?.params) ?? {}
      const result = await handler({ ctx, actor, req, params })
      if (result instanceof Response) return result
      return NextResponse.json(result ?? { ok: true })
    } catch (e) {
      return errorResponse(e)
    }
  }
}

/** Reads a JSON body; a malformed body is a 400 with a clear message. */
export async function jsonBody(req: Request): Promise<unknown> {
  const text = await req.text()
  if (!text) return {}
  try {
    return JSON.parse(text)
  } catch {
    throw new ConcordError('bad_input', 'The request body is not valid JSON.', [{ path: '(body)', message: 'invalid JSON' }])
  }
}
