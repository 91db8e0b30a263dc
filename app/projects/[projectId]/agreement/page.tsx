import { getAppContext } from '@/server/context'
import { getProject } from '@/server/services/projects/get-project'
import { listRounds } from '@/server/services/rounds/list-rounds'
import { loadCodes } from '@/server/services/codebook/list-codes'
import { requireUser } from '@/app/lib/session'
import { AgreementTabs } from './agreement-tabs'
import { AgreementDashboard } from './agreement-dashboard'

export const dynamic = 'force-dynamic'

export default async function AgreementPage({ params, searchParams }: { params: Promise<{ projectId: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const { projectId } = await params
  const search = await searchParams
  const user = await requireUser()
  const actor = { userId: user.id }
  const { db, live } = getAppContext()
  const [project, rounds] = await Promise.all([getProject(db, actor, projectId), listRounds(db, actor, projectId, live)])
  const codes = await loadCodes(db, projectId)
  const revealed = rounds
    .filter((r) => r.state === 'revealed')
    .sort((a, b) => (b.revealedAt ?? '').localeCompare(a.revealedAt ?? ''))
    .map((r) => ({ id: r.id, name: r.name, revealedAt: r.revealedAt, coders: r.coders, transcripts: r.transcripts.map((t) => ({ id: t.id, title: t.title })) }))
  return (
    <div className="stack agr">
      <AgreementTabs projectId={projectId} />
      <AgreementDashboard
        projectId={projectId}
        role={project.role}
        canDrill={project.role === 'lead' || (project.role === 'coder' && project.settings.coderSeesRevealed)}
        rounds={revealed}
        hasBlindRound={rounds.some((r) => r.state === 'blind')}
        codebook={codes.map((c) => ({ id: c.id, parentId: c.parentId, depth: c.depth, name: { zh: c.nameZh, en: c.nameEn }, color: c.color }))}
        initialRound={search.round}
        initialUnit={search.unit}
      />
    </div>
  )
}
