// SPDX-License-Identifier: EUPL-1.2
/**
 * The indicator catalogue (/indicatoren) and the figures viewer (/cijfers) in a real browser, on figures
 * imported through the server's own import pipeline: sums of half-years, a derived figure per 1.000
 * inhabitants, a sum that lacks a part, a cross table by breakdown, the versions of a corrected figure and the
 * figures as known before the correction, the CSV download, and a beheerder adding an indicator. axe checks
 * every page.
 *
 * The tests in this file build on each other (one database, one story), in the order they are written.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestContext } from '../../src/server/modules/audit/audit.service.ts';
import { importFigures } from '../../src/server/modules/figures/figures.import.ts';
import { type AccessFixture, seedAccessFixture, TEST_PASSWORD } from '../support/accounts.ts';
import {
  type BrowserTestContext,
  expectCleanPage,
  expectNoAxeViolations,
  openPage,
  startBrowserTest,
} from './browser.ts';

let app: BrowserTestContext;
let fixture: AccessFixture;
let folder: string;

const CLI: RequestContext = { actor: { kind: 'cli', label: 'test' }, origin: 'test' };

/** Amsterdam in half-years (the second provisional), Utrecht as a year, a breakdown, inhabitants; 2023 lacks a half. */
const FIRST_FILE = `indicator;gebied;periode;aard_geweld;waarde;status
vt_meldingen;GM0363;2024HJ01;;500;definitief
vt_meldingen;GM0363;2024HJ02;;520;voorlopig
vt_meldingen;GM0344;2024JJ00;;700;definitief
vt_meldingen;GM0363;2024HJ01;kindermishandeling;250;definitief
vt_meldingen;GM0363;2023HJ01;;480;definitief
inwoners;GM0363;2024JJ00;;900000;definitief
`;
/** A correction of Utrecht's figure for 2024. */
const CORRECTION_FILE = `indicator;gebied;periode;aard_geweld;waarde;status
vt_meldingen;GM0344;2024JJ00;;710;definitief
`;
/** The first file's figures are backdated to this moment, so a peildatum can fall between the two imports. */
const FIRST_IMPORT_AT = '2025-01-15T12:00:00Z';

async function importFile(fileName: string, content: string) {
  const file = path.join(folder, fileName);
  await writeFile(file, content);
  const report = await importFigures(app.database.db, CLI, { path: file, fileName, dryRun: false });
  expect(report.outcome, JSON.stringify(report.problems)).toBe('geimporteerd');
  return report.importId as number;
}

beforeAll(async () => {
  app = await startBrowserTest();
  fixture = await seedAccessFixture(app.database.db);
  folder = await mkdtemp(path.join(tmpdir(), 'ketenzicht-figures-test-'));
  const importId = await importFile('cijfers-2024.csv', FIRST_FILE);
  await app.database.db.execute(
    sql`update observation set recorded_at = ${FIRST_IMPORT_AT}::timestamptz where import_id = ${importId}`,
  );
  await app.database.db.execute(
    sql`update import_batch set at = ${FIRST_IMPORT_AT}::timestamptz where id = ${importId}`,
  );
});

afterAll(async () => {
  await app?.close();
  if (folder) await rm(folder, { recursive: true, force: true });
});

function figuresTable(page: Page) {
  return page.locator('table.ks-figures-table');
}

/** The texts of the cells of an area's row, the area's name (a row header) first. */
async function rowOf(page: Page, area: string): Promise<string[]> {
  const row = figuresTable(page)
    .locator('tbody tr')
    .filter({
      has: page.getByRole('rowheader', { name: area, exact: true }),
    });
  await row.waitFor();
  return (await row.locator('th, td').allTextContents()).map((text) => text.trim());
}

/** The cell texts of each body row of a table, the row header first. */
async function rowsOf(table: Locator): Promise<string[][]> {
  const rows = await table.locator('tbody tr').all();
  return Promise.all(
    rows.map(async (row) => (await row.locator('th, td').allTextContents()).map((text) => text.trim())),
  );
}

async function openFigures(search: string): Promise<Page> {
  const page = await openPage(app, `/cijfers?${search}`);
  await figuresTable(page).waitFor();
  return page;
}

