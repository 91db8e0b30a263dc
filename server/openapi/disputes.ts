/** OpenAPI paths of arbitration: the disputes queue, decisions, comments, the decision log, the consensus. */
import type { PathsObject } from './types'

const json = (schema: object, description = 'OK') => ({ description, content: { 'application/json': { schema } } })
const body = (schema: object) => ({ required: true, content: { 'application/json': { schema } } })
const projectId = { name: 'projectId', in: 'path', required: true, schema: { type: 'string' } }
const disputeId = { name: 'disputeId', in: 'path', required: true, schema: { type: 'string' } }
const query = (name: string, description: string, schema: object = { type: 'string' }) => ({ name, in: 'query', required: false, description, schema })
const errors = {
  '400': { $ref: '#/components/responses/BadInput' },
  '401': { $ref: '#/components/responses/Unauthenticated' },
  '403': { $ref: '#/components/responses/Forbidden' },
  '404': { $ref: '#/components/responses/NotFound' },
}
const conflict = { '409': { description: 'The dispute is not open (decided: reopen it first), or was superseded by new codings' } }
const span = { type: 'object', properties: { start: { type: 'integer' }, end: { type: 'integer', description: 'exclusive; UTF-16 offsets into the transcript text' } } }
const version = {
  type: 'object',
  description: "What one coder had: `spans` (span disputes) or `status` (status disputes); `hidden: true` when the caller may not see another coder's layer (project setting coderSeesRevealed).",
  properties: { coderId: { type: 'string' }, spans: { type: 'array', items: span }, status: { enum: ['described', 'partial', 'none'] }, hidden: { type: 'boolean' } },
}
const decision = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    disputeId: { type: 'string' },
    decidedBy: { type: 'string' },
    decidedAt: { type: 'string', format: 'date-time' },
    choice: { enum: ['coder', 'union', 'intersection', 'none', 'custom'] },
    coderId: { type: ['string', 'null'], description: 'whose version was taken (choice coder)' },
    rationale: { type: 'string' },
    before: { type: 'array', items: version, description: 'what each coder had' },
    after: { type: 'object', description: 'what was chosen: `{ spans }` or `{ status }`' },
    replacesId: { type: ['string', 'null'], description: 'the decision this one replaced after a reopen' },
  },
}
const dispute = {
  type: 'object',
  required: ['id', 'kind', 'documentId', 'codeId', 'state', 'coders'],
  properties: {
    id: { type: 'string' },
    kind: { enum: ['presence', 'boundary', 'status'] },
    documentId: { type: ['string', 'null'], description: 'the transcript (null for status disputes)' },
    codeId: { type: 'string' },
    state: { enum: ['open', 'decided'] },
    coders: { type: 'array', items: { type: 'string' } },
    roundId: { type: ['string', 'null'] },
    caseId: { type: ['string', 'null'] },
    caseKey: { type: ['string', 'null'] },
    documentTitle: { type: ['string', 'null'] },
    start: { type: ['integer', 'null'], description: "the unit's extent" },
    end: { type: ['integer', 'null'] },
    magnitude: { type: 'integer', description: 'characters coded by some but not all coders; status disputes: ordinal spread × 100' },
    versions: { type: 'array', items: version },
    context: { type: ['object', 'null'], properties: { start: { type: 'integer' }, end: { type: 'integer' }, text: { type: 'string' }, turns: { type: 'array' } } },
    decision: { oneOf: [decision, { type: 'null' }], description: 'the decision in force (decided) or the last one before a reopen' },
    commentCount: { type: 'integer' },
  },
}
const comment = { type: 'object', properties: { id: { type: 'string' }, authorId: { type: 'string' }, authorName: { type: 'string' }, body: { type: 'string' }, createdAt: { type: 'string', format: 'date-time' } } }

