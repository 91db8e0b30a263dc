import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import { findMarksOnlyViolation } from './marks-validator'

// A Tiptap-shaped transcript: root XmlFragment 'default' with paragraph elements of Y.XmlText.
function makeCanonical(paragraphs: string[]): Y.Doc {
  const doc = new Y.Doc()
  const fragment = doc.getXmlFragment('default')
  fragment.insert(0, paragraphs.map((p) => {
    const el = new Y.XmlElement('paragraph')
    el.insert(0, [new Y.XmlText(p)])
    return el
  }))
  return doc
}

const fork = (from: Y.Doc) => {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(from))
  return doc
}

const textOf = (doc: Y.Doc, i: number) =>
  (doc.getXmlFragment('default').get(i) as Y.XmlElement).get(0) as Y.XmlText

function capture(doc: Y.Doc, change: () => void): Uint8Array {
  const updates: Uint8Array[] = []
  const on = (u: Uint8Array) => updates.push(u)
  doc.on('update', on)
  change()
  doc.off('update', on)
  return Y.mergeUpdates(updates)
}

const code = (codeId: string, coderId: string) => ({ codeId, coderId })

function setup() {
  const canonical = makeCanonical(['I felt the pain every day.', 'Then it got better.'])
  const layer = fork(canonical) // the server's replica of l/t/alice
  const client = fork(layer) // alice's browser
  const ctx = { doc: layer, canonicalClients: canonical.store.clients, userId: 'alice' }
  return { canonical, layer, client, ctx }
}

