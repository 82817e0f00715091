// SPDX-License-Identifier: EUPL-1.2
/**
 * The case-level pages in a real browser: a casusregie of a local team sees the team's cases in the register
 * (and filters them), opens a household's timeline with its events in date order and its follow-ups, finds
 * the overdue follow-up on the working list with its days late, and uploads an extract on /casussen/aanleveren:
 * one with a BSN is refused naming the column (never the number), a valid one is checked and then imported. A
 * user without the role reads the server's 403 message. axe checks every page.
 *
 * The cases come from a small hand-written extract, dated relative to today so that exactly one follow-up is
 * overdue. The tests in this file build on each other (one database, one story), in the order they are written.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../src/server/db/schema/index.ts';
import {
  createOrganisation,
  createUser,
  hashPassword,
} from '../../src/server/modules/access/access.service.ts';
import {
  addDays,
  addMonths,
  caseKey,
  daysBetween,
  householdPseudonym,
  shortPseudonym,
} from '../../src/server/modules/cases/cases.domain.ts';
import { importCases } from '../../src/server/modules/cases/cases.import.ts';
import { CASE_CSV_COLUMNS, type CaseCsvColumn } from '../../src/shared/cases.ts';
import { CLI_CONTEXT, TEST_PASSWORD } from '../support/accounts.ts';
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
let team: { id: number; name: string };
/** The casusregie's tab, signed in once and reused from test to test. */
let regie: Page;

const TEAM_NAME = 'Wijkteam Testdorp';
const REGIE_EMAIL = 'casusregie@wijkteam.example';
const LEZER_EMAIL = 'lezer@wijkteam.example';

// The server counts follow-ups against its own today (UTC), as here.
const TODAY = new Date().toISOString().slice(0, 10);
/** The earlier case: handed over almost two years ago, measured at +3 months, closed before +12 months. */
const MELDING_0 = addDays(TODAY, -700);
const HANDOVER_0 = addDays(MELDING_0, 8);
const MEASURED_0 = addMonths(HANDOVER_0, 3);
const CLOSED_0 = addDays(HANDOVER_0, 150);
/** The current case of the same household: handed over 200 days ago, never measured, so +3 months is late. */
const MELDING_1 = addDays(TODAY, -210);
const HANDOVER_1 = addDays(MELDING_1, 10);
/** The +3-month window closes 30 days after the due date (the default schedule). */
const LATE_DAYS = daysBetween(addDays(addMonths(HANDOVER_1, 3), 30), TODAY);

const HOUSEHOLD = shortPseudonym(householdPseudonym(TEST_PSEUDONYM_KEY, 'HH-100'));
const CASE_0 = shortPseudonym(caseKey(TEST_PSEUDONYM_KEY, null, 'C-100'));
const CASE_1 = shortPseudonym(caseKey(TEST_PSEUDONYM_KEY, null, 'C-200'));

type Row = Partial<Record<CaseCsvColumn, string>>;

function csv(rows: readonly Row[]): string {
  const lines = rows.map((row) => CASE_CSV_COLUMNS.map((column) => row[column] ?? '').join(','));
  return `${[CASE_CSV_COLUMNS.join(','), ...lines].join('\n')}\n`;
}

