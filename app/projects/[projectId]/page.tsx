import Link from 'next/link'
import { getAppContext } from '@/server/context'
import { getProject } from '@/server/services/projects/get-project'
import { listDocuments } from '@/server/services/transcripts/list-documents'
import { listMembers } from '@/server/services/members/manage-members'
import { listCodebook } from '@/server/services/codebook/list-codes'
import { listCases } from '@/server/services/cases/manage-cases'
import { getT, requireUser } from '@/app/lib/session'

export default async function ProjectOverview({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params
  const user = await requireUser()
  const actor = { userId: user.id }
  const { db } = getAppContext()
  const { t, locale } = await getT()
  const pick = (zh: string, en: string) => (locale === 'zh' ? zh || en : en || zh)
  const [project, docs, members, codebook, cases] = await Promise.all([
    getProject(db, actor, projectId),
    listDocuments(db, actor, projectId),
    listMembers(db, actor, projectId),
    listCodebook(db, actor, projectId),
    listCases(db, actor, projectId),
  ])
  const caseName = new Map(cases.map((c) => [c.id, `${c.key} · ${pick(c.nameZh, c.nameEn)}`]))
  return (
    <div className="overview grid-2">
      <section className="card" aria-labelledby="ov-transcripts">
        <h2 id="ov-transcripts">{t('project.transcripts')}</h2>
        <p className="muted">{t('overview.stats', { ...project.counts })}</p>
        {project.description && <p>{project.description}</p>}
        {docs.length === 0 ? (
          <p className="empty">{t('transcripts.empty')}</p>
        ) : (
          <ul className="doc-list" data-testid="overview-transcripts">
            {docs.map((d) => (
              <li key={d.id}>
                <Link href={`/projects/${projectId}/transcripts/${d.id}`}>{d.title}</Link>
                <span className="muted small">
                  {d.caseId ? caseName.get(d.caseId) : t('transcripts.noCase')} · {t(`respondent.${d.respondentRole}`)} · {t('transcripts.chars', { count: d.charCount })}
                </span>
                {d.round && <span className={`badge round-${d.round.state}`}>{t(d.round.state === 'blind' ? 'transcripts.round.blind' : 'transcripts.round.revealed')}</span>}
              </li>
            ))}
          </ul>
        )}
      </section>
      <div className="stack">
        <section className="card" aria-labelledby="ov-members">
          <h2 id="ov-members">{t('project.members')}</h2>
          <ul className="plain" data-testid="overview-members">
            {members.map((m) => (
              <li key={m.userId}>
                {m.name} <span className="muted small">{m.email}</span> <span className={`badge role-${m.role}`}>{t(`role.${m.role}`)}</span>
              </li>
            ))}
          </ul>
        </section>
        <section className="card" aria-labelledby="ov-codebook">
          <h2 id="ov-codebook">{t('project.codebook')}</h2>
          {codebook.length === 0 ? (
            <p className="empty">{t('codebook.empty')}</p>
          ) : (
            <ul className="code-tree compact">
              {codebook.map((c) => (
                <li key={c.id} style={{ paddingInlineStart: `${c.depth * 1.1}rem` }}>
                  <span className="swatch" style={{ background: c.color }} aria-hidden />
                  {pick(c.name.zh, c.name.en)}
                  {c.shortcut && <kbd>{c.shortcut}</kbd>}
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="card" aria-labelledby="ov-cases">
          <h2 id="ov-cases">{t('project.cases')}</h2>
          {cases.length === 0 ? (
            <p className="empty">{t('cases.empty')}</p>
          ) : (
            <ul className="plain">
              {cases.map((c) => (
                <li key={c.id}>
                  <strong>{c.key}</strong> {pick(c.nameZh, c.nameEn)}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </div>
  )
}
