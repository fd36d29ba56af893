import { defineConfig, devices } from '@playwright/test';

const port = process.env.E2E_PORT ?? '3100';
const baseURL = `http://127.0.0.1:${port}`;
const launchOptions = {
  executablePath: process.env.PLAYWRIGHT_CHROMIUM_PATH || undefined,
  // The machine's network is closed: without these Chromium keeps trying to reach Google's services.
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
};

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results/e2e',
  // The journeys are whole stories with two or three people (the longest ~60 s alone on a 2-core machine, two at a
  // time beside a production server): 60 s ran out in CI for the group and then the celebrations journey.
  timeout: 120_000,
  expect: { timeout: 15_000 },
  fullyParallel: true,
  workers: 2,
  forbidOnly: Boolean(process.env.CI),
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e-report.json' }]],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'chromium', use: { ...devices['Desktop Chrome'], launchOptions }, testIgnore: /admin\.spec\.ts$/ },
    // Journeys that change the whole instance (registration switched to approval, a demo member suspended) run
    // alone, after every other journey: a sign-up or sign-in elsewhere must never meet them half-way.
    { name: 'instance-wide', use: { ...devices['Desktop Chrome'], launchOptions }, testMatch: /admin\.spec\.ts$/, dependencies: ['chromium'] },
  ],
  webServer: {
    command: 'node scripts/e2e-server.mjs',
    url: `${baseURL}/sign-in`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
