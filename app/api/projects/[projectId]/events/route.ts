import { route } from '@/app/lib/route-handler'
import { requireProjectRole } from '@/server/services/access'

export const dynamic = 'force-dynamic'

/**
 * Server-sent events: `data: {"topic":"fit"|"codings"|…}` whenever something in the project
 * changes, so open pages refresh what they show (fit levels, codings, disputes) live.
 */
export const GET = route(async ({ ctx, actor, params, req }) => {
  await requireProjectRole(ctx.db, actor, params.projectId)
  const encoder = new TextEncoder()
  let cleanup = () => {}
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (s: string) => {
        try {
          controller.enqueue(encoder.encode(s))
        } catch {
          cleanup()
        }
      }
      send(': connected\n\n')
      const unsubscribe = ctx.events.subscribe(params.projectId, (e) => send(`data: ${JSON.stringify({ topic: e.topic, at: e.at })}\n\n`))
      const ping = setInterval(() => send(': ping\n\n'), 25_000)
      cleanup = () => {
        clearInterval(ping)
        unsubscribe()
      }
      req.signal.addEventListener('abort', () => {
        cleanup()
        try {
          controller.close()
        } catch {
          /* already closed */
        }
      })
    },
    cancel() {
      cleanup()
    },
  })
  return new Response(stream, { headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive' } })
})
