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

/** The signed-in user's id, as /api/auth/session gives it. */
export async function myId(page: Page): Promise<string> {
  const session = (await (await page.request.get('/api/auth/session')).json()) as { user: { id: string } }
  return session.user.id
}

/** Selects the first occurrence of `needle` in the editor (as a mouse selection would). */
export async function selectText(page: Page, needle: string) {
  await page.locator('.ProseMirror').focus()
  await page.evaluate((s) => {
    // The needle may cross text nodes (code marks split the text into spans); other people's
    // caret labels are text too, but not the document's.
    const walker = document.createTreeWalker(document.querySelector('.ProseMirror')!, NodeFilter.SHOW_TEXT, {
      acceptNode: (n) => (n.parentElement?.closest('.collaboration-carets__caret') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    })
    const nodes: Text[] = []
    for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) nodes.push(n)
    const all = nodes.map((n) => n.data).join('')
    const at = all.indexOf(s)
    if (at < 0) throw new Error(`"${s}" not found`)
    const locate = (offset: number, preferEnd: boolean) => {
      let seen = 0
      for (const n of nodes) {
        if (offset < seen + n.data.length || (preferEnd && offset === seen + n.data.length)) return { node: n, offset: offset - seen }
        seen += n.data.length
      }
      throw new Error('offset out of range')
    }
    const a = locate(at, false)
    const b = locate(at + s.length, true)
    document.getSelection()!.setBaseAndExtent(a.node, a.offset, b.node, b.offset)
  }, needle)
  await expect(page.getByTestId('selection-hint')).toContainText(String(needle.length))
}
