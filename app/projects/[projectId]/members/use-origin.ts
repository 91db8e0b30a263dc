'use client'
import { useSyncExternalStore } from 'react'

const subscribe = () => () => {}

/** This site's origin for links people share; empty during server rendering, so hydration matches. */
export function useOrigin(): string {
  return useSyncExternalStore(subscribe, () => window.location.origin, () => '')
}

export const inviteLink = (origin: string, token: string) => `${origin}/invite/${token}`
