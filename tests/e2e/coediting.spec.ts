/**
 * Live co-editing and coding (issue 3), with one browser context per user: two coders type and
 * code the same open-coding transcript and each sees the other's text, marks and caret; reload
 * keeps everything; the lead restores a version and everyone sees it; a blind layer stays
 * private; code retrieval opens the transcript at the segment.
 */
import { expect, test, type Page } from '@playwright/test'
import { demoProjectId, myId, selectText, userPage } from './helpers'

interface Doc {
  id: string
  caseId: string | null
}

async function openCase(page: Page, caseKey: string) {
  // Let the sign-in redirect finish first, or it interrupts the navigation below.
  await page.waitForLoadState('load')
  const pid = await demoProjectId(page)
  const cases = (await (await page.request.get(`/api/projects/${pid}/cases`)).json()) as { id: string; key: string }[]
  const docs = (await (await page.request.get(`/api/projects/${pid}/documents`)).json()) as Doc[]
  const doc = docs.find((d) => d.caseId === cases.find((c) => c.key === caseKey)!.id)!
  await page.goto(`/projects/${pid}/transcripts/${doc.id}`)
  await expect(page.getByTestId('transcript-editor')).toHaveAttribute('data-synced', 'yes', { timeout: 30_000 })
  return { pid, doc }
}


async function codeIdByKey(page: Page, pid: string, key: string): Promise<{ id: string; shortcut: string | null }> {
  const codes = (await (await page.request.get(`/api/projects/${pid}/codebook`)).json()) as { id: string; key: string; shortcut: string | null }[]
  return codes.find((c) => c.key === key)!
}

/** Types `text` at the start of the n-th speaker turn. */
async function typeAtTurn(page: Page, n: number, text: string) {
  await page.locator('.ProseMirror > p').nth(n).click({ position: { x: 4, y: 28 } })
  await page.keyboard.press('Home')
  await page.keyboard.type(text)
}


const editorText = (page: Page) => page.locator('.ProseMirror')
const mark = (page: Page, codeId: string, coderId: string, text: string) => page.locator(`.code-mark[data-code-id="${codeId}"][data-coder-id="${coderId}"]`, { hasText: text })

test('two coders co-edit and code the same transcript live; reload keeps everything', async ({ browser }) => {
  test.setTimeout(120_000)
  const a = await userPage(browser, 'coder1@demo.concord')
  const b = await userPage(browser, 'coder2@demo.concord')
  const { pid } = await openCase(a, 'S')
  await openCase(b, 'S')
  const [aId, bId] = [await myId(a), await myId(b)]
  const programs = await codeIdByKey(a, pid, 'talent.programs')
  const incubation = await codeIdByKey(a, pid, 'technology.incubation')
  const tokenA = `Alpha${Date.now() % 100000}`
  const tokenB = `Beta${Date.now() % 100000}`

  // Presence: each sees both people.
  await expect(a.getByTestId('presence').locator('li')).toHaveCount(2)
  await expect(a.getByTestId('connection-state')).toHaveAttribute('data-state', 'connected')

  // Text, both ways.
  await typeAtTurn(a, 0, `${tokenA} says hello. `)
  await expect(editorText(b)).toContainText(`${tokenA} says hello.`)
  await typeAtTurn(b, 2, `${tokenB} answers. `)
  await expect(editorText(a)).toContainText(`${tokenB} answers.`)

  // Coding with a shortcut key (the key codes the selection, it does not replace it).
  await selectText(a, tokenA)
  await a.keyboard.press(programs.shortcut!)
  await expect(mark(a, programs.id, aId, tokenA)).toBeVisible()
  await expect(editorText(a)).toContainText(`${tokenA} says hello.`)
  await expect(mark(b, programs.id, aId, tokenA)).toBeVisible()

  // Coding from the sidebar, overlapping the other coder's code.
  await selectText(b, `${tokenA} says`)
  await b.locator(`[data-testid=code-button][data-code-id="${incubation.id}"]`).click()
  await expect(mark(a, incubation.id, bId, tokenA)).toBeVisible()
  await expect(mark(a, programs.id, aId, tokenA)).toBeVisible()

  // Carets with names.
  await expect(b.locator('.collaboration-carets__label', { hasText: '王晓' })).toBeVisible()
  await expect(a.locator('.collaboration-carets__label', { hasText: '陈默' })).toBeVisible()

  // The hover card lists both codes and coders.
  await b.locator('.code-mark', { hasText: tokenA }).first().hover()
  const card = b.getByTestId('hover-card')
  await expect(card).toContainText('Programs aligned')
  await expect(card).toContainText('Innovation incubation')
  await expect(card).toContainText('王晓')

  // Reload keeps text and marks.
  await b.waitForTimeout(500)
  await a.reload()
  await expect(a.getByTestId('transcript-editor')).toHaveAttribute('data-synced', 'yes', { timeout: 30_000 })
  await expect(editorText(a)).toContainText(`${tokenB} answers.`)
  await expect(mark(a, programs.id, aId, tokenA)).toBeVisible()
  await expect(mark(a, incubation.id, bId, tokenA)).toBeVisible()

  // Removing a code from the selection reaches the other coder.
  await selectText(a, tokenA)
  await a.locator(`.in-selection li[data-code-id="${programs.id}"][data-coder-id="${aId}"]`).getByTestId('remove-from-selection').click()
  await expect(mark(b, programs.id, aId, tokenA)).toHaveCount(0)
  await expect(mark(b, incubation.id, bId, tokenA)).toBeVisible()
  await a.context().close()
  await b.context().close()
})

