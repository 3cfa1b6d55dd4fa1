import { defineConfig } from '@playwright/test'

export default defineConfig({
  testDir: '.',
  testMatch: /a11y\.spec\.ts/,
  reporter: 'line',
  use: { baseURL: process.env.A11Y_BASE_URL ?? 'http://localhost:3000' },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
})
