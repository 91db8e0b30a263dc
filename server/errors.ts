/**
 * The one error type of Concord. Every layer throws `ConcordError` with a stable code;
 * route handlers, the realtime server and the CLI map codes to HTTP statuses, WebSocket
 * close codes and exit statuses in one place (below), so a researcher always gets a
 * readable message and scripts get a stable code.
 */
export type ErrorCode =
  | 'bad_input' // validation failed: `problems` lists every problem, not the first
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'too_large'
  | 'internal'

export interface Problem {
  /** Where: a field path, or `file:line` for imported files. */
  path: string
  message: string
}

export class ConcordError extends Error {
  readonly code: ErrorCode
  readonly problems: Problem[]
  constructor(code: ErrorCode, message: string, problems: Problem[] = []) {
    super(message)
    this.name = 'ConcordError'
    this.code = code
    this.problems = problems
  }
}

export const badInput = (message: string, problems: Problem[] = []) =>
  new ConcordError('bad_input', message, problems)

const httpStatus: Record<ErrorCode, number> = {
  bad_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  internal: 500,
}

const closeCode: Record<ErrorCode, number> = {
  bad_input: 4400,
  unauthenticated: 4401,
  forbidden: 4403,
  not_found: 4404,
  conflict: 4409,
  too_large: 4413,
  internal: 4500,
}

export const toHttpStatus = (code: ErrorCode) => httpStatus[code]
export const toCloseCode = (code: ErrorCode) => closeCode[code]

/** Turns zod issues into problems with dotted paths, keeping every issue. */
export function problemsFromZod(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>): Problem[] {
  return issues.map((i) => ({ path: i.path.map(String).join('.') || '(root)', message: i.message }))
}
