import { getAppContext } from '@/server/context'
import { getProject } from '@/server/services/projects/get-project'
import { listRounds } from '@/server/services/rounds/list-rounds'
import { listDocuments } from '@/server/services/transcripts/list-documents'
import { listMembers } from '@/server/services/members/manage-members'
import { requireUser } from '@/app/lib/session'
import { AgreementTabs } from '../agreement-tabs'
import { RoundsView } from './rounds-view'

export const dynamic = 'force-dynamic'

export default async function RoundsPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params
  const user = await requireUser()
  const actor = { userId: user.id }
  const { db, live } = getAppContext()
  const [project, rounds, docs, members] = await Promise.all([getProject(db, actor, projectId), listRounds(db, actor, projectId, live), listDocuments(db, actor, projectId), listMembers(db, actor, projectId)])
  const inRound = new Set(rounds.flatMap((r) => r.transcripts.map((t) => t.id)))
  return (
    <div className="stack agr">
      <AgreementTabs projectId={projectId} />
      <RoundsView
        projectId={projectId}
        userId={user.id}
        role={project.role}
        codingMode={project.codingMode}
        rounds={rounds}
        freeTranscripts={docs.filter((d) => !inRound.has(d.id)).map((d) => ({ id: d.id, title: d.title, charCount: d.charCount }))}
        coders={members.filter((m) => m.role !== 'viewer').map((m) => ({ id: m.userId, name: m.name, role: m.role }))}
      />
    </div>
  )
}
