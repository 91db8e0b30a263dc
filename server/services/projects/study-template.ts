/**
 * The study's framework (db/seed/framework.json) as a project template: dimensions and
 * indicators become the codebook, cases become cases. Definitions, criteria, colours and
 * shortcuts come from db/seed/demo/codebook.json when present.
 */
import seed from '../../../db/seed/framework.json'
import codebookDetails from '../../../db/seed/demo/codebook.json'
import type { LocalizedText } from '../../../db/schema'

export interface TemplateCode {
  key: string
  parentKey: string | null
  nameZh: string
  nameEn: string
  shortZh?: string
  shortEn?: string
  definition: LocalizedText
  inclusion: LocalizedText
  exclusion: LocalizedText
  example: LocalizedText
  color: string
  shortcut: string | null
}

export interface TemplateCase {
  key: string
  nameZh: string
  nameEn: string
  attributes: Record<string, string>
}

interface Details {
  key: string
  definition?: LocalizedText
  inclusion?: LocalizedText
  exclusion?: LocalizedText
  example?: LocalizedText
  color?: string
  shortcut?: string
}

const empty: LocalizedText = { zh: '', en: '' }
const palette: Record<string, string[]> = {
  talent: ['#4e79a7', '#5b8fd0', '#2f9e9e', '#6aa5c9', '#3c6e91'],
  technology: ['#e8833a', '#f0a541', '#d9663b', '#c98b2c', '#e9b35f', '#d4743f', '#bf8f3b'],
  administration: ['#9c6ade', '#c45ab3', '#8e5fc2', '#d17aa6', '#7d55b0'],
}

export function studyTemplate(): { name: LocalizedText; codes: TemplateCode[]; cases: TemplateCase[] } {
  const details = new Map<string, Details>()
  const cb = codebookDetails as { dimensions?: Details[]; indicators?: Details[] }
  for (const d of [...(cb.dimensions ?? []), ...(cb.indicators ?? [])]) details.set(d.key, d)
  const codes: TemplateCode[] = []
  let shortcutIndex = 0
  const fallbackKeys = '123456789qwertyuiopasdfghjkl'
  for (const dim of seed.framework.dimensions) {
    const dd = details.get(dim.key)
    codes.push({
      key: dim.key,
      parentKey: null,
      nameZh: dim.zh,
      nameEn: dim.en,
      shortZh: dim.short.zh,
      shortEn: dim.short.en,
      definition: dd?.definition ?? empty,
      inclusion: dd?.inclusion ?? empty,
      exclusion: dd?.exclusion ?? empty,
      example: dd?.example ?? empty,
      color: dd?.color ?? palette[dim.key]?.[0] ?? '#888888',
      shortcut: null,
    })
    dim.indicators.forEach((ind, i) => {
      const d = details.get(ind.key)
      codes.push({
        key: ind.key,
        parentKey: dim.key,
        nameZh: ind.zh,
        nameEn: ind.en,
        definition: d?.definition ?? empty,
        inclusion: d?.inclusion ?? empty,
        exclusion: d?.exclusion ?? empty,
        example: d?.example ?? empty,
        color: d?.color ?? palette[dim.key]?.[i % 5] ?? '#888888',
        shortcut: d?.shortcut ?? fallbackKeys[shortcutIndex] ?? null,
      })
      shortcutIndex++
    })
  }
  const cases: TemplateCase[] = seed.cases.map((c) => ({
    key: c.key,
    nameZh: c.zh,
    nameEn: c.en,
    attributes: {},
  }))
  return { name: seed.framework.name, codes, cases }
}

export const studyCaseStatuses = () =>
  seed.cases.map((c) => ({ key: c.key, statuses: c.statuses as Record<string, 'described' | 'partial' | 'none'> }))
