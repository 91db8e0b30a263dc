/**
 * The methods paragraph of a pinned report (AGR12), in English or Chinese: who coded what, the
 * unit, each statistic with its interval or standard error and reading, the range over codes,
 * the software and version, the snapshot id and the date — what a reader needs to cite and
 * recompute the numbers.
 */
import { readBand } from '../bands'
import type { AgreementResult, ReliabilityAgreement, SegmentKind, SpanAgreement } from './types'

export interface MethodsContext {
  lang: 'zh' | 'en'
  result: AgreementResult
  segment?: SegmentKind
  threshold?: number
  overlap?: 'union' | 'shorter'
  roundName: string | null
  coderNames: string[]
  codeName: (id: string) => string
  transcripts: number
  software: { name: string; version: string }
  snapshotId: string
  /** ISO date (yyyy-mm-dd) the report was pinned. */
  date: string
}

const f3 = (x: number) => x.toFixed(3)
const pct = (x: number) => `${(x * 100).toFixed(1)}%`
const joinEn = (xs: string[]) => (xs.length <= 2 ? xs.join(' and ') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`)

export function writeMethodsParagraph(c: MethodsContext): string {
  return c.lang === 'zh' ? (c.result.unit === 'span' ? spanZh(c, c.result) : reliabilityZh(c, c.result)) : c.result.unit === 'span' ? spanEn(c, c.result) : reliabilityEn(c, c.result)
}

const unitEn = (c: MethodsContext) =>
  ({
    span: 'the exact character spans each coder assigned to each code',
    segment: `the presence of each code in each ${c.segment === 'sentence' ? 'sentence' : c.segment === 'paragraph' ? 'paragraph' : 'speaker turn'}`,
    matched: `each coded segment, counted as matched when another coder's segment of the same code overlapped it by at least ${pct(c.threshold ?? 0.9)} (${(c.overlap ?? 'union') === 'union' ? 'intersection over union' : 'of the shorter segment'})`,
    document: 'whether each code occurred in each transcript at all',
    status: "each coder's framework judgement of each case × indicator (none < partial < described, ordinal)",
  })[c.result.unit]

const unitZh = (c: MethodsContext) =>
  ({
    span: '各编码员对每个编码所标注的精确字符范围',
    segment: `每个编码在每个${c.segment === 'sentence' ? '句子' : c.segment === 'paragraph' ? '段落' : '话轮'}中是否出现`,
    matched: `每个编码片段（与另一编码员同一编码片段的重叠达到 ${pct(c.threshold ?? 0.9)} 即视为匹配，重叠按${(c.overlap ?? 'union') === 'union' ? '交集/并集' : '较短片段'}计算）`,
    document: '每个编码是否在每份转录稿中出现',
    status: '各编码员对每个案例 × 指标的框架判断（未见描述 < 部分描述 < 具体描述，定序）',
  })[c.result.unit]

function codeRange(result: AgreementResult, key: 'krippendorffAlpha' | 'unitizingAlpha', codeName: (id: string) => string) {
  const values = Object.entries(result.codes)
    .map(([code, t]) => [code, (t as unknown as Record<string, number | null>)[key]] as const)
    .filter((e): e is readonly [string, number] => e[1] !== null)
  if (values.length < 2) return null
  values.sort((a, b) => a[1] - b[1])
  const [lo, hi] = [values[0], values[values.length - 1]]
  return { lo: lo[1], loCode: codeName(lo[0]), hi: hi[1], hiCode: codeName(hi[0]), reliable: values.filter(([, v]) => v >= 0.8).length, below: values.filter(([, v]) => v < 0.667).length, n: values.length }
}

