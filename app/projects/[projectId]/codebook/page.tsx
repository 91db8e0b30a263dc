import { getAppContext } from '@/server/context'
import { getProject } from '@/server/services/projects/get-project'
import { listCodebook } from '@/server/services/codebook/list-codes'
import { requireUser } from '@/app/lib/session'
import { CodebookView } from './codebook-view'

export default async function CodebookPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params
  const user = await requireUser()
  const actor = { userId: user.id }
  const { db } = getAppContext()
  const [project, codes] = await Promise.all([getProject(db, actor, projectId), listCodebook(db, actor, projectId)])
  return <CodebookView projectId={projectId} codes={codes} canEdit={project.role === 'lead'} />
}
