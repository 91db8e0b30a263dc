/** `concord decisions [--csv]`: the decision log of arbitration, for the audit trail of a paper. */
import { badInput } from '../../errors'
import type { CliCommand } from '../types'
import { connect, connectionOptions, readArgs } from './arbitration-client'

const usage = `Usage: concord decisions --project ID [--csv] (--as EMAIL | --url URL --token TOKEN) [--json]

Every arbitration decision in the order taken: who decided, when, what each coder had, what was
chosen, the rationale, the decision it replaced (after a reopen) and whether it is still in force.

  --csv                   the log as CSV (decision_id, decided_at, decided_by, dispute_id, kind,
                          transcript, case, code, start, end, before, choice, chosen_coder, after,
                          rationale, replaces_decision_id, in_force)
  --as EMAIL              read the database directly as this account (stop the server first when
                          it uses the embedded database)
  --url URL --token TOK   read through a running server's HTTP API (or CONCORD_URL, CONCORD_TOKEN)
  --json                  the log as JSON (API.md: [{ "id", "disputeId", "decidedBy", "decidedAt",
                          "choice", "rationale", "before", "after", … }])`

export const decisionsCommand: CliCommand = {
  name: 'decisions',
  summary: 'the arbitration decision log (--csv for the audit trail)',
  usage,
  async run(args) {
    const { values, positional, problems } = readArgs(args, connectionOptions, ['csv'])
    for (const p of positional) problems.push({ path: p, message: 'unexpected argument' })
    if (!values.project) problems.push({ path: '--project', message: 'required: the project id' })
    if (problems.length) throw badInput('bad arguments (see concord decisions --help)', problems)
    const client = await connect({ url: values.url, token: values.token, as: values.as })
    const log = await client.listDecisions(values.project)
    if (values.csv) {
      const csv = await client.decisionsCsv(values.project)
      return { json: log, text: csv.replace(/\r\n$/, '') }
    }
    const text = log.length
      ? log
          .map((d) => `${String(d.decidedAt)}  ${String(d.decidedByName ?? d.decidedBy)}  ${String(d.choice)}${d.inForce ? '' : ' (replaced)'}  ${String(d.disputeId)}\n    ${String(d.rationale || '—')}`)
          .join('\n')
      : '(no decisions yet)'
    return { json: log, text }
  },
}
