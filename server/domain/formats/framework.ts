/**
 * The framework file: the shape of `framework` in db/seed/framework.json (dimensions, their
 * indicators, and the fit rule with its thresholds and partial weight), with any number of
 * dimensions. `parseFrameworkText` also maps every problem to its line in the file, so that
 * `concord fit --framework` can say where a typo is.
 */
import { z } from 'zod'
import { badInput, type Problem } from '../../errors'
import { fitLevels, type FitSettings } from '../fit/types'

const textSchema = z.string().trim().min(1, 'must not be empty')
const keySchema = z.string().trim().min(1, 'a key must not be empty')
const shareSchema = z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1')
const bilingualSchema = z.object({ zh: textSchema, en: textSchema })

const indicatorSchema = z.object({
  key: keySchema,
  zh: textSchema,
  en: textSchema,
  /** The study's shorter label in its case table; display only. */
  caseTableLabel: z.string().optional(),
})

const dimensionSchema = z.object({
  key: keySchema,
  zh: textSchema,
  en: textSchema,
  /** Used in model names (强人才 / "strong talent"); the dimension's name when absent. */
  short: bilingualSchema.optional(),
  indicators: z.array(indicatorSchema).min(1, 'a dimension needs at least one indicator'),
})

const fitLevelRuleSchema = z.object({
  level: z.enum(fitLevels),
  zh: z.string().optional(),
  en: z.string().optional(),
  unseenAtMost: shareSchema.optional(),
  unseenAbove: shareSchema.optional(),
})

const fitRuleSchema = z.object({
  measure: z.string().optional(),
  partialWeight: shareSchema.optional(),
  levels: z.array(fitLevelRuleSchema).optional(),
  boundaries: z.string().optional(),
})

export const frameworkSchema = z.object({
  name: bilingualSchema.optional(),
  fitRule: fitRuleSchema.optional(),
  dimensions: z.array(dimensionSchema).min(1, 'a framework needs at least one dimension'),
})

export type Framework = z.infer<typeof frameworkSchema>
export type FrameworkDimension = Framework['dimensions'][number]
export type FrameworkIndicator = FrameworkDimension['indicators'][number]

type Path = ReadonlyArray<PropertyKey>
type LineOf = (path: Path) => number | undefined

/**
 * Validates an already-parsed framework (the `framework` object, or a whole seed-style file
 * holding one under `framework`). Throws `bad_input` listing every problem.
 */
export function parseFramework(json: unknown, fileName: string, lineOf: LineOf = () => undefined): Framework {
  // Accept the seed file itself as well as its `framework` member: both are natural to pass.
  const wrapped = isObject(json) && isObject(json.framework) && !('dimensions' in json)
  const body = wrapped ? (json as { framework: unknown }).framework : json
  const prefix: Path = wrapped ? ['framework'] : []
  const toProblem = (path: Path, message: string): Problem => {
    const full = [...prefix, ...path]
    const line = lineOf(full)
    const where = full.length ? `${full.map(String).join('.')}: ` : ''
    return { path: line ? `${fileName}:${line}` : fileName, message: where + message }
  }
  const parsed = frameworkSchema.safeParse(body)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => toProblem(i.path, i.message))
    throw badInput(`${fileName}: not a valid framework (${problems.length} problem(s))`, problems)
  }
  const problems = checkFramework(parsed.data).map((p) => toProblem(p.path, p.message))
  if (problems.length) throw badInput(`${fileName}: not a valid framework (${problems.length} problem(s))`, problems)
  return parsed.data
}

/** Parses the text of a framework JSON file, naming the line of each problem. */
export function parseFrameworkText(text: string, fileName: string): Framework {
  const clean = text.replace(/^\uFEFF/, '')
  if (clean.trim() === '') throw badInput(`${fileName}: the file is empty`, [{ path: `${fileName}:1`, message: 'empty file' }])
  let lines: Map<string, number>
  let json: unknown
  try {
    // Our scanner finds the line of a syntax error (Node 20's JSON.parse does not always say);
    // JSON.parse still builds the value, so escapes and numbers follow the standard exactly.
    lines = jsonPathLines(clean)
    json = JSON.parse(clean)
  } catch (e) {
    const line = e instanceof JsonSyntaxError ? e.line : undefined
    const message = e instanceof Error ? e.message : String(e)
    throw badInput(`${fileName}: not valid JSON`, [{ path: line ? `${fileName}:${line}` : fileName, message }])
  }
  const lineOf: LineOf = (path) => {
    // A missing member has no line of its own: report the line of its nearest ancestor.
    for (let n = path.length; n >= 0; n--) {
      const line = lines.get(path.slice(0, n).map(String).join('.'))
      if (line !== undefined) return line
    }
    return undefined
  }
  return parseFramework(json, fileName, lineOf)
}

/** The framework's own fit rule as settings (thresholds and partial weight it states). */
export function readFitRule(framework: Framework): FitSettings {
  const rule = framework.fitRule
  const at = (level: string) => rule?.levels?.find((l) => l.level === level)?.unseenAtMost
  return { partialWeight: rule?.partialWeight, highAtMost: at('high'), mediumAtMost: at('medium') }
}

