import type { Role } from '../../../db/schema'
import type { TranscriptRound } from '../transcripts/find-rounds'

/**
 * Blind coding, for rows read from the `codings` table (the same rule as the sync rooms in
 * `realtime/authorize-room.ts`): shared codings are everyone's; a coder layer is its owner's,
 * and others see it only after the lead reveals its round — the lead always, coders only when
 * the project lets coders see revealed layers, viewers never.
 */
export function codingVisible(
  row: { layer: 'shared' | 'coder'; layerOwner: string | null },
  caller: { userId: string; role: Role; coderSeesRevealed: boolean },
  round: Pick<TranscriptRound, 'state'> | null,
): boolean {
  if (row.layer === 'shared') return true
  if (row.layerOwner === caller.userId) return true
  if (round?.state !== 'revealed') return false
  return caller.role === 'lead' || (caller.role === 'coder' && caller.coderSeesRevealed)
}
