// SPDX-License-Identifier: EUPL-1.2
/** Shared set-up of the browser tests: the app under test, Chromium, axe, and a watch on page errors. */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { TEST_PASSWORD } from '../support/accounts.ts';
import { startTestServer } from '../support/app.ts';

const BUILT_INDEX = fileURLToPath(new URL('../../dist/web/index.html', import.meta.url));
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export interface BrowserTestContext {
  url: string;
  /** The database of the app under test, to seed accounts or data. */
  database: Awaited<ReturnType<typeof startTestServer>>['test']['database'];
  browser: Browser;
  context: BrowserContext;
  close(): Promise<void>;
}

/** One app server (fresh database) and one Chromium per test file. */
export async function startBrowserTest(): Promise<BrowserTestContext> {
  if (!existsSync(BUILT_INDEX)) {
    throw new Error(
      'dist/web is missing: build the web app first with `npx vite build --config web/vite.config.ts`',
    );
  }
  const server = await startTestServer();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
  const context = await browser.newContext({ locale: 'nl-NL', viewport: { width: 1280, height: 900 } });
  return {
    url: server.url,
    database: server.test.database,
    browser,
    context,
    close: async () => {
      await context.close();
      await browser.close();
      await server.close();
    },
  };
}

/**
 * A new tab that records uncaught errors and Content Security Policy violations; `expectCleanPage` fails the
 * test on any of them.
 */
export async function openPage(test: BrowserTestContext, path: string): Promise<Page> {
  const page = await test.context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
      problems.push(`CSP: ${message.text()}`);
    }
  });
  pageProblems.set(page, problems);
  await page.goto(new URL(path, test.url).href);
  return page;
}

const pageProblems = new WeakMap<Page, string[]>();

export function expectCleanPage(page: Page): void {
  expect(pageProblems.get(page) ?? [], 'errors or CSP violations on the page').toEqual([]);
}

/** axe-core with the WCAG 2.1 A and AA rules; failures list rule, impact and the offending elements. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  const summary = violations.map(
    (v) =>
      `${v.id} (${v.impact ?? 'unknown'}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`,
  );
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

/** The main map of the home page. */
export function mapOf(page: Page) {
  return page.getByRole('group', { name: /^Kaart van Nederland/ });
}

/** Fills in and sends the sign-in form on the current page (/inloggen); callers wait for where it leads. */
export async function submitSignIn(page: Page, email: string, password = TEST_PASSWORD): Promise<void> {
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
}