function extract(teamId: number): string {
  const of = (casus: string) => ({ casus_id: casus, huishouden_id: 'HH-100' });
  const melding = {
    gemeente: 'GM0363',
    melder: 'justitie_veiligheid',
    aard_geweld: 'kindermishandeling|partnergeweld',
  };
  return csv([
    { ...of('C-100'), gebeurtenis: 'melding', datum: MELDING_0, ...melding },
    {
      ...of('C-100'),
      gebeurtenis: 'veiligheidsbeoordeling',
      datum: addDays(MELDING_0, 3),
      veiligheid: 'geen',
    },
    { ...of('C-100'), gebeurtenis: 'besluit', datum: addDays(MELDING_0, 5), besluit: 'overdracht' },
    { ...of('C-100'), gebeurtenis: 'overdracht', datum: HANDOVER_0, team: String(teamId) },
    {
      ...of('C-100'),
      gebeurtenis: 'meting',
      datum: MEASURED_0,
      bron: 'lokaal_team',
      geweld: 'nee',
      veiligheidsstatus: 'veilig',
      voorwaarden: 'nvt',
    },
    { ...of('C-100'), gebeurtenis: 'afsluiting', datum: CLOSED_0, reden: 'doelen_bereikt' },
    { ...of('C-200'), gebeurtenis: 'melding', datum: MELDING_1, ...melding },
    {
      ...of('C-200'),
      gebeurtenis: 'veiligheidsbeoordeling',
      datum: addDays(MELDING_1, 2),
      veiligheid: 'structureel',
    },
    { ...of('C-200'), gebeurtenis: 'besluit', datum: addDays(MELDING_1, 4), besluit: 'overdracht' },
    { ...of('C-200'), gebeurtenis: 'overdracht', datum: HANDOVER_1, team: String(teamId) },
    {
      ...of('C-200'),
      gebeurtenis: 'interventie_start',
      datum: addDays(HANDOVER_1, 3),
      interventie: 'wijkteam_begeleiding',
      primair: 'ja',
    },
  ]);
}

async function addUser(email: string, role: 'casusregie' | 'lezer', passwordHash: string) {
  const { user } = await createUser(app.database.db, CLI_CONTEXT, {
    email,
    displayName: `Test ${role}`,
    organisationId: team.id,
    role,
  });
  await app.database.db.update(users).set({ passwordHash }).where(eq(users.id, user.id));
}

