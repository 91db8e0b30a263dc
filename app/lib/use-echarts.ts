'use client'
/**
 * One echarts chart in a div: loads the echarts core build (only the parts Concord's heatmaps use)
 * in the browser, creates the chart once, redraws it with `option()` when `deps` change (every
 * render without deps), follows the div's size and disposes of the chart on unmount.
 */
import { useEffect, useRef, type DependencyList, type RefObject } from 'react'

type ECharts = import('echarts/core').ECharts

async function loadECharts() {
  const [core, charts, components, renderers] = await Promise.all([import('echarts/core'), import('echarts/charts'), import('echarts/components'), import('echarts/renderers')])
  core.use([
    charts.HeatmapChart,
    components.GridComponent,
    components.VisualMapContinuousComponent,
    components.VisualMapPiecewiseComponent,
    components.TooltipComponent,
    components.AriaComponent,
    renderers.CanvasRenderer,
  ])
  return core
}

/**
 * @param option the chart's whole option (set with notMerge), read at each redraw
 * @param onClick called with the clicked item's `value`
 * @example const box = useECharts(() => ({ series: [{ type: 'heatmap', data }] }), [data]); return <div ref={box} />
 */
export function useECharts(option: () => Record<string, unknown>, deps?: DependencyList, onClick?: (value: unknown) => void): RefObject<HTMLDivElement | null> {
  const box = useRef<HTMLDivElement>(null)
  const chart = useRef<ECharts | null>(null)
  const latest = useRef({ option, onClick })
  latest.current = { option, onClick }
  const draw = () => {
    chart.current?.setOption(latest.current.option(), { notMerge: true })
    chart.current?.resize()
  }

  useEffect(() => {
    let disposed = false
    let observer: ResizeObserver | null = null
    void loadECharts().then((echarts) => {
      if (disposed || !box.current) return
      chart.current = echarts.init(box.current, undefined, { renderer: 'canvas' })
      chart.current.on('click', (p) => latest.current.onClick?.((p as unknown as { value: unknown }).value))
      draw()
      observer = new ResizeObserver(() => chart.current?.resize())
      observer.observe(box.current)
    })
    return () => {
      disposed = true
      observer?.disconnect()
      chart.current?.dispose()
      chart.current = null
    }
    // The chart is created once; the effect below redraws it.
  }, [])
  useEffect(draw, deps)
  return box
}
