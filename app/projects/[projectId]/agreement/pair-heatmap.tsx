'use client'
/**
 * Heatmap of codes × coder pairs for one statistic (echarts core with only the heatmap, grid,
 * visual map, tooltip and aria parts). Clicking a cell opens that pair's disagreements on the code.
 */
import { useI18n } from '@/app/i18n/i18n-provider'
import { useECharts } from '@/app/lib/use-echarts'
import type { AgreementReport } from '@/server/services/agreement/get-agreement'
import type { CodebookEntry } from './agreement-dashboard'
import { codeNameOf, formatValue, statLabel, type Stat } from './agreement-format'

export function PairHeatmap({ report, stat, codebook, onPick }: { report: AgreementReport; stat: Stat; codebook: CodebookEntry[]; onPick: ((code: string, pair: [string, string]) => void) | null }) {
  const { t, pick } = useI18n()
  const codes = Object.keys(report.codes)
  const pairs = report.pairs.map((p) => p.coders)
  const shortName = (id: string) => (report.labels.coders[id] ?? id).replace(/\s*\(.*\)\s*$/, '')
  const pairNames = pairs.map(([a, b]) => `${shortName(a)} × ${shortName(b)}`)
  const codeName = (id: string) => codeNameOf(id, codebook, report.labels.codes, pick)
  const value = (pairIndex: number, code: string): number | null => {
    const table = report.pairs[pairIndex].codes[code] as unknown as Record<string, number | null> | undefined
    return table?.[stat] ?? null
  }
  const data = codes.flatMap((code, y) => pairs.map((_, x) => [x, y, value(x, code) ?? '-']))
  const percent = stat === 'percentAgreement' || stat === 'characterPercentAgreement'
  const height = Math.max(160, 28 * codes.length + 90)

  const box = useECharts(
    () => ({
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
    }),
    [report, stat, codebook],
    (value) => {
      const [x, y] = value as [number, number]
      onPick?.(codes[y], pairs[x])
    },
  )

  return <div ref={box} className="agr-heatmap" style={{ height }} role="img" aria-label={t('agr.heatmap')} data-testid="agreement-heatmap" />
}
