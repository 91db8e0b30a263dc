/**
 * `concord agreement`: inter-coder agreement from files (API.md). Two modes:
 * reliability data (`--data`, long-form unit,coder,value) → the coefficients report, and coded
 * spans (`--codings` + `--lengths`) → unitizing alpha and character kappa per code.
 * Glue only: read arguments and files, call the domain, render.
 */
import { badInput, type Problem } from '../../errors'
import { readBand } from '../../domain/agreement/bands'
import { computeReliability, defaultBootstrap, defaultSeed, levels, type Level, type ReliabilityReport } from '../../domain/agreement/coefficients'
import { computeSpanAgreement, type SpanAgreementReport, type SpanStatistics } from '../../domain/agreement/spans'
import { parseCodingsCsv, parseLengthsCsv } from '../../domain/formats/codings-csv'
import { parseReliabilityCsv } from '../../domain/formats/reliability-csv'
import type { CliCommand } from '../types'

const usage = `Usage: concord agreement --data FILE.csv [--level LEVEL] [--bootstrap N] [--seed S] [--json]
       concord agreement --codings FILE.csv --lengths FILE.csv [--json]

Reliability data (any number of coders; a missing rating is a missing row):
  --data FILE.csv     header unit,coder,value
  --level LEVEL       nominal (default), ordinal, interval or ratio; the last three need numbers
                      (ordinal: their numeric order is the scale order)
  --bootstrap N       unit-bootstrap resamples for alpha's 95% interval (default ${defaultBootstrap}; 0 = none)
  --seed S            seed of the resampling (default ${defaultSeed}); same data and seed, same interval
  Reports Krippendorff's alpha (missing data allowed; units with fewer than 2 values are not
  pairable), Fleiss' kappa (3+ coders), Cohen's kappa and Scott's pi (2 coders), Brennan-Prediger,
  Gwet's AC1 and percent agreement (these need every unit rated by every coder). Percent agreement
  is pairwise: per unit the share of agreeing coder pairs, averaged over the units. A statistic
  that does not apply or is undefined is null, with a note saying why.

Coded spans (character offsets in UTF-16 code units, end exclusive):
  --codings FILE.csv  header document,coder,code,start,end
  --lengths FILE.csv  header document,length
  Reports per code and overall Krippendorff's unitizing alpha, character-level Cohen's kappa and
  character percent agreement (the last two for exactly 2 coders).

  --json              one JSON document instead of the table (reliability numbers rounded to 3 decimals)`

type Options = { mode: 'reliability'; data: string; level: Level; bootstrap: number; seed: number } | { mode: 'spans'; codings: string; lengths: string }

export const agreementCommand: CliCommand = {
  name: 'agreement',
  summary: 'inter-coder agreement: alpha, kappas, AC1 (--data) or unitizing alpha (--codings)',
  usage,
  async run(args, io) {
    const options = readOptions(args)
    if (options.mode === 'reliability') {
      const ratings = parseReliabilityCsv(await io.readFile(options.data), options.data, options.level)
      const report = computeReliability(ratings, options.level, { bootstrap: options.bootstrap, seed: options.seed })
      return { json: report, text: renderReliability(report) }
    }
    const codings = parseCodingsCsv(await io.readFile(options.codings), options.codings)
    const lengths = parseLengthsCsv(await io.readFile(options.lengths), options.lengths)
    const report = computeSpanAgreement({ codings, lengths })
    return { json: report, text: renderSpans(report) }
  },
}

const flags = ['data', 'level', 'bootstrap', 'seed', 'codings', 'lengths'] as const

function readOptions(args: string[]): Options {
  const values: Partial<Record<(typeof flags)[number], string>> = {}
  const problems: Problem[] = []
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i].split(/=(.*)/s, 2)
    const name = flag.replace(/^--/, '') as (typeof flags)[number]
    if (!flag.startsWith('--') || !flags.includes(name)) {
      problems.push({ path: args[i], message: `unknown option (expected ${flags.map((f) => `--${f}`).join(', ')}, --json)` })
      continue
    }
    const value = inline ?? args[++i]
    if (value === undefined || value === '' || value.startsWith('--')) problems.push({ path: flag, message: 'needs a value' })
    else values[name] = value
  }
  const level = (values.level ?? 'nominal') as Level
  if (!levels.includes(level)) problems.push({ path: '--level', message: `unknown level "${values.level}" (expected ${levels.join(', ')})` })
  const bootstrap = readCount(values.bootstrap, '--bootstrap', defaultBootstrap, problems)
  const seed = readCount(values.seed, '--seed', defaultSeed, problems)
  const spans = values.codings !== undefined || values.lengths !== undefined
  if (values.data !== undefined && spans) problems.push({ path: '--data', message: 'give either --data or --codings with --lengths, not both' })
  else if (spans) {
    if (values.codings === undefined) problems.push({ path: '--codings', message: 'required with --lengths: the codings CSV (document,coder,code,start,end)' })
    if (values.lengths === undefined) problems.push({ path: '--lengths', message: 'required with --codings: the document lengths CSV (document,length)' })
    for (const f of ['level', 'bootstrap', 'seed'] as const) if (values[f] !== undefined) problems.push({ path: `--${f}`, message: 'applies to --data only' })
  } else if (values.data === undefined && !problems.some((p) => p.path === '--data'))
    problems.push({ path: '--data', message: 'required: the reliability CSV (unit,coder,value), or --codings with --lengths for coded spans' })
  if (problems.length) throw badInput('bad arguments (see concord agreement --help)', problems)
  return spans ? { mode: 'spans', codings: values.codings!, lengths: values.lengths! } : { mode: 'reliability', data: values.data!, level, bootstrap, seed }
}

