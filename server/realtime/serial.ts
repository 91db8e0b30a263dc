/**
 * Runs async tasks one after another, in call order: each starts when the previous one has
 * settled, and a failed task rejects only its own promise (the queue goes on).
 */
export function createSerialQueue(): <T>(task: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve()
  return (task) => {
    const run = tail.then(task)
    tail = run.catch(() => {})
    return run
  }
}
