import { index, jsonb, pgTable, text, timestamp, integer, uniqueIndex } from 'drizzle-orm/pg-core'
import { projects } from './projects'
import { users } from './users'
import { rounds } from './codings'

export type DisputeKind = 'presence' | 'boundary' | 'status'

/** A unit on which independent coders disagree, detected after a round is revealed. */
export const disputes = pgTable(
  'disputes',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
    roundId: text('round_id').references(() => rounds.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<DisputeKind>().notNull(),
    documentId: text('document_id'),
    caseId: text('case_id'),
    codeId: text('code_id').notNull(),
    start: integer('start'),
    end: integer('end'),
    /** What each coder had: [{ coderId, spans: [{start,end}] } or { coderId, status }]. */
    versions: jsonb('versions').$type<unknown[]>().notNull(),
    magnitude: integer('magnitude').notNull().default(0),
    state: text('state').$type<'open' | 'decided'>().notNull().default('open'),
    /** Stable identity so re-detection does not duplicate a dispute. */
    fingerprint: text('fingerprint').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /**
     * Set when re-detection no longer finds this dispute (a coder's codings changed): it leaves
     * the queue but keeps its decisions for the log; a new dispute describes the new codings.
     */
    supersededAt: timestamp('superseded_at', { withTimezone: true }),
  },
  (t) => [index('disputes_project_idx').on(t.projectId, t.state), uniqueIndex('disputes_fingerprint_idx').on(t.projectId, t.fingerprint)],
)

export const decisions = pgTable(
  'decisions',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
    disputeId: text('dispute_id').notNull().references(() => disputes.id, { onDelete: 'cascade' }),
    decidedBy: text('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull().defaultNow(),
    choice: text('choice').notNull(),
    coderId: text('coder_id'),
    rationale: text('rationale').notNull().default(''),
    before: jsonb('before').$type<unknown>(),
    after: jsonb('after').$type<unknown>(),
    /** The decision this one replaced when a dispute was reopened and decided again. */
    replacesId: text('replaces_id'),
    /**
     * The change this decision made to the consensus, so a later decision can revert it exactly:
     * spans `{ added: PlainCoding[], removed: PlainCoding[] }`, statuses `{ previous, next }`.
     */
    applied: jsonb('applied').$type<unknown>(),
  },
  (t) => [index('decisions_project_idx').on(t.projectId, t.decidedAt)],
)

export const disputeComments = pgTable(
  'dispute_comments',
  {
    id: text('id').primaryKey(),
    disputeId: text('dispute_id').notNull().references(() => disputes.id, { onDelete: 'cascade' }),
    authorId: text('author_id').references(() => users.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('dispute_comments_dispute_idx').on(t.disputeId)],
)

/**
 * Agreed codings of a revealed round copied into the consensus automatically (all coders coded
 * the same passage within the tolerance). Kept so that re-detection never adds them twice and
 * never re-adds one the lead removed by hand.
 */
export const consensusMerges = pgTable(
  'consensus_merges',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
    roundId: text('round_id').references(() => rounds.id, { onDelete: 'cascade' }),
    documentId: text('document_id').notNull(),
    codeId: text('code_id').notNull(),
    fingerprint: text('fingerprint').notNull(),
    /** The consensus spans written: [{ codeId, coderId, start, end }]. */
    spans: jsonb('spans').$type<unknown[]>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('consensus_merges_fingerprint_idx').on(t.projectId, t.fingerprint)],
)

/** A pinned agreement report: parameters + the snapshot of every layer it used. */
export const agreementReports = pgTable('agreement_reports', {
  id: text('id').primaryKey(),
  projectId: text('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
  params: jsonb('params').$type<unknown>().notNull(),
  snapshot: jsonb('snapshot').$type<unknown>().notNull(),
  result: jsonb('result').$type<unknown>().notNull(),
  createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
})
