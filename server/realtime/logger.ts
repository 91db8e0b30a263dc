/** What the realtime modules log through; the caller may pass its own (pino, console, a spy). */
export interface Logger {
  warn(message: string, ...details: unknown[]): void
  error(message: string, ...details: unknown[]): void
}

export const consoleLogger: Logger = {
  warn: (message, ...details) => console.warn(message, ...details),
  error: (message, ...details) => console.error(message, ...details),
}
