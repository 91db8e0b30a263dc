import { getAppContext } from '@/server/context'
import { getProject } from '@/server/services/projects/get-project'
import { listCases } from '@/server/services/cases/manage-cases'
import { listDocuments } from '@/server/services/transcripts/list-documents'
import { getT, requireUser } from '@/app/lib/session'
import { CaseForm } from './case-form'
import { CasesView } from './cases-view'

export default async function CasesPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params
  const user = await requireUser()
  const actor = { userId: user.id }
  const { db } = getAppContext()
  const { t } = await getT()
  const [project, cases, docs] = await Promise.all([getProject(db, actor, projectId), listCases(db, actor, projectId), listDocuments(db, actor, projectId)])
  const perCase = new Map<string, number>()
  for (const d of docs) if (d.caseId) perCase.set(d.caseId, (perCase.get(d.caseId) ?? 0) + 1)
  const items = cases.map((c) => ({ id: c.id, key: c.key, nameZh: c.nameZh, nameEn: c.nameEn, attributes: c.attributes, transcripts: perCase.get(c.id) ?? 0 }))
  const canEdit = project.role === 'lead'
  return (
    <div className="stack">
      <h2>{t('project.cases')}</h2>
      <CasesView projectId={projectId} cases={items} canEdit={canEdit} />
      {canEdit && (
        <div className="card">
          <CaseForm projectId={projectId} item={null} />
        </div>
      )}
    </div>
  )
}
