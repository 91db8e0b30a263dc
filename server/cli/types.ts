/**
 * A CLI command: argv (after the command name) in, a result out. `main.ts` handles
 * `--json` vs the readable table, exit statuses and ConcordError → exit 2.
 */
export interface CliIo {
  readFile(path: string): Promise<string>
  cwd: string
}

export interface CliCommand {
  name: string
  summary: string
  /** Shown by `concord <name> --help`. */
  usage: string
  /** Returns the JSON document (printed with --json) and a readable rendering. */
  run(args: string[], io: CliIo): Promise<{ json: unknown; text: string }>
}
