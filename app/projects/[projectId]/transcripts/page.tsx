import { getAppContext } from '@/server/context'
import { getProject } from '@/server/services/projects/get-project'
import { listDocuments } from '@/server/services/transcripts/list-documents'
import { listCases } from '@/server/services/cases/manage-cases'
import { getT, requireUser } from '@/app/lib/session'
import { ImportTranscriptForm } from './import-transcript-form'
import { TranscriptTable } from './transcript-table'

export default async function TranscriptsPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params
  const user = await requireUser()
  const actor = { userId: user.id }
  const { db } = getAppContext()
  const { t, locale } = await getT()
  const pick = (zh: string, en: string) => (locale === 'zh' ? zh || en : en || zh)
  const [project, docs, cases] = await Promise.all([getProject(db, actor, projectId), listDocuments(db, actor, projectId), listCases(db, actor, projectId)])
  const caseNames = new Map(cases.map((c) => [c.id, `${c.key} · ${pick(c.nameZh, c.nameEn)}`]))
  const isLead = project.role === 'lead'
  return (
    <div className="stack">
      <div className="page-head">
        <h2>{t('project.transcripts')}</h2>
        <span className="muted small">{t('transcriptsPage.count', { count: docs.length })}</span>
      </div>
      {docs.length === 0 ? (
        <p className="empty" data-testid="transcripts-empty">
          {isLead ? t('transcriptsPage.emptyLead') : t('transcriptsPage.emptyMember')}
        </p>
      ) : (
        <TranscriptTable projectId={projectId} docs={docs} caseNames={caseNames} t={t} />
      )}
      {isLead && <ImportTranscriptForm projectId={projectId} cases={cases.map((c) => ({ id: c.id, label: caseNames.get(c.id)! }))} />}
    </div>
  )
}
