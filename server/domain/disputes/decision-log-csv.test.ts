import { describe, expect, it } from 'vitest'
import { parseCsvWithHeader } from '../formats/csv'
import { decisionLogColumns, formatDecisionLogCsv, type DecisionLogCsvEntry } from './decision-log-csv'

const entry: DecisionLogCsvEntry = {
  id: 'd1',
  decidedAt: '2025-01-02T03:04:05.000Z',
  decidedBy: '李研',
  disputeId: 'x1',
  kind: 'boundary',
  transcript: 'Z 案例 "访谈" 一',
  caseKey: 'Z',
  code: '组织架构',
  start: 10,
  end: 60,
  before: [
    { coder: '王晓', spans: [{ start: 10, end: 40 }] },
    { coder: '陈默', spans: [] },
  ],
  choice: 'coder',
  chosenCoder: '王晓',
  after: { spans: [{ start: 10, end: 40 }] },
  rationale: '=HYPERLINK("x")\n第二行',
  replacesId: '',
  inForce: true,
}

describe('formatDecisionLogCsv', () => {
  it('[DIS27] writes one quoted row per decision that a CSV reader reads back, formulas defused', () => {
    const csv = formatDecisionLogCsv([entry, { ...entry, id: 'd2', kind: 'status', start: null, end: null, before: [{ coder: '王晓', status: 'described' }, { coder: '陈默', hidden: true }], after: { status: 'partial' }, rationale: '', inForce: false, replacesId: 'd1' }])
    const rows = parseCsvWithHeader(csv, decisionLogColumns, 'log.csv')
    expect(rows).toHaveLength(2)
    expect(rows[0].values).toMatchObject({ transcript: 'Z 案例 "访谈" 一', before: '王晓: 10-40 | 陈默: (none)', after: '10-40', rationale: '\'=HYPERLINK("x")\n第二行', in_force: 'yes' })
    expect(rows[1].values).toMatchObject({ start: '', before: '王晓: described | 陈默: (hidden)', after: 'partial', replaces_decision_id: 'd1', in_force: 'no' })
  })
})
