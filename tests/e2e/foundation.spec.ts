/**
 * Issue 2 in the browser, against the built app on a fresh embedded database with the demo:
 * a new user signs up, creates a project from the study template, imports a real .docx
 * transcript through the import form and invites a coder, who signs in and sees the project;
 * the demo viewer cannot edit; the new user (an outsider to the demo project) gets 404 from
 * every demo-project API route and the "no access" page; the UI switches to Chinese.
 */
import { expect, test, type Browser, type Page } from '@playwright/test'
import { Document, Packer, Paragraph, TextRun } from 'docx'
import { listRouteFiles, methodsFromSource, MUTATING } from '../support/routes'
import { demoProjectId, signIn, userPage } from './helpers'

test.describe.configure({ mode: 'serial' })

const stamp = Date.now().toString(36)
const newUser = { name: 'E2E Researcher', email: `researcher-${stamp}@e2e.concord`, password: 'e2e-password-1' }
const projectName = `E2E 联合体研究 ${stamp}`
let projectId = ''

async function docxBuffer(): Promise<Buffer> {
  const lines = [
    '访谈者：请您介绍一下联合体的基本情况。',
    '受访者：我们联合体成立于2023年，由园区管委会牵头，三所职业院校和二十多家企业参加。',
    '访谈者：校企合作主要做了哪些事情？',
    '受访者：共同制定人才培养方案，企业工程师每周来学校上课。',
  ]
  const doc = new Document({ sections: [{ children: lines.map((l) => new Paragraph({ children: [new TextRun(l)] })) }] })
  return Packer.toBuffer(doc)
}

async function newContextPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ locale: 'en-US' })
  return context.newPage()
}

test('a new user signs up in the browser and lands on their (empty) project list', async ({ browser }) => {
  const page = await newContextPage(browser)
  await page.goto('/signup')
  await page.getByLabel('Name').fill(newUser.name)
  await page.getByLabel('Email').fill(newUser.email)
  await page.getByLabel('Password').fill(newUser.password)
  await page.locator('form button[type=submit]').click()
  await expect(page).toHaveURL(/\/projects$/)
  await expect(page.getByRole('heading', { name: 'Your projects' })).toBeVisible()
  await expect(page.getByText(/You have no projects yet/)).toBeVisible()
  const session = await (await page.request.get('/api/auth/session')).json()
  expect(session.user.email).toBe(newUser.email)
  await page.context().close()
})

