/**
 * The codings of a live editor document as runs of ProseMirror positions: one run per maximal
 * stretch of a (code, coder) pair, joined across paragraph breaks and hard breaks when no text
 * lies between (the rule `projectDoc` uses for the stored codings, ED6). Computed from the
 * ProseMirror doc in one pass and cached per doc node, so the stripes, the hover card and the
 * sidebar counts share one computation per document state.
 */
import type { Node as PmNode } from '@tiptap/pm/model'

export interface CodingRun {
  codeId: string
  coderId: string
  from: number
  to: number
}

const cache = new WeakMap<PmNode, CodingRun[]>()

/** Runs sorted by `from` (then codeId, coderId). */
export function computeRuns(doc: PmNode): CodingRun[] {
  const cached = cache.get(doc)
  if (cached) return cached
  const runs: CodingRun[] = []
  // Per pair: its open run and how many text characters had been seen when it last grew.
  const open = new Map<string, { run: CodingRun; textSeen: number }>()
  let textSeen = 0
  doc.descendants((node, pos) => {
    if (!node.isText) return !node.isLeaf
    const end = pos + node.nodeSize
    for (const mark of node.marks) {
      if (mark.type.name !== 'code') continue
      const codeId = String(mark.attrs.codeId ?? '')
      const coderId = String(mark.attrs.coderId ?? '')
      if (!codeId || !coderId) continue
      const key = `${codeId}\u0000${coderId}`
      const current = open.get(key)
      if (current && current.textSeen === textSeen) {
        current.run.to = end
        current.textSeen = textSeen + node.text!.length
      } else {
        const run = { codeId, coderId, from: pos, to: end }
        runs.push(run)
        open.set(key, { run, textSeen: textSeen + node.text!.length })
      }
    }
    textSeen += node.text!.length
    return false
  })
  runs.sort((a, b) => a.from - b.from || (a.codeId < b.codeId ? -1 : a.codeId > b.codeId ? 1 : a.coderId < b.coderId ? -1 : a.coderId > b.coderId ? 1 : 0))
  cache.set(doc, runs)
  return runs
}

/** The runs that cover position `pos` (the character after it). */
export function runsAt(doc: PmNode, pos: number): CodingRun[] {
  return computeRuns(doc).filter((r) => r.from <= pos && pos < r.to)
}

/** The runs that overlap [from, to), each clipped to it. */
export function runsIn(doc: PmNode, from: number, to: number): CodingRun[] {
  return computeRuns(doc)
    .filter((r) => r.from < to && r.to > from)
    .map((r) => ({ ...r, from: Math.max(r.from, from), to: Math.min(r.to, to) }))
}

/** Number of runs per code. */
export function countRunsByCode(runs: readonly CodingRun[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const r of runs) counts.set(r.codeId, (counts.get(r.codeId) ?? 0) + 1)
  return counts
}

/**
 * Lanes for the margin stripes: each run gets the first lane whose previous run ended at least
 * `gap` positions before it starts, so overlapping codings sit side by side, as in MAXQDA's
 * margin. Computed from positions (not pixels) so lanes stay put while the margin scrolls; the
 * gap keeps runs that share a line of text apart. Runs must be sorted by `from`.
 */
export function assignLanes(runs: readonly { from: number; to: number }[], maxLanes: number, gap = 0): number[] {
  const laneEnd: number[] = []
  return runs.map((r) => {
    let lane = laneEnd.findIndex((end) => end + gap <= r.from)
    if (lane === -1) lane = laneEnd.length < maxLanes ? laneEnd.length : maxLanes - 1
    laneEnd[lane] = Math.max(laneEnd[lane] ?? 0, r.to)
    return lane
  })
}
