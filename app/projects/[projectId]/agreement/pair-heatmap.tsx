'use client'
/**
 * Heatmap of codes × coder pairs for one statistic (echarts core with only the heatmap, grid,
 * visual map, tooltip and aria parts). Clicking a cell opens that pair's disagreements on the code.
 */
import { useEffect, useRef } from 'react'
import { useI18n } from '@/app/i18n/i18n-provider'
import type { AgreementReport } from '@/server/services/agreement/get-agreement'
import type { CodebookEntry } from './agreement-dashboard'
import { formatValue, statLabel, type Stat } from './agreement-format'

type ECharts = import('echarts/core').ECharts

async function loadECharts() {
  const [core, charts, components, renderers] = await Promise.all([import('echarts/core'), import('echarts/charts'), import('echarts/components'), import('echarts/renderers')])
  core.use([charts.HeatmapChart, components.GridComponent, components.VisualMapContinuousComponent, components.TooltipComponent, components.AriaComponent, renderers.CanvasRenderer])
  return core
}

export function PairHeatmap({ report, stat, codebook, onPick }: { report: AgreementReport; stat: Stat; codebook: CodebookEntry[]; onPick: ((code: string, pair: [string, string]) => void) | null }) {
  const { t, pick } = useI18n()
  const box = useRef<HTMLDivElement>(null)
  const chart = useRef<ECharts | null>(null)
  const draw = useRef<() => void>(() => {})
  const picked = useRef(onPick)
  picked.current = onPick

  const codes = Object.keys(report.codes)
  const pairs = report.pairs.map((p) => p.coders)
  const shortName = (id: string) => (report.labels.coders[id] ?? id).replace(/\s*\(.*\)\s*$/, '')
  const pairNames = pairs.map(([a, b]) => `${shortName(a)} × ${shortName(b)}`)
  const codeName = (id: string) => {
    const c = codebook.find((x) => x.id === id)
    return c ? pick(c.name) : pick(report.labels.codes[id]?.name) || id
  }
  const value = (pairIndex: number, code: string): number | null => {
    const table = report.pairs[pairIndex].codes[code] as unknown as Record<string, number | null> | undefined
    return table?.[stat] ?? null
  }
  const data = codes.flatMap((code, y) => pairs.map((_, x) => [x, y, value(x, code) ?? '-']))
  const axes = useRef({ codes, pairs })
  axes.current = { codes, pairs }
  const percent = stat === 'percentAgreement' || stat === 'characterPercentAgreement'
  const height = Math.max(160, 28 * codes.length + 90)

  draw.current = () => {
    chart.current?.setOption(
      {
        aria: { enabled: true, label: { description: `${t('agr.heatmap')}: ${t(statLabel(stat))}` } },
        animation: false,
        grid: { left: 8, right: 16, top: 8, bottom: 56, containLabel: true },
        tooltip: {
          formatter: (p: { value: [number, number, number | string] }) => {
            const [x, y, v] = p.value
            return `${codeName(codes[y])}<br/>${pairNames[x]}<br/>${t(statLabel(stat))}: ${typeof v === 'number' ? formatValue(stat, v) : t('agr.undefined')}`
          },
        },
        xAxis: { type: 'category', data: pairNames, splitArea: { show: true }, axisTick: { show: false }, axisLabel: { interval: 0, fontSize: 11 } },
        yAxis: { type: 'category', data: codes.map(codeName), inverse: true, splitArea: { show: true }, axisTick: { show: false }, axisLabel: { fontSize: 11, width: 160, overflow: 'truncate' } },
        visualMap: {
          type: 'continuous',
          min: percent ? 0.5 : 0,
          max: 1,
          calculable: false,
          orient: 'horizontal',
          left: 'center',
          bottom: 0,
          itemHeight: 160,
          precision: 2,
          inRange: { color: ['#e88b80', '#f1c75b', '#7cc08a'] },
        },
        series: [
          {
            type: 'heatmap',
            data,
            label: { show: true, formatter: (p: { value: [number, number, number | string] }) => (typeof p.value[2] === 'number' ? formatValue(stat, p.value[2]) : '—'), fontSize: 11, color: '#1f2328' },
            itemStyle: { borderColor: '#fff', borderWidth: 2 },
            emphasis: { itemStyle: { borderColor: '#1f2328' } },
          },
        ],
      },
      { notMerge: true },
    )
    chart.current?.resize()
  }

  useEffect(() => {
    let disposed = false
    let observer: ResizeObserver | null = null
    void loadECharts().then((echarts) => {
      if (disposed || !box.current) return
      chart.current = echarts.init(box.current, undefined, { renderer: 'canvas' })
      chart.current.on('click', (p) => {
        const [x, y] = (p as unknown as { value: [number, number] }).value
        picked.current?.(axes.current.codes[y], axes.current.pairs[x])
      })
      draw.current()
      observer = new ResizeObserver(() => chart.current?.resize())
      observer.observe(box.current)
    })
    return () => {
      disposed = true
      observer?.disconnect()
      chart.current?.dispose()
      chart.current = null
    }
    // The chart is created once; the effect below redraws it when the data change.
  }, [])
  useEffect(() => draw.current(), [report, stat, codebook])

  return <div ref={box} className="agr-heatmap" style={{ height }} role="img" aria-label={t('agr.heatmap')} data-testid="agreement-heatmap" />
}
