import { describe, expect, it } from 'vitest'
import { createSerialQueue } from './serial'

describe('createSerialQueue', () => {
  it('runs tasks one at a time in call order, and a failure rejects only its own task', async () => {
    const run = createSerialQueue()
    const log: string[] = []
    let running = 0
    const task = (name: string, ms: number, fail = false) => async () => {
      running++
      expect(running).toBe(1)
      log.push(`start ${name}`)
      await new Promise((resolve) => setTimeout(resolve, ms))
      log.push(`end ${name}`)
      running--
      if (fail) throw new Error(name)
      return name
    }
    const results = await Promise.allSettled([run(task('a', 20)), run(task('b', 1, true)), run(task('c', 5))])
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c'])
  })
})
