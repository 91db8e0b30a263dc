import { describe, expect, it } from 'vitest'
import { detectStatusDisputes } from './detect-status-disputes'
import type { FitStatusValue } from './types'

const s = (coderId: string, codeId: string, status: FitStatusValue) => ({ coderId, codeId, status })

describe('detectStatusDisputes', () => {
  it('[DIS11] equal statuses → no dispute; different statuses → one dispute per indicator', () => {
    expect(detectStatusDisputes({ caseId: 'Z', coders: ['a', 'b'], statuses: [s('a', 'x', 'described'), s('b', 'x', 'described')] })).toEqual([])
    const r = detectStatusDisputes({ caseId: 'Z', coders: ['a', 'b'], statuses: [s('a', 'x', 'described'), s('b', 'x', 'partial'), s('a', 'y', 'none'), s('b', 'y', 'none')] })
    expect(r).toHaveLength(1)
    expect(r[0]).toMatchObject({ kind: 'status', caseId: 'Z', codeId: 'x', versions: [{ coderId: 'a', status: 'described' }, { coderId: 'b', status: 'partial' }] })
  })

  it('[DIS11] a missing indicator counts as none for a coder who judged the case', () => {
    const r = detectStatusDisputes({ caseId: 'Z', coders: ['a', 'b'], statuses: [s('a', 'x', 'described'), s('b', 'y', 'none')] })
    expect(r.map((d) => [d.codeId, d.versions.map((v) => v.status)])).toEqual([['x', ['described', 'none']]])
  })

  it('[DIS11] a coder who recorded nothing for the case is left out; one participant → no dispute', () => {
    expect(detectStatusDisputes({ caseId: 'Z', coders: ['a', 'b'], statuses: [s('a', 'x', 'described')] })).toEqual([])
    const r = detectStatusDisputes({ caseId: 'Z', coders: ['a', 'b', 'c'], statuses: [s('a', 'x', 'described'), s('b', 'x', 'none')] })
    expect(r[0].versions.map((v) => v.coderId)).toEqual(['a', 'b'])
  })

  it('[DIS12] magnitude is the ordinal spread × 100, biggest first', () => {
    const r = detectStatusDisputes({ caseId: 'Z', coders: ['a', 'b', 'c'], statuses: [s('a', 'x', 'partial'), s('b', 'x', 'none'), s('a', 'y', 'described'), s('b', 'y', 'partial'), s('c', 'y', 'none'), s('c', 'x', 'none')] })
    expect(r.map((d) => [d.codeId, d.magnitude])).toEqual([['y', 200], ['x', 100]])
  })

  it('[DIS13] the fingerprint depends on case, indicator and statuses, not on order', () => {
    const one = detectStatusDisputes({ caseId: 'Z', coders: ['a', 'b'], statuses: [s('a', 'x', 'described'), s('b', 'x', 'partial')] })[0].fingerprint
    expect(detectStatusDisputes({ caseId: 'Z', coders: ['b', 'a'], statuses: [s('b', 'x', 'partial'), s('a', 'x', 'described')] })[0].fingerprint).toBe(one)
    expect(detectStatusDisputes({ caseId: 'Z', coders: ['a', 'b'], statuses: [s('a', 'x', 'described'), s('b', 'x', 'none')] })[0].fingerprint).not.toBe(one)
    expect(detectStatusDisputes({ caseId: 'K', coders: ['a', 'b'], statuses: [s('a', 'x', 'described'), s('b', 'x', 'partial')] })[0].fingerprint).not.toBe(one)
  })
})
