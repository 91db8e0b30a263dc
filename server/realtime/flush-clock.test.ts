import { afterEach, describe, expect, it, vi } from 'vitest'
import { createFlushClock } from './flush-clock'

describe('flush clock', () => {
  afterEach(() => vi.useRealTimers())

  it('runs every request made before a tick in one turn, on one timer, at the next multiple of the period', async () => {
    vi.useFakeTimers()
    vi.setSystemTime(5_030)
    const timers = vi.spyOn(globalThis, 'setTimeout')
    const clock = createFlushClock(100)
    const ranAt: number[] = []
    const flushes = Array.from({ length: 20 }, () => () => void ranAt.push(Date.now()))
    flushes.forEach((f, i) => {
      clock.request(f)
      if (i === 10) vi.advanceTimersByTime(30) // later requests join the same tick
    })
    clock.request(flushes[0]) // asking twice still flushes once
    expect(timers).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(100)
    expect(ranAt).toEqual(Array(20).fill(5_100))
    timers.mockRestore()
  })

  it('forgets cancelled requests and stops its timer when none is left', async () => {
    vi.useFakeTimers()
    const clock = createFlushClock(100)
    const ran: string[] = []
    const a = () => void ran.push('a')
    const b = () => void ran.push('b')
    clock.request(a)
    clock.request(b)
    clock.cancel(a)
    await vi.advanceTimersByTimeAsync(100)
    expect(ran).toEqual(['b'])
    clock.request(a)
    clock.cancel(a)
    expect(vi.getTimerCount()).toBe(0)
  })

  it('a request made during a tick waits for the next one', async () => {
    vi.useFakeTimers()
    vi.setSystemTime(0)
    const clock = createFlushClock(100)
    const ranAt: number[] = []
    const again = () => void ranAt.push(Date.now())
    clock.request(() => {
      ranAt.push(Date.now())
      clock.request(again)
    })
    await vi.advanceTimersByTimeAsync(250)
    expect(ranAt).toEqual([100, 200])
  })

  it('a flush that throws does not keep the other rooms of its tick from flushing', async () => {
    vi.useFakeTimers()
    const errors: unknown[] = []
    const clock = createFlushClock(100, (e) => void errors.push(e))
    const ran: string[] = []
    clock.request(() => { throw new Error('boom') })
    clock.request(() => void ran.push('b'))
    await vi.advanceTimersByTimeAsync(100)
    expect(ran).toEqual(['b'])
    expect(String(errors[0])).toBe('Error: boom')
  })
})
