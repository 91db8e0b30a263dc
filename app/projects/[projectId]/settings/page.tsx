import { getAppContext } from '@/server/context'
import { getProject } from '@/server/services/projects/get-project'
import { getT, requireUser } from '@/app/lib/session'
import { SettingsForm } from './settings-form'
import { valuesOf } from './settings-values'

export default async function SettingsPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params
  const user = await requireUser()
  const { t } = await getT()
  const project = await getProject(getAppContext().db, { userId: user.id }, projectId)
  if (project.role !== 'lead') {
    return (
      <p className="empty" data-testid="settings-lead-only">
        {t('settingsPage.leadOnly')}
      </p>
    )
  }
  return (
    <div className="stack">
      <h2>{t('project.settings')}</h2>
      <SettingsForm projectId={projectId} initial={valuesOf(project)} />
    </div>
  )
}
