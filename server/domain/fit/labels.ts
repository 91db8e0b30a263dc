/**
 * Labels the UI and reports show for statuses, levels and the balanced models. The Chinese
 * terms are those of the study (METHOD.md §4–5) so that exported tables read like its paper.
 */
import type { Bilingual, FitLevel, FitStatus } from './types'

export const statusLabels: Record<FitStatus, Bilingual> = {
  described: { zh: '有具体描述', en: 'described' },
  partial: { zh: '部分描述', en: 'partially described' },
  none: { zh: '未见具体描述', en: 'no concrete description' },
}

export const levelLabels: Record<FitLevel, Bilingual> = {
  high: { zh: '高契合度', en: 'high fit' },
  medium: { zh: '中契合度', en: 'medium fit' },
  low: { zh: '低契合度', en: 'low fit' },
}

/** Models where every dimension sits at the same level (METHOD.md §5). */
export const balancedModelLabels: Record<FitLevel, Bilingual> = {
  high: { zh: '强均衡', en: 'strong balanced' },
  medium: { zh: '中均衡', en: 'medium balanced' },
  low: { zh: '弱均衡', en: 'weak balanced' },
}

export const unbalancedLabel: Bilingual = { zh: '非均衡', en: 'unbalanced' }
