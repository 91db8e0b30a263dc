/**
 * Room names. The y-websocket client appends the room to the base URL unencoded, so a room is
 * everything after `/collab/`, slashes included:
 *   `t/<transcriptId>`            the canonical transcript doc
 *   `l/<transcriptId>/<coderId>`  a coder's layer over that transcript (blind coding)
 *   anything else                 a plain doc (e.g. `m/<project>/<case>/<indicator>`)
 */
export type RoomKind =
  | { kind: 'canonical'; transcriptId: string }
  | { kind: 'layer'; transcriptId: string; coderId: string }
  | { kind: 'plain' }

const segmentPattern = /^[A-Za-z0-9_.:@~-]+$/
const maxRoomLength = 512

/** Why `room` is not a usable room name, or null if it is. */
export function findRoomNameProblem(room: string): string | null {
  if (room.length === 0) return 'empty room name'
  if (room.length > maxRoomLength) return `room name longer than ${maxRoomLength} characters`
  const segments = room.split('/')
  for (const s of segments) {
    if (!segmentPattern.test(s) || s === '.' || s === '..') return `bad room name segment "${s.slice(0, 40)}"`
  }
  if (segments[0] === 't' && segments.length !== 2) return 'a transcript room is t/<transcriptId>'
  if (segments[0] === 'l' && segments.length !== 3) return 'a layer room is l/<transcriptId>/<coderId>'
  return null
}

/** The kind of a valid room name (see `findRoomNameProblem`). */
export function parseRoomName(room: string): RoomKind {
  const segments = room.split('/')
  if (segments[0] === 't' && segments.length === 2) return { kind: 'canonical', transcriptId: segments[1] }
  if (segments[0] === 'l' && segments.length === 3) {
    return { kind: 'layer', transcriptId: segments[1], coderId: segments[2] }
  }
  return { kind: 'plain' }
}

export const canonicalRoomName = (transcriptId: string) => `t/${transcriptId}`
export const layerRoomName = (transcriptId: string, coderId: string) => `l/${transcriptId}/${coderId}`

/**
 * The room addressed by an upgrade request path, `undefined` if the path is not under `prefix`
 * (the caller must leave such upgrades alone), or `null` if it is ours but not decodable.
 */
export function roomFromPath(pathname: string, prefix: string): string | null | undefined {
  if (!pathname.startsWith(prefix + '/')) return undefined
  try {
    return decodeURIComponent(pathname.slice(prefix.length + 1))
  } catch {
    return null
  }
}
