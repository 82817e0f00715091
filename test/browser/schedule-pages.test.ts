// SPDX-License-Identifier: EUPL-1.2
/**
 * The follow-up schedule page and the case import history in a real browser. A beheerder reads the 25 regions'
 * schedules, widens VT01's 12-month window and sees the table change (the API agrees), finds that +12 months
 * cannot be removed, and reads the server's message for overlapping windows. A lezer gets no form; a
 * regiocoördinator of a gemeente saves the schedule of its region (its household is recomputed) and reads the
 * server's refusal for another region. On /casussen/aanleveren the beheerder imports an extract through the
 * page, finds it in the history, undoes it (inline confirmation) and reads the result; undoing the earlier
 * import it changed is refused with the server's 409 message. axe checks both pages.
 *
 * The tests in this file build on each other (one database, one story), in the order they are written.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectRows } from '../../src/server/db/client.ts';
import { addDays } from '../../src/server/modules/cases/cases.domain.ts';
import { importCases } from '../../src/server/modules/cases/cases.import.ts';
import { CASE_CSV_COLUMNS, type CaseCsvColumn, DEFAULT_FOLLOW_UP_SCHEDULE } from '../../src/shared/cases.ts';
import { type AccessFixture, seedAccessFixture } from '../support/accounts.ts';
import { TEST_PSEUDONYM_KEY } from '../support/app.ts';
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
/** The Veilig Thuis-regio of Amsterdam (GM0363), where the test cases live. */
let amsterdamRegion: string;
/** The number of the import seeded on the command line. */
let seededImport: number;
/** The beheerder's tab, signed in once and reused from test to test. */
let admin: Page;

const TODAY = new Date().toISOString().slice(0, 10);
const MELDING = addDays(TODAY, -40);

type Row = Partial<Record<CaseCsvColumn, string>>;

function csv(rows: readonly Row[]): string {
  const lines = rows.map((row) => CASE_CSV_COLUMNS.map((column) => row[column] ?? '').join(','));
  return `${[CASE_CSV_COLUMNS.join(','), ...lines].join('\n')}\n`;
}

const melding = (casus: string, household: string, date: string): Row => ({
  casus_id: casus,
  huishouden_id: household,
  gebeurtenis: 'melding',
  datum: date,
  gemeente: 'GM0363',
  melder: 'onderwijs',
  aard_geweld: 'kindermishandeling',
});

/** Seeded on the command line: one case. */
const FIRST_EXTRACT = csv([melding('C-1', 'HH-1', MELDING)]);
/** Uploaded through the page: changes C-1 (a safety assessment) and adds C-2. */
const SECOND_EXTRACT = csv([
  melding('C-1', 'HH-1', MELDING),
  {
    casus_id: 'C-1',
    huishouden_id: 'HH-1',
    gebeurtenis: 'veiligheidsbeoordeling',
    datum: addDays(MELDING, 3),
    veiligheid: 'geen',
  },
  melding('C-2', 'HH-2', addDays(TODAY, -10)),
]);

beforeAll(async () => {
  app = await startBrowserTest();
  const db = app.database.db;
  fixture = await seedAccessFixture(db);
  const [parent] = await selectRows<{ parent_code: string }>(
    db,
    sql`select parent_code from area_membership where child_code = 'GM0363' and parent_code like 'VT%' and valid_to is null`,
  );
  amsterdamRegion = (parent as { parent_code: string }).parent_code;
  const folder = await mkdtemp(path.join(tmpdir(), 'ketenzicht-schedule-pages-'));
  try {
    const file = path.join(folder, 'eerste.csv');
    await writeFile(file, FIRST_EXTRACT);
    const report = await importCases(
      db,
      { actor: { kind: 'cli', label: 'test' }, origin: 'test' },
      async () => TEST_PSEUDONYM_KEY,
      { path: file, fileName: 'eerste.csv', dryRun: false },
    );
    expect(report.outcome, JSON.stringify(report.problems.slice(0, 5))).toBe('geimporteerd');
    seededImport = report.importId as number;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}, 240_000);

afterAll(async () => {
  await app?.close();
});

/** Each body row's cells (the row header first), once the table has rows. */
async function rowsOf(page: Page, tableName: string | RegExp): Promise<string[][]> {
  const table = page.getByRole('table', { name: tableName });
  await table.locator('tbody tr').first().waitFor();
  return table
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('th, td')].map((cell) => (cell.textContent ?? '').trim())),
    );
}

