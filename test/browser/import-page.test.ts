// SPDX-License-Identifier: EUPL-1.2
/**
 * Importing figures on /importeren in a real browser: only beheerders and aanleveranciers find the page in the
 * menu (anyone else reads why not); a valid Ketenzicht CSV is checked (dry run, with the new figures) and then
 * imported into the history; a corrected file (dropped on the drop zone) shows old → new; the last import is
 * undone after a confirmation; a file with errors lists every problem in a table the error summary links to
 * and changes nothing; a wide worksheet asks for its indicator and passes once it is chosen. The upload shows
 * its progress on a throttled connection. axe checks the page with a refused and with a passed report.
 *
 * The tests in this file build on each other (one database, one story), in the order they are written.
 */
import ExcelJS from 'exceljs';
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
/** The beheerder's tab on /importeren, reused from test to test. */
let admin: Page;

const HEADER = 'indicator;gebied;periode;waarde;status';
const VALID_FILE = Buffer.from(
  `${HEADER}\nvt_meldingen;GM0363;2024JJ00;1234;definitief\nvt_meldingen;GM0344;2024JJ00;567;voorlopig\n`,
);
/** The same figures, one corrected: 1234 → 1300. */
const CORRECTED_FILE = `${HEADER}\nvt_meldingen;GM0363;2024JJ00;1300;definitief\nvt_meldingen;GM0344;2024JJ00;567;voorlopig\n`;
const ERROR_FILE = Buffer.from(
  [
    HEADER,
    'vt_onbekend;GM0363;2024JJ00;10;definitief',
    'vt_meldingen;GM0363;2024XX01;10;definitief',
    'vt_meldingen;GM0363;2023JJ00;12,3,4;definitief',
    'vt_meldingen;GM9999;2023JJ00;5;definitief',
    '',
  ].join('\n'),
);

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

function mainMenu(page: Page) {
  return page.getByRole('navigation', { name: 'Hoofdmenu' });
}

function formSection(page: Page) {
  return page.getByRole('region', { name: 'Bestand controleren' });
}

function reportSection(page: Page, name: 'Resultaat van de controle' | 'Resultaat van de import') {
  return page.getByRole('region', { name });
}

function historyTable(page: Page) {
  return page.getByRole('region', { name: 'Importgeschiedenis' }).getByRole('table');
}

async function choose(page: Page, name: string, mimeType: string, buffer: Buffer) {
  await formSection(page).getByLabel('Bestand met cijfers').setInputFiles({ name, mimeType, buffer });
}

async function check(page: Page) {
  await formSection(page).getByRole('button', { name: 'Controleren' }).click();
}

/** The value of one fact ("Nieuw", "Formaat", …) of a data list in `scope`. */
async function factOf(scope: ReturnType<Page['locator']>, key: string) {
  const term = scope.locator('dt', { hasText: new RegExp(`^${key}$`) }).first();
  return (await term.locator('xpath=following-sibling::dd[1]').textContent())?.trim();
}

async function rowCells(row: ReturnType<Page['locator']>) {
  return (await row.locator('th, td').allTextContents()).map((text) => text.trim());
}

