import { describe, expect, it } from 'vitest'
import { updateProjectSchema } from '@/server/services/projects/update-project'
import { defaultProjectSettings } from '@/db/schema/projects'
import { toUpdate, valuesOf } from './settings-values'

const project = { name: 'Study', description: '', codingMode: 'open' as const, settings: defaultProjectSettings }

describe('project settings form', () => {
  it('sends the stored settings back unchanged, in a shape the server accepts', () => {
    const { problems, body } = toUpdate(valuesOf(project))
    expect(problems).toEqual([])
    expect(body).toEqual({ name: 'Study', description: '', codingMode: 'open', settings: defaultProjectSettings })
    expect(updateProjectSchema.safeParse(body).success).toBe(true)
  })

  it('lists every problem at once, as the server would', () => {
    const v = { ...valuesOf(project), name: ' ', highAtMost: '0.6', mediumAtMost: '0.5', partialWeight: '1.5', boundaryTolerance: '2.5' }
    expect(toUpdate(v).problems).toEqual([
      { field: 'name', kind: 'required' },
      { field: 'partialWeight', kind: 'fraction' },
      { field: 'highAtMost', kind: 'order' },
      { field: 'boundaryTolerance', kind: 'integer' },
    ])
  })

  it('treats an empty number as a problem, not as 0', () => {
    expect(toUpdate({ ...valuesOf(project), highAtMost: '' }).problems).toContainEqual({ field: 'highAtMost', kind: 'fraction' })
    expect(toUpdate({ ...valuesOf(project), boundaryTolerance: '' }).problems).toContainEqual({ field: 'boundaryTolerance', kind: 'integer' })
  })

  it('accepts equal thresholds (both bounds are inclusive)', () => {
    expect(toUpdate({ ...valuesOf(project), highAtMost: '0.5', mediumAtMost: '0.5' }).problems).toEqual([])
  })
})
