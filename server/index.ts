/** The Concord process: `npm start` (production) or `npm run dev`. */
import { readEnv } from './env'

process.env.NEXT_TELEMETRY_DISABLED ??= '1'
import { startConcord } from './app-server'

async function main() {
  const env = readEnv()
  const concord = await startConcord(env)
  console.log(`Concord is running at ${concord.url} (${concord.ctx.dbKind === 'pglite' ? `embedded database in ${env.DATA_DIR}` : 'PostgreSQL'}${env.REDIS_URL ? ', Redis fan-out on' : ''})`)
  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    console.log(`Concord: ${signal} received, saving documents and shutting down…`)
    const timer = setTimeout(() => process.exit(1), 15_000)
    timer.unref()
    try {
      await concord.close()
      process.exit(0)
    } catch (e) {
      console.error(e)
      process.exit(1)
    }
  }
  process.on('SIGINT', () => void stop('SIGINT'))
  process.on('SIGTERM', () => void stop('SIGTERM'))
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e)
  process.exit(1)
})
