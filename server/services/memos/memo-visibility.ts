import type { TranscriptAccess } from '../documents/require-transcript'

/**
 * Memos on a transcript in a blind round would leak what a coder coded (a memo names its code
 * and span), so while the round is blind everyone sees only their own memos; afterwards all.
 */
export function memoVisible(access: Pick<TranscriptAccess, 'round' | 'userId'>, authorId: string | null): boolean {
  return access.round?.state !== 'blind' || authorId === access.userId
}
