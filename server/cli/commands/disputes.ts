/**
 * `concord disputes list|decide|refresh`: the arbitration queue from the command line (issue 6).
 * Glue only: arguments → the disputes services (database) or the HTTP API (running server).
 */
import { badInput, type Problem } from '../../errors'
import type { CliCommand } from '../types'
import { connect, connectionOptions, readArgs, type ArbitrationClient } from './arbitration-client'

const connectionHelp = `Connection (one of):
  --as EMAIL              act as this account directly on the database (DATABASE_URL, or the
                          embedded database in DATA_DIR, default ./data). Stop the server first:
                          the embedded database must not be opened twice, and decisions written
                          here bypass the running sync server.
  --url URL --token TOK   go through a running server's HTTP API with a personal access token
                          (or set CONCORD_URL and CONCORD_TOKEN)`

const usage = `Usage: concord disputes list   --project ID [filters] (--as EMAIL | --url URL --token TOKEN) [--json]
       concord disputes decide DISPUTE_ID --project ID --choice CHOICE [--coder ID|EMAIL]
                               [--start N --end N] [--status S] [--rationale TEXT] (--as … | --url …)
       concord disputes refresh --project ID (--as … | --url …)

Disputes are the passages (and case × indicator statuses) on which the coders of a revealed
independent round disagree: presence (a code applied by some coders only), boundary (start or end
differ by more than the project's tolerance) and status. The list is sorted biggest first.

list filters:
  --state open|decided    --kind presence|boundary|status    --code ID    --document ID
  --case ID               --round ID                         --coders ID,ID (disagreements of a pair)

decide (lead only; the consensus changes at once):
  --choice coder          take one coder's version (--coder ID or EMAIL)
  --choice union          every character any coder coded (statuses: the highest)
  --choice intersection   the characters every coder coded (statuses: the lowest)
  --choice none           the code does not apply to this passage (statuses: none)
  --choice custom         new boundaries --start N --end N (UTF-16 offsets, end exclusive),
                          or --status described|partial|none for a status dispute
  --rationale TEXT        why; required when the project requires rationales
  A decided dispute must be reopened in the app (or POST …/reopen) before it is decided again.

refresh (lead only): detect the disputes of every revealed round again; agreed codings are
merged into the consensus once.

${connectionHelp}

  --json                  one JSON document: list → { "progress": { "decided", "total" },
                          "disputes": [ { "id", "kind", "documentId", "codeId", "state",
                          "coders", "start", "end", "magnitude", "versions", … } ] };
                          decide → the logged decision; refresh → counts`

const filterNames = ['state', 'kind', 'code', 'document', 'case', 'round', 'coders']
const filterKey: Record<string, string> = { code: 'codeId', document: 'documentId', case: 'caseId', round: 'roundId', state: 'state', kind: 'kind', coders: 'coders' }

export const disputesCommand: CliCommand = {
  name: 'disputes',
  summary: 'arbitration: list, decide and re-detect disputes between coders',
  usage,
  async run(args) {
    const [sub, ...rest] = args
    if (sub === 'list') return runList(rest)
    if (sub === 'decide') return runDecide(rest)
    if (sub === 'refresh') return runRefresh(rest)
    throw badInput('say what to do (see concord disputes --help)', [{ path: sub ?? '(subcommand)', message: 'expected list, decide or refresh' }])
  },
}

function requireProject(values: Record<string, string>, problems: Problem[]): string {
  if (!values.project) problems.push({ path: '--project', message: 'required: the project id (see GET /api/projects)' })
  if (problems.length) throw badInput('bad arguments (see concord disputes --help)', problems)
  return values.project
}

async function client(values: Record<string, string>): Promise<ArbitrationClient> {
  return connect({ url: values.url, token: values.token, as: values.as })
}

