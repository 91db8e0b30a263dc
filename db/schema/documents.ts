import { bigserial, bigint, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core'
import { bytea } from './columns'
import { users } from './users'

/** Append-only Yjs update log, one row per accepted update (or micro-batch). */
export const yjsUpdates = pgTable(
  'yjs_updates',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    docName: text('doc_name').notNull(),
    data: bytea('data').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('yjs_updates_doc_idx').on(t.docName, t.id)],
)

/** Compacted state: the doc as of update `uptoId`; load = snapshot + later updates. */
export const yjsSnapshots = pgTable('yjs_snapshots', {
  docName: text('doc_name').primaryKey(),
  state: bytea('state').notNull(),
  uptoId: bigint('upto_id', { mode: 'number' }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
})

/** Version history of a document: automatic checkpoints and named versions (full states). */
export const docVersions = pgTable(
  'doc_versions',
  {
    id: text('id').primaryKey(),
    docName: text('doc_name').notNull(),
    kind: text('kind').$type<'auto' | 'named'>().notNull(),
    name: text('name'),
    state: bytea('state').notNull(),
    charCount: integer('char_count').notNull().default(0),
    codingCount: integer('coding_count').notNull().default(0),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('doc_versions_doc_idx').on(t.docName, t.createdAt)],
)
