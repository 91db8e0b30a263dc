/** Plain data the editor page hands its client components. */
export type EditorMode = 'edit' | 'layer' | 'read'

export interface CodeInfo {
  id: string
  parentId: string | null
  name: { zh: string; en: string }
  color: string
  shortcut: string | null
  depth: number
}

export interface MemberInfo {
  id: string
  name: string
  role: string
}

export interface TranscriptInfo {
  id: string
  title: string
  caseLabel: { key: string; zh: string; en: string } | null
  respondentRole: string
  round: { id: string; state: 'blind' | 'revealed' } | null
}

export interface MemoView {
  id: string
  codeId: string | null
  start: number
  end: number
  body: string
  authorId: string | null
  authorName: string | null
  createdAt: string
}