describe('/indicatoren', () => {
  it('lists the indicators by source, with what they mean and a derived indicator’s formula', async () => {
    const page = await openPage(app, '/indicatoren');
    await page.getByRole('heading', { level: 1, name: 'Indicatoren' }).waitFor();
    expect(await page.title()).toBe('Indicatoren - Ketenzicht');
    const veiligThuis = page.getByRole('region', { name: 'Veilig Thuis', exact: true });
    await veiligThuis.waitFor();
    await page.getByRole('region', { name: 'CBS', exact: true }).waitFor();

    const meldingen = page.getByRole('article', { name: 'Meldingen Veilig Thuis', exact: true });
    const meldingenText = (await meldingen.textContent()) ?? '';
    expect(meldingenText).toContain('vt_meldingen');
    expect(meldingenText).toContain('jaar, halfjaar, kwartaal, maand');
    expect(meldingenText).toContain('Ja: optelbaar over perioden en gebieden');
    expect(meldingenText).toContain('Aard van het geweld, Melder');
    expect(
      await meldingen.getByRole('link', { name: 'Cijfers van Meldingen Veilig Thuis' }).getAttribute('href'),
    ).toBe('/cijfers?indicator=vt_meldingen');

    const derived = page.getByRole('article', { name: 'Meldingen per 1.000 inwoners', exact: true });
    const derivedText = (await derived.textContent()) ?? '';
    expect(derivedText).toContain('Meldingen per 1.000 inwoners = vt_meldingen ÷ inwoners × 1.000');
    expect(derivedText).toContain('Aantal per 1.000 inwoners');
    expect(derivedText).toContain('Nee: een gemiddelde, percentage of verhouding telt niet op');

    const dimensions = page.getByRole('region', { name: 'Uitsplitsingen', exact: true });
    await dimensions
      .getByRole('list', { name: 'Waarden van Aard van het geweld' })
      .getByText('Kindermishandeling (kindermishandeling)')
      .waitFor();
    // Not for a visitor: the form.
    expect(await page.getByRole('heading', { name: 'Indicator toevoegen' }).count()).toBe(0);
    await expectNoAxeViolations(page);
    expectCleanPage(page);
    await page.close();
  });
});

