/** Names of the sync rooms (documents) and their parsing, shared by services and the realtime server. */
export const textRoom = (transcriptId: string) => `t/${transcriptId}`
export const layerRoom = (transcriptId: string, coderId: string) => `l/${transcriptId}/${coderId}`
export const summaryRoom = (projectId: string, caseId: string, codeId: string) => `m/${projectId}/${caseId}/${codeId}`

export type ParsedRoom =
  | { kind: 'text'; transcriptId: string }
  | { kind: 'layer'; transcriptId: string; coderId: string }
  | { kind: 'summary'; projectId: string; caseId: string; codeId: string }

const idPart = '([A-Za-z0-9_-]{1,64})'
const patterns: [RegExp, (m: RegExpMatchArray) => ParsedRoom][] = [
  [new RegExp(`^t/${idPart}$`), (m) => ({ kind: 'text', transcriptId: m[1] })],
  [new RegExp(`^l/${idPart}/${idPart}$`), (m) => ({ kind: 'layer', transcriptId: m[1], coderId: m[2] })],
  [new RegExp(`^m/${idPart}/${idPart}/${idPart}$`), (m) => ({ kind: 'summary', projectId: m[1], caseId: m[2], codeId: m[3] })],
]

export function parseRoom(room: string): ParsedRoom | null {
  for (const [re, build] of patterns) {
    const m = room.match(re)
    if (m) return build(m)
  }
  return null
}
