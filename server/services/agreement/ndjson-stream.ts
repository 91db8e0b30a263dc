/**
 * An async sequence of events as a streamed NDJSON response (one JSON object per line), so that a
 * long computation can report progress over one ordinary request. The first event is awaited
 * before the response starts, so that refusals and bad parameters (thrown before any work) still
 * get their HTTP status; a later failure becomes a last line `{ type: 'error', error }`.
 */
import { ConcordError } from '../../errors'

export async function ndjsonStream(events: AsyncGenerator<unknown>, signal?: AbortSignal): Promise<Response> {
  const encoder = new TextEncoder()
  let first: IteratorResult<unknown> | null = await events.next()
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = first ?? (await events.next())
        first = null
        if (next.done) return controller.close()
        controller.enqueue(encoder.encode(JSON.stringify(next.value) + '\n'))
      } catch (e) {
        const error = e instanceof ConcordError ? { code: e.code, message: e.message, problems: e.problems } : { code: 'internal', message: 'Internal error', problems: [] }
        if (!(e instanceof ConcordError)) console.error(e)
        controller.enqueue(encoder.encode(JSON.stringify({ type: 'error', error }) + '\n'))
        controller.close()
      }
    },
    async cancel() {
      await events.return(undefined)
    },
  })
  signal?.addEventListener('abort', () => void events.return(undefined))
  return new Response(stream, { headers: { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-cache, no-transform' } })
}