test('the lead restores a version as a live edit that everyone sees', async ({ browser }) => {
  test.setTimeout(90_000)
  const lead = await userPage(browser, 'lead@demo.concord')
  const coder = await userPage(browser, 'coder1@demo.concord')
  await openCase(lead, 'T')
  await openCase(coder, 'T')
  const name = `Base ${Date.now()}`
  await lead.getByTestId('history-tab').click()
  await lead.getByTestId('version-name').fill(name)
  await lead.getByTestId('save-version').click()
  const item = lead.getByTestId('version-item').filter({ hasText: name })
  await expect(item).toBeVisible()

  const temp = `TEMP${Date.now() % 100000}`
  await typeAtTurn(coder, 1, `${temp} should go. `)
  await expect(editorText(lead)).toContainText(temp)

  await item.click()
  await expect(lead.getByTestId('version-preview')).not.toContainText(temp)
  await lead.getByTestId('compare-tab').click()
  await expect(lead.getByTestId('comparison')).toContainText(temp)
  await lead.getByTestId('restore-version').click()
  await lead.getByTestId('confirm-restore').click()
  await expect(editorText(lead)).not.toContainText(temp)
  await expect(editorText(coder)).not.toContainText(temp)
  await expect(lead.getByTestId('version-item').first()).toContainText(/Before a restore/)
  // Still live afterwards.
  await typeAtTurn(coder, 1, 'After restore. ')
  await expect(editorText(lead)).toContainText('After restore.')
  await lead.context().close()
  await coder.context().close()
})

test('a blind layer: the text is read-only, the codes stay private', async ({ browser }) => {
  test.setTimeout(90_000)
  const c1 = await userPage(browser, 'coder1@demo.concord')
  const c2 = await userPage(browser, 'coder2@demo.concord')
  const { pid } = await openCase(c1, 'K')
  await expect(c1.getByTestId('editor-mode')).toHaveText('My blind layer')
  const before = await editorText(c1).textContent()
  await typeAtTurn(c1, 0, 'nope')
  await expect(editorText(c1)).toHaveText(before!)
  const c1Id = await myId(c1)
  const code = await codeIdByKey(c1, pid, 'technology.culture')
  const first = (await c1.locator('.ProseMirror > p').first().textContent())!.slice(0, 6)
  await selectText(c1, first)
  await c1.keyboard.press(code.shortcut!)
  await expect(mark(c1, code.id, c1Id, first)).toBeVisible()
  await expect(c1.getByTestId('connection-state')).toHaveAttribute('data-state', 'connected')
  await openCase(c2, 'K')
  await c2.waitForTimeout(1000)
  await expect(c2.locator(`.code-mark[data-coder-id="${c1Id}"]`)).toHaveCount(0)
  await c1.reload()
  await expect(c1.getByTestId('transcript-editor')).toHaveAttribute('data-synced', 'yes', { timeout: 30_000 })
  await expect(mark(c1, code.id, c1Id, first)).toBeVisible()
  await c1.context().close()
  await c2.context().close()
})

test('code retrieval lists a code’s segments and opens the transcript at one', async ({ browser }) => {
  const lead = await userPage(browser, 'lead@demo.concord')
  const pid = await demoProjectId(lead)
  const code = await codeIdByKey(lead, pid, 'talent.teaching')
  await lead.goto(`/projects/${pid}/retrieval?codeId=${code.id}`)
  const segments = lead.getByTestId('segment')
  await expect(segments.first()).toBeVisible()
  expect(await segments.count()).toBeGreaterThan(3)
  const text = (await segments.first().locator('mark').textContent())!
  await segments.first().getByTestId('open-segment').click()
  await expect(lead.getByTestId('transcript-editor')).toHaveAttribute('data-synced', 'yes', { timeout: 30_000 })
  await expect(lead.locator('.seg-target').first()).toBeVisible()
  expect(text.startsWith((await lead.locator('.seg-target').first().textContent())!.slice(0, 5))).toBe(true)
  await lead.context().close()
})
