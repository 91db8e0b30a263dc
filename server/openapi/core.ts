/** OpenAPI paths of the foundation: health, tokens, projects, codebook, cases, documents, members. */
import type { PathsObject } from './types'

const json = (schema: object, description = 'OK') => ({ description, content: { 'application/json': { schema } } })
const projectId = { name: 'projectId', in: 'path', required: true, schema: { type: 'string' } }
const errors = {
  '400': { $ref: '#/components/responses/BadInput' },
  '401': { $ref: '#/components/responses/Unauthenticated' },
  '403': { $ref: '#/components/responses/Forbidden' },
  '404': { $ref: '#/components/responses/NotFound' },
}
const localized = { type: 'object', properties: { zh: { type: 'string' }, en: { type: 'string' } } }

export const corePaths: PathsObject = {
  '/api/health': { get: { summary: 'Liveness check (no authentication)', security: [], responses: { '200': json({ type: 'object', properties: { ok: { type: 'boolean' } } }) } } },
  '/api/signup': { post: { summary: 'Create an account (email + password)', security: [], requestBody: { content: { 'application/json': { schema: { type: 'object', required: ['email', 'name', 'password'], properties: { email: { type: 'string' }, name: { type: 'string' }, password: { type: 'string', minLength: 8 } } } } } }, responses: { '200': json({ type: 'object' }), '400': errors['400'], '409': { description: 'Email already registered' } } } },
  '/api/tokens': {
    get: { summary: 'Your personal access tokens (without the secrets)', responses: { '200': json({ type: 'array' }), '401': errors['401'] } },
    post: { summary: 'Create a personal access token; the token is shown once', requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { name: { type: 'string' } } } } } }, responses: { '200': json({ type: 'object', properties: { token: { type: 'string' } } }), '401': errors['401'] } },
  },
  '/api/tokens/{tokenId}': { delete: { summary: 'Revoke a token', parameters: [{ name: 'tokenId', in: 'path', required: true, schema: { type: 'string' } }], responses: { '200': json({ type: 'object' }), ...errors } } },
  '/api/projects': {
    get: { summary: "The caller's projects", responses: { '200': json({ type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' }, role: { enum: ['lead', 'coder', 'viewer'] }, codingMode: { enum: ['open', 'independent'] } } } }), '401': errors['401'] } },
    post: { summary: 'Create a project (template blank or study)', requestBody: { content: { 'application/json': { schema: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, description: { type: 'string' }, template: { enum: ['blank', 'study'] } } } } } }, responses: { '200': json({ type: 'object' }), '400': errors['400'], '401': errors['401'] } },
  },
  '/api/projects/{projectId}': {
    get: { summary: 'A project with your role and counts', parameters: [projectId], responses: { '200': json({ type: 'object' }), ...errors } },
    patch: { summary: 'Lead: rename, coding mode, settings', parameters: [projectId], responses: { '200': json({ type: 'object' }), ...errors } },
  },
  '/api/projects/{projectId}/codebook': {
    get: { summary: 'The codebook in tree order', parameters: [projectId], responses: { '200': json({ type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, parentId: { type: ['string', 'null'] }, name: localized, color: { type: 'string' }, shortcut: { type: ['string', 'null'] } } } }), ...errors } },
    post: { summary: 'Lead: add a code', parameters: [projectId], responses: { '200': json({ type: 'object' }), ...errors } },
  },
  '/api/projects/{projectId}/codebook/reorder': { post: { summary: 'Lead: reorder sibling codes', parameters: [projectId], responses: { '200': json({ type: 'object' }), ...errors } } },
  '/api/projects/{projectId}/codebook/{codeId}': {
    get: { summary: 'How many codings use a code (and its sub-codes)', parameters: [projectId, { name: 'codeId', in: 'path', required: true, schema: { type: 'string' } }], responses: { '200': json({ type: 'object' }), ...errors } },
    patch: { summary: 'Lead: edit a code', parameters: [projectId, { name: 'codeId', in: 'path', required: true, schema: { type: 'string' } }], responses: { '200': json({ type: 'object' }), ...errors } },
    delete: { summary: 'Lead: delete a code (409 when codings exist unless ?force=1)', parameters: [projectId, { name: 'codeId', in: 'path', required: true, schema: { type: 'string' } }], responses: { '200': json({ type: 'object' }), '409': { description: 'Codings exist' }, ...errors } },
  },
  '/api/projects/{projectId}/codebook/{codeId}/merge': { post: { summary: 'Lead: merge a code into another', parameters: [projectId, { name: 'codeId', in: 'path', required: true, schema: { type: 'string' } }], responses: { '200': json({ type: 'object' }), ...errors } } },
  '/api/projects/{projectId}/cases': {
    get: { summary: 'Cases with attributes', parameters: [projectId], responses: { '200': json({ type: 'array' }), ...errors } },
    post: { summary: 'Lead: add a case', parameters: [projectId], responses: { '200': json({ type: 'object' }), ...errors } },
  },
  '/api/projects/{projectId}/cases/{caseId}': {
    patch: { summary: 'Lead: edit a case', parameters: [projectId, { name: 'caseId', in: 'path', required: true, schema: { type: 'string' } }], responses: { '200': json({ type: 'object' }), ...errors } },
    delete: { summary: 'Lead: delete a case', parameters: [projectId, { name: 'caseId', in: 'path', required: true, schema: { type: 'string' } }], responses: { '200': json({ type: 'object' }), ...errors } },
  },
  '/api/projects/{projectId}/documents': {
    get: {
      summary: 'Transcripts with their independent round and the sync rooms you may open',
      parameters: [projectId],
      responses: { '200': json({ type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, title: { type: 'string' }, caseId: { type: ['string', 'null'] }, round: { type: ['object', 'null'] }, rooms: { type: 'object', properties: { text: { type: 'string' }, layer: { type: 'string' } } } } } }), ...errors },
    },
    post: { summary: 'Lead: import a transcript (multipart: meta + file .txt/.md/.docx, or text)', parameters: [projectId], responses: { '200': json({ type: 'object' }), ...errors } },
  },
  '/api/projects/{projectId}/members': {
    get: { summary: 'Members and roles', parameters: [projectId], responses: { '200': json({ type: 'array' }), ...errors } },
    post: { summary: 'Lead: invite by email or create an invitation link', parameters: [projectId], responses: { '200': json({ type: 'object' }), ...errors } },
  },
  '/api/projects/{projectId}/members/{userId}': {
    patch: { summary: "Lead: change a member's role", parameters: [projectId, { name: 'userId', in: 'path', required: true, schema: { type: 'string' } }], responses: { '200': json({ type: 'object' }), ...errors } },
    delete: { summary: 'Lead: remove a member', parameters: [projectId, { name: 'userId', in: 'path', required: true, schema: { type: 'string' } }], responses: { '200': json({ type: 'object' }), ...errors } },
  },
  '/api/projects/{projectId}/invitations/{invitationId}': { delete: { summary: 'Lead: revoke an invitation', parameters: [projectId, { name: 'invitationId', in: 'path', required: true, schema: { type: 'string' } }], responses: { '200': json({ type: 'object' }), ...errors } } },
  '/api/invitations/{token}/accept': { post: { summary: 'Accept an invitation', parameters: [{ name: 'token', in: 'path', required: true, schema: { type: 'string' } }], responses: { '200': json({ type: 'object' }), ...errors } } },
  '/api/projects/{projectId}/events': {
    get: {
      summary: 'Server-sent events: `data: {"topic": …}` whenever something in the project changes (codings, fit, disputes, members, codebook, documents, rounds)',
      parameters: [projectId],
      responses: { '200': { description: 'An endless text/event-stream', content: { 'text/event-stream': { schema: { type: 'string' } } } }, '401': errors['401'], '404': errors['404'] },
    },
  },
  '/api/openapi.json': { get: { summary: 'This document (no authentication)', security: [], responses: { '200': json({ type: 'object' }) } } },
  // next-auth's own endpoints (app/api/auth/[...nextauth]); the ones API.md names for scripted sign-in.
  '/api/auth/csrf': { get: { summary: 'next-auth: a CSRF token for the sign-in form', security: [], responses: { '200': json({ type: 'object', properties: { csrfToken: { type: 'string' } } }) } } },
  '/api/auth/callback/credentials': {
    post: {
      summary: 'next-auth: sign in with email and password; sets the session cookie',
      security: [],
      requestBody: { content: { 'application/x-www-form-urlencoded': { schema: { type: 'object', required: ['csrfToken', 'email', 'password'], properties: { csrfToken: { type: 'string' }, email: { type: 'string' }, password: { type: 'string' } } } } } },
      responses: { '200': { description: 'Signed in (or redirected with an error)' }, '302': { description: 'Redirect after sign-in' } },
    },
  },
  '/api/auth/session': { get: { summary: 'next-auth: the current session', security: [], responses: { '200': json({ type: 'object', properties: { user: { type: 'object', properties: { id: { type: 'string' }, email: { type: 'string' }, name: { type: 'string' } } } } }) } } },
  '/api/auth/signout': { post: { summary: 'next-auth: sign out (clears the session cookie)', security: [], responses: { '200': { description: 'Signed out' } } } },
}
