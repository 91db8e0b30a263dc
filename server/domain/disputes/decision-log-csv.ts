/**
 * The decision log as CSV, for the audit trail of a paper (RFC 4180: CRLF, every field quoted).
 * Text a person typed is guarded against spreadsheet formula injection (OWASP: a leading
 * = + - @ tab or CR makes Excel evaluate the cell), by a leading apostrophe.
 */
export interface DecisionLogCsvEntry {
  id: string
  decidedAt: string
  decidedBy: string
  disputeId: string
  kind: string
  transcript: string
  caseKey: string
  code: string
  start: number | null
  end: number | null
  /** What each coder had: spans or a status; `hidden` when the reader may not see it. */
  before: { coder: string; spans?: { start: number; end: number }[]; status?: string; hidden?: boolean }[]
  choice: string
  chosenCoder: string
  after: { spans?: { start: number; end: number }[]; status?: string } | null
  rationale: string
  replacesId: string
  inForce: boolean
}

export const decisionLogColumns = [
  'decision_id',
  'decided_at',
  'decided_by',
  'dispute_id',
  'kind',
  'transcript',
  'case',
  'code',
  'start',
  'end',
  'before',
  'choice',
  'chosen_coder',
  'after',
  'rationale',
  'replaces_decision_id',
  'in_force',
] as const

const spansText = (spans: { start: number; end: number }[] | undefined) => (spans && spans.length ? spans.map((s) => `${s.start}-${s.end}`).join('; ') : '(none)')

function guard(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
}

function quote(value: string): string {
  return `"${value.replace(/"/g, '""')}"`
}

/**
 * @example formatDecisionLogCsv([]) // 'decision_id,decided_at,…,in_force\r\n'
 */
export function formatDecisionLogCsv(entries: readonly DecisionLogCsvEntry[]): string {
  const lines = [decisionLogColumns.join(',')]
  for (const e of entries) {
    const before = e.before.map((v) => `${v.coder}: ${v.hidden ? '(hidden)' : v.status ?? spansText(v.spans)}`).join(' | ')
    const after = e.after ? (e.after.status ?? spansText(e.after.spans)) : ''
    const fields = [
      e.id,
      e.decidedAt,
      guard(e.decidedBy),
      e.disputeId,
      e.kind,
      guard(e.transcript),
      guard(e.caseKey),
      guard(e.code),
      e.start === null ? '' : String(e.start),
      e.end === null ? '' : String(e.end),
      guard(before),
      e.choice,
      guard(e.chosenCoder),
      after,
      guard(e.rationale),
      e.replacesId,
      e.inForce ? 'yes' : 'no',
    ]
    lines.push(fields.map(quote).join(','))
  }
  return lines.join('\r\n') + '\r\n'
}
