/**
 * The OpenAPI document served at /api/openapi.json. Each area lists its paths in its own
 * module here; add the module to `areas` below.
 */
import { agreementPaths } from './agreement'
import { corePaths } from './core'
import { disputePaths } from './disputes'
import { fitPaths } from './fit'
import { editorPaths } from './editor'
import type { PathsObject } from './types'

const areas: PathsObject[] = [corePaths, fitPaths, agreementPaths, editorPaths, disputePaths]

export function buildOpenApi(version: string) {
  const error = { type: 'object', properties: { error: { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' }, problems: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } } } } } } }
  const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: error } } })
  return {
    openapi: '3.1.0',
    info: {
      title: 'Concord API',
      version,
      description: 'Live co-coding, blind coding, inter-coder agreement, arbitration and framework fit. Authenticate with the next-auth session cookie or `Authorization: Bearer <personal access token>`.',
    },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }, { session: [] }],
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'Personal access token (POST /api/tokens)' },
        session: { type: 'apiKey', in: 'cookie', name: 'next-auth.session-token' },
      },
      responses: {
        BadInput: errorResponse('Invalid input; `problems` lists every problem'),
        Unauthenticated: errorResponse('No credentials'),
        Forbidden: errorResponse('Not allowed for your role'),
        NotFound: errorResponse('No such resource, or not a member (existence is not revealed)'),
      },
    },
    paths: Object.assign({}, ...areas) as PathsObject,
  }
}
