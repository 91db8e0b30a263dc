import { afterEach, describe, expect, it, vi } from 'vitest'
import { createKeyedThrottle } from './keyed-throttle'

afterEach(() => {
  vi.useRealTimers()
})

describe('keyed throttle', () => {
  it('calls at once, then at most once per interval per key, and makes the held call at the end', async () => {
    vi.useFakeTimers()
    const calls: string[] = []
    const start = performance.now()
    const throttle = createKeyedThrottle(5000, (key) => calls.push(`${key}@${Math.round(performance.now() - start)}`))
    throttle.call('a')
    throttle.call('b') // another key is not held back
    for (let t = 0; t < 4000; t += 1000) {
      await vi.advanceTimersByTimeAsync(1000)
      throttle.call('a') // four calls inside the interval: one held call
    }
    expect(calls).toEqual(['a@0', 'b@0'])
    await vi.advanceTimersByTimeAsync(1000)
    expect(calls).toEqual(['a@0', 'b@0', 'a@5000'])
    await vi.advanceTimersByTimeAsync(10_000)
    expect(calls).toHaveLength(3) // nothing more was asked for
    throttle.call('a')
    expect(calls).toEqual(['a@0', 'b@0', 'a@5000', 'a@15000'])
  })

  it('stop drops held calls', async () => {
    vi.useFakeTimers()
    const calls: string[] = []
    const throttle = createKeyedThrottle(1000, (key) => calls.push(key))
    throttle.call('a')
    throttle.call('a')
    throttle.stop()
    await vi.advanceTimersByTimeAsync(5000)
    expect(calls).toEqual(['a'])
  })
})