export const disputePaths: PathsObject = {
  '/api/projects/{projectId}/disputes': {
    get: {
      summary: 'The disputes of revealed rounds, biggest disagreement first',
      parameters: [
        projectId,
        query('state', 'open or decided', { enum: ['open', 'decided'] }),
        query('kind', 'presence, boundary or status', { enum: ['presence', 'boundary', 'status'] }),
        query('codeId', 'only this code'),
        query('documentId', 'only this transcript'),
        query('caseId', 'only this case'),
        query('roundId', 'only this round'),
        query('coders', 'two coder ids, comma-separated: disputes on which these two disagree'),
      ],
      responses: { '200': json({ type: 'array', items: dispute }), ...errors },
    },
  },
  '/api/projects/{projectId}/disputes/refresh': {
    post: {
      summary: 'Lead: detect disputes again (every revealed round, or one); agreed codings are merged into the consensus once',
      parameters: [projectId],
      requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { roundId: { type: 'string' } } } } } },
      responses: { '200': json({ type: 'object', properties: { rounds: { type: 'integer' }, detected: { type: 'integer' }, created: { type: 'integer' }, superseded: { type: 'integer' }, merged: { type: 'integer' } } }), ...errors },
    },
  },
  '/api/projects/{projectId}/disputes/{disputeId}/decision': {
    post: {
      summary: 'Lead: decide a dispute; the consensus (shared layer) changes at once',
      description:
        'choice `coder` takes `coderId`\'s version; `union` every character any coder coded; `intersection` the characters all coded; `none` removes the code from the passage; `custom` sets `start`/`end` (span disputes) or `status` (status disputes). For status disputes union = the highest status, intersection = the lowest. `rationale` is required when the project setting rationaleRequired is on (400 otherwise).',
      parameters: [projectId, disputeId],
      requestBody: body({
        type: 'object',
        required: ['choice'],
        properties: {
          choice: { enum: ['coder', 'union', 'intersection', 'none', 'custom'] },
          coderId: { type: 'string' },
          start: { type: 'integer' },
          end: { type: 'integer' },
          status: { enum: ['described', 'partial', 'none'] },
          rationale: { type: 'string' },
        },
      }),
      responses: { '200': json(decision, 'The decision as logged'), ...errors, ...conflict },
    },
  },
  '/api/projects/{projectId}/disputes/{disputeId}/reopen': {
    post: { summary: 'Lead: reopen a decided dispute; the next decision reverts this one first and both stay in the log', parameters: [projectId, disputeId], responses: { '200': json({ type: 'object' }), ...errors, ...conflict } },
  },
  '/api/projects/{projectId}/disputes/{disputeId}/comments': {
    get: { summary: "The dispute's discussion thread (members)", parameters: [projectId, disputeId], responses: { '200': json({ type: 'array', items: comment }), ...errors } },
    post: { summary: 'Coders and the lead: comment on an open dispute', parameters: [projectId, disputeId], requestBody: body({ type: 'object', required: ['body'], properties: { body: { type: 'string', maxLength: 4000 } } }), responses: { '200': json(comment), ...errors, ...conflict } },
  },
  '/api/projects/{projectId}/decisions': {
    get: {
      summary: 'The decision log, in the order decisions were taken; `?format=csv` downloads it as CSV',
      parameters: [projectId, query('format', 'csv for a CSV download (UTF-8 with BOM)', { enum: ['json', 'csv'] }), query('locale', 'code names in the CSV: zh (default) or en', { enum: ['zh', 'en'] })],
      responses: {
        '200': {
          description: 'OK',
          content: {
            'application/json': { schema: { type: 'array', items: { allOf: [decision, { type: 'object', properties: { decidedByName: { type: 'string' }, replacedById: { type: ['string', 'null'] }, inForce: { type: 'boolean' }, dispute: { type: 'object' } } }] } } },
            'text/csv': { schema: { type: 'string' } },
          },
        },
        ...errors,
      },
    },
  },
  '/api/projects/{projectId}/rounds/{roundId}/consensus-codings': {
    get: {
      summary: "The consensus (shared-layer) codings of a round's transcripts, for agreement after arbitration",
      parameters: [projectId, { name: 'roundId', in: 'path', required: true, schema: { type: 'string' } }],
      responses: {
        '200': json({
          type: 'object',
          properties: {
            roundId: { type: 'string' },
            state: { enum: ['blind', 'revealed'] },
            coders: { type: 'array', items: { type: 'string' } },
            documents: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, title: { type: 'string' }, caseId: { type: ['string', 'null'] }, length: { type: 'integer' } } } },
            codings: { type: 'array', items: { type: 'object', properties: { documentId: { type: 'string' }, codeId: { type: 'string' }, coderId: { type: 'string' }, start: { type: 'integer' }, end: { type: 'integer' } } } },
          },
        }),
        ...errors,
      },
    },
  },
}
