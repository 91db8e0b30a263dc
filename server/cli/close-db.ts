/** PGlite keeps the process alive until closed: CLI commands that opened the database close it here. */
let closer: (() => Promise<void>) | null = null
export function registerDbCloser(fn: () => Promise<void>) {
  closer = fn
}
export async function closeDbIfOpen() {
  if (closer) await closer()
}
