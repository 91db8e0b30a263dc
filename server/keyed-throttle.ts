/**
 * Calls `fn(key)` at most once per `intervalMs` for each key. A call inside the interval is held
 * and made once when the interval ends (trailing), so the last call is never lost.
 * @example const notify = createKeyedThrottle(5000, (projectId) => events.publish(projectId, 'codings'))
 */
export function createKeyedThrottle(intervalMs: number, fn: (key: string) => void) {
  const lastCall = new Map<string, number>()
  const held = new Map<string, ReturnType<typeof setTimeout>>()
  const fire = (key: string) => {
    lastCall.set(key, performance.now())
    fn(key)
  }
  return {
    call(key: string): void {
      if (held.has(key)) return // already coming
      const wait = (lastCall.get(key) ?? -Infinity) + intervalMs - performance.now()
      if (wait <= 0) return fire(key)
      const timer = setTimeout(() => {
        held.delete(key)
        fire(key)
      }, wait)
      timer.unref?.()
      held.set(key, timer)
    },
    /** Drops the held calls. */
    stop(): void {
      for (const timer of held.values()) clearTimeout(timer)
      held.clear()
    },
  }
}