describe('/cijfers', () => {
  it('shows a year per gemeente: summed from half-years (provisional) or as delivered', async () => {
    const page = await openFigures('indicator=vt_meldingen&niveau=gemeente&periode=2024JJ00');
    expect(await page.title()).toBe('Cijfers - Ketenzicht');
    await page
      .getByRole('table', { name: /^Meldingen Veilig Thuis \(aantal\) per gemeente, 2024/ })
      .waitFor();
    expect(await rowOf(page, 'Amsterdam')).toEqual(['Amsterdam', '1.020', 'voorlopig', 'opgeteld', '', '']);
    expect(await rowOf(page, 'Utrecht')).toEqual([
      'Utrecht',
      '700',
      'definitief',
      'geleverd',
      '',
      'Versies van Utrecht',
    ]);
    expect(await rowOf(page, 'Aalsmeer')).toEqual(['Aalsmeer', 'geen cijfer', '', '', '', '']);
    expect(
      await figuresTable(page).getByRole('link', { name: 'Amsterdam', exact: true }).getAttribute('href'),
    ).toBe('/gemeente/GM0363');

    // Sorting by value puts the highest first, areas without a figure last.
    const valueHeader = figuresTable(page).getByRole('columnheader', { name: /^Waarde/ });
    await valueHeader.getByRole('button').click();
    expect(await valueHeader.getAttribute('aria-sort')).toBe('descending');
    const firstRows = await figuresTable(page).locator('tbody tr th').allTextContents();
    expect(firstRows.slice(0, 2)).toEqual(['Amsterdam', 'Utrecht']);

    // The controls show the choice of the URL.
    expect(await page.getByLabel('Indicator', { exact: true }).inputValue()).toBe('vt_meldingen');
    expect(await page.getByLabel('Periode', { exact: true }).inputValue()).toBe('2024JJ00');
    await expectNoAxeViolations(page);
    expectCleanPage(page);
    await page.close();
  });

  it('says a sum is incomplete rather than counting a missing half-year as zero', async () => {
    const page = await openFigures('indicator=vt_meldingen&periode=2023JJ00');
    expect(await rowOf(page, 'Amsterdam')).toEqual([
      'Amsterdam',
      'onbekend',
      '',
      '',
      'onvolledig: ontbreekt voor 2e halfjaar 2023',
      '',
    ]);
    await page.close();
  });

  it('names the gemeenten a province’s sum lacks', async () => {
    const page = await openFigures('indicator=vt_meldingen&niveau=provincie&periode=2024JJ00');
    const row = await rowOf(page, 'Noord-Holland');
    expect(row[1]).toBe('onbekend');
    // Named, in alphabetical order, and only the first few.
    expect(row[4]).toMatch(/^onvolledig: ontbreekt voor Aalsmeer, Alkmaar, [^G]* en \d+ andere$/);
    expect(row[4]).not.toContain('Amsterdam');
    expect(
      await figuresTable(page).getByRole('link', { name: 'Noord-Holland', exact: true }).getAttribute('href'),
    ).toBe('/provincie/PV27');
    await page.close();
  });

  it('shows a breakdown as a cross table, with the total beside it', async () => {
    const page = await openFigures('indicator=vt_meldingen&periode=2024HJ01&uitsplitsing=aard_geweld');
    await page
      .getByRole('table', {
        name: /^Meldingen Veilig Thuis \(aantal\) per gemeente, 1e halfjaar 2024, naar aard van het geweld/,
      })
      .waitFor();
    const headers = (await figuresTable(page).getByRole('columnheader').allTextContents()).map((text) =>
      text.trim(),
    );
    expect(headers.slice(0, 4)).toEqual(['Gebied', 'Totaal', 'Kindermishandeling', 'Partnergeweld']);
    const amsterdam = await rowOf(page, 'Amsterdam');
    expect(amsterdam.slice(0, 4)).toEqual(['Amsterdam', '500', '250', 'geen cijfer']);
    expect(await page.getByLabel('Uitsplitsing', { exact: true }).inputValue()).toBe('aard_geweld');
    expectCleanPage(page);
    await page.close();

    // axe on a cross table of twelve provinces with every kind of cell (a 342-row table takes it too long).
    const provinces = await openFigures(
      'indicator=vt_meldingen&niveau=provincie&periode=2024HJ01&uitsplitsing=aard_geweld',
    );
    expect((await rowOf(provinces, 'Noord-Holland'))[1]).toBe('onbekend');
    await expectNoAxeViolations(provinces);
    await provinces.close();
  });

  it('computes a derived indicator per 1.000 inhabitants and gives its formula', async () => {
    const page = await openFigures('indicator=vt_meldingen_per_1000_inwoners&periode=2024JJ00');
    const table = page.getByRole('table', {
      name: /^Meldingen per 1\.000 inwoners \(aantal per 1\.000 inwoners\) per gemeente, 2024/,
    });
    await table.waitFor();
    expect(await table.locator('caption').textContent()).toContain(
      'Meldingen per 1.000 inwoners = vt_meldingen ÷ inwoners × 1.000',
    );
    // 1.020 meldingen for 900.000 inhabitants.
    expect(await rowOf(page, 'Amsterdam')).toEqual(['Amsterdam', '1,1', 'voorlopig', 'berekend', '', '']);
    await page.close();
  });

  it('changes the figures with the controls: another indicator brings its own periods', async () => {
    const page = await openFigures('indicator=vt_meldingen&periode=2024HJ01');
    await page.getByLabel('Indicator', { exact: true }).selectOption({ label: 'Inwoners' });
    const period = page.getByLabel('Periode', { exact: true });
    await expect.poll(() => period.inputValue()).toBe('2024JJ00');
    expect(await period.locator('option').allTextContents()).toEqual(['2024']);
    await page.getByRole('button', { name: 'Cijfers tonen' }).click();
    await page.waitForURL(/\/cijfers\?indicator=inwoners&periode=2024JJ00$/);
    await page.getByRole('table', { name: /^Inwoners \(aantal\) per gemeente, 2024/ }).waitFor();
    expect((await rowOf(page, 'Amsterdam'))[1]).toBe('900.000');
    expectCleanPage(page);
    await page.close();
  });

  it('offers the figures as CSV for Excel', async () => {
    const page = await openFigures('indicator=vt_meldingen&periode=2024JJ00');
    const link = page.getByRole('link', { name: 'Download CSV' });
    const href = (await link.getAttribute('href')) ?? '';
    expect(href).toBe('/api/observations?indicator=vt_meldingen&level=gemeente&period=2024JJ00&format=csv');
    const response = await page.request.get(new URL(href, app.url).href);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toMatch(/^text\/csv/);
    const text = await response.text();
    expect(text).toContain(
      'indicator;gebied;gebiedsnaam;periode;aard_geweld;melder;waarde;status;herkomst;ontbreekt',
    );
    expect(text).toContain('vt_meldingen;GM0363;Amsterdam;2024JJ00;;;1020;voorlopig;opgeteld;');
    await page.close();
  });

  it('tells where figures come from when an indicator has none', async () => {
    const page = await openPage(app, '/cijfers?indicator=thv_opgelegd');
    const section = page.getByRole('region', { name: 'Nog geen cijfers' });
    await section.waitFor();
    expect(await section.textContent()).toContain('npx ketenzicht demo');
    expect(await section.getByRole('link', { name: 'Cijfers importeren' }).getAttribute('href')).toBe(
      '/importeren',
    );
    await expectNoAxeViolations(page);
    await page.close();
  });
});

