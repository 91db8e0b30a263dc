/**
 * The fit results as tables, in one language, for the exports: one table per case like the
 * study's case tables (dimension, indicator, interview data analysis, status, fit level per
 * dimension), the cross-case summary like its Table 14 (level per dimension and the model), and a
 * long table with one row per case × indicator for R and Python. Pure: the matrix in, strings out.
 */
import { levelLabels, statusLabels } from '../../domain/fit/labels'
import type { Bilingual, FitLevel, FitStatus } from '../../domain/fit/types'
import type { FrameworkMatrix } from './get-framework-matrix'

export type Lang = 'zh' | 'en'

export interface CaseTableRow {
  indicator: string
  /** The team's summary, or the status in words when nobody wrote one (as the study's tables read). */
  analysis: string
  status: string
  evidence: number
}

export interface CaseTable {
  key: string
  name: string
  model: string
  dimensions: Array<{ name: string; level: FitLevel; levelLabel: string; unseenShare: number; rows: CaseTableRow[] }>
}

export interface FitTables {
  lang: Lang
  title: string
  /** One sentence stating the rule, for a methods section. */
  rule: string
  labels: Record<'dimension' | 'indicator' | 'analysis' | 'status' | 'evidence' | 'level' | 'case' | 'model' | 'unseen' | 'caseTables' | 'summary', string>
  cases: CaseTable[]
  summary: { header: string[]; rows: string[][] }
  long: { header: string[]; rows: Array<Array<string | number>> }
  /** The cross-case summary with stable column names (keys, levels and shares), for scripts. */
  summaryData: { header: string[]; rows: Array<Array<string | number>> }
}

const words: Record<Lang, FitTables['labels'] & { title: string }> = {
  zh: {
    title: '框架契合度分析',
    dimension: '一级指标',
    indicator: '二级指标',
    analysis: '访谈资料分析',
    status: '描述情况',
    evidence: '编码证据数',
    level: '契合度',
    case: '案例',
    model: '建设模式',
    unseen: '未见具体描述占比',
    caseTables: '各案例契合度分析',
    summary: '跨案例汇总',
  },
  en: {
    title: 'Framework fit analysis',
    dimension: 'Dimension',
    indicator: 'Indicator',
    analysis: 'Interview data analysis',
    status: 'Status',
    evidence: 'Coded evidence',
    level: 'Fit',
    case: 'Case',
    model: 'Construction model',
    unseen: 'Share without concrete description',
    caseTables: 'Fit by case',
    summary: 'Cross-case summary',
  },
}

export function buildFitTables(matrix: FrameworkMatrix, lang: Lang, projectName = matrix.projectName): FitTables {
  const pick = (b: Bilingual) => b[lang] || b.zh || b.en
  const { title, ...labels } = words[lang]
  const cellOf = new Map(matrix.cells.map((c) => [`${c.caseId}|${c.codeId}`, c]))
  const { partialWeight, highAtMost, mediumAtMost } = matrix.report.settings
  const pct = (x: number) => `${Number((x * 100).toFixed(2))}%`
  const rule =
    lang === 'zh'
      ? `未见具体描述占比 =（未见具体描述数 + ${partialWeight} × 部分描述数）/ 该维度指标数；≤ ${pct(highAtMost)} 为高契合度，≤ ${pct(mediumAtMost)} 为中契合度，其余为低契合度。`
      : `Unseen share = (none + ${partialWeight} × partial) / the dimension's indicators; high fit if ≤ ${pct(highAtMost)}, medium if ≤ ${pct(mediumAtMost)}, otherwise low.`

  const cases: CaseTable[] = []
  const longRows: Array<Array<string | number>> = []
  for (const c of matrix.cases) {
    const fit = matrix.report.cases[c.key]
    if (!fit) continue
    const dimensions = matrix.dimensions.map((d) => {
      const dimFit = fit.dimensions[d.key]
      const rows = d.indicators.map((i) => {
        const cell = cellOf.get(`${c.id}|${i.id}`)
        const status: FitStatus = cell?.status ?? 'none'
        const statusText = pick(statusLabels[status])
        longRows.push([
          c.key,
          pick(c.name),
          d.key,
          pick(d.name),
          i.key,
          pick(i.name),
          status,
          statusText,
          cell?.status ? 'set' : 'default',
          cell?.suggested ?? 'none',
          cell?.evidence.length ?? 0,
          cell?.summary ?? '',
          dimFit.unseenShare,
          dimFit.level,
          pick(dimFit.levelLabel),
          pick(fit.model),
        ])
        return { indicator: pick(i.name), analysis: cell?.summary || statusText, status: statusText, evidence: cell?.evidence.length ?? 0 }
      })
      return { name: pick(d.name), level: dimFit.level, levelLabel: pick(dimFit.levelLabel ?? levelLabels[dimFit.level]), unseenShare: dimFit.unseenShare, rows }
    })
    cases.push({ key: c.key, name: pick(c.name), model: pick(fit.model), dimensions })
  }

  return {
    lang,
    title: `${projectName} — ${title}`,
    rule,
    labels,
    cases,
    summary: {
      header: [labels.case, ...matrix.dimensions.map((d) => pick(d.short ?? d.name)), labels.model],
      rows: cases.map((c) => [c.name, ...c.dimensions.map((d) => d.levelLabel), c.model]),
    },
    summaryData: {
      header: ['case', 'case_name', ...matrix.dimensions.flatMap((d) => [`${d.key}_unseen_share`, `${d.key}_level`]), 'model_zh', 'model_en'],
      rows: matrix.cases.flatMap((c) => {
        const fit = matrix.report.cases[c.key]
        if (!fit) return []
        return [[c.key, pick(c.name), ...matrix.dimensions.flatMap((d) => [fit.dimensions[d.key].unseenShare, fit.dimensions[d.key].level]), fit.model.zh, fit.model.en]]
      }),
    },
    long: {
      header: [
        'case',
        'case_name',
        'dimension',
        'dimension_name',
        'indicator',
        'indicator_name',
        'status',
        'status_label',
        'status_source',
        'suggested_status',
        'evidence_count',
        'summary',
        'dimension_unseen_share',
        'dimension_level',
        'dimension_level_label',
        'model',
      ],
      rows: longRows,
    },
  }
}
