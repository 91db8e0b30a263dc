/**
 * Plain helpers of the framework page (no React): cell lookup, the keyboard map of the status
 * control, links into transcripts, the local update after a status change, and the heatmap's data.
 */
import type { FitLevel, FitStatus } from '@/server/domain/fit/types'
import type { EvidenceItem, FrameworkMatrix, MatrixCell } from '@/server/services/fit/get-framework-matrix'
import type { SetFitStatusResult } from '@/server/services/fit/set-fit-status'

export type { EvidenceItem, FrameworkMatrix, MatrixCell }

export const statusOrder: FitStatus[] = ['described', 'partial', 'none']
export const levelOrder: FitLevel[] = ['high', 'medium', 'low']

export const cellKey = (caseId: string, codeId: string) => `${caseId}|${codeId}`

export function indexCells(matrix: FrameworkMatrix): Map<string, MatrixCell> {
  return new Map(matrix.cells.map((c) => [cellKey(c.caseId, c.codeId), c]))
}

/**
 * What a key does on a focused status control: a status, null to clear, undefined for nothing.
 * Letters follow the English words; 1–3 work on any keyboard layout (as do the Chinese terms' order).
 */
export function statusForKey(key: string): FitStatus | null | undefined {
  switch (key.toLowerCase()) {
    case 'd':
    case '1':
      return 'described'
    case 'p':
    case '2':
      return 'partial'
    case 'n':
    case '3':
      return 'none'
    case 'delete':
    case 'backspace':
    case '0':
      return null
    default:
      return undefined
  }
}

/** Where an arrow key moves the focus in a grid of `rows` × `cols`, or null at the edge. */
export function moveInGrid(key: string, row: number, col: number, rows: number, cols: number): [number, number] | null {
  const next: Record<string, [number, number]> = { ArrowUp: [row - 1, col], ArrowDown: [row + 1, col], ArrowLeft: [row, col - 1], ArrowRight: [row, col + 1] }
  const to = next[key]
  if (!to) return null
  const [r, c] = to
  return r >= 0 && r < rows && c >= 0 && c < cols ? to : null
}

/** The transcript page, scrolled to and highlighting the coded segment. */
export function transcriptHref(projectId: string, item: Pick<EvidenceItem, 'transcriptId' | 'start' | 'end'>): string {
  return `/projects/${projectId}/transcripts/${item.transcriptId}?at=${item.start}-${item.end}`
}

/** The matrix after a status change the server confirmed (before the refetch the event triggers). */
export function applyStatus(matrix: FrameworkMatrix, result: SetFitStatusResult): FrameworkMatrix {
  const cells = matrix.cells.map((c) => {
    if (c.caseId !== result.caseId || c.codeId !== result.codeId) return c
    if (result.coderId === '') return { ...c, status: result.status }
    const coders = { ...c.coders }
    if (result.status === null) delete coders[result.coderId]
    else coders[result.coderId] = result.status
    return { ...c, coders }
  })
  if (result.coderId !== '') return { ...matrix, cells }
  const key = matrix.cases.find((c) => c.id === result.caseId)?.key
  if (!key) return { ...matrix, cells }
  return { ...matrix, cells, report: { ...matrix.report, cases: { ...matrix.report.cases, [key]: result.fit } } }
}

/** 0.4286 → "42.86%"; 0.2 → "20%". */
export function percent(share: number): string {
  return `${Number((share * 100).toFixed(2))}%`
}

export interface HeatmapPoint {
  /** Dimension index (x), case index (y), level rank (2 high … 0 low), unseen share. */
  value: [number, number, number, number]
  level: FitLevel
}

/** Cases × dimensions with each level, for the heatmap (cases in matrix order). */
export function heatmapPoints(matrix: FrameworkMatrix): HeatmapPoint[] {
  const points: HeatmapPoint[] = []
  matrix.cases.forEach((c, y) => {
    const fit = matrix.report.cases[c.key]
    if (!fit) return
    matrix.dimensions.forEach((d, x) => {
      const dim = fit.dimensions[d.key]
      if (dim) points.push({ value: [x, y, 2 - levelOrder.indexOf(dim.level), dim.unseenShare], level: dim.level })
    })
  })
  return points
}
