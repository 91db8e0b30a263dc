'use client'
/**
 * Heatmap of cases × dimensions coloured by fit level (echarts, core build with only the heatmap,
 * grid, visual map, tooltip and aria parts, rendered in the browser). Updates with the matrix.
 */
import { useI18n } from '@/app/i18n/i18n-provider'
import { useECharts } from '@/app/lib/use-echarts'
import type { FitLevel } from '@/server/domain/fit/types'
import { heatmapPoints, percent, type FrameworkMatrix } from './matrix-model'

// The same colours as the level badges (globals.css, framework block).
const levelColor: Record<FitLevel, string> = { high: '#7cc08a', medium: '#f1c75b', low: '#e88b80' }

export function FitHeatmap({ matrix }: { matrix: FrameworkMatrix }) {
  const { t, pick } = useI18n()
  const cases = matrix.cases.map((c) => c.key)
  const dimensions = matrix.dimensions.map((d) => pick(d.short ?? d.name))
  const points = heatmapPoints(matrix)
  const levelName = (level: FitLevel) => t(`framework.level.${level}`)

  // Redrawn at every render: the matrix changes live.
  const box = useECharts(() => ({
    aria: { enabled: true, label: { description: t('framework.heatmapLabel') } },
    animation: false,
    grid: { left: 8, right: 8, top: 8, bottom: 48, containLabel: true },
    tooltip: {
      formatter: (p: { value: [number, number, number, number] }) => {
        const [x, y, , share] = p.value
        const c = matrix.cases[y]
        const level = points.find((q) => q.value[0] === x && q.value[1] === y)?.level ?? 'low'
        return `${pick(c.name)}<br/>${dimensions[x]}: ${pick(matrix.report.cases[c.key].dimensions[matrix.dimensions[x].key].levelLabel)} (${t('framework.unseen', { pct: percent(share) })})<br/>${levelName(level)}`
      },
    },
    xAxis: { type: 'category', data: dimensions, splitArea: { show: true }, axisTick: { show: false } },
    yAxis: { type: 'category', data: cases, inverse: true, splitArea: { show: true }, axisTick: { show: false } },
    visualMap: {
      type: 'piecewise',
      dimension: 2,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      pieces: (['high', 'medium', 'low'] as FitLevel[]).map((level, i) => ({ value: 2 - i, label: levelName(level), color: levelColor[level] })),
    },
    series: [
      {
        type: 'heatmap',
        data: points.map((p) => p.value),
        label: { show: true, formatter: (p: { value: number[] }) => `${levelName(points.find((q) => q.value[0] === p.value[0] && q.value[1] === p.value[1])!.level)}\n${percent(p.value[3])}`, color: '#1f2328', fontSize: 12, lineHeight: 16 },
        itemStyle: { borderColor: '#fff', borderWidth: 2 },
        emphasis: { itemStyle: { borderColor: '#1f2328' } },
      },
    ],
  }))

  return (
    <figure className="card fw-heatmap">
      <figcaption className="small muted">{t('framework.heatmap')}</figcaption>
      <div ref={box} className="fw-heatmap-canvas" style={{ height: Math.max(180, 56 * cases.length + 80) }} role="img" aria-label={t('framework.heatmapLabel')} data-testid="fit-heatmap" />
    </figure>
  )
}
