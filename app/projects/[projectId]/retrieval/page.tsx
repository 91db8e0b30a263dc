import { getAppContext } from '@/server/context'
import { getProject } from '@/server/services/projects/get-project'
import { listCodebook } from '@/server/services/codebook/list-codes'
import { listCases } from '@/server/services/cases/manage-cases'
import { listMembers } from '@/server/services/members/manage-members'
import { retrieveCodings } from '@/server/services/codings/retrieve-codings'
import { requireUser } from '@/app/lib/session'
import { RetrievalView, type RetrievalFilters } from './retrieval-view'

/** Code retrieval: every segment of a code across the project's transcripts, with context. */
export default async function RetrievalPage({ params, searchParams }: { params: Promise<{ projectId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { projectId } = await params
  const sp = await searchParams
  const user = await requireUser()
  const actor = { userId: user.id }
  const { db, live } = getAppContext()
  const one = (k: string) => (typeof sp[k] === 'string' ? (sp[k] as string) : '')
  const filters: RetrievalFilters = {
    codeId: one('codeId'),
    subcodes: one('subcodes') !== '0',
    caseId: one('caseId'),
    role: one('role'),
    coderId: one('coderId'),
    layer: one('layer'),
  }
  const [project, codes, cases, members] = await Promise.all([
    getProject(db, actor, projectId),
    listCodebook(db, actor, projectId),
    listCases(db, actor, projectId),
    listMembers(db, actor, projectId),
  ])
  // The first page is rendered on the server when the link names a code.
  const initial = filters.codeId
    ? await retrieveCodings(db, actor, projectId, {
        ...Object.fromEntries(Object.entries(filters).filter(([, v]) => typeof v === 'string' && v !== '')),
        subcodes: filters.subcodes ? '1' : '0',
      }, live).catch(() => null)
    : null
  return (
    <RetrievalView
      projectId={projectId}
      role={project.role}
      codes={codes.map((c) => ({ id: c.id, parentId: c.parentId, name: c.name, color: c.color, shortcut: c.shortcut, depth: c.depth }))}
      cases={cases.map((c) => ({ id: c.id, key: c.key, name: { zh: c.nameZh, en: c.nameEn } }))}
      coders={members.filter((m) => m.role !== 'viewer').map((m) => ({ id: m.userId, name: m.name }))}
      initialFilters={filters}
      initial={initial}
    />
  )
}
