/** OpenAPI paths of independent rounds, the revealed layers, inter-coder agreement and pinned reports. */
import type { PathsObject } from './types'

const json = (schema: object, description = 'OK') => ({ description, content: { 'application/json': { schema } } })
const path = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string' } })
const query = (name: string, description: string, schema: object = { type: 'string' }) => ({ name, in: 'query', required: false, description, schema })
const errors = {
  '400': { $ref: '#/components/responses/BadInput' },
  '401': { $ref: '#/components/responses/Unauthenticated' },
  '403': { $ref: '#/components/responses/Forbidden' },
  '404': { $ref: '#/components/responses/NotFound' },
}
const nullableNumber = { type: ['number', 'null'] }
const reliabilityTable = {
  type: 'object',
  description: 'The fields of `concord agreement --data --json` (3 decimals; null with a note when a statistic does not apply), plus alphaCI, bootstrap, se and bands.',
  properties: {
    units: { type: 'integer' },
    coders: { type: 'integer' },
    level: { enum: ['nominal', 'ordinal'] },
    krippendorffAlpha: nullableNumber,
    fleissKappa: nullableNumber,
    cohenKappa: nullableNumber,
    scottPi: nullableNumber,
    brennanPrediger: nullableNumber,
    gwetAC1: nullableNumber,
    percentAgreement: nullableNumber,
    notes: { type: 'array', items: { type: 'string' } },
    alphaCI: { type: ['array', 'null'], items: { type: 'number' } },
    bootstrap: { type: ['object', 'null'], properties: { method: { enum: ['documents', 'units'] }, replicates: { type: 'integer' }, seed: { type: 'integer' }, resampled: { type: 'integer' }, undefinedReplicates: { type: 'integer' } } },
    se: { type: 'object', properties: { cohenKappa: nullableNumber, fleissKappa: nullableNumber, brennanPrediger: nullableNumber, gwetAC1: nullableNumber } },
    bands: { type: 'object', additionalProperties: { type: 'string' } },
  },
}
const agreementParams = [
  query('unit', 'span (u-alpha, character kappa) | segment | matched | document | status (framework judgements, ordinal). Default segment.', { enum: ['span', 'segment', 'matched', 'document', 'status'] }),
  query('segment', 'segment unit: turn (speaker turns, default) | paragraph | sentence', { enum: ['turn', 'paragraph', 'sentence'] }),
  query('round', 'a revealed round id (default: the latest revealed round)'),
  query('transcripts', "comma-separated transcript ids of the round (default: all of the round's)"),
  query('coders', "comma-separated coder ids of the round, at least two (default: all of the round's)"),
  query('codes', 'comma-separated code ids (default: every code the coders applied)'),
  query('threshold', 'matched unit: minimum overlap, 0 < t ≤ 1 (default 0.9)', { type: 'number' }),
  query('overlap', 'matched unit: union (intersection over union, default) or shorter', { enum: ['union', 'shorter'] }),
  query('bootstrap', "replicates for alpha's 95% interval (default 1000, 0 = none)", { type: 'integer' }),
  query('seed', 'seed of the resampling (default 1)', { type: 'integer' }),
]

