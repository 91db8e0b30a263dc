import { notFound } from 'next/navigation'
import { getAppContext } from '@/server/context'
import { getProject } from '@/server/services/projects/get-project'
import { listDocuments } from '@/server/services/transcripts/list-documents'
import { listCodebook } from '@/server/services/codebook/list-codes'
import { listMembers } from '@/server/services/members/manage-members'
import { listCases } from '@/server/services/cases/manage-cases'
import { requireUser } from '@/app/lib/session'
import { TranscriptWorkspace, type EditorMode } from './transcript-workspace'

/**
 * The transcript editor. Which document opens: in a blind round, a coder of the round codes in
 * their own layer (marks only); everyone else opens the canonical text, read-only for viewers
 * and, while the round is blind, for coders (the server enforces the same modes).
 */
export default async function TranscriptPage({
  params,
  searchParams,
}: {
  params: Promise<{ projectId: string; transcriptId: string }>
  searchParams: Promise<{ at?: string }>
}) {
  const { projectId, transcriptId } = await params
  const { at } = await searchParams
  const user = await requireUser()
  const actor = { userId: user.id }
  const { db } = getAppContext()
  const [project, docs, codes, members, cases] = await Promise.all([
    getProject(db, actor, projectId),
    listDocuments(db, actor, projectId),
    listCodebook(db, actor, projectId),
    listMembers(db, actor, projectId),
    listCases(db, actor, projectId),
  ])
  const doc = docs.find((d) => d.id === transcriptId)
  if (!doc) notFound()
  const blind = doc.round?.state === 'blind'
  const inLayer = blind && !!doc.rooms.layer && project.role !== 'viewer'
  const mode: EditorMode = inLayer ? 'layer' : project.role === 'viewer' || (blind && project.role !== 'lead') ? 'read' : 'edit'
  const c = cases.find((x) => x.id === doc.caseId)
  return (
    <TranscriptWorkspace
      projectId={projectId}
      transcript={{
        id: doc.id,
        title: doc.title,
        caseLabel: c ? { key: c.key, zh: c.nameZh, en: c.nameEn } : null,
        respondentRole: doc.respondentRole,
        round: doc.round,
      }}
      room={inLayer ? doc.rooms.layer! : doc.rooms.text}
      mode={mode}
      role={project.role}
      me={{ id: user.id, name: user.name }}
      codes={codes.map((x) => ({ id: x.id, parentId: x.parentId, name: x.name, color: x.color, shortcut: x.shortcut, depth: x.depth }))}
      members={members.map((m) => ({ id: m.userId, name: m.name, role: m.role }))}
      at={typeof at === 'string' ? at : null}
    />
  )
}