describe('a corrected figure', () => {
  it('shows the new figure, and both versions, newest first', async () => {
    await importFile('correctie-utrecht.csv', CORRECTION_FILE);
    const page = await openFigures('indicator=vt_meldingen&periode=2024JJ00');
    expect((await rowOf(page, 'Utrecht'))[1]).toBe('710');
    await page.getByRole('link', { name: 'Versies van Utrecht' }).click();
    await page.waitForURL(/\/cijfers\/versies\?/);
    expect(new URL(page.url()).searchParams.get('gebied')).toBe('GM0344');
    const table = page.getByRole('table', { name: '2 versies, de nieuwste eerst' });
    await table.waitFor();
    // A visitor does not see who imported: that is for beheerders and aanleveranciers.
    expect(await table.getByRole('columnheader').allTextContents()).toEqual([
      'Versie',
      'Waarde',
      'Status',
      'Import',
      'Bestand',
      'Vastgelegd',
      'Vervangen op',
    ]);
    const [newest, oldest] = await rowsOf(table);
    expect(newest).toEqual([
      '2',
      '710',
      'definitief',
      expect.any(String),
      'correctie-utrecht.csv',
      expect.any(String),
      'huidige versie',
    ]);
    expect(oldest?.slice(0, 3)).toEqual(['1', '700', 'definitief']);
    expect(oldest?.[4]).toBe('cijfers-2024.csv');
    expect(oldest?.[5]).toBe('15 januari 2025 om 13:00:00');
    expect(oldest?.[6]).toBe(newest?.[5]);
    const facts = (await page.getByRole('main').textContent()) ?? '';
    expect(facts).toContain('Meldingen Veilig Thuis (vt_meldingen)');
    expect(facts).toContain('Totaal (geen uitsplitsing)');
    await expectNoAxeViolations(page);
    expectCleanPage(page);

    await page.getByRole('link', { name: 'Terug naar de cijfers' }).click();
    await page.waitForURL(/\/cijfers\?indicator=vt_meldingen&periode=2024JJ00$/);
    await figuresTable(page).waitFor();
    await page.close();
  });

  it('shows the figures as known before the correction', async () => {
    const page = await openFigures('indicator=vt_meldingen&periode=2024JJ00&peildatum=2025-06-01');
    await page
      .getByRole('table', {
        name: /^Meldingen Veilig Thuis \(aantal\) per gemeente, 2024, zoals bekend op 1 juni 2025/,
      })
      .waitFor();
    expect((await rowOf(page, 'Utrecht'))[1]).toBe('700');
    expect((await rowOf(page, 'Amsterdam'))[1]).toBe('1.020');
    expect(await page.getByLabel('Cijfers zoals bekend op').inputValue()).toBe('2025-06-01');
    // Before the first import nothing was known.
    await page.getByLabel('Cijfers zoals bekend op').fill('2024-12-31');
    await page.getByRole('button', { name: 'Cijfers tonen' }).click();
    await page.waitForURL(/peildatum=2024-12-31/);
    await expect.poll(async () => (await rowOf(page, 'Utrecht'))[1]).toBe('geen cijfer');
    await page.getByRole('link', { name: 'Terug naar de nieuwste cijfers' }).click();
    await expect.poll(async () => (await rowOf(page, 'Utrecht'))[1]).toBe('710');
    expectCleanPage(page);
    await page.close();
  });
});

