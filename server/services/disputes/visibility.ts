/**
 * Who sees which coder's version (DIS25): the lead sees all; coders and viewers see other coders'
 * versions only when the project lets coders see revealed layers. A coder always sees their own.
 */
import type { Role } from '../../../db/schema'

export interface Viewer {
  userId: string
  role: Role
  coderSeesRevealed: boolean
}

export type ShownVersion = { coderId: string; hidden: true } | ({ coderId: string } & Record<string, unknown>)

export function seesAllVersions(v: Viewer): boolean {
  return v.role === 'lead' || v.coderSeesRevealed
}

/** Versions as this viewer may see them: hidden ones keep only the coder's id. */
export function redactVersions(viewer: Viewer, versions: unknown): ShownVersion[] {
  const list = Array.isArray(versions) ? (versions as { coderId: string }[]) : []
  if (seesAllVersions(viewer)) return list
  return list.map((v) => (v.coderId === viewer.userId ? v : { coderId: v.coderId, hidden: true as const }))
}
