import { describe, expect, it } from 'vitest'
import { findRoomNameProblem, parseRoomName, roomFromPath } from './room-name'

describe('room names', () => {
  it('[SYNC1] the room is the whole path after /collab/, slashes included; other paths are not ours', () => {
    expect(roomFromPath('/collab/l/T1/u-2', '/collab')).toBe('l/T1/u-2')
    expect(roomFromPath('/collab/m/p/c%3A1/ind', '/collab')).toBe('m/p/c:1/ind')
    expect(roomFromPath('/_next/hmr', '/collab')).toBeUndefined()
    expect(roomFromPath('/collab', '/collab')).toBeUndefined()
    expect(roomFromPath('/collabx/t/1', '/collab')).toBeUndefined()
    expect(roomFromPath('/collab/%E0%A4%A', '/collab')).toBeNull()
  })

  it('[SYNC1] t/ is canonical, l/ is a layer, any other prefix is a plain doc', () => {
    expect(parseRoomName('t/abc')).toEqual({ kind: 'canonical', transcriptId: 'abc' })
    expect(parseRoomName('l/abc/u1')).toEqual({ kind: 'layer', transcriptId: 'abc', coderId: 'u1' })
    expect(parseRoomName('m/p1/case-1/ind.2')).toEqual({ kind: 'plain' })
  })

  it('[SYNC2] malformed room names are refused', () => {
    for (const ok of ['t/abc', 'l/abc/u1', 'm/p1/c1/i1', 'plain']) expect(findRoomNameProblem(ok)).toBeNull()
    expect(findRoomNameProblem('')).toBe('empty room name')
    expect(findRoomNameProblem('t/a/b')).toMatch(/t\/<transcriptId>/)
    expect(findRoomNameProblem('l/a')).toMatch(/l\/<transcriptId>\/<coderId>/)
    expect(findRoomNameProblem('t/../x')).toMatch(/bad room name segment/)
    expect(findRoomNameProblem('t//x')).toMatch(/bad room name segment/)
    expect(findRoomNameProblem('t/a b')).toMatch(/bad room name segment/)
    expect(findRoomNameProblem('x/' + 'a'.repeat(600))).toMatch(/longer than/)
  })
})
