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

  it('[SYNC19] tells the hook why it runs: due (timer) or asked (runNow(\'asked\'))', async () => {
    vi.useFakeTimers()
    const reasons: string[] = []
    const notifier = createChangeNotifier({ hook: (reason) => void reasons.push(reason), delayMs: 300, maxWaitMs: 5000, onError: () => {} })
    notifier.schedule()
    await notifier.runNow('asked')
    notifier.schedule()
    await vi.advanceTimersByTimeAsync(300)
    expect(reasons).toEqual(['asked', 'due'])
    notifier.stop()
  })

  it('[SYNC19] tells the hook whether anything changed since its last run (a catch-up alone did not), and keeps that over a failure', async () => {
    vi.useFakeTimers()
    const runs: boolean[] = []
    let fail = false
    const notifier = createChangeNotifier({
      hook: (_reason, changed) => {
        runs.push(changed)
        if (fail) throw new Error('database down')
      },
      delayMs: 300, maxWaitMs: 5000, onError: () => {},
    })
    notifier.schedule('catch-up')
    await notifier.runNow()
    notifier.schedule('catch-up')
    notifier.schedule()
    await notifier.runNow()
    fail = true
    notifier.schedule()
    await notifier.runNow()
    fail = false
    await notifier.runNow() // the retry of the failed run: still a change
    expect(runs).toEqual([false, true, true, true])
    notifier.stop()
  })

  it('[SYNC19] a failed call leaves the change waiting: the next runNow retries it, else the max wait does', async () => {
    vi.useFakeTimers()
    const calls: string[] = []
    const errors: unknown[] = []
    let fail = true
    const notifier = createChangeNotifier({
      hook: (reason) => {
        calls.push(reason)
        if (fail) throw new Error('database down')
      },
      delayMs: 300,
      maxWaitMs: 5000,
      onError: (e) => errors.push(e),
    })
    notifier.schedule()
    await notifier.runNow('asked')
    expect(errors).toHaveLength(1)
    await notifier.runNow('asked') // still waiting: tried again at once
    expect(calls).toEqual(['asked', 'asked'])
    fail = false
    await vi.advanceTimersByTimeAsync(4999)
    expect(calls).toHaveLength(2) // the retry waits for the max wait, not the 300 ms debounce
    await vi.advanceTimersByTimeAsync(1)
    expect(calls).toEqual(['asked', 'asked', 'due'])
    await notifier.runNow('asked')
    expect(calls).toHaveLength(3) // done: nothing waits any more
    notifier.stop()
  })

  it('[SYNC19] a call that fails after stop() (room unloaded) is not retried', async () => {
    vi.useFakeTimers()
    let calls = 0
    let failNow: (() => void) | null = null
    const notifier = createChangeNotifier({
      hook: () => {
        calls++
        return new Promise<void>((_, reject) => (failNow = () => reject(new Error('database down'))))
      },
      delayMs: 300,
      maxWaitMs: 5000,
      onError: () => {},
    })
    notifier.schedule()
    const run = notifier.runNow()
    while (!failNow) await Promise.resolve() // the hook starts a microtask later
    notifier.stop()
    ;(failNow as () => void)()
    await run
    await vi.advanceTimersByTimeAsync(60_000)
    expect(calls).toBe(1)
  })

  it('[SYNC19] does not set a new timer for every change of a busy room', async () => {
    vi.useFakeTimers()
    const timers = vi.spyOn(globalThis, 'setTimeout')
    const calls: number[] = []
    const start = Date.now()
    const notifier = createChangeNotifier({ hook: () => void calls.push(Date.now() - start), delayMs: 300, maxWaitMs: 5000, onError: () => {} })
    for (let t = 0; t < 200; t++) {
      notifier.schedule() // 20 changes a second for 10 s
      await vi.advanceTimersByTimeAsync(50)
    }
    await vi.advanceTimersByTimeAsync(1000)
    expect(calls).toEqual([5000, 10_000]) // the max wait twice; the last change (9950) is in the second call
    expect(timers.mock.calls.length).toBeLessThan(60) // about one per delay (300 ms); a timer per change would be 200
    timers.mockRestore()
    notifier.stop()
  })

  it('[SYNC19] a wall-clock step back (NTP) does not hold the hook back', async () => {
    vi.useFakeTimers()
    let calls = 0
    const notifier = createChangeNotifier({ hook: () => void calls++, delayMs: 300, maxWaitMs: 5000, onError: () => {} })
    notifier.schedule()
    await vi.advanceTimersByTimeAsync(100)
    vi.setSystemTime(Date.now() - 60_000)
    notifier.schedule()
    await vi.advanceTimersByTimeAsync(400)
    expect(calls).toBe(1)
    notifier.stop()
  })
})
