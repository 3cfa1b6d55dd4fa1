import { test, expect } from '@playwright/test'
import AxeBuilder from '@axe-core/playwright'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'

const urls = existsSync('a11y-urls.txt')
  ? readFileSync('a11y-urls.txt', 'utf8').split('\n').map((s) => s.trim()).filter(Boolean)
  : ['/']

const results: Record<string, unknown> = {}

for (const path of urls) {
  test(`axe ${path}`, async ({ page }) => {
    await page.goto(path)
    await page.waitForLoadState('networkidle')
    const scan = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'])
      .analyze()
    results[path] = scan.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      tags: v.tags.filter((t) => t.startsWith('wcag')),
      targets: v.nodes.map((n) => n.target.join(' ')),
    }))
    expect.soft(scan.violations.filter((v) => v.impact === 'critical')).toEqual([])
  })
}

test.afterAll(() => {
  writeFileSync('a11y-report.json', JSON.stringify(results, null, 2))
})
