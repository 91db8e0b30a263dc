import { getAppContext } from '@/server/context'
import { getProject } from '@/server/services/projects/get-project'
import { listInvitations, listMembers } from '@/server/services/members/manage-members'
import { getT, requireUser } from '@/app/lib/session'
import { InviteForm } from './invite-form'
import { MembersTable } from './members-table'
import { PendingInvitations } from './pending-invitations'

export default async function MembersPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params
  const user = await requireUser()
  const actor = { userId: user.id }
  const { db } = getAppContext()
  const { t, locale } = await getT()
  const [project, members] = await Promise.all([getProject(db, actor, projectId), listMembers(db, actor, projectId)])
  const isLead = project.role === 'lead'
  const invitations = isLead ? await listInvitations(db, actor, projectId) : []
  const now = Date.now()
  const date = new Intl.DateTimeFormat(locale === 'zh' ? 'zh-CN' : 'en', { dateStyle: 'medium' })
  return (
    <div className="stack">
      <h2>{t('project.members')}</h2>
      <MembersTable
        projectId={projectId}
        meId={user.id}
        canEdit={isLead}
        members={members.map((m) => ({ userId: m.userId, name: m.name, email: m.email, role: m.role, joined: date.format(m.joinedAt) }))}
      />
      {isLead && (
        <div className="grid-2">
          <InviteForm projectId={projectId} />
          <PendingInvitations
            projectId={projectId}
            invitations={invitations.map((i) => ({ id: i.id, email: i.email, role: i.role, token: i.token, expires: date.format(i.expiresAt), expired: i.expiresAt.getTime() < now }))}
          />
        </div>
      )}
    </div>
  )
}
