import { getAppContext } from '@/server/context'
import { listCases } from '@/server/services/cases/manage-cases'
import { listCodebook } from '@/server/services/codebook/list-codes'
import { listDisputes } from '@/server/services/disputes/list-disputes'
import { listMembers } from '@/server/services/members/manage-members'
import { getProject } from '@/server/services/projects/get-project'
import { requireUser } from '@/app/lib/session'
import { DisputesView } from './disputes-view'

export const dynamic = 'force-dynamic'

export default async function DisputesPage({ params, searchParams }: { params: Promise<{ projectId: string }>; searchParams: Promise<{ tab?: string; dispute?: string }> }) {
  const { projectId } = await params
  const { tab, dispute } = await searchParams
  const user = await requireUser()
  const actor = { userId: user.id }
  const { db } = getAppContext()
  const [project, disputes, members, codebook, cases] = await Promise.all([
    getProject(db, actor, projectId),
    listDisputes(db, actor, projectId),
    listMembers(db, actor, projectId),
    listCodebook(db, actor, projectId),
    listCases(db, actor, projectId),
  ])
  return (
    <DisputesView
      projectId={projectId}
      me={{ id: user.id, role: project.role }}
      rationaleRequired={project.settings.rationaleRequired}
      initial={disputes.items}
      members={members.map((m) => ({ id: m.userId, name: m.name }))}
      codes={codebook.map((c) => ({ id: c.id, name: c.name, color: c.color }))}
      cases={cases.map((c) => ({ id: c.id, key: c.key }))}
      initialTab={tab === 'log' ? 'log' : 'queue'}
      initialDispute={dispute ?? null}
    />
  )
}