test('the new user creates a project from the study template, imports a .docx and invites a coder', async ({ browser }) => {
  const page = await newContextPage(browser)
  await signIn(page, newUser.email, newUser.password)
  await page.getByLabel('Project name').fill(projectName)
  await page.getByLabel(/Study template/).check()
  await page.getByRole('button', { name: 'Create' }).click()
  await expect(page).toHaveURL(/\/projects\/[^/]+$/)
  projectId = page.url().split('/projects/')[1]
  await expect(page.getByRole('heading', { level: 1, name: projectName })).toBeVisible()
  // The template brought the framework: 20 codes, 4 cases.
  const codebook = await (await page.request.get(`/api/projects/${projectId}/codebook`)).json()
  expect(codebook).toHaveLength(20)
  await page.goto(`/projects/${projectId}/codebook`)
  await expect(page.getByTestId('code-node')).toHaveCount(20)
  await expect(page.getByTestId('add-code')).toBeVisible()

  // Import a real Word file through the form.
  await page.goto(`/projects/${projectId}/transcripts`)
  const form = page.getByTestId('import-transcript')
  await expect(form).toBeVisible()
  await form.getByTestId('transcript-file').setInputFiles({ name: '园区访谈.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: await docxBuffer() })
  await form.getByLabel('Title').fill('园区管委会访谈（E2E）')
  await form.getByRole('button', { name: 'Import transcript' }).click()
  await expect(page.getByTestId('import-success')).toContainText('园区管委会访谈（E2E）')
  await expect(page.getByTestId('import-success')).toContainText('4')
  const docs = await (await page.request.get(`/api/projects/${projectId}/documents`)).json()
  expect(docs).toHaveLength(1)
  expect(docs[0]).toMatchObject({ title: '园区管委会访谈（E2E）', round: null, rooms: { text: `t/${docs[0].id}` } })
  await expect(page.getByRole('link', { name: '园区管委会访谈（E2E）' })).toBeVisible()

  // Invite the demo's coder2 (an existing account joins at once).
  await page.goto(`/projects/${projectId}/members`)
  const invite = page.getByTestId('invite-form')
  await invite.getByLabel(/^Email/).fill('coder2@demo.concord')
  await invite.getByLabel('Role').selectOption('coder')
  await invite.getByRole('button', { name: 'Invite' }).click()
  await expect(invite.getByRole('status')).toContainText('coder2@demo.concord')
  const members = await (await page.request.get(`/api/projects/${projectId}/members`)).json()
  expect(members.map((m: { email: string; role: string }) => `${m.email}:${m.role}`).sort()).toEqual(['coder2@demo.concord:coder', `${newUser.email}:lead`].sort())
  await page.context().close()
})

test('the invited coder signs in and sees the project, as a coder', async ({ browser }) => {
  const page = await userPage(browser, 'coder2@demo.concord')
  const link = page.getByRole('link', { name: projectName })
  await expect(link).toBeVisible()
  await link.click()
  await expect(page).toHaveURL(new RegExp(`/projects/${projectId}$`))
  await expect(page.getByRole('heading', { level: 1, name: projectName })).toBeVisible()
  await expect(page.locator('.project-head .badge.role-coder')).toBeVisible()
  await page.goto(`/projects/${projectId}/transcripts`)
  await expect(page.getByRole('link', { name: '园区管委会访谈（E2E）' })).toBeVisible()
  // A coder is not the lead: no import form, and the API agrees.
  await expect(page.getByTestId('import-transcript')).toHaveCount(0)
  expect((await page.request.patch(`/api/projects/${projectId}`, { data: { name: 'taken over' } })).status()).toBe(403)
  await page.context().close()
})

test('the demo viewer cannot edit: no import form, read-only codebook, 403 from the API', async ({ browser }) => {
  const page = await userPage(browser, 'viewer@demo.concord')
  const id = await demoProjectId(page)
  await page.goto(`/projects/${id}/transcripts`)
  await expect(page.getByRole('heading', { name: 'Transcripts' })).toBeVisible()
  const rows = page.getByTestId('transcript-table').locator('tbody tr')
  await expect(rows.first()).toBeVisible()
  expect(await rows.count()).toBeGreaterThanOrEqual(8)
  await expect(page.getByTestId('import-transcript')).toHaveCount(0)
  await page.goto(`/projects/${id}/codebook`)
  await expect(page.getByTestId('codebook-tree')).toBeVisible()
  await expect(page.getByText('Read only: the project lead edits the codebook.')).toBeVisible()
  await expect(page.getByTestId('add-code')).toHaveCount(0)
  await expect(page.getByTestId('code-node').first().getByRole('button')).toHaveCount(0)

  expect((await page.request.patch(`/api/projects/${id}`, { data: { name: 'renamed by the viewer' } })).status()).toBe(403)
  const codebook = await (await page.request.get(`/api/projects/${id}/codebook`)).json()
  expect((await page.request.patch(`/api/projects/${id}/codebook/${codebook[1].id}`, { data: { nameEn: 'x' } })).status()).toBe(403)
  expect((await page.request.post(`/api/projects/${id}/codebook`, { data: { nameZh: '新码' } })).status()).toBe(403)
  expect((await page.request.post(`/api/projects/${id}/documents`, { data: { meta: { title: 'x' }, text: 'A: b' } })).status()).toBe(403)
  expect((await page.request.post(`/api/projects/${id}/members`, { data: { email: 'me@x.org', role: 'lead' } })).status()).toBe(403)
  // Nothing changed.
  const after = await (await page.request.get(`/api/projects/${id}`)).json()
  expect(after.name).toContain('演示')
  await page.context().close()
})

test('an outsider gets 404 from every demo-project API route and the "no access" page', async ({ browser }) => {
  const viewer = await userPage(browser, 'viewer@demo.concord')
  const id = await demoProjectId(viewer)
  const codebook = await (await viewer.request.get(`/api/projects/${id}/codebook`)).json()
  const cases = await (await viewer.request.get(`/api/projects/${id}/cases`)).json()
  const docs = await (await viewer.request.get(`/api/projects/${id}/documents`)).json()
  await viewer.context().close()
  const real: Record<string, string> = { projectId: id, codeId: codebook[1].id, caseId: cases[0].id, transcriptId: docs[0].id, documentId: docs[0].id }

  const page = await newContextPage(browser)
  await signIn(page, newUser.email, newUser.password)
  const routes = listRouteFiles().filter((r) => r.params.includes('projectId'))
  expect(routes.length).toBeGreaterThan(10)
  const wrong: string[] = []
  for (const r of routes) {
    const url = r.path.replace(/\[([^\]]+)\]/g, (_, p: string) => encodeURIComponent(real[p] ?? `no-such-${p}`))
    for (const method of methodsFromSource(r.file)) {
      const res = await page.request.fetch(url, { method, data: MUTATING.includes(method) ? {} : undefined, maxRedirects: 0 })
      if (res.status() !== 404) wrong.push(`${method} ${url} → ${res.status()}`)
      else expect((await res.json()).error.code).toBe('not_found')
    }
  }
  expect(wrong).toEqual([])
  // Anonymous: 401.
  const anon = await browser.newContext()
  expect((await anon.request.get(`/api/projects/${id}/codebook`)).status()).toBe(401)
  await anon.close()

  for (const section of ['', '/transcripts', '/codebook', '/members']) {
    await page.goto(`/projects/${id}${section}`)
    await expect(page.getByTestId('no-access')).toHaveText('This project does not exist or you are not a member.')
    await expect(page.getByText('市域产教联合体建设模式研究')).toHaveCount(0)
  }
  await page.context().close()
})

test('the UI language switches to Chinese and stays switched', async ({ browser }) => {
  const page = await newContextPage(browser)
  await signIn(page, newUser.email, newUser.password)
  await expect(page.getByRole('heading', { name: 'Your projects' })).toBeVisible()
  await page.getByTestId('locale-switch').click()
  await expect(page.getByRole('heading', { name: '我的项目' })).toBeVisible()
  await expect(page.getByRole('heading', { name: '新建项目' })).toBeVisible()
  await expect(page.getByTestId('locale-switch')).toHaveText('English')
  await page.reload()
  await expect(page.getByRole('heading', { name: '我的项目' })).toBeVisible()
  await page.goto(`/projects/${projectId}/transcripts`)
  await expect(page.getByRole('heading', { name: '导入访谈文本' })).toBeVisible()
  await page.getByTestId('locale-switch').click()
  await expect(page.getByRole('heading', { name: 'Import transcript' })).toBeVisible()
  await page.context().close()
})