export const agreementPaths: PathsObject = {
  '/api/projects/{projectId}/rounds': {
    get: {
      summary: 'Independent rounds with transcripts, coders and progress (codings counted per coder and transcript; a coder sees only their own counts)',
      parameters: [path('projectId')],
      responses: { '200': json({ type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' }, state: { enum: ['blind', 'revealed'] }, coders: { type: 'array' }, transcripts: { type: 'array' }, progress: { type: 'array', items: { type: 'object', properties: { coderId: { type: 'string' }, transcriptId: { type: 'string' }, codings: { type: 'integer' } } } } } } }), ...errors },
    },
    post: {
      summary: 'Lead: start a blind round (the transcripts’ text becomes read-only for coders until the reveal)',
      parameters: [path('projectId')],
      requestBody: { content: { 'application/json': { schema: { type: 'object', required: ['name', 'transcriptIds', 'coderIds'], properties: { name: { type: 'string' }, transcriptIds: { type: 'array', items: { type: 'string' } }, coderIds: { type: 'array', minItems: 2, items: { type: 'string' } } } } } } },
      responses: { '200': json({ type: 'object' }), '409': { description: 'A transcript is in a blind round, or a coder already coded it in another round' }, ...errors },
    },
  },
  '/api/projects/{projectId}/rounds/{roundId}/reveal': {
    post: { summary: 'Lead: reveal a round (layers become readable, open sockets are re-authorized, disputes are detected)', parameters: [path('projectId'), path('roundId')], responses: { '200': json({ type: 'object' }), ...errors } },
  },
  '/api/projects/{projectId}/transcripts/{transcriptId}/layers': {
    get: {
      summary: 'The revealed coder layers of a transcript (text + each layer’s codings); 403 while the round is blind — for everyone, the lead included',
      parameters: [path('projectId'), path('transcriptId')],
      responses: { '200': json({ type: 'object', properties: { round: { type: ['object', 'null'] }, text: { type: 'string' }, layers: { type: 'array', items: { type: 'object', properties: { coderId: { type: 'string' }, name: { type: 'string' }, codings: { type: 'array' } } } } } }), ...errors },
    },
  },
  '/api/projects/{projectId}/agreement': {
    get: {
      summary: 'Inter-coder agreement of a revealed round: the shape of `concord agreement --json` for the unit (coded spans for `span`, reliability otherwise) plus per-code and per-coder-pair tables; 403 on a blind round. `stream=1` answers NDJSON progress lines, then the result.',
      parameters: [path('projectId'), ...agreementParams, query('stream', '1: application/x-ndjson progress events', { enum: ['1'] })],
      responses: {
        '200': json({
          oneOf: [
            { ...reliabilityTable, properties: { ...reliabilityTable.properties, unit: { enum: ['segment', 'matched', 'document', 'status'] }, coderIds: { type: 'array', items: { type: 'string' } }, codes: { type: 'object', additionalProperties: reliabilityTable }, pairs: { type: 'array' }, round: { type: 'object' }, parameters: { type: 'object' }, labels: { type: 'object' }, snapshotId: { type: 'string' } } },
            { type: 'object', properties: { unit: { const: 'span' }, coders: { type: 'array', items: { type: 'string' } }, documents: { type: 'integer' }, codes: { type: 'object' }, overall: { type: 'object', properties: { unitizingAlpha: nullableNumber, characterKappa: nullableNumber, characterPercentAgreement: nullableNumber } }, pairs: { type: 'array' } } },
            { type: 'object', description: 'No revealed round yet', properties: { round: { type: 'null' }, message: { type: 'string' } } },
          ],
        }),
        ...errors,
      },
    },
  },
  '/api/projects/{projectId}/agreement/disagreements': {
    get: {
      summary: 'Drill-down: the passages where the coders disagree about one code (with context and a link); lead, or coders if the project shows them revealed layers',
      parameters: [path('projectId'), ...agreementParams, query('code', 'the code id (required)'), query('limit', 'at most this many passages (default 200)', { type: 'integer' })],
      responses: { '200': json({ type: 'object', properties: { total: { type: 'integer' }, passages: { type: 'array', items: { type: 'object', properties: { document: { type: 'string' }, start: { type: 'integer' }, end: { type: 'integer' }, kind: { enum: ['presence', 'boundary'] }, text: { type: 'string' }, href: { type: 'string' } } } } } }), ...errors },
    },
  },
  '/api/projects/{projectId}/agreement/arbitration': {
    get: {
      summary:
        'Agreement before and after arbitration: `before` = the coders with each other (as GET …/agreement), `after` = each coder with the consensus (the shared layer written by decisions and auto-merge; the team statuses for unit=status), with the round’s dispute progress; 403 on a blind round.',
      parameters: [path('projectId'), ...agreementParams],
      responses: {
        '200': json({
          type: 'object',
          properties: {
            round: { type: ['object', 'null'] },
            unit: { enum: ['span', 'segment', 'matched', 'document', 'status'] },
            before: { type: 'object', properties: { coders: { type: 'array', items: { type: 'string' } }, overall: { type: 'object' }, codes: { type: 'object' } } },
            after: { type: 'array', items: { type: 'object', properties: { coderId: { type: 'string' }, overall: { type: 'object' }, codes: { type: 'object' } } } },
            consensus: { type: 'object', properties: { items: { type: 'integer' } } },
            disputes: { type: 'object', properties: { decided: { type: 'integer' }, total: { type: 'integer' } } },
            notes: { type: 'array', items: { type: 'string' } },
          },
        }),
        ...errors,
      },
    },
  },
  '/api/projects/{projectId}/agreement/reports': {
    get: { summary: 'Pinned agreement reports', parameters: [path('projectId')], responses: { '200': json({ type: 'array' }), ...errors } },
    post: {
      summary: 'Lead: pin a citable report (same parameters as GET …/agreement, as JSON): stores the result and a snapshot of every layer and coding used',
      parameters: [path('projectId')],
      requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { unit: { type: 'string' }, segment: { type: 'string' }, round: { type: 'string' }, transcripts: { type: 'array', items: { type: 'string' } }, coders: { type: 'array', items: { type: 'string' } }, codes: { type: 'array', items: { type: 'string' } }, threshold: { type: 'number' }, overlap: { type: 'string' }, bootstrap: { type: 'integer' }, seed: { type: 'integer' } } } } } },
      responses: { '200': json({ type: 'object', properties: { id: { type: 'string' }, snapshotId: { type: 'string' }, result: { type: 'object' } } }), '409': { description: 'No revealed round' }, ...errors },
    },
  },
  '/api/projects/{projectId}/agreement/reports/{reportId}': {
    get: { summary: 'A pinned report: its stored result and what its snapshot pinned (layers’ log positions and state hashes, documents, counts)', parameters: [path('projectId'), path('reportId')], responses: { '200': json({ type: 'object' }), ...errors } },
  },
  '/api/projects/{projectId}/agreement/reports/{reportId}/regenerate': {
    post: { summary: 'Lead: recompute a pinned report from its snapshot; `identical` says whether every number is the same', parameters: [path('projectId'), path('reportId')], responses: { '200': json({ type: 'object', properties: { identical: { type: 'boolean' }, result: { type: 'object' } } }), ...errors } },
  },
  '/api/projects/{projectId}/agreement/reports/{reportId}/export': {
    get: {
      summary: 'A pinned report as CSV (long form) or as a methods paragraph (zh or en)',
      parameters: [path('projectId'), path('reportId'), query('format', 'csv (default) or methods', { enum: ['csv', 'methods'] }), query('lang', 'methods paragraph language', { enum: ['en', 'zh'] })],
      responses: { '200': { description: 'The file', content: { 'text/csv': { schema: { type: 'string' } }, 'text/plain': { schema: { type: 'string' } } } }, ...errors },
    },
  },
}
