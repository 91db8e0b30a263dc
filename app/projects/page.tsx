import Link from 'next/link'
import { getAppContext } from '@/server/context'
import { listProjects } from '@/server/services/projects/list-projects'
import { getT, requireUser } from '@/app/lib/session'
import { NewProjectForm } from './new-project-form'

export default async function ProjectsPage() {
  const user = await requireUser()
  const { t } = await getT()
  const projects = await listProjects(getAppContext().db, { userId: user.id })
  return (
    <div className="page">
      <div className="page-head">
        <h1>{t('projects.title')}</h1>
      </div>
      {projects.length === 0 ? (
        <p className="empty">{t('projects.empty')}</p>
      ) : (
        <ul className="project-list" data-testid="project-list">
          {projects.map((p) => (
            <li key={p.id} className="card">
              <Link href={`/projects/${p.id}`} className="project-link">
                {p.name}
              </Link>
              <span className="badges">
                <span className={`badge role-${p.role}`}>{t(`role.${p.role}`)}</span>
                <span className="badge">{t(`mode.${p.codingMode}`)}</span>
              </span>
            </li>
          ))}
        </ul>
      )}
      <NewProjectForm />
    </div>
  )
}