describe('marks-only validation of layer updates', () => {
  it('[SYNC8] accepts the owner adding, overlapping and removing code marks', () => {
    const { layer, client, ctx } = setup()
    const add = capture(client, () => {
      textOf(client, 0).format(10, 4, { 'code--AAAAAAAA': code('pain', 'alice') })
      textOf(client, 0).format(6, 8, { 'code--BBBBBBBB': code('feel', 'alice') })
    })
    expect(findMarksOnlyViolation(ctx, add)).toBeNull()
    Y.applyUpdate(layer, add)
    const remove = capture(client, () => textOf(client, 0).format(10, 4, { 'code--AAAAAAAA': null }))
    expect(findMarksOnlyViolation(ctx, remove)).toBeNull()
    // insert(…, attrs) with the same marks on existing text is what y-prosemirror emits as a no-op
    const noop = capture(client, () => textOf(client, 0).insert(0, '', { 'code--AAAAAAAA': code('pain', 'alice') }))
    expect(findMarksOnlyViolation(ctx, noop)).toBeNull()
  })

  it('[SYNC8] rejects a text insert, a text delete and a new paragraph', () => {
    const { client, ctx } = setup()
    expect(findMarksOnlyViolation(ctx, capture(client, () => textOf(client, 0).insert(0, 'X')))).toBe('non-format struct')
    const other = fork(ctx.doc)
    expect(findMarksOnlyViolation(ctx, capture(other, () => textOf(other, 0).delete(0, 2)))).toBe('deletes a non-format item')
    const para = capture(client, () => client.getXmlFragment('default').insert(0, [new Y.XmlElement('paragraph')]))
    expect(findMarksOnlyViolation(ctx, para)).toBe('non-format struct')
  })

  it('[SYNC8] rejects a code mark claiming another coder, or without a codeId', () => {
    const { client, ctx } = setup()
    const forged = capture(client, () => textOf(client, 0).format(0, 4, { 'code--CCCCCCCC': code('pain', 'bob') }))
    expect(findMarksOnlyViolation(ctx, forged)).toBe('code mark of another coder')
    const noCode = capture(client, () => textOf(client, 0).format(0, 4, { 'code--DDDDDDDD': { coderId: 'alice' } }))
    expect(findMarksOnlyViolation(ctx, noCode)).toBe('code mark without codeId')
    const scalar = capture(client, () => textOf(client, 0).format(0, 4, { 'code--EEEEEEEE': 'alice' }))
    expect(findMarksOnlyViolation(ctx, scalar)).toBe('code mark value is not an object')
  })

  it('[SYNC8] rejects format keys that are not code marks', () => {
    const { client, ctx } = setup()
    const bold = capture(client, () => textOf(client, 0).format(0, 4, { bold: true }))
    expect(findMarksOnlyViolation(ctx, bold)).toMatch(/format key "bold" is not a code mark/)
  })

  it('[SYNC8] rejects structs that use a canonical client id', () => {
    const { canonical, layer, ctx } = setup()
    const impostor = fork(layer)
    impostor.clientID = canonical.clientID // e.g. a layer doc built with a canonical editor's id
    const update = capture(impostor, () => textOf(impostor, 0).format(0, 4, { 'code--AAAAAAAA': code('pain', 'alice') }))
    expect(findMarksOnlyViolation(ctx, update)).toBe('struct uses a canonical client id')
  })

  it('[SYNC8] rejects a format item forged into a map slot (it would overwrite a paragraph attribute)', () => {
    const { canonical, ctx } = setup()
    const paragraph = () => canonical.getXmlFragment('default').get(0) as Y.XmlElement
    paragraph().setAttribute('level', '1')
    const layer = fork(canonical)
    const attributeItem = paragraph()._map.get('level') as Y.Item
    const forger = 2 ** 32 - 1 // the highest client id wins YATA ties against existing entries
    // Hand-encoded v1 updates holding one ContentFormat item each.
    const forge = (writePlacement: (e: encoding.Encoder) => number) => {
      const e = encoding.createEncoder()
      encoding.writeVarUint(e, 1) // one client
      encoding.writeVarUint(e, 1) // one struct
      encoding.writeVarUint(e, forger)
      encoding.writeVarUint(e, 0) // clock
      const info = encoding.createEncoder()
      const placement = encoding.createEncoder()
      encoding.writeUint8(info, writePlacement(placement))
      encoding.writeUint8Array(e, encoding.toUint8Array(info))
      encoding.writeUint8Array(e, encoding.toUint8Array(placement))
      encoding.writeVarString(e, 'code--AAAAAAAA')
      encoding.writeVarString(e, JSON.stringify(code('pain', 'alice')))
      encoding.writeVarUint(e, 0) // empty delete set
      return encoding.toUint8Array(e)
    }
    const withParent = forge((p) => {
      encoding.writeVarUint(p, 0) // parent is an ID, not a root key
      encoding.writeVarUint(p, paragraph()._item!.id.client)
      encoding.writeVarUint(p, paragraph()._item!.id.clock)
      encoding.writeVarString(p, 'level') // parentSub
      return 6 | 0x20 // ContentFormat, has parentSub, no origins
    })
    const afterAttribute = forge((p) => {
      encoding.writeVarUint(p, attributeItem.id.client) // origin: the current attribute value
      encoding.writeVarUint(p, attributeItem.id.clock)
      return 6 | 0x80 // ContentFormat with an origin (parent and parentSub follow from it)
    })
    const layerCtx = { ...ctx, doc: layer }
    expect(findMarksOnlyViolation(layerCtx, withParent)).toBe('format in a map slot')
    expect(findMarksOnlyViolation(layerCtx, afterAttribute)).toBe('format in a map slot')
    // The threat is real: applied, either one removes the paragraph's attribute in the layer.
    for (const forged of [withParent, afterAttribute]) {
      const victim = fork(layer)
      Y.applyUpdate(victim, forged)
      expect((victim.getXmlFragment('default').get(0) as Y.XmlElement).getAttribute('level')).not.toBe('1')
    }
  })

  it('[SYNC8] accepts the delete set a layer client re-sends after the canonical doc deleted a paragraph', () => {
    const { canonical, layer, client, ctx } = setup()
    const marked = capture(client, () => textOf(client, 1).format(0, 4, { 'code--AAAAAAAA': code('then', 'alice') }))
    Y.applyUpdate(layer, marked)
    // A canonical editor deletes the second paragraph; the server applies it to the layer (gc on).
    const deletion = capture(canonical, () => canonical.getXmlFragment('default').delete(1, 1))
    Y.applyUpdate(layer, deletion)
    Y.applyUpdate(client, deletion)
    // On reconnect the client answers the server's step 1 with its whole delete set.
    const step2 = Y.encodeStateAsUpdate(client, Y.encodeStateVector(layer))
    expect(findMarksOnlyViolation(ctx, step2)).toBeNull()
  })

  it('[SYNC8] rejects deletes of canonical items the server does not have, and garbage bytes', () => {
    const { canonical, ctx } = setup()
    const deleteRange = (client: number, clock: number, len: number) => {
      const e = encoding.createEncoder()
      encoding.writeVarUint(e, 0) // no structs
      encoding.writeVarUint(e, 1) // delete set: one client
      encoding.writeVarUint(e, client)
      encoding.writeVarUint(e, 1)
      encoding.writeVarUint(e, clock)
      encoding.writeVarUint(e, len)
      return encoding.toUint8Array(e)
    }
    const end = Y.getState(canonical.store, canonical.clientID)
    // Pending in the layer, this would delete canonical text once it arrived.
    expect(findMarksOnlyViolation(ctx, deleteRange(canonical.clientID, end, 5))).toBe('deletes unknown items')
    expect(findMarksOnlyViolation(ctx, new Uint8Array([9, 9, 9, 9]))).toBe('malformed update')
  })

  it('[SYNC8] accepts an update that overtakes the client\'s own earlier one (lost with a dropped socket)', () => {
    const { client, ctx } = setup()
    const lost = capture(client, () => textOf(client, 0).format(0, 6, { 'code--AAAAAAAA': code('feel', 'alice') }))
    const next = capture(client, () => {
      textOf(client, 0).format(2, 4, { 'code--AAAAAAAA': null }) // refers to the lost items
    })
    expect(findMarksOnlyViolation(ctx, next)).toBeNull()
    expect(findMarksOnlyViolation(ctx, lost)).toBeNull()
  })
})
