/**
 * The codebook as the page works with it: the flat, tree-ordered list that `listCodebook`
 * returns, turned into nested nodes, sibling lists for reordering, and the codes a code may be
 * moved or merged into. Pure, so it is tested without a browser.
 */
export interface Localized {
  zh: string
  en: string
}

export interface CodeEntry {
  id: string
  parentId: string | null
  key: string | null
  name: Localized
  color: string
  shortcut: string | null
  depth: number
  definition: Localized
  inclusion: Localized
  exclusion: Localized
  example: Localized
}

export interface CodeNode {
  code: CodeEntry
  children: CodeNode[]
}

/** A parent that no longer exists makes a code top level, as the server's tree order does. */
export function effectiveParent(codes: CodeEntry[], code: CodeEntry): string | null {
  return code.parentId && codes.some((c) => c.id === code.parentId) ? code.parentId : null
}

/** Nests the tree-ordered list; sibling order is kept as given. */
export function buildTree(codes: CodeEntry[]): CodeNode[] {
  const nodes = new Map(codes.map((c) => [c.id, { code: c, children: [] as CodeNode[] }]))
  const roots: CodeNode[] = []
  for (const c of codes) {
    const parent = effectiveParent(codes, c)
    const node = nodes.get(c.id)!
    if (parent) nodes.get(parent)!.children.push(node)
    else roots.push(node)
  }
  return roots
}

/** The ids of a code's siblings (itself included) in their current order. */
export function siblingIds(codes: CodeEntry[], code: CodeEntry): string[] {
  const parent = effectiveParent(codes, code)
  return codes.filter((c) => effectiveParent(codes, c) === parent).map((c) => c.id)
}

/** The sibling order after moving `id` one place up (-1) or down (+1); null at either end. */
export function moveAmongSiblings(ids: string[], id: string, delta: -1 | 1): string[] | null {
  const i = ids.indexOf(id)
  const j = i + delta
  if (i < 0 || j < 0 || j >= ids.length) return null
  const out = [...ids]
  ;[out[i], out[j]] = [out[j], out[i]]
  return out
}

/** A code and everything below it. */
export function subtreeIds(codes: CodeEntry[], id: string): Set<string> {
  const out = new Set([id])
  for (let grew = true; grew; ) {
    grew = false
    for (const c of codes) {
      if (c.parentId && out.has(c.parentId) && !out.has(c.id)) {
        out.add(c.id)
        grew = true
      }
    }
  }
  return out
}

/** Codes that `id` may be placed under or merged into: not itself and not its own sub-codes. */
export function allowedTargets(codes: CodeEntry[], id: string | null): CodeEntry[] {
  if (!id) return codes
  const excluded = subtreeIds(codes, id)
  return codes.filter((c) => !excluded.has(c.id))
}

export function directChildren(codes: CodeEntry[], id: string): CodeEntry[] {
  return codes.filter((c) => c.parentId === id)
}

/** Dimension → indicator → sub-code, by depth in the tree. */
export function levelOf(depth: number): 'dimension' | 'indicator' | 'subcode' {
  return depth === 0 ? 'dimension' : depth === 1 ? 'indicator' : 'subcode'
}
