import { expect, type Browser, type Page } from '@playwright/test'

export const DEMO_PASSWORD = 'concord-demo'

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto('/signin')
  await page.getByLabel(/Email|邮箱/).fill(email)
  await page.getByLabel(/Password|密码/).fill(password)
  await page.locator('form button[type=submit]').click()
  await expect(page).toHaveURL(/\/projects/)
}

/** A new browser context (its own cookies) signed in as `email`. */
export async function userPage(browser: Browser, email: string, locale: 'en' | 'zh' = 'en') {
  const context = await browser.newContext({ locale: locale === 'en' ? 'en-US' : 'zh-CN' })
  const page = await context.newPage()
  await signIn(page, email)
  return page
}

/** The demo project's id (the only project the demo accounts share). */
export async function demoProjectId(page: Page): Promise<string> {
  const res = await page.request.get('/api/projects')
  const projects = (await res.json()) as { id: string; name: string }[]
  const demo = projects.find((p) => p.name.includes('演示'))
  if (!demo) throw new Error('demo project not found')
  return demo.id
}
