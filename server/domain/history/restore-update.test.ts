import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import * as Y from 'yjs'
import { addCodingsToDoc, buildTranscriptDoc, removeCodingFromDoc } from '../editor/build-doc'
import { projectDoc } from '../editor/project-codings'
import { codingsArb, turnArb } from '../editor/test-support'
import type { CodingSpan, Turn } from '../editor/types'
import { computeRestoreUpdate } from './restore-update'

const fragmentOf = (doc: Y.Doc) => doc.getXmlFragment('default')
const view = (doc: Y.Doc) => {
  const p = projectDoc(fragmentOf(doc))
  return { text: p.text, speakers: p.paragraphs.map((x) => x.speaker), codings: p.codings }
}
const docFrom = (state: Uint8Array) => {
  const d = new Y.Doc()
  Y.applyUpdate(d, state)
  return d
}

/** Inserts `text` at `offset` of paragraph `index`'s first text node, as the editor would. */
function typeInto(doc: Y.Doc, index: number, offset: number, text: string) {
  const para = fragmentOf(doc).get(index) as Y.XmlElement
  const t = para.toArray().find((c): c is Y.XmlText => c instanceof Y.XmlText)!
  t.insert(Math.min(offset, t.length), text)
}

const turns: Turn[] = [
  { speaker: 'I', text: 'What does the alliance do for talent?' },
  { speaker: 'R', text: 'We co-design programs with the park.' },
  { speaker: 'I', text: 'And research?' },
  { speaker: 'R', text: 'A shared lab opened last year.' },
]
const fullText = turns.map((t) => t.text).join('\n')
/** Offsets of a turn's text in the plain text. */
const spanOf = (i: number) => {
  const start = turns.slice(0, i).reduce((n, t) => n + t.text.length + 1, 0)
  return { start, end: start + turns[i].text.length }
}

describe('computeRestoreUpdate', () => {
  it('[HIS5] restores text, speakers and codings of an earlier version after edits', () => {
    const doc = buildTranscriptDoc(turns, [{ codeId: 'talent', coderId: 'u1', ...spanOf(1) }])
    const version = Y.encodeStateAsUpdate(doc)
    const before = view(doc)
    typeInto(doc, 1, 3, 'really ')
    fragmentOf(doc).delete(3, 1)
    addCodingsToDoc(doc, [{ codeId: 'rnd', coderId: 'u2', start: 0, end: 4 }])
    removeCodingFromDoc(doc, { codeId: 'talent', coderId: 'u1', ...spanOf(1) })
    expect(view(doc)).not.toEqual(before)
    const update = computeRestoreUpdate(Y.encodeStateAsUpdate(doc), version)!
    expect(update).not.toBeNull()
    Y.applyUpdate(doc, update)
    expect(view(doc)).toEqual(before)
  })

  it('[HIS5] returns null when nothing differs', () => {
    const doc = buildTranscriptDoc(turns)
    const state = Y.encodeStateAsUpdate(doc)
    expect(computeRestoreUpdate(state, state)).toBeNull()
  })

  it('[HIS5] any two transcripts: applying the update shows the target exactly', () => {
    const docArb = fc.array(turnArb, { minLength: 1, maxLength: 4 }).chain((ts) => {
      const text = ts.map((t) => t.text).join('\n')
      return codingsArb(text, 5).map((cs) => ({ ts, cs }))
    })
    fc.assert(
      fc.property(docArb, docArb, (a, b) => {
        const current = buildTranscriptDoc(a.ts, a.cs)
        const target = buildTranscriptDoc(b.ts, b.cs)
        const update = computeRestoreUpdate(Y.encodeStateAsUpdate(current), Y.encodeStateAsUpdate(target))
        if (update) Y.applyUpdate(current, update)
        expect(view(current)).toEqual(view(target))
      }),
      { numRuns: 150 },
    )
  })

  it('[HIS6] is a forward edit by a new client that keeps the items of unchanged text', () => {
    const doc = buildTranscriptDoc(turns)
    const version = Y.encodeStateAsUpdate(doc)
    typeInto(doc, 3, 0, 'Well, ')
    const current = Y.encodeStateAsUpdate(doc)
    const known = new Set(Y.decodeStateVector(Y.encodeStateVector(doc)).keys())
    const firstText = (fragmentOf(doc).get(0) as Y.XmlElement).get(0)
    const update = computeRestoreUpdate(current, version)!
    for (const s of Y.decodeUpdate(update).structs) expect(known.has(s.id.client)).toBe(false)
    Y.applyUpdate(doc, update)
    expect((fragmentOf(doc).get(0) as Y.XmlElement).get(0)).toBe(firstText)
    expect(view(doc).text).toBe(fullText)
  })

  it('[HIS6] marks a coder layer holds on unchanged text survive the restore', () => {
    const canonical = buildTranscriptDoc(turns)
    const version = Y.encodeStateAsUpdate(canonical)
    // A layer forked from the canonical state, with its own marks (DESIGN.md: layers).
    const layer = docFrom(Y.encodeStateAsUpdate(canonical))
    const layerCodes: CodingSpan[] = [
      { codeId: 'talent', coderId: 'c1', ...spanOf(1) },
      { codeId: 'rnd', coderId: 'c1', start: spanOf(3).start + 2, end: spanOf(3).end },
    ]
    addCodingsToDoc(layer, layerCodes)
    // The canonical text changes after the version: paragraph 3 is edited.
    const sv = Y.encodeStateVector(canonical)
    typeInto(canonical, 2, 0, 'So, ')
    Y.applyUpdate(layer, Y.encodeStateAsUpdate(canonical, sv))
    const update = computeRestoreUpdate(Y.encodeStateAsUpdate(canonical), version)!
    Y.applyUpdate(canonical, update)
    Y.applyUpdate(layer, update)
    expect(view(canonical).text).toBe(fullText)
    expect(view(layer).text).toBe(view(canonical).text)
    expect(view(layer).codings.map(({ codeId, coderId, start, end }) => ({ codeId, coderId, start, end }))).toEqual(layerCodes)
  })

  it('[HIS6] converges with an edit made concurrently with the restore', () => {
    const a = buildTranscriptDoc(turns)
    const version = Y.encodeStateAsUpdate(a)
    typeInto(a, 0, 0, 'Q: ')
    const b = docFrom(Y.encodeStateAsUpdate(a))
    const update = computeRestoreUpdate(Y.encodeStateAsUpdate(a), version)!
    Y.applyUpdate(a, update)
    typeInto(b, 3, 0, 'Later: ')
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    expect(view(a)).toEqual(view(b))
    expect(view(a).text).toContain('What does')
    expect(view(a).text).not.toContain('Q: ')
    expect(view(a).text).toContain('Later: ')
  })
})