const SCHEDULE_TABLE = /^Meetmomenten en vensters van \d+ Veilig Thuis-regio’s/;
const DEFAULT_TEXT = '+3 mnd: 14 dagen ervoor, 30 dagen erna; +12 mnd: 30 dagen ervoor, 60 dagen erna';

async function scheduleRow(page: Page, region: string): Promise<string[]> {
  const rows = await rowsOf(page, SCHEDULE_TABLE);
  const row = rows.find((cells) => cells[0]?.endsWith(`(${region})`));
  expect(row, `a row for ${region}`).toBeDefined();
  return row as string[];
}

type ScheduleJson = Array<{
  region: string;
  moments: Array<{ months: number; daysBefore: number; daysAfter: number }>;
  own: boolean;
}>;

async function schedulesFromApi(): Promise<ScheduleJson> {
  const response = await fetch(new URL('/api/cases/schedules', app.url));
  expect(response.status).toBe(200);
  return (await response.json()) as ScheduleJson;
}

/** A second browser context (own cookies) signed in as `email`, on `path`. */
async function signedInElsewhere(
  email: string,
  target: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await app.browser.newContext({ locale: 'nl-NL', viewport: { width: 1280, height: 900 } });
  const page = await openPage({ ...app, context }, `/inloggen?terug=${target}`);
  await submitSignIn(page, email);
  await page.waitForURL((url) => url.pathname === target);
  return { context, page };
}

