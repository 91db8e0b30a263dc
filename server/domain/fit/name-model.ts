import type { FrameworkDimension } from '../formats/framework'
import { balancedModelLabels, unbalancedLabel } from './labels'
import type { Bilingual, FitLevel } from './types'

/**
 * The construction model of a case from its level on every dimension (METHOD.md §5):
 * all at one level → 强均衡 / 中均衡 / 弱均衡; otherwise unbalanced, named by the high
 * dimensions in framework order ("强人才+强行政（非均衡）"), or plain 非均衡 when none is high.
 * @example nameModel(study.dimensions, { talent: 'high', technology: 'medium', administration: 'high' })
 *   // { zh: '强人才+强行政（非均衡）', en: 'strong talent + strong administration (unbalanced)' }
 */
export function nameModel(
  dimensions: ReadonlyArray<Pick<FrameworkDimension, 'key' | 'zh' | 'en' | 'short'>>,
  levels: Readonly<Record<string, FitLevel>>,
): Bilingual {
  const levelOf = dimensions.map((d) => {
    const level = levels[d.key]
    if (!level) throw new Error(`nameModel: no level for dimension "${d.key}"`)
    return level
  })
  if (levelOf.length > 0 && levelOf.every((l) => l === levelOf[0])) return { ...balancedModelLabels[levelOf[0]] }
  const strong = dimensions.filter((_, i) => levelOf[i] === 'high').map(shortLabel)
  if (strong.length === 0) return { ...unbalancedLabel }
  return {
    zh: `${strong.map((s) => `强${s.zh}`).join('+')}（${unbalancedLabel.zh}）`,
    en: `${strong.map((s) => `strong ${s.en}`).join(' + ')} (${unbalancedLabel.en})`,
  }
}

/** The label a dimension goes by in model names: its `short` label, else its name. */
export function shortLabel(dimension: Pick<FrameworkDimension, 'zh' | 'en' | 'short'>): Bilingual {
  return dimension.short ?? { zh: dimension.zh, en: dimension.en }
}
