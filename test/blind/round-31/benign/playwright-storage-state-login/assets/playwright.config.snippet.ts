import { defineConfig, devices } from '@playwright/test';
import 'dotenv/config'; // run with DOTENV_CONFIG_PATH=.env.test, or export vars yourself

const STORAGE = 'playwright/.auth/user.json';

export default defineConfig({
  testDir: './tests',
  use: {
    baseURL: process.env.E2E_BASE_URL ?? 'http://localhost:3000',
    trace: 'on-first-retry',
  },
  projects: [
    { name: 'setup', testMatch: /.*\.setup\.ts/ },
    {
      name: 'chromium',
      use: { ...devices['Desktop Chrome'], storageState: STORAGE },
      dependencies: ['setup'],
    },
    {
      name: 'firefox',
      use: { ...devices['Desktop Firefox'], storageState: STORAGE },
      dependencies: ['setup'],
    },
  ],
});
