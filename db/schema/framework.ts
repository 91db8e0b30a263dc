import { index, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core'
import { cases, projects } from './projects'
import { users } from './users'

export type FitStatus = 'described' | 'partial' | 'none'

/**
 * Framework judgements per case × indicator. `coderId` null is the team's status (set by the
 * lead); a coder's own status in an independent round has their id.
 */
export const fitStatuses = pgTable(
  'fit_statuses',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
    caseId: text('case_id').notNull().references(() => cases.id, { onDelete: 'cascade' }),
    codeId: text('code_id').notNull(),
    coderId: text('coder_id').notNull().default(''),
    status: text('status').$type<FitStatus>().notNull(),
    updatedBy: text('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('fit_statuses_cell_idx').on(t.projectId, t.caseId, t.codeId, t.coderId),
    index('fit_statuses_project_idx').on(t.projectId),
  ],
)
