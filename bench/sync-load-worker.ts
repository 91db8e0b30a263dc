/**
 * One load generator process of the sync benchmark (bench/sync.ts starts `--generators` of
 * them, each with whole rooms, so that sender and receivers of an edit share one clock). It runs
 * `runLoad` and holds at two barriers so that the parent can sample the server between phases:
 *
 *   parent → load { options }   worker connects its clients      → synced
 *   parent → go                  worker warms up (same edits, untimed) → warm   (with a warm-up)
 *   parent → measure             worker edits and drains          → drained
 *                                (without a warm-up, go starts the measured edits)
 *   parent → finish              worker counts losses, disconnects → result
 */
import { runLoad, type LoadOptions, type LoadResult } from './sync-load'

export type LoadJob = Omit<LoadOptions, 'beforeEdits' | 'afterWarmup' | 'afterDrain'>

export type ToWorker = { type: 'load'; job: LoadJob } | { type: 'go' } | { type: 'measure' } | { type: 'finish' }

/** A LoadResult as it crosses the IPC channel (structured as JSON). */
export type WorkerResult = Omit<LoadResult, 'latencies' | 'idsByRoom'> & { latencies: string; idsByRoom: Record<string, string[]> }

export type FromWorker =
  | { type: 'ready' }
  | { type: 'synced' }
  | { type: 'warm' }
  | { type: 'drained' }
  | { type: 'result'; result: WorkerResult }
  | { type: 'failed'; message: string }

const send = (message: FromWorker) =>
  new Promise<void>((resolve) => process.send!(message, undefined, {}, () => resolve()))

const waiting = new Map<string, () => void>()
const when = (type: 'go' | 'measure' | 'finish') => new Promise<void>((resolve) => waiting.set(type, resolve))

process.on('message', (message: ToWorker) => {
  if (message.type === 'load') {
    void runLoad({
      ...message.job,
      beforeEdits: async () => {
        const go = when('go')
        await send({ type: 'synced' })
        await go
      },
      afterWarmup: async () => {
        const measure = when('measure')
        await send({ type: 'warm' })
        await measure
      },
      afterDrain: async () => {
        const finish = when('finish')
        await send({ type: 'drained' })
        await finish
      },
    }).then(
      async (result) => {
        const latencies = Buffer.from(result.latencies.buffer, result.latencies.byteOffset, result.latencies.byteLength).toString('base64')
        await send({ type: 'result', result: { ...result, latencies, idsByRoom: Object.fromEntries(result.idsByRoom) } })
        process.exit(0)
      },
      async (error) => {
        console.error(error)
        await send({ type: 'failed', message: error instanceof Error ? error.message : String(error) })
        process.exit(1)
      },
    )
  } else {
    waiting.get(message.type)?.()
  }
})
process.on('disconnect', () => process.exit(1))
void send({ type: 'ready' })