describe('a beheerder', () => {
  let admin: Page;

  it('sees the synthetic demo figures called out', async () => {
    await importFile(
      'demo-synthetisch.csv',
      'indicator;gebied;periode;waarde;status\nvhh_hg_casussen;GM0363;2024JJ00;300;definitief\n',
    );
    admin = await openPage(app, '/inloggen');
    await admin.getByLabel('E-mailadres').fill(fixture.emailOf.beheerder);
    await admin.getByLabel('Wachtwoord', { exact: true }).fill(TEST_PASSWORD);
    await admin.getByRole('button', { name: 'Inloggen' }).click();
    await admin.waitForURL(/\/account$/);
    await admin.goto(new URL('/cijfers?indicator=vhh_hg_casussen&periode=2024JJ00', app.url).href);
    await admin.getByRole('heading', { name: 'Let op: demogegevens zijn synthetisch' }).waitFor();
    await admin.getByRole('link', { name: 'Versies van Amsterdam' }).click();
    const versions = admin.getByRole('table', { name: '1 versie, de nieuwste eerst' });
    await versions.waitFor();
    // A beheerder sees who imported.
    expect(await versions.getByRole('columnheader', { name: 'Door' }).count()).toBe(1);
    expect((await rowsOf(versions))[0]?.slice(4, 6)).toEqual(['demo-synthetisch.csv', 'test']);
    expect(await admin.getByRole('main').textContent()).toContain('Let op: demogegevens zijn synthetisch');
    expectCleanPage(admin);
  });

  it('adds an indicator, which then appears in the catalogue', async () => {
    await admin.goto(new URL('/indicatoren', app.url).href);
    const section = admin.getByRole('region', { name: 'Indicator toevoegen' });
    await section.waitFor();
    await section.getByRole('button', { name: 'Indicator toevoegen' }).click();
    const summary = section.getByRole('alert').filter({ hasText: 'Er is een probleem' });
    await summary.getByRole('link', { name: 'Kies minstens één periode.' }).waitFor();

    await section.getByLabel('Code', { exact: true }).fill('wijkteam_casussen');
    await section.getByLabel('Naam', { exact: true }).fill('Casussen wijkteam');
    await section
      .getByLabel('Definitie', { exact: true })
      .fill('Aantal casussen huiselijk geweld bij het wijkteam.');
    await section.getByLabel('Bron', { exact: true }).selectOption({ label: 'Wijkteam' });
    await section.getByLabel('Eenheid', { exact: true }).selectOption({ label: 'Aantal' });
    await section
      .getByRole('group', { name: 'Perioden waarvoor cijfers komen' })
      .getByLabel('jaar', { exact: true })
      .check();
    await section
      .getByRole('group', { name: 'Perioden waarvoor cijfers komen' })
      .getByLabel('kwartaal')
      .check();
    await section.getByRole('button', { name: 'Indicator toevoegen' }).click();
    await section
      .getByRole('status')
      .getByText('De indicator Casussen wijkteam (wijkteam_casussen) is toegevoegd.')
      .waitFor();

    const added = admin
      .getByRole('region', { name: 'Wijkteam', exact: true })
      .getByRole('article', { name: 'Casussen wijkteam' });
    await added.waitFor();
    const text = (await added.textContent()) ?? '';
    expect(text).toContain('wijkteam_casussen');
    expect(text).toContain('jaar, kwartaal');
    expect(text).toContain('Toegevoegd door een beheerder');

    // The same code again: the server refuses it, and the form says so at the code field.
    await section.getByLabel('Code', { exact: true }).fill('wijkteam_casussen');
    await section.getByLabel('Naam', { exact: true }).fill('Nog eens');
    await section.getByLabel('Definitie', { exact: true }).fill('Dubbel.');
    await section.getByLabel('Bron', { exact: true }).selectOption({ label: 'Wijkteam' });
    await section.getByLabel('Eenheid', { exact: true }).selectOption({ label: 'Aantal' });
    await section
      .getByRole('group', { name: 'Perioden waarvoor cijfers komen' })
      .getByLabel('jaar', { exact: true })
      .check();
    await section.getByRole('button', { name: 'Indicator toevoegen' }).click();
    const taken = 'Er is al een indicator met de code wijkteam_casussen. Kies een andere code.';
    await summary.getByRole('link', { name: taken }).waitFor();
    expect(await section.getByLabel('Code', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(admin);
    expectCleanPage(admin);
    await admin.close();
  });
});
