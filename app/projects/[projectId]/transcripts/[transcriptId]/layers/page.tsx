import Link from 'next/link'
import { getAppContext } from '@/server/context'
import { ConcordError } from '@/server/errors'
import { readLayers } from '@/server/services/rounds/read-layers'
import { loadCodes } from '@/server/services/codebook/list-codes'
import { getT, requireUser } from '@/app/lib/session'
import { LayersView } from './layers-view'

export const dynamic = 'force-dynamic'

/** The reveal view: every coder layer of a transcript side by side or overlaid (read-only). */
export default async function LayersPage({ params, searchParams }: { params: Promise<{ projectId: string; transcriptId: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const { projectId, transcriptId } = await params
  const { at } = await searchParams
  const user = await requireUser()
  const { t } = await getT()
  const { db, live } = getAppContext()
  const back = (
    <Link href={`/projects/${projectId}/transcripts/${transcriptId}`} className="small">
      ← {t('agr.layers.back')}
    </Link>
  )
  let data
  try {
    data = await readLayers(db, { userId: user.id }, projectId, transcriptId, live)
  } catch (e) {
    if (e instanceof ConcordError && e.code === 'forbidden')
      return (
        <div className="stack">
          {back}
          <p className="empty" data-testid="layers-refused">
            {e.message.includes('blind') ? t('agr.layers.blind') : t('agr.layers.forbidden')}
          </p>
        </div>
      )
    throw e
  }
  if (!data.round)
    return (
      <div className="stack">
        {back}
        <p className="empty">{t('agr.layers.noRound')}</p>
      </div>
    )
  const codes = await loadCodes(db, projectId)
  const match = at?.match(/^(\d+)-(\d+)$/)
  return (
    <div className="stack">
      {back}
      <LayersView
        title={data.transcript.title}
        roundName={data.round.name}
        partial={data.partial ?? false}
        text={data.text}
        paragraphs={data.paragraphs}
        layers={data.layers}
        codes={codes.map((c) => ({ id: c.id, name: { zh: c.nameZh, en: c.nameEn }, color: c.color }))}
        focus={match ? { start: Number(match[1]), end: Number(match[2]) } : null}
      />
    </div>
  )
}
