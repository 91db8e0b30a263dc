/**
 * The framework matrix with two browsers (issue 5): the lead changes a status and the viewer's
 * page shows the new fit level and model without a reload; a cell summary is written live.
 */
import { expect, test, type Page } from '@playwright/test'
import { demoProjectId, userPage } from './helpers'

/** Opens the framework page and waits until its live-update stream is connected. */
async function openFramework(page: Page, projectId: string) {
  const events = page.waitForResponse((r) => r.url().endsWith(`/api/projects/${projectId}/events`))
  await page.goto(`/projects/${projectId}/framework`)
  await expect(page.getByTestId('fit-matrix')).toBeVisible()
  await events
}

test('the lead changes a status; a viewer sees the level and model change live', async ({ browser }) => {
  const lead = await userPage(browser, 'lead@demo.concord')
  const viewer = await userPage(browser, 'viewer@demo.concord')
  const projectId = await demoProjectId(lead)
  await openFramework(lead, projectId)
  await openFramework(viewer, projectId)

  // The study's T: administration medium (1 none + 2 partial of 5 = 40%), model strong talent (unbalanced).
  await expect(viewer.getByTestId('level-T-administration')).toHaveAttribute('data-level', 'medium')
  await expect(viewer.getByTestId('model-T')).toHaveText('strong talent (unbalanced)')
  await expect(viewer.getByTestId('summary-model-Z')).toHaveText('strong talent + strong administration (unbalanced)')
  // The viewer sees statuses but cannot change them.
  await expect(viewer.getByTestId('status-T-administration.evaluation')).toHaveAttribute('data-status', 'none')
  expect(await viewer.getByTestId('status-T-administration.evaluation').evaluate((e) => e.tagName)).toBe('SPAN')

  // The lead marks "evaluation support" as described with the menu: 20% unseen → high.
  await lead.getByTestId('status-T-administration.evaluation').click()
  await lead.getByRole('menuitemradio', { name: /described/ }).first().click()
  await expect(lead.getByTestId('level-T-administration')).toHaveAttribute('data-level', 'high')

  await expect(viewer.getByTestId('status-T-administration.evaluation')).toHaveAttribute('data-status', 'described')
  await expect(viewer.getByTestId('level-T-administration')).toHaveAttribute('data-level', 'high')
  await expect(viewer.getByTestId('model-T')).toHaveText('strong talent + strong administration (unbalanced)')
  await expect(viewer.getByTestId('summary-model-T')).toHaveText('strong talent + strong administration (unbalanced)')

  // And back with the keyboard (N = none): the viewer follows again.
  await lead.getByTestId('status-T-administration.evaluation').focus()
  await lead.keyboard.press('n')
  await expect(viewer.getByTestId('level-T-administration')).toHaveAttribute('data-level', 'medium')
  await expect(viewer.getByTestId('model-T')).toHaveText('strong talent (unbalanced)')
  await lead.context().close()
  await viewer.context().close()
})

test('a cell summary is written live and read by another member; exports download', async ({ browser }) => {
  const lead = await userPage(browser, 'lead@demo.concord')
  const coder = await userPage(browser, 'coder1@demo.concord')
  const projectId = await demoProjectId(lead)
  await openFramework(lead, projectId)
  await openFramework(coder, projectId)

  await lead.getByTestId('open-S-talent.curricula').click()
  await coder.getByTestId('open-S-talent.curricula').click()
  const leadEditor = lead.getByTestId('summary-editor')
  await expect(lead.getByTestId('cell-panel').getByText('Updated live')).toBeVisible()
  await expect(coder.getByTestId('cell-panel').getByText('Updated live')).toBeVisible()
  const text = `Curricula follow the park's standards ${Date.now()}`
  await leadEditor.click()
  await lead.keyboard.type(text)
  await expect(coder.getByTestId('summary-editor')).toContainText(text)
  // The evidence links into the transcript at the coded segment.
  await expect(coder.getByTestId('cell-panel').getByRole('link', { name: /Open in the transcript/ }).first()).toHaveAttribute('href', /\/transcripts\/[^?]+\?at=\d+-\d+$/)

  // After closing the panel the summary shows in the cell and in the exports.
  await lead.keyboard.press('Escape')
  await expect(lead.getByTestId('open-S-talent.curricula')).toContainText(text)
  const xlsx = await lead.request.get(`/api/projects/${projectId}/fit/export?format=xlsx&lang=en`)
  expect(xlsx.status()).toBe(200)
  expect(xlsx.headers()['content-type']).toContain('spreadsheetml')
  const csv = await lead.request.get(`/api/projects/${projectId}/fit/export?format=csv&lang=en`)
  expect(await csv.text()).toContain(text)
  await lead.context().close()
  await coder.context().close()
})