describe('the schedule page as a beheerder', () => {
  it('lists the 25 regions with their moments, all on the default schedule', async () => {
    admin = await openPage(app, '/inloggen?terug=/vervolgmetingen/schema');
    await submitSignIn(admin, fixture.emailOf.beheerder);
    await admin.waitForURL((url) => url.pathname === '/vervolgmetingen/schema');
    await admin.getByRole('heading', { level: 1, name: 'Meetmomenten per regio' }).waitFor();
    expect(await admin.title()).toBe('Meetmomenten per regio - Ketenzicht');
    const intro = (await admin.locator('.ks-intro').textContent()) ?? '';
    expect(intro).toContain('vanaf de datum van de overdracht');
    expect(intro).toContain('als ze in dat venster valt');
    expect(intro).toContain('+3 en +12 maanden');
    expect(intro).toContain('berekent de uitkomsten van alle casussen in de regio dan opnieuw');

    const rows = await rowsOf(admin, 'Meetmomenten en vensters van 25 Veilig Thuis-regio’s');
    expect(rows).toHaveLength(25);
    expect(rows.every((row) => row[1] === DEFAULT_TEXT && row[2] === 'standaard')).toBe(true);
    expect(rows[0]?.[0]).toMatch(/\(VT01\)$/);
    await expectNoAxeViolations(admin);
    expectCleanPage(admin);
  });

  it('widens the 12-month window of VT01; the table and the API show the new window', async () => {
    await admin.getByLabel('Regio', { exact: true }).selectOption('VT01');
    const twelve = admin.getByRole('group', { name: 'Meetmoment +12 maanden' });
    await twelve.waitFor();
    expect(await twelve.getByLabel('Dagen erna').inputValue()).toBe('60');
    // +12 months stays: its months are fixed and it has no remove button.
    expect(await twelve.getByLabel('Maanden na de overdracht').getAttribute('readonly')).not.toBeNull();
    expect(await twelve.getByRole('button', { name: /Verwijderen/ }).count()).toBe(0);
    expect(
      await admin.getByRole('group', { name: 'Meetmoment +3 maanden' }).getByRole('button').count(),
    ).toBe(0);

    await twelve.getByLabel('Dagen erna').fill('90');
    await admin.getByRole('button', { name: 'Opslaan' }).click();
    // The seeded case's household is recomputed when it lives in VT01.
    const households = amsterdamRegion === 'VT01' ? '1 huishouden' : '0 huishoudens';
    await admin
      .getByRole('status')
      .filter({ hasText: `Opgeslagen; ${households} herberekend.` })
      .waitFor();
    await admin
      .getByRole('table', { name: SCHEDULE_TABLE })
      .getByRole('row')
      .filter({ hasText: '90 dagen erna' })
      .waitFor();
    expect(await scheduleRow(admin, 'VT01')).toEqual([
      expect.stringMatching(/\(VT01\)$/),
      '+3 mnd: 14 dagen ervoor, 30 dagen erna; +12 mnd: 30 dagen ervoor, 90 dagen erna',
      'eigen schema',
    ]);
    expect((await scheduleRow(admin, 'VT02'))[2]).toBe('standaard');

    const schedules = await schedulesFromApi();
    expect(schedules).toHaveLength(25);
    expect(schedules.find((item) => item.region === 'VT01')).toMatchObject({
      own: true,
      moments: [
        { months: 3, daysBefore: 14, daysAfter: 30 },
        { months: 12, daysBefore: 30, daysAfter: 90 },
      ],
    });
    expect(schedules.find((item) => item.region === 'VT02')).toMatchObject({
      own: false,
      moments: DEFAULT_FOLLOW_UP_SCHEDULE,
    });
    expectCleanPage(admin);
  });

  it('names a field that holds no number, before anything is sent', async () => {
    const three = admin.getByRole('group', { name: 'Meetmoment +3 maanden' });
    await three.getByLabel('Dagen ervoor').fill('twee weken');
    await admin.getByRole('button', { name: 'Opslaan' }).click();
    const summary = admin.getByRole('alert').filter({ hasText: 'Er is een probleem' });
    const link = summary.getByRole('link', {
      name: '+3 maanden: vul het aantal dagen vóór het meetmoment in als heel getal van 0 tot en met 120.',
    });
    await link.waitFor();
    await link.click();
    expect(await admin.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe(
      'twee weken',
    );
    await three.getByLabel('Dagen ervoor').fill('14');
    expectCleanPage(admin);
  });

  it('shows the server’s message for overlapping windows next to the moments', async () => {
    await admin.getByRole('button', { name: 'Meetmoment toevoegen' }).click();
    const extra = admin.getByRole('group', { name: 'Extra meetmoment 1' });
    await extra.waitFor();
    // Focus moves to the new moment's first field.
    expect(
      await extra
        .getByLabel('Maanden na de overdracht')
        .evaluate((input) => input === document.activeElement),
    ).toBe(true);
    await extra.getByLabel('Maanden na de overdracht').fill('6');
    await extra.getByLabel('Dagen ervoor').fill('90');
    await extra.getByLabel('Dagen erna').fill('30');
    await admin.getByRole('button', { name: 'Opslaan' }).click();

    const message = 'De vensters van 3 en 6 maanden overlappen: een meting zou voor beide tellen.';
    const summary = admin.getByRole('alert').filter({ hasText: 'Er is een probleem' });
    await summary.getByRole('link', { name: message }).waitFor();
    const moments = admin.getByRole('group', { name: 'Meetmomenten van', exact: false }).first();
    expect(await moments.textContent()).toContain(`Fout: ${message}`);
    await expectNoAxeViolations(admin);

    // Nothing was saved.
    const vt01 = (await schedulesFromApi()).find((item) => item.region === 'VT01');
    expect(vt01?.moments).toHaveLength(2);

    // The extra moment can be removed again; focus goes to "Meetmoment toevoegen".
    await extra.getByRole('button', { name: 'Verwijderen (extra meetmoment 1)' }).click();
    expect(await admin.getByRole('group', { name: 'Extra meetmoment 1' }).count()).toBe(0);
    expect(
      await admin
        .getByRole('button', { name: 'Meetmoment toevoegen' })
        .evaluate((button) => button === document.activeElement),
    ).toBe(true);
    expectCleanPage(admin);
  });
});

describe('the schedule page for others', () => {
  const opened: BrowserContext[] = [];
  afterAll(async () => {
    for (const context of opened) await context.close();
  });

  it('shows a lezer the schedules but no form', async () => {
    const { context, page } = await signedInElsewhere(fixture.emailOf.lezer, '/vervolgmetingen/schema');
    opened.push(context);
    await page.getByRole('heading', { level: 1, name: 'Meetmomenten per regio' }).waitFor();
    expect(await rowsOf(page, SCHEDULE_TABLE)).toHaveLength(25);
    await page.getByText('Het schema van een regio wijzigt een beheerder of een regiocoördinator').waitFor();
    expect(await page.getByRole('button', { name: 'Opslaan' }).count()).toBe(0);
    expect(await page.getByLabel('Regio', { exact: true }).count()).toBe(0);
    await expectNoAxeViolations(page);
    expectCleanPage(page);
  });

  it('lets a regiocoördinator of a gemeente save its region, and shows the refusal for another', async () => {
    const { context, page } = await signedInElsewhere(
      fixture.emailOf.regiocoordinator,
      '/vervolgmetingen/schema',
    );
    opened.push(context);
    await page.getByLabel('Regio', { exact: true }).selectOption(amsterdamRegion);
    const three = page.getByRole('group', { name: 'Meetmoment +3 maanden' });
    await three.getByLabel('Dagen erna').fill('35');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    // The seeded case's household lives in this region.
    await page.getByRole('status').filter({ hasText: 'Opgeslagen; 1 huishouden herberekend.' }).waitFor();
    await page
      .getByRole('table', { name: SCHEDULE_TABLE })
      .getByRole('row')
      .filter({ hasText: '35 dagen erna' })
      .waitFor();
    const [, moments, kind] = await scheduleRow(page, amsterdamRegion);
    expect(moments).toMatch(
      /^\+3 mnd: 14 dagen ervoor, 35 dagen erna; \+12 mnd: 30 dagen ervoor, (60|90) dagen erna$/,
    );
    expect(kind).toBe('eigen schema');

    const other = amsterdamRegion === 'VT02' ? 'VT03' : 'VT02';
    await page.getByLabel('Regio', { exact: true }).selectOption(other);
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page
      .getByRole('alert')
      .filter({
        hasText:
          'Het vervolgschema van een regio stelt een beheerder of een regiocoördinator van die regio in.',
      })
      .waitFor();
    expect((await scheduleRow(page, other))[2]).toBe('standaard');
    await expectNoAxeViolations(page);
    expectCleanPage(page);
  });

  it('is linked from the follow-up list', async () => {
    await admin.goto(new URL('/vervolgmetingen', app.url).href);
    await admin.getByRole('link', { name: 'Meetmomenten en vensters per regio' }).click();
    await admin.waitForURL((url) => url.pathname === '/vervolgmetingen/schema');
    await admin.getByRole('heading', { level: 1, name: 'Meetmomenten per regio' }).waitFor();
    expectCleanPage(admin);
  });
});

describe('the case import history', () => {
  it('lists the seeded import, then the one imported through the page', async () => {
    await admin.goto(new URL('/casussen/aanleveren', app.url).href);
    await admin.getByRole('heading', { level: 1, name: 'Casussen aanleveren' }).waitFor();
    const before = await rowsOf(admin, /^1 aanlevering of terugdraaiing/);
    expect(before).toHaveLength(1);
    expect(before[0]?.slice(0, 5)).toEqual([
      String(seededImport),
      'Aanlevering',
      'eerste.csv',
      'geen (beheerder)',
      'test',
    ]);

    await admin.getByLabel('CSV-bestand met casussen').setInputFiles({
      name: 'tweede.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(SECOND_EXTRACT),
    });
    await admin.getByRole('button', { name: 'Controleren' }).click();
    await admin.getByRole('status').filter({ hasText: 'tweede.csv is gecontroleerd' }).waitFor();
    await admin.getByRole('button', { name: 'Importeren' }).click();
    await admin
      .getByRole('status')
      .filter({ hasText: /De casussen zijn geïmporteerd \(import \d+\)/ })
      .waitFor();

    // The history refreshes by itself after the import.
    const rows = await rowsOf(admin, /^2 aanleveringen en terugdraaiingen/);
    const [newest] = rows as [string[]];
    expect(newest[0]).not.toBe(String(seededImport));
    const [, kind, file, supplier, by, at, cases, added, changed, status] = newest;
    expect([kind, file, supplier, by, cases, added, changed, status]).toEqual([
      'Aanlevering',
      'tweede.csv',
      'geen (beheerder)',
      fixture.emailOf.beheerder,
      '2',
      '1',
      '1',
      'geïmporteerd',
    ]);
    expect(at).toMatch(/^\d{1,2} [a-z]+ \d{4} om \d{2}:\d{2}:\d{2}$/);
    await expectNoAxeViolations(admin);
    expectCleanPage(admin);
  });

  it('refuses to undo an import while a later import that changed its cases stands, with the server’s message', async () => {
    await admin.getByRole('button', { name: `Terugdraaien (aanlevering ${seededImport})` }).click();
    await admin.getByRole('button', { name: `Ja, terugdraaien (aanlevering ${seededImport})` }).click();
    const alert = admin.getByRole('alert').filter({ hasText: 'Er is een probleem' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain(
      `heeft casussen uit aanlevering ${seededImport} gewijzigd. Draai eerst die latere aanlevering terug.`,
    );
    await expectNoAxeViolations(admin);
    expectCleanPage(admin);
  });

  it('undoes the page import after an inline confirmation, and says what it restored and withdrew', async () => {
    const rows = await rowsOf(admin, /^2 aanleveringen en terugdraaiingen/);
    const importId = rows[0]?.[0] as string;
    await admin.getByRole('button', { name: `Terugdraaien (aanlevering ${importId})` }).click();
    const question = admin.getByRole('heading', { level: 3, name: `Aanlevering ${importId} terugdraaien?` });
    await question.waitFor();
    expect(await question.evaluate((heading) => heading === document.activeElement)).toBe(true);
    await expectNoAxeViolations(admin);

    // Annuleren: nothing happens, focus returns to the row's button.
    await admin.getByRole('button', { name: 'Annuleren' }).click();
    expect(await question.count()).toBe(0);
    const undoButton = admin.getByRole('button', { name: `Terugdraaien (aanlevering ${importId})` });
    expect(await undoButton.evaluate((button) => button === document.activeElement)).toBe(true);

    await undoButton.click();
    await admin.getByRole('button', { name: `Ja, terugdraaien (aanlevering ${importId})` }).click();
    await admin
      .getByRole('status')
      .filter({ hasText: `Aanlevering ${importId} is teruggedraaid: 1 casus hersteld, 1 ingetrokken.` })
      .waitFor();

    const after = await rowsOf(admin, /^3 aanleveringen en terugdraaiingen/);
    const undo = after[0] as string[];
    const undone = after.find((row) => row[0] === importId) as string[];
    expect(undo[1]).toBe('Terugdraaiing');
    expect(undo[9]).toBe(`draait ${importId} terug`);
    expect(undone[9]).toBe(`teruggedraaid door ${undo[0]}`);
    // Neither the undone import nor the undo can be undone.
    expect(await admin.getByRole('button', { name: `Terugdraaien (aanlevering ${importId})` }).count()).toBe(
      0,
    );
    expect(await admin.getByRole('button', { name: `Terugdraaien (aanlevering ${undo[0]})` }).count()).toBe(
      0,
    );
    await expectNoAxeViolations(admin);
    expectCleanPage(admin);
  });

  it('undoes the earlier import once the later one is undone', async () => {
    await admin.getByRole('button', { name: `Terugdraaien (aanlevering ${seededImport})` }).click();
    await admin.getByRole('button', { name: `Ja, terugdraaien (aanlevering ${seededImport})` }).click();
    await admin
      .getByRole('status')
      .filter({ hasText: `Aanlevering ${seededImport} is teruggedraaid:` })
      .waitFor();
    expect(
      await admin.getByRole('button', { name: `Terugdraaien (aanlevering ${seededImport})` }).count(),
    ).toBe(0);
    await admin.close();
  });
});
