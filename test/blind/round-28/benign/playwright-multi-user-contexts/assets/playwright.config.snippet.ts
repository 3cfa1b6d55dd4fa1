// Merge into playwright.config.ts
projects: [
  { name: 'setup', testMatch: /auth\.setup\.ts/ },
  {
    name: 'multi-user',
    testMatch: /.*\.multi\.spec\.ts/,
    dependencies: ['setup'],
    use: { baseURL: process.env.E2E_BASE_URL ?? 'http://localhost:3000' },
  },
],