function reliabilityEn(c: MethodsContext, r: ReliabilityAgreement): string {
  const parts: string[] = []
  parts.push(
    `Inter-coder agreement was assessed on the independent coding of ${c.transcripts} transcript${c.transcripts === 1 ? '' : 's'}${c.roundName ? ` (round “${c.roundName}”)` : ''} by ${r.coderIds.length} coders (${joinEn(c.coderNames)}), comparing ${unitEn(c)} for ${Object.keys(r.codes).length} code${Object.keys(r.codes).length === 1 ? '' : 's'} (${r.units} code × unit pairs in total).`,
  )
  const stats: string[] = []
  if (r.krippendorffAlpha !== null) {
    const ci = r.alphaCI && r.bootstrap ? ` (95% CI ${f3(r.alphaCI[0])}–${f3(r.alphaCI[1])}, ${r.bootstrap.method === 'documents' ? 'bootstrap over transcripts' : 'bootstrap over units'}, ${r.bootstrap.replicates} resamples, seed ${r.bootstrap.seed})` : ''
    stats.push(`Krippendorff's alpha (${r.level}) = ${f3(r.krippendorffAlpha)}${ci}, ${readBand('krippendorffAlpha', r.krippendorffAlpha)!.label.en}`)
  }
  if (r.cohenKappa !== null) stats.push(`Cohen's kappa = ${f3(r.cohenKappa)}${r.se.cohenKappa !== null ? ` (SE ${f3(r.se.cohenKappa)})` : ''}, ${readBand('cohenKappa', r.cohenKappa)!.label.en}`)
  if (r.fleissKappa !== null) stats.push(`Fleiss' kappa = ${f3(r.fleissKappa)}${r.se.fleissKappa !== null ? ` (SE ${f3(r.se.fleissKappa)})` : ''}`)
  if (r.scottPi !== null) stats.push(`Scott's pi = ${f3(r.scottPi)}`)
  if (r.brennanPrediger !== null) stats.push(`Brennan–Prediger kappa = ${f3(r.brennanPrediger)}`)
  if (r.gwetAC1 !== null) stats.push(`Gwet's AC1 = ${f3(r.gwetAC1)}${r.se.gwetAC1 !== null ? ` (SE ${f3(r.se.gwetAC1)})` : ''}`)
  if (r.percentAgreement !== null) stats.push(`percent agreement = ${pct(r.percentAgreement)} (pairwise)`)
  parts.push(stats.length ? `Over all codes, ${stats.join('; ')}.` : 'The overall statistics are undefined on these data (see the report notes).')
  const range = codeRange(r, 'krippendorffAlpha', c.codeName)
  if (range)
    parts.push(`Per code, alpha ranged from ${f3(range.lo)} (${range.loCode}) to ${f3(range.hi)} (${range.hiCode}); ${range.reliable} of ${range.n} codes reached α ≥ .800 and ${range.below} fell below .667.`)
  parts.push(closingEn(c))
  return parts.join(' ')
}

function spanEn(c: MethodsContext, r: SpanAgreement): string {
  const parts: string[] = []
  parts.push(
    `Inter-coder agreement was assessed on the independent coding of ${c.transcripts} transcript${c.transcripts === 1 ? '' : 's'} (${r.characters.toLocaleString('en')} characters)${c.roundName ? ` (round “${c.roundName}”)` : ''} by ${r.coders.length} coders (${joinEn(c.coderNames)}), comparing ${unitEn(c)} for ${Object.keys(r.codes).length} codes.`,
  )
  const stats: string[] = []
  if (r.overall.unitizingAlpha !== null) stats.push(`Krippendorff's unitizing alpha (uα; Krippendorff 2004, §12.4) = ${f3(r.overall.unitizingAlpha)}, ${readBand('unitizingAlpha', r.overall.unitizingAlpha)!.label.en}`)
  if (r.overall.characterKappa !== null) stats.push(`character-level Cohen's kappa (NVivo's method, pooled over codes) = ${f3(r.overall.characterKappa)}, ${readBand('characterKappa', r.overall.characterKappa)!.label.en}`)
  if (r.overall.characterPercentAgreement !== null) stats.push(`character agreement = ${pct(r.overall.characterPercentAgreement)}`)
  parts.push(stats.length ? `Over all codes, ${stats.join('; ')}.` : 'The overall statistics are undefined on these data (see the report notes).')
  const range = codeRange(r, 'unitizingAlpha', c.codeName)
  if (range) parts.push(`Per code, uα ranged from ${f3(range.lo)} (${range.loCode}) to ${f3(range.hi)} (${range.hiCode}); ${range.reliable} of ${range.n} codes reached uα ≥ .800.`)
  parts.push(closingEn(c))
  return parts.join(' ')
}

const closingEn = (c: MethodsContext) =>
  `Readings follow Krippendorff (2004: α ≥ .800 reliable, ≥ .667 tentative) and Landis and Koch (1977) for kappa-type coefficients. Computed with ${c.software.name} ${c.software.version} (agreement report snapshot ${c.snapshotId}, ${c.date}).`

