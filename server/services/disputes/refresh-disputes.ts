import type { Db } from '../../../db/client'
import type { LiveDocs } from '../../context'

/** Detects the disputes of a revealed round and merges its agreed codings into the consensus. (Work in progress.) */
export async function refreshDisputesForRound(db: Db, live: LiveDocs | null, projectId: string, roundId: string): Promise<{ created: number; kept: number; superseded: number; merged: number }> {
  void db
  void live
  void projectId
  void roundId
  return { created: 0, kept: 0, superseded: 0, merged: 0 }
}