describe('who may import', () => {
  it('tells a lezer that importing is for beheerders and aanleveranciers, without a menu item', async () => {
    const page = await openPage(app, '/inloggen');
    await signIn(page, fixture.emailOf.lezer);
    await mainMenu(page).getByRole('link', { name: 'Herindelingen' }).waitFor();
    expect(await mainMenu(page).getByRole('link', { name: 'Cijfers importeren' }).count()).toBe(0);
    await page.goto(new URL('/importeren', app.url).href);
    await page.getByRole('heading', { level: 1, name: 'Cijfers importeren' }).waitFor();
    await page.getByText('Cijfers importeren kan alleen een beheerder of een aanleverancier.').waitFor();
    expect(await page.locator('input[type="file"]').count()).toBe(0);
    await expectNoAxeViolations(page);
    expectCleanPage(page);
    await page.close();
    await app.context.clearCookies();
  });

  it('offers an aanleverancier the page in the menu', async () => {
    const page = await openPage(app, '/inloggen');
    await signIn(page, fixture.emailOf.aanleverancier);
    await mainMenu(page).getByRole('link', { name: 'Cijfers importeren' }).click();
    await page.waitForURL(/\/importeren$/);
    await formSection(page).getByLabel('Bestand met cijfers').waitFor();
    expectCleanPage(page);
    await page.close();
    await app.context.clearCookies();
  });

  it('offers a beheerder the page: a labelled file input in a drop zone, and the format', async () => {
    admin = await openPage(app, '/inloggen');
    await signIn(admin, fixture.emailOf.beheerder);
    await mainMenu(admin).getByRole('link', { name: 'Cijfers importeren' }).click();
    await admin.waitForURL(/\/importeren$/);
    expect(await admin.title()).toBe('Cijfers importeren - Ketenzicht');
    const input = formSection(admin).getByLabel('Bestand met cijfers');
    expect(await input.getAttribute('accept')).toContain('.csv,.json,.xlsx');
    expect(await admin.locator('.ks-dropzone input[type="file"]').count()).toBe(1);
    const format = formSection(admin).getByLabel('Formaat');
    expect(await format.locator('option:checked').textContent()).toBe('Automatisch herkennen');
    expect(await format.locator('option').allTextContents()).toContain('Excel (XLSX)');
    await admin.getByText('Er zijn nog geen imports.').waitFor();
    expectCleanPage(admin);
  });
});