function reliabilityZh(c: MethodsContext, r: ReliabilityAgreement): string {
  const parts: string[] = []
  parts.push(
    `本研究以${c.roundName ? `“${c.roundName}”中` : ''} ${c.transcripts} 份转录稿的独立编码检验编码员间一致性：${r.coderIds.length} 名编码员（${c.coderNames.join('、')}）就 ${Object.keys(r.codes).length} 个编码比较了${unitZh(c)}（共 ${r.units} 个编码 × 单元）。`,
  )
  const stats: string[] = []
  if (r.krippendorffAlpha !== null) {
    const ci = r.alphaCI && r.bootstrap ? `（95% 置信区间 ${f3(r.alphaCI[0])}–${f3(r.alphaCI[1])}，${r.bootstrap.method === 'documents' ? '按转录稿' : '按单元'}自助抽样 ${r.bootstrap.replicates} 次，种子 ${r.bootstrap.seed}）` : ''
    stats.push(`Krippendorff's α（${levelZh[r.level]}）= ${f3(r.krippendorffAlpha)}${ci}，${readBand('krippendorffAlpha', r.krippendorffAlpha)!.label.zh}`)
  }
  if (r.cohenKappa !== null) stats.push(`Cohen's κ = ${f3(r.cohenKappa)}${r.se.cohenKappa !== null ? `（标准误 ${f3(r.se.cohenKappa)}）` : ''}，${readBand('cohenKappa', r.cohenKappa)!.label.zh}`)
  if (r.fleissKappa !== null) stats.push(`Fleiss' κ = ${f3(r.fleissKappa)}${r.se.fleissKappa !== null ? `（标准误 ${f3(r.se.fleissKappa)}）` : ''}`)
  if (r.scottPi !== null) stats.push(`Scott's π = ${f3(r.scottPi)}`)
  if (r.brennanPrediger !== null) stats.push(`Brennan–Prediger κ = ${f3(r.brennanPrediger)}`)
  if (r.gwetAC1 !== null) stats.push(`Gwet's AC1 = ${f3(r.gwetAC1)}${r.se.gwetAC1 !== null ? `（标准误 ${f3(r.se.gwetAC1)}）` : ''}`)
  if (r.percentAgreement !== null) stats.push(`百分比一致率 = ${pct(r.percentAgreement)}（两两比较）`)
  parts.push(stats.length ? `全部编码合计：${stats.join('；')}。` : '这些数据上的总体统计量无定义（见报告注释）。')
  const range = codeRange(r, 'krippendorffAlpha', c.codeName)
  if (range) parts.push(`分编码看，α 介于 ${f3(range.lo)}（${range.loCode}）与 ${f3(range.hi)}（${range.hiCode}）之间；${range.n} 个编码中 ${range.reliable} 个达到 α ≥ .800，${range.below} 个低于 .667。`)
  parts.push(closingZh(c))
  return parts.join('')
}

function spanZh(c: MethodsContext, r: SpanAgreement): string {
  const parts: string[] = []
  parts.push(
    `本研究以${c.roundName ? `“${c.roundName}”中` : ''} ${c.transcripts} 份转录稿（共 ${r.characters} 字符）的独立编码检验编码员间一致性：${r.coders.length} 名编码员（${c.coderNames.join('、')}）就 ${Object.keys(r.codes).length} 个编码比较了${unitZh(c)}。`,
  )
  const stats: string[] = []
  if (r.overall.unitizingAlpha !== null) stats.push(`Krippendorff 单元化 α（uα；Krippendorff 2004，§12.4）= ${f3(r.overall.unitizingAlpha)}，${readBand('unitizingAlpha', r.overall.unitizingAlpha)!.label.zh}`)
  if (r.overall.characterKappa !== null) stats.push(`字符级 Cohen's κ（NVivo 算法，跨编码合并）= ${f3(r.overall.characterKappa)}，${readBand('characterKappa', r.overall.characterKappa)!.label.zh}`)
  if (r.overall.characterPercentAgreement !== null) stats.push(`字符一致率 = ${pct(r.overall.characterPercentAgreement)}`)
  parts.push(stats.length ? `全部编码合计：${stats.join('；')}。` : '这些数据上的总体统计量无定义（见报告注释）。')
  const range = codeRange(r, 'unitizingAlpha', c.codeName)
  if (range) parts.push(`分编码看，uα 介于 ${f3(range.lo)}（${range.loCode}）与 ${f3(range.hi)}（${range.hiCode}）之间；${range.n} 个编码中 ${range.reliable} 个达到 uα ≥ .800。`)
  parts.push(closingZh(c))
  return parts.join('')
}

const levelZh: Record<string, string> = { nominal: '定类', ordinal: '定序', interval: '定距', ratio: '定比' }

const closingZh = (c: MethodsContext) =>
  `判读标准依 Krippendorff（2004：α ≥ .800 为可靠，≥ .667 可作暂定结论）及 Landis 与 Koch（1977）对 κ 类系数的划分。计算软件为 ${c.software.name} ${c.software.version}（一致性报告快照 ${c.snapshotId}，${c.date}）。`
