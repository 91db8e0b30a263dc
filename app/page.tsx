import { redirect } from 'next/navigation'
import { currentActor } from '@/app/lib/session'

export default async function Home() {
  redirect((await currentActor()) ? '/projects' : '/signin')
}
