/** OpenAPI paths of framework fit (契合度): the report, the matrix, statuses and exports. */
import type { PathsObject } from './types'

const json = (schema: object, description = 'OK') => ({ description, content: { 'application/json': { schema } } })
const projectId = { name: 'projectId', in: 'path', required: true, schema: { type: 'string' } }
const errors = {
  '400': { $ref: '#/components/responses/BadInput' },
  '401': { $ref: '#/components/responses/Unauthenticated' },
  '403': { $ref: '#/components/responses/Forbidden' },
  '404': { $ref: '#/components/responses/NotFound' },
}
const bilingual = { type: 'object', properties: { zh: { type: 'string' }, en: { type: 'string' } } }
const status = { enum: ['described', 'partial', 'none'] }
const level = { enum: ['high', 'medium', 'low'] }
const dimensionFit = {
  type: 'object',
  required: ['unseenShare', 'level'],
  properties: {
    unseenShare: { type: 'number', description: '(none + partialWeight × partial) / indicators, rounded to 4 decimals' },
    level,
    levelLabel: bilingual,
    counts: { type: 'object', properties: { described: { type: 'integer' }, partial: { type: 'integer' }, none: { type: 'integer' } } },
    indicators: { type: 'integer' },
  },
}
const fitReport = {
  type: 'object',
  description: 'Same shape as `concord fit --json`: cases keyed by case key, dimensions keyed by the dimension code key (its id when it has no key).',
  properties: {
    cases: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        properties: { dimensions: { type: 'object', additionalProperties: dimensionFit }, model: bilingual, caseId: { type: 'string' }, name: bilingual },
      },
    },
    settings: { type: 'object', properties: { partialWeight: { type: 'number' }, highAtMost: { type: 'number' }, mediumAtMost: { type: 'number' } } },
    framework: { type: 'object', description: 'The dimensions and indicators scored, in order' },
    coderId: { type: ['string', 'null'] },
  },
}

export const fitPaths: PathsObject = {
  '/api/projects/{projectId}/fit': {
    get: {
      summary: 'Fit per case × dimension and construction model per case, from the team statuses (METHOD.md §4–5)',
      parameters: [projectId, { name: 'coderId', in: 'query', required: false, schema: { type: 'string' }, description: "A coder's own statuses instead of the team's (yours always; others' after the reveal)" }],
      responses: { '200': json(fitReport), ...errors },
    },
  },
  '/api/projects/{projectId}/fit/matrix': {
    get: {
      summary: 'The case × indicator matrix: evidence (shared-layer codings with offsets), team status, suggested status, summary, visible coder statuses; the team report; coders’ status agreement (ordinal alpha, weighted kappa)',
      parameters: [projectId],
      responses: { '200': json({ type: 'object', properties: { dimensions: { type: 'array' }, cases: { type: 'array' }, cells: { type: 'array' }, report: fitReport, coders: { type: 'array' }, agreement: { type: ['object', 'null'] } } }), ...errors },
    },
  },
  '/api/projects/{projectId}/fit/statuses': {
    put: {
      summary: "Set a status: the lead sets the team's (no coderId); a coder of a case's blind round records their own (coderId = own user id). status null clears it. Publishes the 'fit' event.",
      parameters: [projectId],
      requestBody: {
        required: true,
        content: { 'application/json': { schema: { type: 'object', required: ['caseId', 'codeId', 'status'], properties: { caseId: { type: 'string' }, codeId: { type: 'string', description: 'An indicator: a code directly under a top-level code' }, status: { ...status, type: ['string', 'null'] }, coderId: { type: 'string' } } } } },
      },
      responses: { '200': json({ type: 'object', properties: { caseId: { type: 'string' }, codeId: { type: 'string' }, coderId: { type: 'string' }, status: { type: ['string', 'null'] }, fit: { type: 'object' } } }), '409': { description: 'The round was revealed: own statuses are frozen' }, ...errors },
    },
  },
  '/api/projects/{projectId}/fit/export': {
    get: {
      summary: 'The case tables and cross-case summary as CSV (UTF-8 with BOM; long table or table=summary), XLSX or DOCX',
      parameters: [
        projectId,
        { name: 'format', in: 'query', required: true, schema: { enum: ['csv', 'xlsx', 'docx'] } },
        { name: 'lang', in: 'query', required: false, schema: { enum: ['zh', 'en'], default: 'zh' } },
        { name: 'table', in: 'query', required: false, schema: { enum: ['indicators', 'summary'], default: 'indicators' }, description: 'CSV only' },
      ],
      responses: {
        '200': {
          description: 'The file (Content-Disposition attachment)',
          content: {
            'text/csv': { schema: { type: 'string' } },
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', format: 'binary' } },
            'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { schema: { type: 'string', format: 'binary' } },
          },
        },
        ...errors,
      },
    },
  },
}
