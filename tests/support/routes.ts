/**
 * The app's route handlers, found on disk (app/api/**\/route.ts) rather than listed by hand, so
 * that tests over "every route" (authorization, OpenAPI completeness) see a new route the
 * moment its file exists.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url))
export const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const
export type HttpMethod = (typeof HTTP_METHODS)[number]
export const MUTATING: readonly HttpMethod[] = ['POST', 'PUT', 'PATCH', 'DELETE']

export interface RouteFile {
  /** Absolute path of the route.ts file. */
  file: string
  /** URL path with Next's segments, e.g. `/api/projects/[projectId]/cases/[caseId]`. */
  path: string
  /** The same in OpenAPI form: `/api/projects/{projectId}/cases/{caseId}`. */
  openApiPath: string
  /** Names of the dynamic segments, in order (`[...x]` and `[[...x]]` give `x`). */
  params: string[]
}

export interface RouteModuleInfo extends RouteFile {
  mod: Record<string, unknown>
  methods: HttpMethod[]
}

/** Every file below `dir` (recursively), skipping node_modules and dot folders. */
export function walkFiles(dir: string): string[] {
  const out: string[] = []
  for (const name of readdirSync(dir).sort()) {
    if (name === 'node_modules' || name.startsWith('.')) continue
    const full = join(dir, name)
    if (statSync(full).isDirectory()) out.push(...walkFiles(full))
    else out.push(full)
  }
  return out
}

/** Every route handler file under app/api (route.ts, route.js, …), with its URL path. */
export function listRouteFiles(root = repoRoot): RouteFile[] {
  const appDir = join(root, 'app')
  return walkFiles(join(appDir, 'api'))
    .filter((f) => /[\\/]route\.(ts|tsx|js|mjs)$/.test(f))
    .map((file) => {
      const segments = relative(appDir, file).split(sep).slice(0, -1)
      // Route groups `(name)` do not appear in the URL.
      const visible = segments.filter((s) => !/^\(.*\)$/.test(s))
      const path = '/' + visible.join('/')
      const params = visible.map((s) => s.match(/^\[{1,2}(?:\.\.\.)?([^\]]+)\]{1,2}$/)?.[1]).filter((p): p is string => !!p)
      const openApiPath = '/' + visible.map((s) => s.replace(/^\[{1,2}(?:\.\.\.)?([^\]]+)\]{1,2}$/, '{$1}')).join('/')
      return { file, path, openApiPath, params }
    })
}

/** Imports every route module and lists the HTTP methods it exports. */
export async function loadRouteModules(root = repoRoot): Promise<RouteModuleInfo[]> {
  const out: RouteModuleInfo[] = []
  for (const r of listRouteFiles(root)) {
    const mod = (await import(pathToFileURL(r.file).href)) as Record<string, unknown>
    const methods = HTTP_METHODS.filter((m) => typeof mod[m] === 'function')
    out.push({ ...r, mod, methods })
  }
  return out
}

/** Files under `dir` whose source contains a `'use server'` directive (at the top of the file or of a function body). */
export function filesWithUseServer(dir: string): string[] {
  return walkFiles(dir)
    .filter((f) => /\.(ts|tsx|js|jsx|mjs|cjs)$/.test(f))
    .filter((f) => /(^|[{;\n])\s*(['"])use server\2/.test(readFileSync(f, 'utf8')))
}

/**
 * The HTTP methods a route file exports, read from its source (for Playwright, which cannot
 * import the app's modules): `export const GET =`, `export async function POST(`,
 * `export { handler as GET, handler as POST }`.
 */
export function methodsFromSource(file: string): HttpMethod[] {
  const src = readFileSync(file, 'utf8')
  const found = new Set<string>()
  for (const m of src.matchAll(/export\s+(?:const|let|async\s+function|function)\s+([A-Z]+)\b/g)) found.add(m[1])
  for (const block of src.matchAll(/export\s*\{([^}]*)\}/g)) for (const m of block[1].matchAll(/(?:\bas\s+)?\b([A-Z]+)\b\s*(?:,|$)/g)) found.add(m[1])
  return HTTP_METHODS.filter((m) => found.has(m))
}
