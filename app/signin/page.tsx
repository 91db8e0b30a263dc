import { SignInForm } from './signin-form'
import { getAppContext } from '@/server/context'

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams
  const env = getAppContext().env
  // Only same-site paths: never send a user to another origin after sign-in.
  const safe = callbackUrl && callbackUrl.startsWith('/') && !callbackUrl.startsWith('//') ? callbackUrl : '/projects'
  return <SignInForm callbackUrl={safe} github={Boolean(env.GITHUB_ID && env.GITHUB_SECRET)} />
}
