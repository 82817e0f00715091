// SPDX-License-Identifier: EUPL-1.2
/** The API documentation page works under the strict Content-Security-Policy. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserTestContext, expectCleanPage, openPage, startBrowserTest } from './browser.ts';

describe('API documentation at /docs', () => {
  let test: BrowserTestContext;
  beforeAll(async () => {
    test = await startBrowserTest();
  });
  afterAll(async () => test?.close());

  it('renders the OpenAPI document with every operation', async () => {
    const page = await openPage(test, '/docs');
    await page.getByRole('heading', { name: /Ketenzicht API/ }).waitFor();
    for (const path of [
      '/api/health',
      '/api/areas',
      '/api/areas/{code}',
      '/api/boundaries/{level}',
      '/api/mergers',
    ]) {
      expect(await page.getByText(path, { exact: true }).count(), path).toBeGreaterThan(0);
    }
    expectCleanPage(page);
  });
});