/** Rules zod cannot express: unique keys and a coherent set of thresholds. */
function checkFramework(fw: Framework): Array<{ path: Path; message: string }> {
  const problems: Array<{ path: Path; message: string }> = []
  const dims = new Map<string, number>()
  const inds = new Map<string, string>()
  fw.dimensions.forEach((d, i) => {
    if (dims.has(d.key)) problems.push({ path: ['dimensions', i, 'key'], message: `duplicate dimension key "${d.key}" (also dimension ${dims.get(d.key)})` })
    else dims.set(d.key, i)
    d.indicators.forEach((ind, j) => {
      const seen = inds.get(ind.key)
      if (seen !== undefined) problems.push({ path: ['dimensions', i, 'indicators', j, 'key'], message: `duplicate indicator key "${ind.key}" (also at ${seen})` })
      else inds.set(ind.key, `dimensions.${i}.indicators.${j}`)
    })
  })
  const levels = fw.fitRule?.levels
  if (!levels) return problems
  const byLevel = new Map<string, number>()
  levels.forEach((l, i) => {
    if (byLevel.has(l.level)) problems.push({ path: ['fitRule', 'levels', i, 'level'], message: `level "${l.level}" is given twice` })
    else byLevel.set(l.level, i)
    if (l.level === 'low' ? l.unseenAtMost !== undefined : l.unseenAbove !== undefined)
      problems.push({ path: ['fitRule', 'levels', i], message: l.level === 'low' ? 'the low level takes "unseenAbove", not "unseenAtMost"' : `the ${l.level} level takes "unseenAtMost", not "unseenAbove"` })
  })
  const high = levels.find((l) => l.level === 'high')?.unseenAtMost
  const medium = levels.find((l) => l.level === 'medium')?.unseenAtMost
  const low = levels.find((l) => l.level === 'low')?.unseenAbove
  for (const [name, value] of [['high', high], ['medium', medium]] as const)
    if (value === undefined) problems.push({ path: ['fitRule', 'levels'], message: `the ${name} level needs "unseenAtMost"` })
  if (high !== undefined && medium !== undefined && high > medium)
    problems.push({ path: ['fitRule', 'levels'], message: `the high threshold (${high}) is above the medium threshold (${medium})` })
  if (low !== undefined && medium !== undefined && low !== medium)
    problems.push({ path: ['fitRule', 'levels', byLevel.get('low') ?? 0, 'unseenAbove'], message: `low starts above ${low} but medium ends at ${medium}: they must be equal` })
  return problems
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message)
  }
}

/**
 * The line on which each member of a JSON text starts, keyed by its dotted path
 * ("dimensions.1.indicators.0.key"; "" for the root). Throws `JsonSyntaxError` with the line of
 * the first syntax error.
 */
function jsonPathLines(text: string): Map<string, number> {
  const lines = new Map<string, number>()
  let i = 0
  let line = 1
  const fail = (message: string): never => {
    throw new JsonSyntaxError(message, line)
  }
  const skipSpace = () => {
    while (i < text.length && ' \t\r\n'.includes(text[i])) if (text[i++] === '\n') line++
  }
  const found = () => (i < text.length ? `found "${text[i]}"` : 'found the end of the file')
  const expectChar = (expected: string) => {
    skipSpace()
    if (!expected.includes(text[i])) fail(`expected ${[...expected].map((c) => `"${c}"`).join(' or ')}, ${found()}`)
    return text[i++]
  }
  const readString = (): string => {
    const start = i++
    while (text[i] !== '"') {
      if (i >= text.length || text[i] === '\n') fail('unterminated string')
      i += text[i] === '\\' ? 2 : 1
    }
    i++
    try {
      return JSON.parse(text.slice(start, i)) as string
    } catch {
      return fail('invalid string')
    }
  }
  const literal = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y
  const readValue = (path: string) => {
    skipSpace()
    if (!lines.has(path)) lines.set(path, line)
    const join = (k: string | number) => (path === '' ? String(k) : `${path}.${k}`)
    const c = text[i]
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']'
      i++
      skipSpace()
      if (text[i] === close) return void i++
      for (let n = 0; ; n++) {
        if (c === '{') {
          skipSpace()
          if (text[i] !== '"') fail(`expected a property name in double quotes, ${found()}`)
          const keyLine = line
          const key = readString()
          lines.set(join(key), keyLine)
          expectChar(':')
          readValue(join(key))
        } else readValue(join(n))
        if (expectChar(',' + close) === close) return
      }
    }
    if (c === '"') return void readString()
    literal.lastIndex = i
    if (!literal.test(text)) fail(`expected a value, ${found()}`)
    i = literal.lastIndex
  }
  readValue('')
  skipSpace()
  if (i < text.length) fail(`unexpected "${text[i]}" after the end of the JSON value`)
  return lines
}