async function runList(args: string[]) {
  const { values, positional, problems } = readArgs(args, [...connectionOptions, ...filterNames])
  for (const p of positional) problems.push({ path: p, message: 'unexpected argument' })
  const projectId = requireProject(values, problems)
  const filter = Object.fromEntries(filterNames.filter((n) => values[n]).map((n) => [filterKey[n], values[n]]))
  const result = await (await client(values)).listDisputes(projectId, filter)
  return { json: { progress: result.progress, disputes: result.items }, text: renderList(result.items, result.progress) }
}

async function runDecide(args: string[]) {
  const { values, positional, problems } = readArgs(args, [...connectionOptions, 'choice', 'coder', 'start', 'end', 'status', 'rationale'])
  const disputeId = positional[0]
  if (!disputeId) problems.push({ path: 'DISPUTE_ID', message: 'required: the id of the dispute (concord disputes list)' })
  for (const p of positional.slice(1)) problems.push({ path: p, message: 'unexpected argument' })
  if (!values.choice) problems.push({ path: '--choice', message: 'required: coder, union, intersection, none or custom' })
  for (const n of ['start', 'end'] as const) if (values[n] !== undefined && !/^\d+$/.test(values[n])) problems.push({ path: `--${n}`, message: 'a whole number' })
  const projectId = requireProject(values, problems)
  const c = await client(values)
  const body: Record<string, unknown> = { choice: values.choice, rationale: values.rationale ?? '' }
  if (values.coder) body.coderId = await c.resolveUser(values.coder, projectId)
  if (values.start !== undefined) body.start = Number(values.start)
  if (values.end !== undefined) body.end = Number(values.end)
  if (values.status) body.status = values.status
  const decision = await c.decide(projectId, disputeId, body)
  return { json: decision, text: `decided ${disputeId}: ${String(decision.choice)}${decision.coderId ? ` (${String(decision.coderId)})` : ''} → ${JSON.stringify(decision.after)}\ndecision ${String(decision.id)}${decision.replacesId ? `, replaces ${String(decision.replacesId)}` : ''}` }
}

async function runRefresh(args: string[]) {
  const { values, positional, problems } = readArgs(args, connectionOptions)
  for (const p of positional) problems.push({ path: p, message: 'unexpected argument' })
  const projectId = requireProject(values, problems)
  const r = await (await client(values)).refresh(projectId)
  return { json: r, text: `rounds ${String(r.rounds)} · disputes found ${String(r.detected)} (new ${String(r.created)}, superseded ${String(r.superseded)}) · agreed passages merged into the consensus ${String(r.merged)}` }
}

type Row = Record<string, unknown> & { versions?: { coderId: string; spans?: { start: number; end: number }[]; status?: string; hidden?: boolean }[] }

function renderList(items: Row[], progress: { decided: number; total: number }): string {
  const lines = [`decided ${progress.decided} of ${progress.total}`]
  if (items.length === 0) return [...lines, '(no disputes)'].join('\n')
  const version = (v: NonNullable<Row['versions']>[number]) => (v.hidden ? '(hidden)' : v.status ?? (v.spans?.length ? v.spans.map((s) => `${s.start}-${s.end}`).join(' ') : '—'))
  const rows = items.map((d) => [
    String(d.id),
    String(d.kind),
    String(d.state),
    String(d.magnitude ?? ''),
    String(d.caseKey ?? ''),
    String(d.documentTitle ?? ''),
    String((d.code as { name?: { zh?: string; en?: string } } | undefined)?.name?.zh || d.codeId),
    d.start === null || d.start === undefined ? '' : `${String(d.start)}-${String(d.end)}`,
    (d.versions ?? []).map(version).join(' | '),
  ])
  const header = ['id', 'kind', 'state', 'size', 'case', 'transcript', 'code', 'range', 'versions']
  const width = header.map((h, i) => Math.min(40, Math.max(h.length, ...rows.map((r) => r[i].length))))
  const fmt = (r: string[]) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(width[i]))).join('  ')
  return [...lines, fmt(header), ...rows.map(fmt)].join('\n')
}
