/**
 * Blind coding end to end (issue 4), one browser context per user: the lead starts an independent
 * round in the UI on an open-coding transcript (the last of case S, which the other specs leave
 * alone); coder1 and coder2 code it in their own layers, each blind to the other, while the lead
 * sees only counts; the lead reveals the round; the agreement dashboard shows the computed alpha
 * and kappa (the API's numbers), and a drill-down opens the disagreeing passage in the transcript.
 */
import { expect, test, type Page } from '@playwright/test'
import { demoProjectId, myId, selectText, userPage } from './helpers'



/** A piece of the n-th speaker turn that occurs once in the whole transcript. */
async function uniquePiece(page: Page, n: number): Promise<string> {
  const all = (await page.locator('.ProseMirror').textContent())!
  const turn = (await page.locator('.ProseMirror > p').nth(n).textContent())!
  for (let from = 4; from + 12 <= turn.length; from += 3) {
    const piece = turn.slice(from, from + 12)
    if (all.indexOf(piece) === all.lastIndexOf(piece) && !/\s/.test(piece)) return piece
  }
  throw new Error(`no unique piece in turn ${n}`)
}

async function openTranscript(page: Page, pid: string, id: string) {
  await page.goto(`/projects/${pid}/transcripts/${id}`)
  await expect(page.getByTestId('transcript-editor')).toHaveAttribute('data-synced', 'yes', { timeout: 30_000 })
}

const mark = (page: Page, codeId: string, coderId: string, text: string) => page.locator(`.code-mark[data-code-id="${codeId}"][data-coder-id="${coderId}"]`, { hasText: text })

