import { foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core'
import { projects, transcripts } from './projects'
import { users } from './users'

/**
 * Coded segments projected from the Yjs documents (never edited directly): statistics,
 * retrieval and reports read these rows. `layer` is 'shared' (the canonical transcript doc:
 * open coding and consensus) or 'coder' (an independent layer owned by `layerOwner`).
 */
export const codings = pgTable(
  'codings',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id').notNull(),
    transcriptId: text('transcript_id').notNull(),
    layer: text('layer').$type<'shared' | 'coder'>().notNull(),
    layerOwner: text('layer_owner'),
    codeId: text('code_id').notNull(),
    coderId: text('coder_id').notNull(),
    start: integer('start').notNull(),
    end: integer('end').notNull(),
    text: text('text').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('codings_project_code_idx').on(t.projectId, t.codeId),
    index('codings_transcript_idx').on(t.transcriptId, t.layer, t.layerOwner),
    // One foreign key for both columns: the row's project is its transcript's project, and the
    // projection's inserts check one parent row (their own transcript's) instead of also the
    // project row, which every room's projection shared (bench/projection: the checks were
    // most of an insert's cost). Deleting a project deletes its transcripts, and so these rows.
    foreignKey({ name: 'codings_transcript_project_fk', columns: [t.transcriptId, t.projectId], foreignColumns: [transcripts.id, transcripts.projectId] }).onDelete('cascade'),
  ],
)

/** Plain text and speaker turns of each transcript as last projected (for context and segments). */
export const transcriptTexts = pgTable('transcript_texts', {
  transcriptId: text('transcript_id').primaryKey().references(() => transcripts.id, { onDelete: 'cascade' }),
  text: text('text').notNull(),
  paragraphs: jsonb('paragraphs').$type<{ start: number; end: number; speaker: string | null }[]>().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
})

/**
 * Memos on coded spans. `start`/`end` are plain-text offsets of the canonical document when the
 * memo was written; `anchor` holds both ends as base64 Yjs relative positions (editor SPEC ED15),
 * so listings follow later edits. Rows from before anchors (null) keep their stored offsets (ED16).
 */
export const memos = pgTable(
  'memos',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
    transcriptId: text('transcript_id').notNull().references(() => transcripts.id, { onDelete: 'cascade' }),
    codeId: text('code_id'),
    start: integer('start').notNull(),
    end: integer('end').notNull(),
    body: text('body').notNull(),
    anchor: jsonb('anchor').$type<{ start: string; end: string }>(),
    authorId: text('author_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('memos_transcript_idx').on(t.transcriptId)],
)

/** An independent (blind) coding round: transcripts × coders, blind until the lead reveals it. */
export const rounds = pgTable(
  'rounds',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    state: text('state').$type<'blind' | 'revealed'>().notNull().default('blind'),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    revealedAt: timestamp('revealed_at', { withTimezone: true }),
  },
  (t) => [index('rounds_project_idx').on(t.projectId)],
)

export const roundTranscripts = pgTable(
  'round_transcripts',
  {
    roundId: text('round_id').notNull().references(() => rounds.id, { onDelete: 'cascade' }),
    transcriptId: text('transcript_id').notNull().references(() => transcripts.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.transcriptId] }), index('round_transcripts_t_idx').on(t.transcriptId)],
)

export const roundCoders = pgTable(
  'round_coders',
  {
    roundId: text('round_id').notNull().references(() => rounds.id, { onDelete: 'cascade' }),
    userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.userId] })],
)
