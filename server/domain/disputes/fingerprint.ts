/**
 * A short, stable identity for a dispute (DIS10, DIS13). Pure and isomorphic (no node:crypto):
 * cyrb53, a well-mixed 53-bit hash; collisions are irrelevant at the scale of one project's
 * disputes, and the readable prefix keeps document and code visible when debugging.
 */
function cyrb53(text: string, seed = 0): string {
  let h1 = 0xdeadbeef ^ seed
  let h2 = 0x41c6ce57 ^ seed
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ ch, 2654435761)
    h2 = Math.imul(h2 ^ ch, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36)
}

/** `<kind>:<scope>:<code>:<hash of the canonical content>`. */
export function makeFingerprint(kind: string, scope: string, codeId: string, content: unknown): string {
  const json = JSON.stringify(content)
  return `${kind}:${scope}:${codeId}:${cyrb53(json)}${cyrb53(json, 7)}`
}
