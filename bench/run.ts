/**
 * `npm run bench [-- name …]`: runs benchmarks one after the other (they print numbers and
 * assert nothing; see bench/README.md). Without names: agreement, agreement-report, projection
 * and sync.
 * `editor` needs the production build and Chromium, so it runs only when named.
 *
 *   npm run bench                 # the four headless benchmarks
 *   npm run bench -- sync editor  # just these
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const known = ['agreement', 'agreement-report', 'projection', 'sync', 'editor']
const asked = process.argv.slice(2)
const names = asked.length ? asked : ['agreement', 'agreement-report', 'projection', 'sync']
const unknown = names.filter((n) => !known.includes(n))
if (unknown.length) {
  console.error(`Unknown benchmark(s): ${unknown.join(', ')}. Known: ${known.join(', ')}.`)
  process.exit(2)
}
const root = fileURLToPath(new URL('..', import.meta.url))
let failed = 0
for (const name of names) {
  console.log(`\n=== bench/${name}.ts ===`)
  if (name === 'editor') {
    const build = spawnSync(process.execPath, ['scripts/ensure-build.mjs'], { cwd: root, stdio: 'inherit' })
    if (build.status !== 0) {
      failed++
      continue
    }
  }
  const script = `bench/${name}.ts`
  if (!existsSync(`${root}/${script}`)) throw new Error(`missing ${script}`)
  const run = spawnSync('npx', ['tsx', script], { cwd: root, stdio: 'inherit' })
  if (run.status !== 0) failed++
}
process.exit(failed ? 1 : 0)
