import { integer, jsonb, pgTable, primaryKey, text, timestamp, index, unique, uniqueIndex, date } from 'drizzle-orm/pg-core'
import { users } from './users'

export type Role = 'lead' | 'coder' | 'viewer'
export type CodingMode = 'open' | 'independent'

export interface ProjectSettings {
  fit: { highAtMost: number; mediumAtMost: number; partialWeight: number }
  /** Arbitration: must the lead give a reason for every decision? */
  rationaleRequired: boolean
  /** Boundary differences up to this many characters are not disputes. */
  boundaryTolerance: number
  /** May coders see the revealed layers of others? */
  coderSeesRevealed: boolean
}

export const defaultProjectSettings: ProjectSettings = {
  fit: { highAtMost: 0.2, mediumAtMost: 0.5, partialWeight: 0.5 },
  rationaleRequired: true,
  boundaryTolerance: 5,
  coderSeesRevealed: false,
}

export const projects = pgTable('projects', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  codingMode: text('coding_mode').$type<CodingMode>().notNull().default('open'),
  /** The framework's name and fit rule as imported (labels of dimensions live in codes). */
  framework: jsonb('framework').$type<{ name: { zh: string; en: string } } | null>(),
  settings: jsonb('settings').$type<ProjectSettings>().notNull().default(defaultProjectSettings),
  createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
})

export const projectMembers = pgTable(
  'project_members',
  {
    projectId: text('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
    userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').$type<Role>().notNull(),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.userId] }), index('project_members_user_idx').on(t.userId)],
)

export const invitations = pgTable(
  'invitations',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
    /** null: a shareable link anyone signed in can accept. */
    email: text('email'),
    role: text('role').$type<Role>().notNull(),
    token: text('token').notNull(),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('invitations_token_idx').on(t.token), index('invitations_project_idx').on(t.projectId)],
)

export interface LocalizedText {
  zh: string
  en: string
}

/** The codebook: a tree (dimension → indicator → optional sub-codes). */
export const codes = pgTable(
  'codes',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
    parentId: text('parent_id'),
    /** Stable framework key, e.g. "talent.programs"; null for codes a team adds. */
    key: text('key'),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    shortZh: text('short_zh'),
    shortEn: text('short_en'),
    definition: jsonb('definition').$type<LocalizedText>().notNull().default({ zh: '', en: '' }),
    inclusion: jsonb('inclusion').$type<LocalizedText>().notNull().default({ zh: '', en: '' }),
    exclusion: jsonb('exclusion').$type<LocalizedText>().notNull().default({ zh: '', en: '' }),
    example: jsonb('example').$type<LocalizedText>().notNull().default({ zh: '', en: '' }),
    color: text('color').notNull().default('#8ab4f8'),
    shortcut: text('shortcut'),
    position: integer('position').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('codes_project_idx').on(t.projectId)],
)

export const cases = pgTable(
  'cases',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull().default(''),
    attributes: jsonb('attributes').$type<Record<string, string>>().notNull().default({}),
    position: integer('position').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('cases_project_idx').on(t.projectId), uniqueIndex('cases_project_key_idx').on(t.projectId, t.key)],
)

export type RespondentRole = 'park' | 'college' | 'enterprise' | 'research' | 'other'
export type InterviewMode = 'onsite' | 'video'

export const transcripts = pgTable(
  'transcripts',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
    caseId: text('case_id').references(() => cases.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    respondentRole: text('respondent_role').$type<RespondentRole>().notNull().default('other'),
    interviewDate: date('interview_date'),
    mode: text('mode').$type<InterviewMode>().notNull().default('onsite'),
    durationMinutes: integer('duration_minutes'),
    protocol: text('protocol').notNull().default(''),
    participants: jsonb('participants').$type<string[]>().notNull().default([]),
    sourceName: text('source_name'),
    charCount: integer('char_count').notNull().default(0),
    position: integer('position').notNull().default(0),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('transcripts_project_idx').on(t.projectId),
    // The target of codings' (transcript, project) foreign key.
    unique('transcripts_id_project_unique').on(t.id, t.projectId),
  ],
)