test('two coders code blind, the lead reveals, the dashboard shows alpha and kappa and a drill-down opens the passage', async ({ browser }) => {
  test.setTimeout(240_000)
  const lead = await userPage(browser, 'lead@demo.concord')
  const c1 = await userPage(browser, 'coder1@demo.concord')
  const c2 = await userPage(browser, 'coder2@demo.concord')
  await lead.waitForLoadState('load')
  const pid = await demoProjectId(lead)
  const cases = (await (await lead.request.get(`/api/projects/${pid}/cases`)).json()) as { id: string; key: string }[]
  const docs = (await (await lead.request.get(`/api/projects/${pid}/documents`)).json()) as { id: string; title: string; caseId: string | null; round: unknown }[]
  const target = docs.filter((d) => d.caseId === cases.find((c) => c.key === 'S')!.id).at(-1)!
  expect(target.round).toBeNull()
  const codes = (await (await lead.request.get(`/api/projects/${pid}/codebook`)).json()) as { id: string; key: string; shortcut: string | null }[]
  const programs = codes.find((c) => c.key === 'talent.programs')!
  const [c1Id, c2Id] = [await myId(c1), await myId(c2)]

  // The lead starts the round in the UI.
  const name = `E2E blind round ${Date.now() % 100000}`
  await lead.goto(`/projects/${pid}/agreement/rounds`)
  const form = lead.getByTestId('new-round-form')
  await form.getByTestId('round-name').fill(name)
  await form.getByLabel(target.title).check()
  await form.getByLabel(/王晓/).check()
  await form.getByLabel(/陈默/).check()
  await form.getByTestId('start-round').click()
  const card = lead.getByTestId('round-card').filter({ hasText: name })
  await expect(card).toBeVisible()
  await expect(card).toContainText('Blind round')
  const rounds = (await (await lead.request.get(`/api/projects/${pid}/rounds`)).json()) as { id: string; name: string }[]
  const roundId = rounds.find((r) => r.name === name)!.id

  // Each coder codes in their own layer; neither sees the other's marks.
  await openTranscript(c1, pid, target.id)
  await expect(c1.getByTestId('editor-mode')).toHaveText('My blind layer')
  const agreed = await uniquePiece(c1, 1)
  const onlyC1 = await uniquePiece(c1, 3)
  await selectText(c1, agreed)
  await c1.keyboard.press(programs.shortcut!)
  await expect(mark(c1, programs.id, c1Id, agreed)).toBeVisible()
  await selectText(c1, onlyC1)
  await c1.keyboard.press(programs.shortcut!)
  await expect(mark(c1, programs.id, c1Id, onlyC1)).toBeVisible()

  await openTranscript(c2, pid, target.id)
  await expect(c2.getByTestId('editor-mode')).toHaveText('My blind layer')
  await selectText(c2, agreed)
  await c2.keyboard.press(programs.shortcut!)
  await expect(mark(c2, programs.id, c2Id, agreed)).toBeVisible()
  await expect(c2.locator(`.code-mark[data-coder-id="${c1Id}"]`, { hasText: onlyC1 })).toHaveCount(0)
  await expect(c1.locator(`.code-mark[data-coder-id="${c2Id}"]`, { hasText: agreed })).toHaveCount(0)

  // The lead sees counts only, updated live; the layers stay closed to everyone.
  await expect(card.getByTestId(`progress-${target.id}-${c1Id}`)).toHaveText('2', { timeout: 20_000 })
  await expect(card.getByTestId(`progress-${target.id}-${c2Id}`)).toHaveText('1', { timeout: 20_000 })
  expect((await lead.request.get(`/api/projects/${pid}/transcripts/${target.id}/layers`)).status()).toBe(403)
  expect((await lead.request.get(`/api/projects/${pid}/agreement?round=${roundId}`)).status()).toBe(403)
  expect((await c2.request.get(`/api/projects/${pid}/transcripts/${target.id}/layers`)).status()).toBe(403)

  // The reveal, with a confirmation.
  await card.getByTestId('reveal-round').click()
  await expect(lead.getByTestId('reveal-dialog')).toBeVisible()
  await lead.getByTestId('reveal-confirm').click()
  await expect(card).toContainText('Revealed round', { timeout: 20_000 })

  // The dashboard shows the numbers the API computes: unitizing alpha and character kappa…
  const api = async (query: string) => (await (await lead.request.get(`/api/projects/${pid}/agreement?round=${roundId}&${query}`)).json()) as { overall: Record<string, number>; cohenKappa: number; krippendorffAlpha: number }
  const spans = await api('unit=span')
  expect(spans.overall.unitizingAlpha).toBeGreaterThan(0)
  expect(spans.overall.unitizingAlpha).toBeLessThan(1)
  await lead.goto(`/projects/${pid}/agreement?round=${roundId}&unit=span`)
  await expect(lead.getByTestId('overall-unitizingAlpha')).toContainText(spans.overall.unitizingAlpha.toFixed(3), { timeout: 30_000 })
  await expect(lead.getByTestId('overall-characterKappa')).toContainText(spans.overall.characterKappa.toFixed(3))

  // … and, per speaker turn, Krippendorff's alpha and Cohen's kappa.
  const turns = await api('unit=segment&segment=turn')
  await lead.getByTestId('agreement-unit').selectOption('segment')
  await expect(lead.getByTestId('overall-cohenKappa')).toContainText(turns.cohenKappa.toFixed(3), { timeout: 30_000 })
  await expect(lead.getByTestId('overall-krippendorffAlpha')).toContainText(turns.krippendorffAlpha.toFixed(3))
  await expect(lead.getByTestId('agreement-heatmap')).toBeVisible()

  // Drill down from the code's alpha to the turn only coder1 coded, and open it in the transcript.
  await lead.getByTestId(`cell-${programs.id}-krippendorffAlpha`).click()
  const drill = lead.getByTestId('agreement-drill')
  const passage = drill.getByTestId('agreement-passage').filter({ hasText: onlyC1 })
  await expect(passage).toHaveCount(1, { timeout: 20_000 })
  await expect(drill.getByTestId('agreement-passage').filter({ hasText: agreed })).toHaveCount(0)
  await passage.getByTestId('passage-open').click()
  await expect(lead).toHaveURL(new RegExp(`/transcripts/${target.id}\\?at=\\d+-\\d+`))
  await expect(lead.getByTestId('transcript-editor')).toHaveAttribute('data-synced', 'yes', { timeout: 30_000 })
  await expect(lead.locator('.ProseMirror')).toContainText(onlyC1)

  for (const p of [lead, c1, c2]) await p.context().close()
})
