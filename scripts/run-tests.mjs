#!/usr/bin/env node
// `npm test`: every suite, fastest first — unit, integration (PGlite, plus Postgres and Redis
// when TEST_DATABASE_URL / REDIS_URL are set), then the browser tests against the built app.
import { spawnSync } from 'node:child_process'

const run = (label, cmd, args, env = {}) => {
  console.log(`\n=== ${label} ===`)
  const res = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env } })
  if (res.status !== 0) {
    console.error(`\n${label} failed (exit ${res.status ?? res.signal})`)
    process.exit(res.status || 1)
  }
}

const only = process.argv[2]
if (!only || only === 'unit') run('unit tests', 'npx', ['vitest', 'run', '--project', 'unit'])
if (!only || only === 'integration') run('integration tests', 'npx', ['vitest', 'run', '--project', 'integration'])
if (!only || only === 'e2e') {
  run('build', process.execPath, ['scripts/ensure-build.mjs'])
  run('browser tests (Playwright + Chromium)', 'npx', ['playwright', 'test'])
}
