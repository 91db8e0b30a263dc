/** Property tests (fast-check) over random frameworks, statuses and settings. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { classifyLevel } from './classify-level'
import { scoreFit } from './score-fit'
import { makeFramework } from './test-frameworks'
import { fitLevels, fitStatuses, type FitStatus, type StatusMap } from './types'

const rank = (level: string) => fitLevels.indexOf(level as (typeof fitLevels)[number]) // 0 best
const statusRank: Record<FitStatus, number> = { none: 0, partial: 1, described: 2 }

/** A framework of 1–5 dimensions with 1–8 indicators each, and one case's statuses for it. */
const scenario = fc
  .array(fc.integer({ min: 1, max: 8 }), { minLength: 1, maxLength: 5 })
  .chain((sizes) => {
    const keys = sizes.flatMap((n, i) => Array.from({ length: n }, (_, j) => `d${i}.${j}`))
    return fc.record({
      sizes: fc.constant(sizes),
      statuses: fc.tuple(...keys.map(() => fc.option(fc.constantFrom(...fitStatuses), { nil: undefined }))).map((vals) => {
        const out: Partial<Record<string, FitStatus>> = {}
        keys.forEach((k, i) => vals[i] !== undefined && (out[k] = vals[i]))
        return out
      }),
      which: fc.nat(),
      upgrade: fc.constantFrom<FitStatus>('partial', 'described'),
      partialWeight: fc.constantFrom(0, 0.25, 0.5, 0.75, 1),
      thresholds: fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })).map(([a, b]) => ({ highAtMost: Math.min(a, b), mediumAtMost: Math.max(a, b) })),
    })
  })

describe('fit properties', () => {
  it('[FIT16] moving one status towards described never lowers any level', () => {
    fc.assert(
      fc.property(scenario, ({ sizes, statuses, which, upgrade, partialWeight, thresholds }) => {
        const fw = makeFramework(sizes)
        const keys = fw.dimensions.flatMap((d) => d.indicators.map((i) => i.key))
        const key = keys[which % keys.length]
        const before = statuses[key] ?? 'none'
        fc.pre(statusRank[upgrade] > statusRank[before])
        const settings = { partialWeight, ...thresholds }
        const a = scoreFit(fw, { c: statuses }, settings).cases.c.dimensions
        const b = scoreFit(fw, { c: { ...statuses, [key]: upgrade } }, settings).cases.c.dimensions
        for (const d of Object.keys(a)) {
          expect(rank(b[d].level)).toBeLessThanOrEqual(rank(a[d].level))
          expect(b[d].unseenShare).toBeLessThanOrEqual(a[d].unseenShare)
        }
      }),
    )
  })

  it('[FIT16] raising the partial weight never raises any level', () => {
    fc.assert(
      fc.property(scenario, fc.constantFrom(0, 0.25, 0.5, 0.75, 1), ({ sizes, statuses, partialWeight, thresholds }, other) => {
        const [low, high] = [Math.min(partialWeight, other), Math.max(partialWeight, other)]
        const fw = makeFramework(sizes)
        const a = scoreFit(fw, { c: statuses }, { partialWeight: low, ...thresholds }).cases.c.dimensions
        const b = scoreFit(fw, { c: statuses }, { partialWeight: high, ...thresholds }).cases.c.dimensions
        for (const d of Object.keys(a)) expect(rank(b[d].level)).toBeGreaterThanOrEqual(rank(a[d].level))
      }),
    )
  })

  it('[FIT2] the share is in [0, 1], the counts add up, and the level agrees with the share', () => {
    fc.assert(
      fc.property(scenario, ({ sizes, statuses, partialWeight, thresholds }) => {
        const fw = makeFramework(sizes)
        const all: StatusMap = { c: statuses }
        const dims = scoreFit(fw, all, { partialWeight, ...thresholds }).cases.c.dimensions
        fw.dimensions.forEach((dim) => {
          const fit = dims[dim.key]
          expect(fit.counts.described + fit.counts.partial + fit.counts.none).toBe(dim.indicators.length)
          const exact = (fit.counts.none + partialWeight * fit.counts.partial) / dim.indicators.length
          expect(fit.unseenShare).toBeGreaterThanOrEqual(0)
          expect(fit.unseenShare).toBeLessThanOrEqual(1)
          expect(Math.abs(fit.unseenShare - exact)).toBeLessThanOrEqual(0.00005 + 1e-12)
          expect(fit.level).toBe(classifyLevel(exact, thresholds))
        })
      }),
    )
  })

  it('[FIT16] the order of the indicators within a dimension does not matter', () => {
    fc.assert(
      fc.property(
        fc
          .array(fc.constantFrom(...fitStatuses), { minLength: 1, maxLength: 12 })
          .chain((list) => fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length }))),
        ([list, shuffled]) => {
        const fw = makeFramework([list.length])
        const asMap = (l: FitStatus[]) => ({ c: Object.fromEntries(l.map((s, j) => [`d0.${j}`, s])) })
        expect(scoreFit(fw, asMap(shuffled)).cases.c).toEqual(scoreFit(fw, asMap(list)).cases.c)
        },
      ),
    )
  })
})
