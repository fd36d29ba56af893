// A page that fails on the server shows a reference, and that reference finds the server's log line for the failure,
// which carries the request's id (the X-Request-Id the server answered with).
import { expect, test } from '@playwright/test';
import { startOwnServer, type OwnServer } from './support/own-server';

let server: OwnServer;

test.describe('the error page reference', () => {
  test.setTimeout(180_000);
  test.beforeAll(async () => {
    test.setTimeout(180_000);
    server = await startOwnServer({}, ['e2e/support/break-profiles.ts']);
  });
  test.afterAll(async () => {
    await server?.stop();
  });

  test('is the digest of the logged error, logged with the request id', async ({ page }) => {
    const response = await page.goto(`${server.url}/u/broken_profile`);
    const requestId = response!.headers()['x-request-id'];
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { name: 'Something went wrong on our side' })).toBeVisible();
    const reference = (await page.getByText('Reference:').locator('code').textContent())!.trim();
    expect(reference).toMatch(/^\S+$/);
    await page.screenshot({ path: 'test-results/screens/error-reference.png', fullPage: true });

    // The server's log: JSON lines; the failure's line names the digest shown and the request's id.
    let failure: Record<string, unknown> | undefined;
    await expect
      .poll(() => {
        const lines = server
          .log()
          .split('\n')
          .filter((l) => l.startsWith('{'))
          .map((l) => JSON.parse(l) as Record<string, unknown>);
        failure = lines.find((l) => l.msg === 'request failed' && l.digest === reference);
        return failure;
      })
      .toBeTruthy();
    expect(failure).toMatchObject({ requestId, path: '/u/broken_profile', level: 50 });
    expect(JSON.stringify(failure)).toContain('profiles');
  });
});
