/**
 * A project's analysis framework read from its codebook: dimensions are the top-level codes that
 * have children, indicators are their children, and deeper codes are sub-codes whose codings
 * count as evidence for their indicator. Pure (code rows in, plain data out), so any codebook,
 * with any number of dimensions and with or without framework keys, scores the same way as the
 * study's framework file.
 */
import type { Framework } from '../../domain/formats/framework'
import type { Bilingual } from '../../domain/fit/types'

export interface CodeRowForFramework {
  id: string
  parentId: string | null
  /** The framework key ("talent.programs"); null for codes a team added. */
  key: string | null
  nameZh: string
  nameEn: string
  shortZh?: string | null
  shortEn?: string | null
  color: string
  position: number
}

export interface FrameworkIndicatorInfo {
  id: string
  /** The key scores and reports use: the code's framework key, else its id. */
  key: string
  name: Bilingual
  color: string
}

export interface FrameworkDimensionInfo extends FrameworkIndicatorInfo {
  short: Bilingual | null
  indicators: FrameworkIndicatorInfo[]
}

export interface ProjectFramework {
  /** In the shape `scoreFit` takes (dimension and indicator keys as below). */
  framework: Framework
  dimensions: FrameworkDimensionInfo[]
  /** Indicator code id by its report key, and the reverse. */
  indicatorIdByKey: Map<string, string>
  indicatorKeyById: Map<string, string>
  /** For every indicator and each of its sub-codes: the indicator's code id (evidence roll-up). */
  indicatorOfCode: Map<string, string>
}

/**
 * Builds the framework from code rows (any order; siblings ordered by `position`).
 * @example buildFramework(rows).framework.dimensions.map((d) => d.key) // ['talent', 'technology', 'administration']
 */
export function buildFramework(rows: readonly CodeRowForFramework[]): ProjectFramework {
  const ids = new Set(rows.map((r) => r.id))
  const children = new Map<string | null, CodeRowForFramework[]>()
  for (const r of rows) {
    // A code whose parent is gone is treated as top-level, as the codebook page shows it.
    const parent = r.parentId && ids.has(r.parentId) ? r.parentId : null
    children.set(parent, [...(children.get(parent) ?? []), r])
  }
  for (const list of children.values()) list.sort((a, b) => a.position - b.position)

  const dimensionRows = (children.get(null) ?? []).filter((d) => (children.get(d.id) ?? []).length > 0)
  // Keys must be unique for scoring; a key the team reused (or none) falls back to the code id.
  const keyUses = new Map<string, number>()
  const inFramework = [...dimensionRows, ...dimensionRows.flatMap((d) => children.get(d.id) ?? [])]
  for (const r of inFramework) if (r.key) keyUses.set(r.key, (keyUses.get(r.key) ?? 0) + 1)
  const keyOf = (r: CodeRowForFramework) => (r.key && keyUses.get(r.key) === 1 ? r.key : r.id)

  const indicatorIdByKey = new Map<string, string>()
  const indicatorKeyById = new Map<string, string>()
  const indicatorOfCode = new Map<string, string>()
  const markSubtree = (codeId: string, indicatorId: string) => {
    indicatorOfCode.set(codeId, indicatorId)
    for (const c of children.get(codeId) ?? []) markSubtree(c.id, indicatorId)
  }

  const dimensions: FrameworkDimensionInfo[] = dimensionRows.map((d) => {
    const short = d.shortZh || d.shortEn ? bilingual(d.shortZh ?? '', d.shortEn ?? '', '') : null
    const indicators = (children.get(d.id) ?? []).map((i) => {
      const key = keyOf(i)
      indicatorIdByKey.set(key, i.id)
      indicatorKeyById.set(i.id, key)
      markSubtree(i.id, i.id)
      return { id: i.id, key, name: bilingual(i.nameZh, i.nameEn, key), color: i.color }
    })
    return { id: d.id, key: keyOf(d), name: bilingual(d.nameZh, d.nameEn, keyOf(d)), short, color: d.color, indicators }
  })

  const framework: Framework = {
    dimensions: dimensions.map((d) => ({
      key: d.key,
      zh: d.name.zh,
      en: d.name.en,
      ...(d.short ? { short: d.short } : {}),
      indicators: d.indicators.map((i) => ({ key: i.key, zh: i.name.zh, en: i.name.en })),
    })),
  }
  return { framework, dimensions, indicatorIdByKey, indicatorKeyById, indicatorOfCode }
}

/** Both languages filled: a missing one falls back to the other, then to the key. */
function bilingual(zh: string, en: string, fallback: string): Bilingual {
  const z = zh.trim()
  const e = en.trim()
  return { zh: z || e || fallback, en: e || z || fallback }
}
