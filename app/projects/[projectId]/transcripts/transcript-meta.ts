/**
 * The import form's values and how they become the `meta` JSON the documents API expects.
 * Pure, so it is tested without a browser.
 */
export type RespondentRole = 'park' | 'college' | 'enterprise' | 'research' | 'other'
export type InterviewMode = 'onsite' | 'video'

export const respondentRoles: RespondentRole[] = ['park', 'college', 'enterprise', 'research', 'other']
export const interviewModes: InterviewMode[] = ['onsite', 'video']

export interface MetaFields {
  title: string
  caseId: string
  respondentRole: RespondentRole
  interviewDate: string
  mode: InterviewMode
  durationMinutes: string
  protocol: string
  participants: string
}

export const emptyMeta: MetaFields = {
  title: '',
  caseId: '',
  respondentRole: 'other',
  interviewDate: '',
  mode: 'onsite',
  durationMinutes: '',
  protocol: '',
  participants: '',
}

/** Names separated by commas (also Chinese "，" and "、"), semicolons or new lines. */
export function splitParticipants(text: string): string[] {
  return text
    .split(/[,，、;；\n]/)
    .map((s) => s.trim())
    .filter(Boolean)
}

/** Empty optional fields become null, so the server applies its defaults and checks. */
export function toMeta(f: MetaFields) {
  const duration = f.durationMinutes.trim()
  return {
    title: f.title.trim(),
    caseId: f.caseId || null,
    respondentRole: f.respondentRole,
    interviewDate: f.interviewDate || null,
    mode: f.mode,
    durationMinutes: duration === '' ? null : Number(duration),
    protocol: f.protocol.trim(),
    participants: splitParticipants(f.participants),
  }
}

/** "Interview 3 (park).docx" → "Interview 3 (park)": a title suggestion from a file name. */
export function titleFromFileName(name: string): string {
  return name.replace(/\.[^.]+$/, '').replace(/[_]+/g, ' ').trim()
}

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024
export const ACCEPTED_EXTENSIONS = ['txt', 'md', 'markdown', 'docx']

export function extensionOf(name: string): string {
  return name.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? ''
}
