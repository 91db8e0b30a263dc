import { describe, expect, it } from 'vitest'
import { allowedTargets, buildTree, levelOf, moveAmongSiblings, siblingIds, subtreeIds, type CodeEntry } from './code-tree'

const empty = { zh: '', en: '' }
const code = (id: string, parentId: string | null, depth: number): CodeEntry => ({
  id,
  parentId,
  key: null,
  name: { zh: id, en: id },
  color: '#000000',
  shortcut: null,
  depth,
  definition: empty,
  inclusion: empty,
  exclusion: empty,
  example: empty,
})

// Tree order as listCodebook returns it: T(talent) > T1, T2 > T2a ; A(administration) > A1
const codes = [code('T', null, 0), code('T1', 'T', 1), code('T2', 'T', 1), code('T2a', 'T2', 2), code('A', null, 0), code('A1', 'A', 1)]

describe('codebook tree helpers', () => {
  it('nests the tree-ordered list and keeps sibling order', () => {
    const tree = buildTree(codes)
    expect(tree.map((n) => n.code.id)).toEqual(['T', 'A'])
    expect(tree[0].children.map((n) => n.code.id)).toEqual(['T1', 'T2'])
    expect(tree[0].children[1].children.map((n) => n.code.id)).toEqual(['T2a'])
  })

  it('treats a code whose parent is gone as top level', () => {
    const orphan = code('X', 'missing', 1)
    expect(buildTree([...codes, orphan]).map((n) => n.code.id)).toEqual(['T', 'A', 'X'])
    expect(siblingIds([...codes, orphan], orphan)).toEqual(['T', 'A', 'X'])
  })

  it('lists siblings of one parent only, for the reorder request', () => {
    expect(siblingIds(codes, codes[2])).toEqual(['T1', 'T2'])
    expect(siblingIds(codes, codes[4])).toEqual(['T', 'A'])
  })

  it('moves a code one place and refuses to move past either end', () => {
    expect(moveAmongSiblings(['a', 'b', 'c'], 'b', -1)).toEqual(['b', 'a', 'c'])
    expect(moveAmongSiblings(['a', 'b', 'c'], 'b', 1)).toEqual(['a', 'c', 'b'])
    expect(moveAmongSiblings(['a', 'b', 'c'], 'a', -1)).toBeNull()
    expect(moveAmongSiblings(['a', 'b', 'c'], 'c', 1)).toBeNull()
    expect(moveAmongSiblings(['a'], 'z', 1)).toBeNull()
  })

  it('never offers a code itself or its own sub-codes as a parent or merge target', () => {
    expect([...subtreeIds(codes, 'T')].sort()).toEqual(['T', 'T1', 'T2', 'T2a'])
    expect(allowedTargets(codes, 'T').map((c) => c.id)).toEqual(['A', 'A1'])
    expect(allowedTargets(codes, 'T2a').map((c) => c.id)).toEqual(['T', 'T1', 'T2', 'A', 'A1'])
    expect(allowedTargets(codes, null)).toHaveLength(codes.length)
  })

  it('names levels dimension → indicator → sub-code by depth', () => {
    expect([0, 1, 2, 3].map(levelOf)).toEqual(['dimension', 'indicator', 'subcode', 'subcode'])
  })
})
