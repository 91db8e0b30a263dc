/**
 * Arbitration (issue 6) with one browser context per user: the lead decides disputes of the
 * demo's revealed round with single keys while coder1 watches — on the disputes page the dispute
 * turns decided with the consensus and the progress moves; in the transcript view the consensus
 * mark appears in the shared document, live; the agreement dashboard's before/after-arbitration
 * panel counts the decision.
 */
import { expect, test, type Page } from '@playwright/test'
import { demoProjectId, userPage } from './helpers'

interface Dispute {
  id: string
  kind: string
  documentId: string | null
  codeId: string
  start: number | null
  end: number | null
  state: string
  versions: { coderId: string; spans?: { start: number; end: number }[] }[]
  context: { start: number; text: string } | null
}

async function myId(page: Page): Promise<string> {
  return ((await (await page.request.get('/api/auth/session')).json()) as { user: { id: string } }).user.id
}

/** Opens a page and waits until its live-events stream is connected, so no event is missed. */
async function openLive(page: Page, url: string) {
  const connected = page.waitForResponse((r) => r.url().includes('/events') && r.status() === 200)
  await page.goto(url)
  await connected
}

test('the lead decides disputes with the keyboard while a coder watches the consensus change', async ({ browser }) => {
  const lead = await userPage(browser, 'lead@demo.concord')
  const coder = await userPage(browser, 'coder1@demo.concord')
  await lead.waitForLoadState('load')
  await coder.waitForLoadState('load')
  const pid = await demoProjectId(lead)
  const [leadId, coderId] = [await myId(lead), await myId(coder)]
  const open = (await (await lead.request.get(`/api/projects/${pid}/disputes?state=open`)).json()) as Dispute[]
  const all = (await (await lead.request.get(`/api/projects/${pid}/disputes`)).json()) as Dispute[]
  const decided0 = all.length - open.length
  // The demo arrives with disputes, some decided (about a third).
  expect(all.length).toBeGreaterThan(6)
  expect(decided0).toBeGreaterThan(0)
  // The demo also has status disputes (framework judgements); this test decides a passage.
  expect(all.some((d) => d.kind === 'status')).toBe(true)
  const first = open.find((d) => d.kind !== 'status')!
  // Take the version of a coder who coded the passage (key = their row, 1-based).
  const takeIndex = first.versions.findIndex((v) => (v.spans ?? []).length > 0)
  const taken = first.versions[takeIndex]
  const passage = first.context!.text.slice(taken.spans![0].start - first.context!.start, taken.spans![0].end - first.context!.start)
  expect(passage.length).toBeGreaterThan(4)
  const members = (await (await lead.request.get(`/api/projects/${pid}/members`)).json()) as { userId: string; name: string }[]
  const takenName = members.find((m) => m.userId === taken.coderId)!.name.split(' ')[0]
  expect(first.versions.map((v) => v.coderId)).toContain(coderId)

  // coder1 watches the transcript (shared document) in one tab and the disputes page in another.
  const transcript = await coder.context().newPage()
  await transcript.goto(`/projects/${pid}/transcripts/${first.documentId}`)
  await expect(transcript.getByTestId('transcript-editor')).toHaveAttribute('data-synced', 'yes', { timeout: 30_000 })
  const consensusMark = transcript.locator(`.code-mark[data-code-id="${first.codeId}"][data-coder-id="${leadId}"]`, { hasText: passage.slice(0, 4) })
  await expect(consensusMark).toHaveCount(0)

  await openLive(coder, `/projects/${pid}/disputes?dispute=${first.id}`)
  const coderDetail = coder.getByTestId('dispute-detail')
  await expect(coderDetail).toHaveAttribute('data-dispute', first.id)
  await expect(coder.getByTestId('detail-state')).toHaveText(/Open/)
  await expect(coder.getByTestId('dispute-progress')).toContainText(`${decided0} of ${all.length} decided`)

  // … and the agreement dashboard: before and after arbitration, with the dispute progress.
  const dashboard = await coder.context().newPage()
  await openLive(dashboard, `/projects/${pid}/agreement`)
  const comparison = dashboard.getByTestId('arbitration-comparison')
  await expect(dashboard.getByTestId('arbitration-progress')).toContainText(`${decided0} of ${all.length} disputes decided`, { timeout: 30_000 })
  const alpha = (await dashboard.getByTestId('overall-krippendorffAlpha').locator('.agr-stat-value').innerText()).trim()
  await expect(comparison.getByTestId('ba-before')).toContainText(alpha)
  await expect(comparison.getByTestId(`ba-after-${coderId}`)).toContainText(/\d\.\d{3}/)

  await lead.goto(`/projects/${pid}/disputes?dispute=${first.id}`)
  const leadDetail = lead.getByTestId('dispute-detail')
  await expect(leadDetail).toHaveAttribute('data-dispute', first.id)
  await expect(lead.locator('.dsp-page')).toHaveAttribute('data-keys-ready', 'yes')

  // 1/2 = take that coder's version, r = rationale, Enter = confirm.
  await lead.keyboard.press(String(takeIndex + 1))
  await expect(lead.getByTestId('result-text')).toContainText(passage.slice(0, 6))
  await lead.keyboard.press('r')
  await expect(lead.getByTestId('rationale')).toBeFocused()
  await lead.keyboard.type(`受访者给出了具体的投入和设备，${takenName}的编码成立。`)
  await lead.keyboard.press('Enter')
  // The lead moves on to the next open dispute.
  await expect(leadDetail).not.toHaveAttribute('data-dispute', first.id)

  // The coder sees the decision arrive, with the consensus, without reloading.
  await expect(coder.getByTestId('detail-state')).toHaveText(/Decided/)
  await expect(coder.getByTestId('decision-choice')).toContainText(takenName)
  await expect(coder.getByTestId('decision')).toContainText('受访者给出了具体的投入和设备')
  await expect(coder.getByTestId('result-text')).toContainText(passage.slice(0, 6))
  await expect(coder.getByTestId('dispute-progress')).toContainText(`${decided0 + 1} of ${all.length} decided`)
  // … and in the transcript view the consensus mark appears in the shared document.
  await expect(consensusMark.first()).toBeVisible()
  // The dashboard's before/after panel follows: one more dispute decided; the before figure stays.
  await expect(dashboard.getByTestId('arbitration-progress')).toContainText(`${decided0 + 1} of ${all.length} disputes decided`)
  await expect(comparison.getByTestId('ba-before')).toContainText(alpha)

  // j moves to the next dispute; n = none; Enter in the rationale confirms.
  const before = await leadDetail.getAttribute('data-dispute')
  await lead.keyboard.press('j')
  await expect(leadDetail).not.toHaveAttribute('data-dispute', before!)
  const second = (await leadDetail.getAttribute('data-dispute'))!
  await lead.keyboard.press('k')
  await expect(leadDetail).toHaveAttribute('data-dispute', before!)
  await lead.keyboard.press('j')
  await expect(leadDetail).toHaveAttribute('data-dispute', second)
  await lead.keyboard.press('n')
  await expect(lead.getByTestId('result-empty')).toBeVisible()
  // Without a rationale the decision is refused (the demo project requires one).
  await lead.keyboard.press('Enter')
  await expect(lead.getByTestId('decision-error')).toContainText(/rationale/i)
  await expect(lead.getByTestId('rationale')).toBeFocused()
  await lead.keyboard.type('只是泛泛而谈，没有具体机制，不编码。')
  await lead.keyboard.press('Enter')
  await expect(leadDetail).not.toHaveAttribute('data-dispute', second)
  await expect(coder.getByTestId('dispute-progress')).toContainText(`${decided0 + 2} of ${all.length} decided`)

  // The decision log shows both decisions to the coder, and exports as CSV.
  await coder.getByTestId('tab-log').click()
  await expect(coder.getByTestId('decision-log')).toContainText('只是泛泛而谈，没有具体机制，不编码。')
  await expect(coder.getByTestId('decision-log')).toContainText('受访者给出了具体的投入和设备')
  const csv = await coder.request.get(`/api/projects/${pid}/decisions?format=csv`)
  expect(csv.headers()['content-type']).toContain('text/csv')
  expect(await csv.text()).toContain('只是泛泛而谈')

  // Coders cannot decide: no decision buttons on their page, and the API refuses.
  const refused = await coder.request.post(`/api/projects/${pid}/disputes/${open[3].id}/decision`, { data: { choice: 'none', rationale: 'x' } })
  expect(refused.status()).toBe(403)
})
