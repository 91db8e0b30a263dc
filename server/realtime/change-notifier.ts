/**
 * Calls a room's `onDocChanged` hook after changes: `delayMs` after the last change, but at most
 * `maxWaitMs` after the first one while edits continue (a plain debounce would never fire during
 * a long typing session), and never twice at once for one room (a slow projection write must not
 * race the next one). A call that fails leaves the change waiting: it is retried at the next
 * `runNow`, or after `maxWaitMs`.
 */

/** Why the hook runs: its time came (debounce, max wait, unload, close), or a reader asked (`runNow('asked')`). */
export type ChangeReason = 'due' | 'asked'

export interface ChangeNotifier {
  /**
   * A change happened; or (`'catch-up'`) the hook should run once for what it may have missed
   * although nothing changed here (a room loaded with an unprojected tail in its log).
   */
  schedule(what?: 'change' | 'catch-up'): void
  /** Runs the hook now if a call is pending; resolves when no call is running. */
  runNow(reason?: ChangeReason): Promise<void>
  stop(): void
}

export function createChangeNotifier(o: {
  /** `changed`: a change was scheduled since the last successful run (false for a catch-up only). */
  hook: ((reason: ChangeReason, changed: boolean) => void | Promise<void>) | undefined
  delayMs: number
  maxWaitMs: number
  onError: (error: unknown) => void
}): ChangeNotifier {
  let timer: ReturnType<typeof setTimeout> | null = null
  let since: number | null = null
  let last = 0
  let running: Promise<void> = Promise.resolve()
  let stopped = false
  let changedSinceRun = false

  const runNow = (reason: ChangeReason = 'due'): Promise<void> => {
    const hook = o.hook
    if (!timer || !hook) return running
    clearTimeout(timer)
    timer = null
    since = null
    const changed = changedSinceRun
    changedSinceRun = false
    running = running.then(async () => {
      try {
        await hook(reason, changed)
      } catch (error) {
        o.onError(error)
        changedSinceRun ||= changed
        // The change is not in what the hook derives: keep it waiting (a reader's runNow retries
        // at once; otherwise the max wait, so a failing database is not hammered).
        if (!timer && !stopped) {
          since = last = performance.now()
          arm(o.maxWaitMs)
        }
      }
    })
    return running
  }

  // When the hook is due: `delayMs` after the last change, capped at `maxWaitMs` after the first.
  const dueAt = () => Math.min(last + o.delayMs, (since ?? last) + o.maxWaitMs)
  // The timer is not moved on every change (a busy room changes 20 times a second): when it
  // fires early, it sets itself again for the time that is left.
  const arm = (delay: number) => {
    timer = setTimeout(() => {
      const left = dueAt() - performance.now()
      if (left > 0) arm(left)
      else void runNow('due')
    }, Math.max(0, delay))
  }

  return {
    schedule(what = 'change') {
      if (!o.hook) return
      if (what === 'change') changedSinceRun = true
      last = performance.now() // monotonic: a wall-clock step back must not hold the hook
      since ??= last
      if (!timer) arm(dueAt() - last)
    },
    runNow,
    stop() {
      stopped = true // a run that fails after this must not set a timer for a room that is gone
      if (timer) clearTimeout(timer)
      timer = null
    },
  }
}