beforeAll(async () => {
  app = await startBrowserTest();
  const db = app.database.db;
  const organisation = await createOrganisation(db, CLI_CONTEXT, {
    kind: 'lokaal_team',
    name: TEAM_NAME,
    areaCode: 'GM0363',
  });
  team = { id: organisation.id, name: organisation.name };
  const passwordHash = await hashPassword(TEST_PASSWORD);
  await addUser(REGIE_EMAIL, 'casusregie', passwordHash);
  await addUser(LEZER_EMAIL, 'lezer', passwordHash);
  const folder = await mkdtemp(path.join(tmpdir(), 'ketenzicht-case-pages-'));
  try {
    const file = path.join(folder, 'extract.csv');
    await writeFile(file, extract(team.id));
    const report = await importCases(
      db,
      { actor: { kind: 'cli', label: 'test' }, origin: 'test' },
      async () => TEST_PSEUDONYM_KEY,
      { path: file, fileName: 'extract.csv', dryRun: false },
    );
    expect(report.outcome, JSON.stringify(report.problems.slice(0, 5))).toBe('geimporteerd');
    expect(report.cases).toBe(2);
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

const dutchDate = (iso: string) =>
  new Intl.DateTimeFormat('nl-NL', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${iso}T00:00:00Z`));

describe('the case register', () => {
  it('sends a visitor to sign in, then lists the cases of the team with their details', async () => {
    regie = await openPage(app, '/casussen');
    await regie.waitForURL(/\/inloggen/);
    await submitSignIn(regie, REGIE_EMAIL);
    await regie.waitForURL(/\/casussen/);
    await regie.getByRole('heading', { level: 1, name: 'Casusregister' }).waitFor();
    expect(await regie.title()).toBe('Casusregister - Ketenzicht');
    await regie.getByRole('status').filter({ hasText: '2 casussen gevonden' }).waitFor();
    const notice = regie.getByRole('note').filter({ hasText: 'auditlog' });
    expect(await notice.textContent()).toContain('geen namen, geen BSN');

    const rows = await rowsOf(regie, /^Casussen 1 tot en met 2 van 2/);
    // Newest melding first.
    expect(rows.map((row) => row[0])).toEqual([CASE_1, CASE_0]);
    const [current, earlier] = rows as [string[], string[]];
    expect(current[1]).toBe(HOUSEHOLD);
    expect(current[3]).toBe(dutchDate(MELDING_1));
    expect(current[4]).toBe('Structurele onveiligheid');
    expect(current[5]).toBe('Overdracht');
    expect(current[6]).toBe(`${dutchDate(HANDOVER_1)}, ${TEAM_NAME}`);
    expect(current[8]).toBe('lopend');
    expect(current[9]).toBe('nog niet bekend');
    expect(earlier[8]).toBe(dutchDate(CLOSED_0));
    expect(await regie.getByRole('link', { name: 'Casussen aanleveren' }).getAttribute('href')).toBe(
      '/casussen/aanleveren',
    );
    await expectNoAxeViolations(regie);
    expectCleanPage(regie);
  });

  it('filters by status through the URL', async () => {
    await regie.getByLabel('Status').selectOption('gesloten');
    await regie.getByRole('button', { name: 'Zoeken' }).click();
    await regie.waitForURL((url) => url.searchParams.get('status') === 'gesloten');
    await regie.getByRole('status').filter({ hasText: '1 casus gevonden' }).waitFor();
    const rows = await rowsOf(regie, /^Casussen 1 tot en met 1 van 1/);
    expect(rows.map((row) => row[0])).toEqual([CASE_0]);

    await regie.getByLabel('Gemeente', { exact: true }).fill('Amsterdam');
    await regie.getByRole('button', { name: 'Zoeken' }).click();
    const summary = regie.getByRole('alert').filter({ hasText: 'Er is een probleem' });
    await summary.getByRole('link', { name: /gemeentecode/ }).waitFor();
    expectCleanPage(regie);
  });
});

describe('the household timeline', () => {
  it('shows both cases, their follow-ups and every event in date order', async () => {
    await regie.goto(new URL('/casussen', app.url).href);
    await regie
      .getByRole('link', { name: `Tijdlijn van huishouden ${HOUSEHOLD}` })
      .first()
      .click();
    await regie.getByRole('heading', { level: 1, name: `Tijdlijn huishouden ${HOUSEHOLD}` }).waitFor();
    await regie.getByText('Uw inzage is vastgelegd in het auditlog.').waitFor();

    const cases = await rowsOf(regie, /^2 casussen/);
    expect(cases.map((row) => row[0])).toEqual([`Casus 1 (${CASE_0})`, `Casus 2 (${CASE_1})`]);

    const earlier = await rowsOf(regie, `Vervolgmetingen van Casus 1 (${CASE_0})`);
    expect(earlier.map((row) => [row[0], row[3]])).toEqual([
      ['+3 maanden', 'Gedaan'],
      ['+12 maanden', 'Vervallen (casus gesloten zonder meting)'],
    ]);
    expect(earlier[0]?.[4]).toBe(dutchDate(MEASURED_0));
    const current = await rowsOf(regie, `Vervolgmetingen van Casus 2 (${CASE_1})`);
    expect(current.map((row) => [row[0], row[3]])).toEqual([
      ['+3 maanden', `Te laat (${LATE_DAYS} dagen)`],
      ['+12 maanden', 'Gepland'],
    ]);

    const events = regie.locator('ol.ks-timeline > li');
    const headings = await events.locator('h3').allTextContents();
    expect(headings).toEqual([
      `${dutchDate(MELDING_0)}: Melding · Casus 1 (${CASE_0})`,
      `${dutchDate(addDays(MELDING_0, 3))}: Veiligheidsbeoordeling · Casus 1 (${CASE_0})`,
      `${dutchDate(addDays(MELDING_0, 5))}: Besluit over het vervolg · Casus 1 (${CASE_0})`,
      `${dutchDate(HANDOVER_0)}: Overdracht · Casus 1 (${CASE_0})`,
      `${dutchDate(MEASURED_0)}: Vervolgmeting · Casus 1 (${CASE_0})`,
      `${dutchDate(CLOSED_0)}: Afsluiting · Casus 1 (${CASE_0})`,
      `${dutchDate(MELDING_1)}: Melding · Casus 2 (${CASE_1})`,
      `${dutchDate(addDays(MELDING_1, 2))}: Veiligheidsbeoordeling · Casus 2 (${CASE_1})`,
      `${dutchDate(addDays(MELDING_1, 4))}: Besluit over het vervolg · Casus 2 (${CASE_1})`,
      `${dutchDate(HANDOVER_1)}: Overdracht · Casus 2 (${CASE_1})`,
      `${dutchDate(addDays(HANDOVER_1, 3))}: Interventie gestart · Casus 2 (${CASE_1})`,
    ]);
    // The details carry Dutch labels, not codes.
    const melding = await events.nth(0).textContent();
    expect(melding).toContain('Justitie en veiligheid (o.a. politie)');
    expect(melding).toContain('Kindermishandeling, Partnergeweld');
    const measurement = await events.nth(4).textContent();
    expect(measurement).toContain('Geweld sinds vorige meting');
    expect(measurement).toContain('Lokaal team');
    expect(await events.nth(3).textContent()).toContain(TEAM_NAME);
    expect(await events.nth(5).textContent()).toContain('Doelen bereikt');
    expect(await events.nth(10).textContent()).toMatch(/\(primair\)/);
    await expectNoAxeViolations(regie);
    expectCleanPage(regie);
  });

  it('says so when the pseudonym matches nothing the user may see', async () => {
    await regie.goto(new URL('/casussen/huishouden/0000-0000-0000', app.url).href);
    await regie
      .getByRole('alert')
      .filter({ hasText: 'Geen casussen gevonden voor dit huishouden' })
      .waitFor();
    expectCleanPage(regie);
  });
});

describe('the follow-up list', () => {
  it('lists the overdue follow-up with its days late', async () => {
    await regie.goto(new URL('/vervolgmetingen', app.url).href);
    await regie.getByRole('heading', { level: 1, name: 'Vervolgmetingen' }).waitFor();
    await regie.getByRole('status').filter({ hasText: '1 te laat, 0 nu uit te voeren' }).waitFor();
    const rows = await rowsOf(regie, /vervolgmeting/);
    expect(rows).toHaveLength(1);
    const [household, gemeente, teamName, handover, moment, , state, late] = rows[0] as string[];
    expect([household, gemeente, teamName, handover, moment, state, late]).toEqual([
      HOUSEHOLD,
      'Amsterdam',
      TEAM_NAME,
      dutchDate(HANDOVER_1),
      '+3 maanden',
      'Te laat',
      String(LATE_DAYS),
    ]);
    // The team filter offers the user's own team.
    expect(await regie.getByLabel('Team').locator('option').allTextContents()).toEqual([
      'Al uw teams',
      TEAM_NAME,
    ]);
    await regie.getByLabel('Team').selectOption(String(team.id));
    await regie.getByRole('button', { name: 'Filteren' }).click();
    await regie.waitForURL((url) => url.searchParams.get('team') === String(team.id));
    await regie.getByRole('status').filter({ hasText: '1 te laat, 0 nu uit te voeren' }).waitFor();
    await expectNoAxeViolations(regie);
    expectCleanPage(regie);
  });
});

describe('without the role', () => {
  let other: BrowserContext;
  afterAll(async () => {
    await other?.close();
  });

  it('shows the server’s message and who may see cases', async () => {
    other = await app.browser.newContext({ locale: 'nl-NL', viewport: { width: 1280, height: 900 } });
    const page = await openPage({ ...app, context: other }, '/inloggen?terug=/casussen');
    await submitSignIn(page, LEZER_EMAIL);
    await page.waitForURL(/\/casussen/);
    const alert = page.getByRole('alert').filter({ hasText: 'Geen toegang tot casussen' });
    await alert.waitFor();
    const text = (await alert.textContent()) ?? '';
    expect(text).toContain(
      'Casusgegevens zijn alleen zichtbaar voor de aanleverende organisatie en de betrokken teams (rol casusregie of aanleverancier).',
    );
    expect(text).toContain(
      'rol casusregie of aanleverancier van een organisatie die bij de casus betrokken is',
    );
    // Nothing to filter without the role.
    expect(await page.getByRole('table').count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Zoeken' }).count()).toBe(0);
    await expectNoAxeViolations(page);
    expectCleanPage(page);
    await page.close();
  });
});

describe('supplying cases', () => {
  const BSN = '111222333';

  it('refuses a file with a BSN, naming the column but never the number', async () => {
    await regie.goto(new URL('/casussen/aanleveren', app.url).href);
    await regie.getByRole('heading', { level: 1, name: 'Casussen aanleveren' }).waitFor();
    // The format is explained from the shared vocabulary.
    const format = await rowsOf(regie, 'Kolommen van het bestand');
    expect(format.map((row) => row[0])).toEqual([...CASE_CSV_COLUMNS]);
    // One organisation to supply for: no choice to make.
    expect(await regie.getByLabel('Aanleverende organisatie').count()).toBe(0);

    const file = csv([
      {
        casus_id: 'C-900',
        huishouden_id: BSN,
        gebeurtenis: 'melding',
        datum: addDays(TODAY, -20),
        gemeente: 'GM0363',
        melder: 'onderwijs',
        aard_geweld: 'kindermishandeling',
      },
    ]);
    await regie.getByLabel('CSV-bestand met casussen').setInputFiles({
      name: 'met-bsn.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(file),
    });
    await regie.getByRole('button', { name: 'Controleren' }).click();
    const finding = regie.getByRole('alert').filter({ hasText: 'Persoonsgegevens gevonden' });
    await finding.waitFor();
    expect(await finding.getByRole('listitem').allTextContents()).toEqual([
      'Kolom “huishouden_id” bevat BSN-nummers (eerste rij 2, 1 keer).',
    ]);
    await regie.getByRole('status').filter({ hasText: 'met-bsn.csv is geweigerd' }).waitFor();
    await regie
      .getByRole('note')
      .filter({ hasText: 'Het bestand is geweigerd. Er is niets opgeslagen.' })
      .waitFor();
    expect(await regie.getByRole('main').textContent()).not.toContain(BSN);
    expect(await regie.getByRole('button', { name: 'Importeren' }).count()).toBe(0);
    await expectNoAxeViolations(regie);
    expectCleanPage(regie);
  });

  it('checks a valid file first, then imports it into the register', async () => {
    const file = csv([
      {
        casus_id: 'C-300',
        huishouden_id: 'HH-300',
        gebeurtenis: 'melding',
        datum: addDays(TODAY, -20),
        gemeente: 'GM0363',
        melder: 'onderwijs',
        aard_geweld: 'kindermishandeling',
      },
    ]);
    await regie.getByLabel('CSV-bestand met casussen').setInputFiles({
      name: 'nieuw.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(file),
    });
    await regie.getByRole('button', { name: 'Controleren' }).click();
    await regie.getByRole('status').filter({ hasText: 'nieuw.csv is gecontroleerd' }).waitFor();
    const counts = regie.getByRole('region', { name: 'Tellingen' });
    expect(await counts.textContent()).toContain(TEAM_NAME);
    await regie.getByRole('button', { name: 'Importeren' }).click();
    await regie.getByRole('heading', { level: 2, name: 'Resultaat van de import' }).waitFor();
    await regie
      .getByRole('status')
      .filter({ hasText: /De casussen zijn geïmporteerd \(import \d+\)/ })
      .waitFor();
    await expectNoAxeViolations(regie);

    await regie.getByRole('link', { name: 'Naar het casusregister' }).click();
    await regie.getByRole('status').filter({ hasText: '3 casussen gevonden' }).waitFor();
    expectCleanPage(regie);
    await regie.close();
  });
});