describe('a beheerder imports figures', () => {
  it('asks for a file first', async () => {
    await check(admin);
    const summary = formSection(admin).getByRole('alert').filter({ hasText: 'Er is een probleem' });
    await summary.getByRole('link', { name: 'Kies een bestand met cijfers.' }).waitFor();
  });

  it('checks a valid file without changing anything, showing the new figures, then imports it', async () => {
    await choose(admin, 'cijfers-2024.csv', 'text/csv', VALID_FILE);
    await check(admin);
    const report = reportSection(admin, 'Resultaat van de controle');
    await report.getByText('Het bestand is in orde. Er is nog niets gewijzigd.').waitFor();
    expect(await formSection(admin).getByRole('alert').count()).toBe(0);
    expect(await factOf(report, 'Formaat')).toBe('Ketenzicht CSV (lang formaat)');
    expect(await factOf(report, 'Scheidingsteken')).toBe('puntkomma (;)');
    expect(await factOf(report, 'Tekenset')).toBe('UTF-8');
    expect(await factOf(report, 'Grootte')).toBe(`${VALID_FILE.length} bytes`);
    expect(await factOf(report, 'Gelezen cijfers')).toBe('2');
    expect(await factOf(report, 'Nieuw')).toBe('2');
    expect(await factOf(report, 'Gewijzigd')).toBe('0');
    // The detected columns, for the user to confirm.
    const mapping = report.getByRole('region', { name: 'Indeling van de kolommen' });
    expect(await factOf(mapping, 'Gebied')).toBe('kolom “gebied”');
    const changes = report.getByRole('table', { name: '2 cijfers die nieuw zijn of veranderen' });
    const first = await rowCells(changes.locator('tbody tr').first());
    expect(first[0]).toBe('nieuw');
    expect(first.slice(2)).toEqual(['GM0363', '2024', 'totaal', '–', '1.234 (definitief)']);
    expect(await historyTable(admin).count()).toBe(0);

    await report.getByRole('button', { name: 'Importeren' }).click();
    await formSection(admin)
      .getByRole('status')
      .getByText('Import 1 is gelukt: 2 nieuw, 0 gewijzigd.', { exact: false })
      .waitFor();
    await reportSection(admin, 'Resultaat van de import').waitFor();
    // The button is gone with the dry run: focus is on the result, not lost.
    expect(await admin.evaluate(() => document.activeElement?.textContent)).toBe('Resultaat van de import');
    const row = historyTable(admin).locator('tbody tr').first();
    await row.getByRole('rowheader', { name: '1' }).waitFor();
    const cells = await rowCells(row);
    expect(cells[0]).toBe('1');
    expect(cells[1]).toMatch(/^\d{1,2} [a-z]+ 20\d\d om \d\d:\d\d:\d\d$/);
    expect(cells.slice(2, 7)).toEqual([
      'cijfers-2024.csv',
      fixture.emailOf.beheerder,
      '2',
      '0',
      'geïmporteerd',
    ]);
    expectCleanPage(admin);
  });

  it('shows the upload progress, then that the server checks the file', async () => {
    // About 80 kB of monthly figures (the reference geography starts in 2018), sent at 40 kB/s.
    const lines = [HEADER];
    for (const indicator of ['vt_adviezen', 'vt_veiligheidsbeoordelingen', 'vt_acuut_onveilig'])
      for (let year = 2018; year <= 2024; year++)
        for (let month = 1; month <= 12; month++)
          for (const area of ['GM0363', 'GM0344', 'GM0599', 'GM0518', 'GM0014', 'GM0034', 'GM0080', 'GM0153'])
            lines.push(`${indicator};${area};${year}MM${String(month).padStart(2, '0')};${month};voorlopig`);
    const cdp = await admin.context().newCDPSession(admin);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 20,
      downloadThroughput: -1,
      uploadThroughput: 40 * 1024,
    });
    try {
      // Every state the form passes through, recorded as it happens: the checking phase can be short.
      await admin.evaluate(() => {
        const seen: string[] = [];
        (window as unknown as { seenProgress: string[] }).seenProgress = seen;
        new MutationObserver(() => {
          const bar = document.querySelector('progress');
          if (bar)
            seen.push(
              `bar ${bar.hasAttribute('value') ? bar.value : 'busy'}: ${bar.labels?.[0]?.textContent}`,
            );
          for (const status of document.querySelectorAll('[role="status"]'))
            if (status.textContent) seen.push(`status: ${status.textContent}`);
        }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
      });
      await choose(admin, 'maanden.csv', 'text/csv', Buffer.from(`${lines.join('\n')}\n`));
      await check(admin);
      const bar = formSection(admin).getByRole('progressbar', { name: /^Voortgang van het versturen/ });
      await bar.waitFor();
      await reportSection(admin, 'Resultaat van de controle')
        .getByText('Het bestand is in orde.', { exact: false })
        .waitFor({ timeout: 30_000 });
      expect(await bar.count()).toBe(0);
      const seen = await admin.evaluate(() => (window as unknown as { seenProgress: string[] }).seenProgress);
      const partly = seen.filter((state) =>
        /^bar ([1-9]|[1-9]\d): Voortgang van het versturen: Bestand wordt verstuurd: \d+%\.$/.test(state),
      );
      expect(partly.length, seen.join('\n')).toBeGreaterThan(0);
      expect(seen).toContain('status: Bestand wordt verstuurd…');
      expect(seen).toContain('status: Bestand wordt gecontroleerd…');
      expect(seen).toContain('bar busy: Voortgang van het versturen: Bestand wordt gecontroleerd…');
    } finally {
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 0,
        downloadThroughput: -1,
        uploadThroughput: -1,
      });
      await cdp.detach();
    }
  });

  it('takes a corrected file dropped on the drop zone and shows old → new', async () => {
    const dataTransfer = await admin.evaluateHandle((text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], 'cijfers-2024-verbeterd.csv', { type: 'text/csv' }));
      return transfer;
    }, CORRECTED_FILE);
    await admin.locator('.ks-dropzone').dispatchEvent('drop', { dataTransfer });
    await formSection(admin).getByText('Gekozen: cijfers-2024-verbeterd.csv', { exact: false }).waitFor();
    await check(admin);
    const report = reportSection(admin, 'Resultaat van de controle');
    await report.getByText('Het bestand is in orde.', { exact: false }).waitFor();
    expect(await factOf(report, 'Nieuw')).toBe('0');
    expect(await factOf(report, 'Gewijzigd')).toBe('1');
    expect(await factOf(report, 'Ongewijzigd')).toBe('1');
    const changes = report.getByRole('table', { name: '1 cijfer dat nieuw is of verandert' });
    const headers = await changes.getByRole('columnheader').allTextContents();
    expect(headers).toEqual(['Wijziging', 'Indicator', 'Gebied', 'Periode', 'Uitsplitsing', 'Oud', 'Nieuw']);
    const cells = await rowCells(changes.locator('tbody tr'));
    expect(cells[0]).toBe('gewijzigd');
    expect(cells.slice(2)).toEqual(['GM0363', '2024', 'totaal', '1.234 (definitief)', '1.300 (definitief)']);

    await report.getByRole('button', { name: 'Importeren' }).click();
    await formSection(admin)
      .getByRole('status')
      .getByText('Import 2 is gelukt: 0 nieuw, 1 gewijzigd.', { exact: false })
      .waitFor();
    await historyTable(admin).getByRole('rowheader', { name: '2' }).waitFor();
    expectCleanPage(admin);
  });

  it('says so when the same file comes again', async () => {
    await check(admin);
    const report = reportSection(admin, 'Resultaat van de controle');
    await report.getByText(/^Dit bestand is al eerder geïmporteerd op .+ \(import 2\)\.$/).waitFor();
    await report.getByText('Er valt niets te importeren', { exact: false }).waitFor();
    expect(await report.getByRole('button', { name: 'Importeren' }).count()).toBe(0);
  });

  it('undoes the last import after a confirmation', async () => {
    const undoButton = historyTable(admin).getByRole('button', { name: 'Ongedaan maken (import 2)' });
    // Cancelling changes nothing and returns to the button.
    await undoButton.click();
    const question = admin.getByRole('heading', { name: 'Import 2 ongedaan maken?' });
    await question.waitFor();
    expect(await question.evaluate((element) => element === document.activeElement)).toBe(true);
    await admin.getByRole('button', { name: 'Annuleren' }).click();
    expect(await question.count()).toBe(0);
    expect(await undoButton.evaluate((element) => element === document.activeElement)).toBe(true);

    await undoButton.click();
    await admin.getByRole('button', { name: 'Ja, ongedaan maken (import 2)' }).click();
    const history = admin.getByRole('region', { name: 'Importgeschiedenis' });
    await history
      .getByRole('status')
      .getByText(
        'Import 2 is ongedaan gemaakt: 1 cijfer teruggezet naar de waarde van daarvoor, 0 cijfers ingetrokken.',
      )
      .waitFor();
    const rows = historyTable(admin).locator('tbody tr');
    await rows.first().getByRole('rowheader', { name: '3' }).waitFor();
    expect((await rowCells(rows.nth(0)))[6]).toBe('maakt import 2 ongedaan');
    expect((await rowCells(rows.nth(1)))[6]).toBe('ongedaan gemaakt door 3');
    expect(
      await historyTable(admin)
        .getByRole('button', { name: /Ongedaan maken/ })
        .allTextContents(),
    ).toEqual(['Ongedaan maken (import 1)']);
    expectCleanPage(admin);
  });

  it('lists every problem of a file with errors in a table the summary links to, and changes nothing', async () => {
    await choose(admin, 'fouten.csv', 'text/csv', ERROR_FILE);
    await check(admin);
    const summary = formSection(admin).getByRole('alert').filter({ hasText: 'Er is een probleem' });
    const link = summary.getByRole('link', {
      name: /^fouten\.csv is geweigerd: het bevat 4 fouten\. Er is niets gewijzigd\./,
    });
    await link.waitFor();
    expect(await admin.evaluate(() => document.activeElement?.className ?? '')).toContain('ks-error-summary');
    const report = reportSection(admin, 'Resultaat van de controle');
    await report.getByText('Het bestand is geweigerd. Er is niets gewijzigd.').waitFor();
    expect(await factOf(report, 'Fouten')).toBe('4');

    const problems = report.getByRole('region', { name: 'Problemen in het bestand' });
    const table = problems.getByRole('table', { name: '4 problemen in fouten.csv' });
    expect(await table.getByRole('columnheader').allTextContents()).toEqual([
      'Soort',
      'Regel',
      'Kolom',
      'Waarde',
      'Melding',
    ]);
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBe(4);
    const expected = [
      ['Fout', '2', 'indicator', 'vt_onbekend', 'Onbekende indicator "vt_onbekend".'],
      ['Fout', '3', 'periode', '2024XX01', 'Onbekende periode.'],
      ['Fout', '4', 'waarde', '12,3,4', 'Geen getal.'],
      ['Fout', '5', 'gebied', 'GM9999', 'Onbekende gebiedscode "GM9999".'],
    ];
    for (const [index, [severity, row, column, value, message]] of expected.entries()) {
      const cells = await rowCells(rows.nth(index));
      expect(cells.slice(0, 4)).toEqual([severity, row, column, value]);
      expect(cells[4]).toContain(message);
    }
    // No diff and no way to import a refused file; the history is as it was.
    expect(await report.getByRole('button', { name: 'Importeren' }).count()).toBe(0);
    expect(await report.getByRole('region', { name: 'Wat er verandert' }).count()).toBe(0);
    expect(await historyTable(admin).locator('tbody tr').count()).toBe(3);

    await link.click();
    expect(await admin.evaluate(() => document.activeElement?.getAttribute('aria-labelledby'))).toBe(
      await problems.getAttribute('aria-labelledby'),
    );
    await expectNoAxeViolations(admin);
    expectCleanPage(admin);
  });

  it('asks for the indicator of a wide worksheet, and passes it once chosen', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Adviezen');
    sheet.addRow(['gebied', 2023, 2024]);
    sheet.addRow(['GM0363', 100, 110]);
    sheet.addRow(['GM0344', 80, 90]);
    sheet.addRow(['GM0599', 70, 75]);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    await choose(
      admin,
      'adviezen.xlsx',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      xlsx,
    );
    await check(admin);

    const summary = formSection(admin).getByRole('alert').filter({ hasText: 'Er is een probleem' });
    const mappingLink = summary.getByRole('link', { name: /^Kies bij “Indeling van de kolommen”/ });
    await mappingLink.waitFor();
    const report = reportSection(admin, 'Resultaat van de controle');
    expect(await factOf(report, 'Formaat')).toBe('Excel (XLSX)');
    await report
      .getByText('Kies de indicator waar de cijfers in dit werkblad bij horen', { exact: false })
      .waitFor();
    await mappingLink.click();
    const mapping = report.getByRole('region', { name: 'Indeling van de kolommen' });
    expect(await admin.evaluate(() => document.activeElement?.getAttribute('aria-labelledby'))).toBe(
      await mapping.getAttribute('aria-labelledby'),
    );
    const indicator = mapping.getByLabel('Indicator van de cijfers in dit werkblad');
    // Only stored indicators: a derived one is computed, not imported.
    const options = await indicator
      .locator('option')
      .evaluateAll((elements) => elements.map((element) => (element as HTMLOptionElement).value));
    expect(options).toContain('vt_adviezen');
    expect(options).not.toContain('vt_meldingen_per_1000_inwoners');

    // Checking again without an indicator while "wide" is chosen: the page asks for it first.
    await mapping.getByLabel('Opbouw van het werkblad').selectOption('wide');
    await mapping.getByRole('button', { name: 'Opnieuw controleren met deze indeling' }).click();
    await summary
      .getByRole('link', { name: 'Kies de indicator waar de cijfers in dit werkblad bij horen.' })
      .waitFor();

    await indicator.selectOption('vt_adviezen');
    await mapping.getByRole('button', { name: 'Opnieuw controleren met deze indeling' }).click();
    await report.getByText('Het bestand is in orde. Er is nog niets gewijzigd.').waitFor();
    expect(await factOf(report, 'Nieuw')).toBe('6');
    const detected = report.getByRole('region', { name: 'Indeling van de kolommen' });
    expect(await factOf(detected, 'Indicator \\(voor het hele werkblad\\)')).toContain('(vt_adviezen)');
    expect(await factOf(detected, 'Gebied')).toBe('kolom “gebied”');
    expect(await detected.getByLabel('Kolom met de gebiedscodes').inputValue()).toBe('gebied');
    await expectNoAxeViolations(admin);

    await report.getByRole('button', { name: 'Importeren' }).click();
    await formSection(admin)
      .getByRole('status')
      .getByText('Import 4 is gelukt: 6 nieuw, 0 gewijzigd.', { exact: false })
      .waitFor();
    const row = historyTable(admin).locator('tbody tr').first();
    await row.getByRole('rowheader', { name: '4' }).waitFor();
    expect((await rowCells(row)).slice(2, 5)).toEqual(['adviezen.xlsx', fixture.emailOf.beheerder, '6']);
    expectCleanPage(admin);
  });

  it('lets the columns of a long worksheet with other names be assigned', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Blad1');
    sheet.addRow(['Indicator', 'Gemeente', 'Jaar', 'Aantal']);
    sheet.addRow(['vt_onderzoeken', 'GM0363', '2023', 41]);
    sheet.addRow(['vt_onderzoeken', 'GM0344', '2023', 17]);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    await choose(
      admin,
      'lang.xlsx',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      xlsx,
    );
    await check(admin);
    const report = reportSection(admin, 'Resultaat van de controle');
    await report.getByText('Het bestand is geweigerd. Er is niets gewijzigd.').waitFor();
    const mapping = report.getByRole('region', { name: 'Indeling van de kolommen' });
    await mapping.getByText('Kolommen in de kopregel: “Indicator”, “Gemeente”, “Jaar”, “Aantal”.').waitFor();
    await mapping.getByLabel('Kolom met het gebied').selectOption('Gemeente');
    await mapping.getByLabel('Kolom met de periode').selectOption('Jaar');
    await mapping.getByLabel('Kolom met de waarde').selectOption('Aantal');
    await mapping.getByRole('button', { name: 'Opnieuw controleren met deze indeling' }).click();
    await report.getByText('Het bestand is in orde. Er is nog niets gewijzigd.').waitFor();
    expect(await factOf(report, 'Nieuw')).toBe('2');
    const detected = report.getByRole('region', { name: 'Indeling van de kolommen' });
    expect(await factOf(detected, 'Opbouw')).toMatch(/^Lang/);
    expect(await factOf(detected, 'Periode')).toBe('kolom “Jaar”');
    expectCleanPage(admin);
  });

  it('shows the server’s refusal of an undo as it says it', async () => {
    // Meanwhile, elsewhere, import 1 is undone: this page still offers it.
    const api = admin.context().request;
    const { csrfToken } = (await (await api.get(new URL('/api/auth/session', app.url).href)).json()) as {
      csrfToken: string;
    };
    const elsewhere = await api.post(new URL('/api/imports/1/undo', app.url).href, {
      headers: { 'x-csrf-token': csrfToken },
    });
    expect(elsewhere.status()).toBe(200);
    await historyTable(admin).getByRole('button', { name: 'Ongedaan maken (import 1)' }).click();
    await admin.getByRole('button', { name: 'Ja, ongedaan maken (import 1)' }).click();
    const history = admin.getByRole('region', { name: 'Importgeschiedenis' });
    await history
      .getByRole('alert')
      .filter({ hasText: 'Er is een probleem' })
      .getByText('Import 1 is al ongedaan gemaakt.')
      .waitFor();
    // The history is read again: import 1 shows who undid it, without the button.
    const row = historyTable(admin)
      .locator('tbody tr')
      .filter({ has: admin.getByRole('rowheader', { name: '1', exact: true }) });
    await row.getByText(/^ongedaan gemaakt door \d+$/).waitFor();
    expect(await row.getByRole('button').count()).toBe(0);
    expectCleanPage(admin);
    await admin.close();
  });
});
