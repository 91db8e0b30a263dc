/**
 * Calls a room's `onDocChanged` hook after changes: `delayMs` after the last change, but at most
 * `maxWaitMs` after the first one while edits continue (a plain debounce would never fire during
 * a long typing session), and never twice at once for one room (a slow projection write must not
 * race the next one).
 */
export interface ChangeNotifier {
  /** A change happened. */
  schedule(): void
  /** Runs the hook now if a call is pending; resolves when no call is running. */
  runNow(): Promise<void>
  stop(): void
}

export function createChangeNotifier(o: {
  hook: (() => void | Promise<void>) | undefined
  delayMs: number
  maxWaitMs: number
  onError: (error: unknown) => void
}): ChangeNotifier {
  let timer: ReturnType<typeof setTimeout> | null = null
  let since: number | null = null
  let running: Promise<void> = Promise.resolve()

  const runNow = (): Promise<void> => {
    const hook = o.hook
    if (!timer || !hook) return running
    clearTimeout(timer)
    timer = null
    since = null
    running = running.then(async () => {
      try {
        await hook()
      } catch (error) {
        o.onError(error)
      }
    })
    return running
  }

  return {
    schedule() {
      if (!o.hook) return
      const now = Date.now()
      since ??= now
      if (timer) clearTimeout(timer)
      timer = setTimeout(() => void runNow(), Math.max(0, Math.min(o.delayMs, since + o.maxWaitMs - now)))
    },
    runNow,
    stop() {
      if (timer) clearTimeout(timer)
      timer = null
    },
  }
}
