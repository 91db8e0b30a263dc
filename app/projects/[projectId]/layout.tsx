import type { ReactNode } from 'react'
import { getAppContext } from '@/server/context'
import { ConcordError } from '@/server/errors'
import { getProject } from '@/server/services/projects/get-project'
import { getT, requireUser } from '@/app/lib/session'
import { ProjectNav } from './project-nav'

// The project sections that exist; keep in step with the folders beside this file.
const sections = ['/transcripts', '/codebook', '/cases', '/members', '/settings', '/framework', '/retrieval', '/disputes', '/agreement']

export default async function ProjectLayout({ children, params }: { children: ReactNode; params: Promise<{ projectId: string }> }) {
  const { projectId } = await params
  const user = await requireUser()
  const { t } = await getT()
  let project
  try {
    project = await getProject(getAppContext().db, { userId: user.id }, projectId)
  } catch (e) {
    if (e instanceof ConcordError && (e.code === 'not_found' || e.code === 'forbidden')) {
      return (
        <div className="page">
          <p className="empty" data-testid="no-access">{t('empty.noAccess')}</p>
        </div>
      )
    }
    throw e
  }
  return (
    <div className="project">
      <div className="project-head">
        <h1>{project.name}</h1>
        <span className="badges">
          <span className={`badge role-${project.role}`}>{t(`role.${project.role}`)}</span>
          <span className="badge">{t(`mode.${project.codingMode}`)}</span>
        </span>
      </div>
      <ProjectNav projectId={projectId} role={project.role} available={sections} />
      <div className="project-body">{children}</div>
    </div>
  )
}