function readCount(raw: string | undefined, flag: string, fallback: number, problems: Problem[]): number {
  if (raw === undefined) return fallback
  if (!/^\d+$/.test(raw) || Number(raw) > 0xffffffff) {
    problems.push({ path: flag, message: `must be a whole number from 0 to 4294967295, got "${raw}"` })
    return fallback
  }
  return Number(raw)
}

const statisticNames: Array<[keyof ReliabilityReport, string]> = [
  ['krippendorffAlpha', "Krippendorff's alpha"],
  ['fleissKappa', "Fleiss' kappa"],
  ['cohenKappa', "Cohen's kappa"],
  ['scottPi', "Scott's pi"],
  ['brennanPrediger', 'Brennan-Prediger'],
  ['gwetAC1', "Gwet's AC1"],
  ['percentAgreement', 'percent agreement'],
]

/** One row per statistic: value, interval where there is one, reading band (last: CJK is double width). */
export function renderReliability(report: ReliabilityReport): string {
  const rows: string[][] = statisticNames.map(([key, name]) => {
    const value = report[key] as number | null
    const ci = key === 'krippendorffAlpha' && report.alphaCI ? `[${fixed(report.alphaCI[0])}, ${fixed(report.alphaCI[1])}]` : ''
    return [name, fixed(value), ci, reading(key, value)]
  })
  if (report.cohenKappaWeighted && report.coders === 2) {
    rows.splice(3, 0, ["Cohen's kappa, linear weights", fixed(report.cohenKappaWeighted.linear), '', reading('cohenKappa', report.cohenKappaWeighted.linear)])
    rows.splice(4, 0, ["Cohen's kappa, quadratic weights", fixed(report.cohenKappaWeighted.quadratic), '', reading('cohenKappa', report.cohenKappaWeighted.quadratic)])
  }
  const footer = [
    'Percent agreement is pairwise: per unit the share of agreeing coder pairs, averaged over the units.',
    'Readings: alpha after Krippendorff (>= .800 reliable, >= .667 tentative); kappas after Landis & Koch (1977).',
  ]
  if (report.bootstrap) footer.unshift(`Alpha's 95% interval: ${report.bootstrap.replicates} unit-bootstrap resamples, seed ${report.bootstrap.seed}.`)
  return [
    `Reliability of ${report.units} units, ${report.coders} coders, ${report.level} level`,
    '',
    table(['statistic', 'value', '95% CI', 'reading'], rows),
    ...(report.notes.length ? ['', 'Notes:', ...report.notes.map((n) => `  - ${n}`)] : []),
    '',
    ...footer,
  ].join('\n')
}

/** One row per code and one for all codes: unitizing alpha, character kappa, character percent agreement. */
export function renderSpans(report: SpanAgreementReport): string {
  const row = (name: string, s: SpanStatistics) => [
    name,
    `${fixed(s.unitizingAlpha)} ${reading('unitizingAlpha', s.unitizingAlpha, false)}`.trim(),
    `${fixed(s.characterKappa)} ${reading('characterKappa', s.characterKappa, false)}`.trim(),
    fixed(s.characterPercentAgreement),
  ]
  const rows = [...Object.entries(report.codes).map(([code, s]) => row(code, s)), row('(overall)', report.overall)]
  return [
    `Coded spans: ${report.documents} documents, coders ${report.coders.join(', ')}`,
    '',
    table(['code', 'unitizing alpha', 'character kappa', 'character % agreement'], rows),
    ...(report.notes.length ? ['', 'Notes:', ...report.notes.map((n) => `  - ${n}`)] : []),
  ].join('\n')
}

const fixed = (x: number | null) => (x === null ? '—' : x.toFixed(3))

/** The band's name; with Chinese only in a last column, as CJK is double width and breaks padding. */
function reading(statistic: string, value: number | null, withChinese = true): string {
  const band = readBand(statistic, value)
  if (!band) return ''
  return withChinese ? `${band.label.en} (${band.label.zh})` : band.label.en
}

/** Left-aligned columns; the last column is not padded. */
function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)))
  const line = (cells: string[]) => cells.map((c, i) => (i < cells.length - 1 ? c.padEnd(widths[i]) : c)).join('  ').trimEnd()
  return [line(header), ...rows.map(line)].join('\n')
}
