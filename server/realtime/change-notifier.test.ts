import { afterEach, describe, expect, it, vi } from 'vitest'
import { createChangeNotifier } from './change-notifier'

afterEach(() => {
  vi.useRealTimers()
})

describe('onDocChanged timing', () => {
  it('[SYNC19] waits for a quiet period, but fires at least every maxWait during continuous edits', async () => {
    vi.useFakeTimers()
    const calls: number[] = []
    const start = Date.now()
    const notifier = createChangeNotifier({
      hook: () => void calls.push(Date.now() - start),
      delayMs: 300,
      maxWaitMs: 2000,
      onError: () => {},
    })
    for (let t = 0; t < 3000; t += 100) {
      notifier.schedule()
      await vi.advanceTimersByTimeAsync(100)
    }
    await vi.advanceTimersByTimeAsync(1000)
    expect(calls).toEqual([2000, 3200]) // the max wait during edits, then 300 ms after the last edit at 2900
  })

  it('[SYNC19] runNow runs a pending call at once and nothing when none is pending', async () => {
    const calls: string[] = []
    const notifier = createChangeNotifier({ hook: () => void calls.push('x'), delayMs: 60_000, maxWaitMs: 60_000, onError: () => {} })
    await notifier.runNow()
    expect(calls).toEqual([])
    notifier.schedule()
    await notifier.runNow()
    expect(calls).toEqual(['x'])
    notifier.stop()
  })
})
