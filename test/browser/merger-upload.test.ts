// SPDX-License-Identifier: EUPL-1.2
/**
 * Importing a merger CSV (herindelingen) on /herindelingen in a real browser: only a beheerder sees the form;
 * a valid file is checked (dry run) and then imported, after which the table shows the new herindeling; a file
 * with errors lists every problem in a table that the error summary links to; a spreadsheet renamed to .csv is
 * refused for what it is. axe checks the page with the form and with the problems table.
 *
 * The tests in this file build on each other (one database, one story), in the order they are written.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AccessFixture, seedAccessFixture } from '../support/accounts.ts';
import {
  type BrowserTestContext,
  expectCleanPage,
  expectNoAxeViolations,
  openPage,
  startBrowserTest,
  submitSignIn,
} from './browser.ts';

let app: BrowserTestContext;
let fixture: AccessFixture;
/** The beheerder's tab on /herindelingen, reused from test to test. */
let admin: Page;

const HEADER = 'old_code,old_name,new_code,new_name,effective_date,population_share,new_code_is_new,source';
/** One new herindeling, saved by "Excel on Windows": Windows-1252, so û and ú are single bytes. */
const VALID_FILE = Buffer.from(
  `${HEADER}\r\nGM9901,Wûnseradiel-Proef,GM1900,Súdwest-Fryslân,2027-01-01,1,nee,Browsertest\r\n`,
  'latin1',
);
const INVALID_FILE = Buffer.from(
  `${HEADER}\nGM12,Oud,GM0363,Amsterdam,2027-01-01,1,nee,Browsertest\nGM9902,Ook oud,GM0363,Amsterdam,2027-13-01,1,nee,Browsertest\n`,
  'utf8',
);
/** The first bytes of an .xlsx (a zip archive), named .csv. */
const XLSX_FILE = Buffer.concat([
  Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]),
  Buffer.alloc(64),
]);

beforeAll(async () => {
  app = await startBrowserTest();
  fixture = await seedAccessFixture(app.database.db);
});

afterAll(async () => {
  await app?.close();
});

async function signIn(page: Page, email: string) {
  await submitSignIn(page, email);
  await page.waitForURL(/\/account$/);
}

function mergerTable(page: Page) {
  return page.locator('table.ks-merger-table');
}

function uploadSection(page: Page) {
  return page.getByRole('region', { name: 'Herindelingen importeren' });
}

async function choose(page: Page, name: string, mimeType: string, buffer: Buffer) {
  await uploadSection(page)
    .getByLabel('CSV-bestand met herindelingen')
    .setInputFiles({ name, mimeType, buffer });
}

describe('who sees the form', () => {
  it('shows a lezer the herindelingen without the form', async () => {
    const page = await openPage(app, '/inloggen');
    await signIn(page, fixture.emailOf.lezer);
    await page.goto(new URL('/herindelingen', app.url).href);
    await mergerTable(page).getByRole('row', { name: /Weesp/ }).waitFor();
    expect(await page.getByRole('heading', { name: 'Herindelingen importeren' }).count()).toBe(0);
    expect(await page.locator('input[type="file"]').count()).toBe(0);
    expectCleanPage(page);
    await page.close();
    await app.context.clearCookies();
  });

  it('shows a beheerder the form, with the columns and that it is all or nothing', async () => {
    admin = await openPage(app, '/inloggen');
    await signIn(admin, fixture.emailOf.beheerder);
    await admin.goto(new URL('/herindelingen', app.url).href);
    const section = uploadSection(admin);
    await section.getByRole('heading', { level: 2, name: 'Herindelingen importeren' }).waitFor();
    await mergerTable(admin).getByRole('row', { name: /Weesp/ }).waitFor();
    const text = (await section.textContent()) ?? '';
    for (const column of HEADER.split(',')) expect(text).toContain(column);
    expect(text).toContain('Het importeren gaat helemaal of niet');
    const input = section.getByLabel('CSV-bestand met herindelingen');
    expect(await input.getAttribute('accept')).toBe('.csv,text/csv');
    await section.getByRole('button', { name: 'Controleren' }).waitFor();
    await section.getByRole('button', { name: 'Importeren' }).waitFor();
    await expectNoAxeViolations(admin);
    expectCleanPage(admin);
  });
});

