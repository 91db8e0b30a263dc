import Link from 'next/link'
import { getAppContext } from '@/server/context'
import { ConcordError } from '@/server/errors'
import { getProjectRole } from '@/server/services/access'
import { findInvitation } from '@/server/services/members/manage-members'
import { currentUser, getT } from '@/app/lib/session'
import { AcceptButton } from './accept-button'

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params
  const { t } = await getT()
  const { db } = getAppContext()
  let invitation
  try {
    invitation = await findInvitation(db, token)
  } catch (e) {
    if (!(e instanceof ConcordError) || e.code !== 'not_found') throw e
    return (
      <div className="card narrow stack" data-testid="invite-invalid">
        <h1>{t('invitePage.invalidTitle')}</h1>
        <p>{t('invitePage.invalid')}</p>
        <Link href="/projects">{t('invitePage.toProjects')}</Link>
      </div>
    )
  }
  const user = await currentUser()
  const here = `/invite/${encodeURIComponent(token)}`
  const callback = encodeURIComponent(here)
  const role = t(`role.${invitation.role}`)
  const memberRole = user ? await getProjectRole(db, user.id, invitation.projectId) : null
  const wrongAccount = Boolean(user && invitation.email && invitation.email !== user.email.toLowerCase())
  return (
    <div className="card narrow stack invite-card" data-testid="invite">
      <h1>{t('invite.title', { project: invitation.projectName })}</h1>
      <p>{t('invite.body', { role })}</p>
      {invitation.email && <p className="muted small">{t('invitePage.forEmail', { email: invitation.email })}</p>}
      {!user ? (
        <>
          <p>{t('invite.signInFirst')}</p>
          <div className="row">
            <Link className="button primary" href={`/signin?callbackUrl=${callback}`}>
              {t('nav.signIn')}
            </Link>
            <Link className="button" href={`/signup?callbackUrl=${callback}`}>
              {t('auth.signIn.createOne')}
            </Link>
          </div>
        </>
      ) : memberRole ? (
        <>
          <p>{t('invitePage.alreadyMember', { role: t(`role.${memberRole}`) })}</p>
          <div>
            <Link className="button primary" href={`/projects/${invitation.projectId}`}>
              {t('invitePage.openProject')}
            </Link>
          </div>
        </>
      ) : wrongAccount ? (
        <p className="error" role="alert">
          {t('invitePage.wrongAccount', { email: invitation.email ?? '', me: user.email })}
        </p>
      ) : invitation.email && invitation.acceptedAt ? (
        <p className="error">{t('invitePage.alreadyAccepted')}</p>
      ) : (
        <>
          <p className="muted small">{t('invitePage.signedInAs', { email: user.email })}</p>
          <AcceptButton token={token} />
        </>
      )}
    </div>
  )
}
