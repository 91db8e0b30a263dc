/**
 * Case attributes are edited as text, one `name = value` per line, because researchers list
 * them that way in their notes (城市 = 苏州). Pure, so it is tested without a browser.
 */
export type AttributeProblem = { line: number; kind: 'noEquals' | 'noName' | 'duplicate'; name?: string }

export function parseAttributesText(text: string): { attributes: Record<string, string>; problems: AttributeProblem[] } {
  const attributes: Record<string, string> = {}
  const problems: AttributeProblem[] = []
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1
    if (!raw.trim()) return
    // Only the first "=" separates: values such as URLs or formulas may contain more.
    const at = raw.indexOf('=')
    if (at < 0) return problems.push({ line, kind: 'noEquals' })
    const name = raw.slice(0, at).trim()
    const value = raw.slice(at + 1).trim()
    if (!name) return problems.push({ line, kind: 'noName' })
    if (Object.prototype.hasOwnProperty.call(attributes, name)) return problems.push({ line, kind: 'duplicate', name })
    attributes[name] = value
  })
  return { attributes, problems }
}

export function formatAttributesText(attributes: Record<string, string>): string {
  return Object.entries(attributes)
    .map(([k, v]) => `${k} = ${v}`)
    .join('\n')
}
