/**
 * `npm run -s concord -- <command> [options]`: the researcher's command line.
 * Each command lives in `commands/<name>.ts`; this file only dispatches, prints and sets the
 * exit status (0 ok, 2 bad input, 1 anything else).
 */
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { ConcordError } from '../errors'
import { commands } from './commands'
import type { CliIo } from './types'

const help = () =>
  [
    'concord — command line for Concord (qualitative coding, agreement and framework fit)',
    '',
    'Usage: npm run -s concord -- <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(12)} ${c.summary}`),
    '',
    'Every command takes --json (one JSON document on stdout) and --help.',
  ].join('\n')

export async function runCli(argv: string[], out = process.stdout, err = process.stderr): Promise<number> {
  const [name, ...rest] = argv
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    out.write(help() + '\n')
    return 0
  }
  const command = commands.find((c) => c.name === name)
  if (!command) {
    err.write(`concord: unknown command "${name}"\n\n${help()}\n`)
    return 2
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    out.write(command.usage + '\n')
    return 0
  }
  const json = rest.includes('--json')
  const args = rest.filter((a) => a !== '--json')
  const io: CliIo = { cwd: process.cwd(), readFile: (p) => readFile(resolve(process.cwd(), p), 'utf8') }
  try {
    const result = await command.run(args, io)
    out.write((json ? JSON.stringify(result.json, null, 2) : result.text) + '\n')
    return 0
  } catch (e) {
    if (e instanceof ConcordError && (e.code === 'bad_input' || e.code === 'not_found')) {
      err.write(`concord ${name}: ${e.message}\n`)
      for (const p of e.problems) err.write(`  ${p.path}: ${p.message}\n`)
      return 2
    }
    if (e instanceof ConcordError) {
      // Refusals and conflicts are answers, not crashes: a message, no stack.
      err.write(`concord ${name}: ${e.message}\n`)
      for (const p of e.problems) err.write(`  ${p.path}: ${p.message}\n`)
      return 1
    }
    if (e && typeof e === 'object' && 'code' in e && (e as NodeJS.ErrnoException).code === 'ENOENT') {
      err.write(`concord ${name}: file not found: ${(e as NodeJS.ErrnoException).path}\n`)
      return 2
    }
    err.write(`concord ${name}: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`)
    return 1
  }
}

// Run when executed directly (tsx server/cli/main.ts …), not when imported by tests.
if (process.argv[1] && /cli[\\/]main\.ts$/.test(process.argv[1])) {
  runCli(process.argv.slice(2)).then(async (code) => {
    const { closeDbIfOpen } = await import('./close-db')
    await closeDbIfOpen()
    process.exit(code)
  })
}