describe('a beheerder uploads a merger file', () => {
  it('asks for a file first', async () => {
    const section = uploadSection(admin);
    await section.getByRole('button', { name: 'Controleren' }).click();
    const summary = section.getByRole('alert').filter({ hasText: 'Er is een probleem' });
    await summary.getByRole('link', { name: 'Kies een CSV-bestand met herindelingen.' }).waitFor();
    expect(await admin.evaluate(() => document.activeElement?.className ?? '')).toContain('ks-error-summary');
  });

  it('checks a valid file without changing anything, then imports it into the table', async () => {
    const section = uploadSection(admin);
    await choose(admin, 'herindelingen-2027.csv', 'text/csv', VALID_FILE);
    await section.getByRole('button', { name: 'Controleren' }).click();
    const status = section.getByRole('status');
    await status
      .getByText(
        'herindelingen-2027.csv is in orde: 1 herindelingsrij, gelezen als Windows-1252. Er is nog niets gewijzigd',
        { exact: false },
      )
      .waitFor();
    expect(await section.getByRole('alert').count()).toBe(0);
    expect(
      await mergerTable(admin)
        .getByRole('row', { name: /Wûnseradiel-Proef/ })
        .count(),
    ).toBe(0);

    await section.getByRole('button', { name: 'Importeren' }).click();
    await status
      .getByText(
        'herindelingen-2027.csv is geïmporteerd: 1 herindelingsrij opgeslagen, gelezen als Windows-1252.',
        { exact: false },
      )
      .waitFor();
    const row = mergerTable(admin).getByRole('row', { name: /Wûnseradiel-Proef/ });
    await row.waitFor();
    expect(await row.getByRole('cell').first().textContent()).toBe('1 januari 2027');
    expect(await row.textContent()).toContain('Súdwest-Fryslân (GM1900)');
    expectCleanPage(admin);
  });

  it('lists every problem of a file with errors in a table the summary links to', async () => {
    const section = uploadSection(admin);
    await choose(admin, 'fouten.csv', 'text/csv', INVALID_FILE);
    await section.getByRole('button', { name: 'Importeren' }).click();
    const summary = section.getByRole('alert').filter({ hasText: 'Er is een probleem' });
    const link = summary.getByRole('link', { name: /^fouten\.csv bevat 2 fouten; er is niets gewijzigd\./ });
    await link.waitFor();
    expect(await admin.evaluate(() => document.activeElement?.className ?? '')).toContain('ks-error-summary');
    // The confirmation of the import before is gone (the empty live region is hidden, so not found by role).
    expect(await section.locator('[role="status"]').textContent()).toBe('');

    const problems = section.getByRole('region', { name: 'Fouten in het bestand' });
    const table = problems.getByRole('table', { name: '2 fouten in fouten.csv' });
    const headers = await table.getByRole('columnheader').allTextContents();
    expect(headers).toEqual(['Rij', 'Kolom', 'Waarde', 'Wat er mis is']);
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(0).getByRole('cell').allTextContents()).toEqual([
      '2',
      'old_code',
      'GM12',
      'Geen geldige gemeentecode. Gebruik GM gevolgd door vier cijfers, bijvoorbeeld GM0363.',
    ]);
    expect((await rows.nth(1).getByRole('cell').allTextContents()).slice(0, 3)).toEqual([
      '3',
      'effective_date',
      '2027-13-01',
    ]);

    await link.click();
    expect(await admin.evaluate(() => document.activeElement?.getAttribute('aria-labelledby'))).toBe(
      await problems.getAttribute('aria-labelledby'),
    );
    // Nothing was imported: all or nothing.
    expect(
      await mergerTable(admin)
        .getByRole('row', { name: /Ook oud/ })
        .count(),
    ).toBe(0);
    await expectNoAxeViolations(admin);
    expectCleanPage(admin);
  });

  it('refuses a spreadsheet renamed to .csv for what it is', async () => {
    const section = uploadSection(admin);
    await choose(admin, 'herindelingen.csv', 'text/csv', XLSX_FILE);
    await section.getByRole('button', { name: 'Controleren' }).click();
    const message =
      'herindelingen.csv is een Excel- of zipbestand, geen CSV-bestand. Sla het werkblad op als CSV (UTF-8).';
    const summary = section.getByRole('alert').filter({ hasText: 'Er is een probleem' });
    await summary.getByRole('link', { name: message }).waitFor();
    // The message also stands at the file input, which refers to it; the old problems table is gone.
    const input = section.getByLabel('CSV-bestand met herindelingen');
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    const describedBy = ((await input.getAttribute('aria-describedby')) ?? '').split(' ');
    const errorId = describedBy.find((id) => id.endsWith('-error')) ?? '';
    expect(await admin.locator(`[id="${errorId}"]`).textContent()).toBe(`Fout: ${message}`);
    expect(await section.getByRole('region', { name: 'Fouten in het bestand' }).count()).toBe(0);
    expectCleanPage(admin);
    await admin.close();
  });
});
