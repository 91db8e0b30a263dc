import Link from 'next/link'
import type { MessageKey } from '@/app/i18n/messages'
import type { listDocuments } from '@/server/services/transcripts/list-documents'

type Doc = Awaited<ReturnType<typeof listDocuments>>[number]
type T = (key: MessageKey, vars?: Record<string, string | number>) => string

/** The project's transcripts: one row each, title first, the round they are in last. */
export function TranscriptTable({ projectId, docs, caseNames, t }: { projectId: string; docs: Doc[]; caseNames: Map<string, string>; t: T }) {
  return (
    <div className="table-wrap">
      <table data-testid="transcript-table">
        <thead>
          <tr>
            <th scope="col">{t('transcripts.title')}</th>
            <th scope="col">{t('transcripts.case')}</th>
            <th scope="col">{t('transcripts.role')}</th>
            <th scope="col">{t('transcripts.date')}</th>
            <th scope="col">{t('transcripts.mode')}</th>
            <th scope="col">{t('transcriptsPage.length')}</th>
            <th scope="col">{t('transcriptsPage.round')}</th>
          </tr>
        </thead>
        <tbody>
          {docs.map((d) => (
            <tr key={d.id}>
              <td>
                <Link href={`/projects/${projectId}/transcripts/${d.id}`} className="strong-link">
                  {d.title}
                </Link>
              </td>
              <td>{d.caseId ? (caseNames.get(d.caseId) ?? t('common.none')) : <span className="muted">{t('transcripts.noCase')}</span>}</td>
              <td>{t(`respondent.${d.respondentRole}`)}</td>
              <td className="nowrap">{d.interviewDate ?? t('common.none')}</td>
              <td>{t(`transcripts.mode.${d.mode}`)}</td>
              <td className="nowrap">
                {t('transcripts.chars', { count: d.charCount.toLocaleString() })}
                {d.durationMinutes != null && <span className="muted"> · {t('transcriptsPage.minutes', { count: d.durationMinutes })}</span>}
              </td>
              <td>
                {d.round ? (
                  <span className={`badge round-${d.round.state}`}>{t(d.round.state === 'blind' ? 'transcripts.round.blind' : 'transcripts.round.revealed')}</span>
                ) : (
                  <span className="muted small">{t('transcriptsPage.noRound')}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
