/** In-process pub/sub of "project changed" events, fanned out over Redis when configured. */
export interface ProjectEvent {
  projectId: string
  topic: 'fit' | 'codings' | 'disputes' | 'members' | 'codebook' | 'documents' | 'rounds' | 'memos' | 'versions'
  at: number
}

type Listener = (e: ProjectEvent) => void

export class ProjectEvents {
  private listeners = new Map<string, Set<Listener>>()
  /** Optional remote relay (Redis); set by the server when REDIS_URL is given. */
  relay: ((e: ProjectEvent) => void) | null = null

  subscribe(projectId: string, fn: Listener): () => void {
    let set = this.listeners.get(projectId)
    if (!set) this.listeners.set(projectId, (set = new Set()))
    set.add(fn)
    return () => {
      set!.delete(fn)
      if (set!.size === 0) this.listeners.delete(projectId)
    }
  }

  publish(projectId: string, topic: ProjectEvent['topic']): void {
    const e: ProjectEvent = { projectId, topic, at: Date.now() }
    this.deliver(e)
    this.relay?.(e)
  }

  /** Delivers an event that arrived from another instance. */
  deliver(e: ProjectEvent): void {
    for (const fn of this.listeners.get(e.projectId) ?? []) fn(e)
  }
}
