/**
 * `concord fit`: framework fit (契合度) of each case from a statuses CSV, against the study's
 * framework or `--framework FILE.json`. Glue only: parse arguments and files, call scoreFit.
 */
import { badInput } from '../../errors'
import { parseFrameworkText, type Framework } from '../../domain/formats/framework'
import { parseStatusesCsv } from '../../domain/formats/statuses-csv'
import { scoreFit } from '../../domain/fit/score-fit'
import { studyFramework } from '../../domain/fit/study'
import type { FitReport } from '../../domain/fit/types'
import type { CliCommand } from '../types'

const usage = `Usage: concord fit --statuses FILE.csv [--framework FILE.json] [--json]

Scores how well each case fits the framework (METHOD.md §4-5): per dimension the share of
indicators without concrete description (partial counts by the framework's partial weight),
its level (high / medium / low), and the case's construction model.

  --statuses FILE.csv     header case,indicator,status; status described / partial / none;
                          an indicator with no row counts as none
  --framework FILE.json   the framework (shape of "framework" in db/seed/framework.json, with
                          its thresholds and partial weight); default: the study's framework
  --json                  one JSON document: { "cases": { <case>: { "dimensions": { <dimension>:
                          { "unseenShare", "level", ... } }, "model": { "zh", "en" } } } }`

export const fitCommand: CliCommand = {
  name: 'fit',
  summary: 'framework fit (契合度) and construction model per case',
  usage,
  async run(args, io) {
    const options = readOptions(args)
    const framework = options.framework ? parseFrameworkText(await io.readFile(options.framework), options.framework) : studyFramework()
    const statuses = parseStatusesCsv(await io.readFile(options.statuses), options.statuses, framework)
    const report = scoreFit(framework, statuses)
    return { json: report, text: renderFitTable(framework, report) }
  },
}

function readOptions(args: string[]): { statuses: string; framework?: string } {
  const values: Record<string, string> = {}
  const problems: Array<{ path: string; message: string }> = []
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i].split(/=(.*)/s, 2)
    const name = flag.replace(/^--/, '')
    if (!flag.startsWith('--') || !['statuses', 'framework'].includes(name)) {
      problems.push({ path: args[i], message: 'unknown option (expected --statuses, --framework, --json)' })
      continue
    }
    const value = inline ?? args[++i]
    if (value === undefined || value === '' || value.startsWith('--')) problems.push({ path: flag, message: 'needs a file name' })
    else values[name] = value
  }
  if (!values.statuses && !problems.some((p) => p.path === '--statuses')) problems.push({ path: '--statuses', message: 'required: the statuses CSV (case,indicator,status)' })
  if (problems.length) throw badInput('bad arguments (see concord fit --help)', problems)
  return { statuses: values.statuses, framework: values.framework }
}

/** One row per case: each dimension's unseen share and level, then the model in zh and en. */
export function renderFitTable(framework: Framework, report: FitReport): string {
  const dims = framework.dimensions
  const header = ['case', ...dims.map((d) => d.key), 'model']
  const rows = Object.entries(report.cases).map(([caseKey, fit]) => [
    caseKey,
    ...dims.map((d) => `${percent(fit.dimensions[d.key].unseenShare)} ${fit.dimensions[d.key].level}`),
    `${fit.model.zh}  ${fit.model.en}`,
  ])
  // The model column is last because CJK characters are double width and would break padding.
  const widths = header.slice(0, -1).map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)))
  const line = (cells: string[]) => cells.map((c, i) => (i < widths.length ? c.padEnd(widths[i]) : c)).join('  ')
  const { partialWeight, highAtMost, mediumAtMost } = report.settings
  return [
    line(header),
    ...rows.map(line),
    '',
    `unseen share = (none + ${partialWeight} × partial) / indicators; high ≤ ${percent(highAtMost)}, medium ≤ ${percent(mediumAtMost)}, otherwise low`,
  ].join('\n')
}

/** 0.4286 → "42.86%", 0.2 → "20%" (no float noise such as 7.000000000000001%). */
function percent(share: number): string {
  return `${Number((share * 100).toFixed(2))}%`
}
