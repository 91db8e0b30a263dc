/**
 * Which key applies which code. A code's own shortcut wins; the digits 1–9 that no code claims
 * go, in codebook order, to codes without a shortcut, so a codebook without any shortcuts still
 * codes with 1–9.
 */
export interface ShortcutCode {
  id: string
  shortcut: string | null
}

/** key (lower case) → code id. */
export function effectiveShortcuts(codes: readonly ShortcutCode[]): Map<string, string> {
  const map = new Map<string, string>()
  for (const c of codes) {
    const key = c.shortcut?.trim().toLowerCase()
    if (key && key.length === 1 && !map.has(key)) map.set(key, c.id)
  }
  const free = '123456789'.split('').filter((d) => !map.has(d))
  const claimed = new Set(map.values())
  for (const c of codes) {
    if (free.length === 0) break
    if (claimed.has(c.id)) continue
    map.set(free.shift()!, c.id)
    claimed.add(c.id)
  }
  return map
}

/** code id → its key, for showing next to the code. */
export function keysByCode(shortcuts: ReadonlyMap<string, string>): Map<string, string> {
  return new Map([...shortcuts].map(([key, id]) => [id, key]))
}

/**
 * The code a key press applies, or null. Only plain keys (no Ctrl, Cmd or Alt) and only with
 * a non-empty selection: otherwise the key is typing and must reach the editor.
 */
export function codeForKey(
  event: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean; isComposing?: boolean },
  selectionEmpty: boolean,
  shortcuts: ReadonlyMap<string, string>,
): string | null {
  if (selectionEmpty || event.isComposing || event.ctrlKey || event.metaKey || event.altKey) return null
  if (event.key.length !== 1) return null
  return shortcuts.get(event.key.toLowerCase()) ?? null
}
