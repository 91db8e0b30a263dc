#!/usr/bin/env node
// `npm start` on a fresh clone must just work: build the Next app when there is no build, or
// when the sources changed since the last one (a hash of the files the build depends on).
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { spawnSync } from 'node:child_process'

const roots = ['app', 'server', 'db', 'public', 'next.config.js', 'package-lock.json', 'tsconfig.json']
const skip = new Set(['node_modules', '.next', 'data', 'migrations'])

function walk(path, out) {
  if (!existsSync(path)) return
  const st = statSync(path)
  if (st.isDirectory()) {
    for (const name of readdirSync(path).sort()) if (!skip.has(name)) walk(join(path, name), out)
  } else if (!/\.test\.tsx?$/.test(path)) out.push(path)
}

const files = []
for (const r of roots) walk(r, files)
const hash = createHash('sha256')
for (const f of files) hash.update(f).update(readFileSync(f))
const digest = hash.digest('hex')
const stamp = join('.next', 'concord-build-hash')
if (existsSync(join('.next', 'BUILD_ID')) && existsSync(stamp) && readFileSync(stamp, 'utf8') === digest) process.exit(0)

console.log('Concord: building the web app (first start or sources changed)…')
const res = spawnSync(process.execPath, ['node_modules/next/dist/bin/next', 'build'], { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } })
if (res.status !== 0) process.exit(res.status ?? 1)
writeFileSync(stamp, digest)
