/** OpenAPI paths of the editor area: memos, version history, code retrieval. */
import type { PathsObject } from './types'

const json = (schema: object, description = 'OK') => ({ description, content: { 'application/json': { schema } } })
const path = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string' } })
const query = (name: string, schema: object, description: string) => ({ name, in: 'query', required: false, schema, description })
const errors = {
  '400': { $ref: '#/components/responses/BadInput' },
  '401': { $ref: '#/components/responses/Unauthenticated' },
  '403': { $ref: '#/components/responses/Forbidden' },
  '404': { $ref: '#/components/responses/NotFound' },
}
const tparams = [path('projectId'), path('transcriptId')]
const memo = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    codeId: { type: ['string', 'null'] },
    start: { type: 'integer' },
    end: { type: 'integer' },
    body: { type: 'string' },
    authorId: { type: ['string', 'null'] },
    authorName: { type: ['string', 'null'] },
    createdAt: { type: 'string', format: 'date-time' },
  },
}
const version = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    kind: { enum: ['auto', 'named'] },
    name: { type: ['string', 'null'], description: 'The name of a named version; `before-restore:<versionId>` for the copy a restore saves first' },
    charCount: { type: 'integer' },
    codingCount: { type: 'integer' },
    createdBy: { type: ['string', 'null'] },
    createdByName: { type: ['string', 'null'] },
    createdAt: { type: 'string', format: 'date-time' },
  },
}
const coding = { type: 'object', properties: { codeId: { type: 'string' }, coderId: { type: 'string' }, start: { type: 'integer' }, end: { type: 'integer' }, text: { type: 'string' } } }
const projection = {
  type: 'object',
  properties: {
    text: { type: 'string' },
    paragraphs: { type: 'array', items: { type: 'object', properties: { index: { type: 'integer' }, start: { type: 'integer' }, end: { type: 'integer' }, speaker: { type: ['string', 'null'] } } } },
    codings: { type: 'array', items: coding },
  },
}

export const editorPaths: PathsObject = {
  '/api/projects/{projectId}/transcripts/{transcriptId}/memos': {
    get: {
      summary: 'Memos on a transcript (while its round is blind, only your own)',
      parameters: tparams,
      responses: { '200': json({ type: 'array', items: memo }), ...errors },
    },
    post: {
      summary: 'Coder or lead: write a memo on a span (plain-text offsets, end exclusive), usually a coded one',
      parameters: tparams,
      requestBody: { content: { 'application/json': { schema: { type: 'object', required: ['start', 'end', 'body'], properties: { codeId: { type: ['string', 'null'] }, start: { type: 'integer' }, end: { type: 'integer' }, body: { type: 'string' } } } } } },
      responses: { '200': json(memo), ...errors },
    },
  },
  '/api/projects/{projectId}/transcripts/{transcriptId}/memos/{memoId}': {
    delete: { summary: 'Delete a memo (its author or the lead)', parameters: [...tparams, path('memoId')], responses: { '200': json({ type: 'object' }), ...errors } },
  },
  '/api/projects/{projectId}/transcripts/{transcriptId}/versions': {
    get: { summary: 'Versions of the transcript, newest first (named and automatic checkpoints)', parameters: tparams, responses: { '200': json({ type: 'array', items: version }), ...errors } },
    post: {
      summary: 'Coder or lead: save the transcript as it is now under a name',
      parameters: tparams,
      requestBody: { content: { 'application/json': { schema: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } } } } },
      responses: { '200': json(version), ...errors },
    },
  },
  '/api/projects/{projectId}/transcripts/{transcriptId}/versions/{versionId}': {
    get: {
      summary: "A version's text, paragraphs and codings; with ?compare=now also the changes from it to now",
      parameters: [...tparams, path('versionId'), query('compare', { enum: ['now'] }, 'Add `comparison`: paragraphs (same/added/removed), codings added/removed, counts')],
      responses: { '200': json({ type: 'object', properties: { version, content: projection, comparison: { type: 'object' } } }), ...errors },
    },
  },
  '/api/projects/{projectId}/transcripts/{transcriptId}/versions/{versionId}/restore': {
    post: {
      summary: 'Lead: make the transcript show this version again, as new edits on the live document (coder layers keep their marks); the current state is saved first as an automatic version',
      parameters: [...tparams, path('versionId')],
      responses: { '200': json({ type: 'object', properties: { restored: { type: 'boolean' }, backupVersionId: { type: ['string', 'null'] } } }), ...errors },
    },
  },
  '/api/projects/{projectId}/codings': {
    get: {
      summary: 'Code retrieval: coded segments with context. Blind coding applies: shared codings and your own layers; others’ layers only after the reveal (lead, or coders when the project allows)',
      parameters: [
        path('projectId'),
        query('codeId', { type: 'string' }, 'Only this code'),
        query('subcodes', { enum: ['0', '1'] }, 'With codeId: include its sub-codes'),
        query('caseId', { type: 'string' }, 'Only transcripts of this case'),
        query('role', { enum: ['park', 'college', 'enterprise', 'research', 'other'] }, 'Respondent role'),
        query('coderId', { type: 'string' }, 'Only this coder'),
        query('layer', { enum: ['shared', 'coder'] }, 'Only the shared layer or only coder layers'),
        query('transcriptId', { type: 'string' }, 'Only this transcript'),
        query('context', { type: 'integer', minimum: 0, maximum: 1000, default: 120 }, 'Characters of context on each side, within the speaker turns of the segment'),
        query('limit', { type: 'integer', minimum: 1, maximum: 5000, default: 1000 }, 'At most this many segments'),
      ],
      responses: {
        '200': json({
          type: 'object',
          properties: {
            items: { type: 'array', items: { type: 'object', properties: { transcriptId: { type: 'string' }, transcriptTitle: { type: 'string' }, caseKey: { type: ['string', 'null'] }, layer: { enum: ['shared', 'coder'] }, layerOwner: { type: ['string', 'null'] }, codeId: { type: 'string' }, coderId: { type: 'string' }, coderName: { type: ['string', 'null'] }, start: { type: 'integer' }, end: { type: 'integer' }, text: { type: 'string' }, before: { type: 'string' }, after: { type: 'string' }, clippedBefore: { type: 'boolean' }, clippedAfter: { type: 'boolean' }, speaker: { type: ['string', 'null'] } } } },
            total: { type: 'integer' },
            truncated: { type: 'boolean' },
          },
        }),
        ...errors,
      },
    },
  },
}
