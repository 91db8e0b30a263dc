import { getAppContext } from '@/server/context'
import { getFrameworkMatrix } from '@/server/services/fit/get-framework-matrix'
import { requireUser } from '@/app/lib/session'
import { FrameworkView } from './framework-view'

export const dynamic = 'force-dynamic'

export default async function FrameworkPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params
  const user = await requireUser()
  const ctx = getAppContext()
  const matrix = await getFrameworkMatrix(ctx.db, { userId: user.id }, projectId, ctx.live)
  return <FrameworkView initial={matrix} />
}
