// SPDX-License-Identifier: EUPL-1.2
/**
 * /uitkomsten and /interventies in a real browser. Before any case is loaded the outcomes page explains how
 * cases get in; with the synthetic demo cases its table says exactly what GET /api/outcomes says for the same
 * choice (shares, intervals, known, unknown, too young, case mix, total), the measure and grouping choices
 * live in the URL and change the table, the lead-time table below it says what GET /api/outcomes/process
 * says for the same grouping, year and region, and the catalogue page lists every intervention with its
 * measured outcome. axe finds nothing on either page.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestContext } from '../../src/server/modules/audit/audit.service.ts';
import { loadCaseDemo } from '../../src/server/modules/cases/cases.demo.ts';
import type {
  InterventionData,
  OutcomeResponse,
  OutcomeRowData,
  ProcessResponse,
  ProcessRowData,
  Tally,
} from '../../web/src/api/cases-queries.ts';
import { TEST_PSEUDONYM_KEY } from '../support/app.ts';
import {
  type BrowserTestContext,
  expectCleanPage,
  expectNoAxeViolations,
  openPage,
  startBrowserTest,
} from './browser.ts';

let app: BrowserTestContext;
const CLI: RequestContext = { actor: { kind: 'cli', label: 'test' }, origin: 'test' };

beforeAll(async () => {
  app = await startBrowserTest();
}, 120_000);

afterAll(async () => {
  await app?.close();
});

async function api<T>(apiPath: string): Promise<T> {
  const response = await fetch(new URL(apiPath, app.url));
  expect(response.status, apiPath).toBe(200);
  return (await response.json()) as T;
}

// Expected texts, written independently of the page's formatters: one decimal, comma, thousands with a dot.
const count = (value: number | null) =>
  value === null ? 'afgeschermd' : value.toLocaleString('de-DE', { maximumFractionDigits: 0 });
const percent = (value: number) => (Math.round(value * 1000) / 10).toFixed(1).replace('.', ',');
const share = (tally: Tally) =>
  tally.share !== null
    ? `${percent(tally.share)}%`
    : tally.known === null
      ? 'afgeschermd'
      : 'geen bekende uitkomst';
const interval = (tally: Tally) =>
  tally.interval
    ? `${percent(tally.interval.low)}–${percent(tally.interval.high)}%`
    : tally.known === null
      ? 'afgeschermd'
      : 'geen bekende uitkomst';
const mix = (tally: Tally) =>
  tally.known === null
    ? 'afgeschermd'
    : tally.known === 0 || tally.share === null
      ? 'n = 0'
      : `${percent(tally.share)}% (n = ${count(tally.known)})`;

function expectedCells(row: OutcomeRowData, withUnknownMix: boolean): string[] {
  const cells = [
    share(row.tally),
    interval(row.tally),
    count(row.tally.known),
    count(row.tally.unknown),
    count(row.tally.censored),
    mix(row.caseMix.acuut),
    mix(row.caseMix.structureel),
    mix(row.caseMix.geen),
  ];
  return withUnknownMix ? [...cells, mix(row.caseMix.onbekend)] : cells;
}

// Lead times: medians with at most one decimal, the mean with exactly two; a median over nothing is not hidden.
const days = (value: number) => value.toLocaleString('de-DE', { maximumFractionDigits: 1 });
const mean = (value: number) => value.toFixed(2).replace('.', ',');
const summary = (value: number | null, basis: number | null, format: (value: number) => string) =>
  value !== null ? format(value) : basis === 0 ? 'geen casussen' : 'afgeschermd';

function expectedProcessCells(row: ProcessRowData): string[] {
  return [
    count(row.handedOver),
    summary(row.medianDaysToHandover, row.handedOver, days),
    count(row.withPlan),
    summary(row.medianDaysHandoverToPlan, row.withPlan, days),
    count(row.households),
    summary(row.handoversPerHousehold, row.households, mean),
    count(row.householdsHandedOverMoreThanOnce),
  ];
}

const PROCESS_HEADERS = [
  'Overdrachten',
  'Dagen van melding tot overdracht (mediaan)',
  'Met plan',
  'Dagen van overdracht tot plan (mediaan)',
  'Huishoudens',
  'Overdrachten per huishouden',
  'Huishoudens vaker dan één keer overgedragen',
];

/** Row header → the other cells' texts, body and footer rows alike. */
async function tableRows(table: Locator): Promise<Map<string, string[]>> {
  await table.locator('tbody tr').first().waitFor();
  const rows = await table
    .locator('tbody tr, tfoot tr')
    .evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('th, td')].map((cell) => (cell.textContent ?? '').trim())),
    );
  return new Map(rows.map((cells) => [cells[0] ?? '', cells.slice(1)]));
}

/** The page's table equals the API's answer for the same search; `names` maps group keys to row headers. */
async function expectTableMatches(page: Page, apiPath: string, names: ReadonlyMap<string, string>) {
  const response = await api<OutcomeResponse>(apiPath);
  expect(response.rows.length).toBeGreaterThan(0);
  const table = page.getByRole('table', { name: /^Tabel: / });
  const withUnknownMix = [...response.rows, response.total].some((row) => row.caseMix.onbekend.known !== 0);
  const expected = new Map(
    response.rows.map((row) => [names.get(row.key) ?? row.key, expectedCells(row, withUnknownMix)]),
  );
  expected.set('Totaal', expectedCells(response.total, withUnknownMix));
  await expect
    .poll(async () => Object.fromEntries(await tableRows(table)), { timeout: 10_000 })
    .toEqual(Object.fromEntries(expected));
  return response;
}

/** The lead-time table equals GET /api/outcomes/process for the same search, header row included. */
async function expectProcessTableMatches(
  page: Page,
  apiPath: string,
  names: ReadonlyMap<string, string>,
  groupColumn: string,
) {
  const response = await api<ProcessResponse>(apiPath);
  expect(response.rows.length).toBeGreaterThan(0);
  const table = page.getByRole('table', { name: /^Doorlooptijden en overdrachten, / });
  const expected = new Map(
    response.rows.map((row) => [names.get(row.key) ?? row.key, expectedProcessCells(row)]),
  );
  expected.set('Totaal', expectedProcessCells(response.total));
  await expect
    .poll(async () => Object.fromEntries(await tableRows(table)), { timeout: 10_000 })
    .toEqual(Object.fromEntries(expected));
  const headers = await table
    .locator('thead th')
    .evaluateAll((cells) => cells.map((cell) => (cell.textContent ?? '').trim()));
  expect(headers).toEqual([groupColumn, ...PROCESS_HEADERS]);
  return response;
}

describe('before any case is loaded', () => {
  it('explains how cases get into the register', async () => {
    const page = await openPage(app, '/uitkomsten');
    await page.getByRole('heading', { level: 2, name: 'Nog geen casussen' }).waitFor();
    await expect
      .poll(() => page.getByRole('link', { name: 'Casussen aanleveren' }).getAttribute('href'))
      .toBe('/casussen/aanleveren');
    expect(await page.getByText('ketenzicht demo').count()).toBe(1);
    await expectNoAxeViolations(page);
    expectCleanPage(page);
    await page.close();
  });
});

describe('with the synthetic demo cases', () => {
  let interventions: InterventionData[];
  let interventionNames: Map<string, string>;

  beforeAll(async () => {
    const demo = await loadCaseDemo(app.database.db, CLI, async () => TEST_PSEUDONYM_KEY, {
      casesPerGemeente: 6,
    });
    expect(demo.cases).toBeGreaterThan(1000);
    interventions = await api<InterventionData[]>('/api/interventions');
    interventionNames = new Map([
      ...interventions.map((entry) => [entry.code, entry.name] as const),
      ['geen', 'Geen primaire interventie'] as const,
    ]);
  }, 600_000);

  it('shows per intervention the figures of GET /api/outcomes, with definitions and no axe violations', async () => {
    const page = await openPage(app, '/uitkomsten');
    await page
      .getByRole('heading', {
        level: 2,
        name: 'Geweld gestopt na 12 maanden, per primaire interventie, alle jaren, heel Nederland',
      })
      .waitFor();
    const response = await expectTableMatches(
      page,
      '/api/outcomes?maat=gestopt_12m&per=interventie',
      interventionNames,
    );
    // Unknowns are reported beside the share, and some demo cases are still too young.
    expect(response.total.tally.unknown).toBeGreaterThan(0);
    expect(response.total.tally.censored).toBeGreaterThan(0);
    await page.getByText('Dit toont samenhang, geen effect.').waitFor();
    await page.getByText(/Berekend op \d+ \w+ \d{4}/).waitFor();
    await page.getByRole('img', { name: /^Grafiek: Geweld gestopt na 12 maanden/ }).waitFor();
    await expectNoAxeViolations(page);
    expectCleanPage(page);
    await page.close();
  });

  it('changes measure, grouping, year and region through the URL, and the table with them', async () => {
    const page = await openPage(app, '/uitkomsten');
    await page.getByRole('table', { name: /^Tabel: / }).waitFor();

    await page.getByLabel('Uitkomstmaat').selectOption('hermelding_12m');
    await page.waitForURL((url) => url.searchParams.get('maat') === 'hermelding_12m');
    await page.getByText('Lager is beter:').waitFor();
    await expectTableMatches(page, '/api/outcomes?maat=hermelding_12m&per=interventie', interventionNames);

    await page.getByRole('radio', { name: 'Per regio (benchmark van de ketens)' }).check();
    await page.waitForURL((url) => url.searchParams.get('per') === 'regio');
    expect(new URL(page.url()).searchParams.get('maat')).toBe('hermelding_12m');
    const regions = await api<{ items: Array<{ code: string; name: string }> }>(
      '/api/areas?level=veiligthuisregio',
    );
    const regionNames = new Map(regions.items.map((area) => [area.code, area.name]));
    const byRegion = await expectTableMatches(
      page,
      '/api/outcomes?maat=hermelding_12m&per=regio',
      regionNames,
    );
    expect(byRegion.rows).toHaveLength(25);
    await expectNoAxeViolations(page);

    const year = new Date().getFullYear() - 1;
    await page.getByLabel('Cohortjaar').selectOption(String(year));
    await page.waitForURL((url) => url.searchParams.get('jaar') === String(year));
    await page.getByLabel('Veilig Thuis-regio').selectOption('VT09');
    await page.waitForURL((url) => url.searchParams.get('regio') === 'VT09');
    await page.getByRole('radio', { name: 'Per gemeente' }).check();
    await page.waitForURL((url) => url.searchParams.get('per') === 'gemeente');
    const gemeenten = await api<{ items: Array<{ code: string; name: string }> }>(
      '/api/areas?level=gemeente',
    );
    const byGemeente = await expectTableMatches(
      page,
      `/api/outcomes?maat=hermelding_12m&per=gemeente&jaar=${year}&regio=VT09`,
      new Map(gemeenten.items.map((area) => [area.code, area.name])),
    );
    expect(byGemeente.rows.every((row) => row.key.startsWith('GM'))).toBe(true);

    // Back restores the previous choice and its table.
    await page.goBack();
    await page.waitForURL((url) => url.searchParams.get('per') === 'regio');
    expectCleanPage(page);
    await page.close();
  });

  it('shows the lead times and handovers of GET /api/outcomes/process for the same choice', async () => {
    const regions = await api<{ items: Array<{ code: string; name: string }> }>(
      '/api/areas?level=veiligthuisregio',
    );
    const regionNames = new Map(regions.items.map((area) => [area.code, area.name]));
    const page = await openPage(app, '/uitkomsten?maat=veilig_3m&per=regio');
    await page.getByRole('heading', { level: 2, name: 'Doorlooptijden en overdrachten' }).waitFor();
    await page
      .getByRole('table', {
        name: 'Doorlooptijden en overdrachten, per regio, alle jaren, heel Nederland',
        exact: true,
      })
      .waitFor();
    const byRegion = await expectProcessTableMatches(
      page,
      '/api/outcomes/process?per=regio',
      regionNames,
      'Veilig Thuis-regio',
    );
    expect(byRegion.rows).toHaveLength(25);
    // The demo hands over enough cases for the national medians and mean to be shown.
    expect(byRegion.total.handedOver).toBeGreaterThan(1000);
    expect(byRegion.total.medianDaysToHandover).not.toBeNull();
    expect(byRegion.total.handoversPerHousehold).not.toBeNull();
    await page.getByText(/"heen en weer geschoven"/).waitFor();
    await page
      .getByText(
        new RegExp(`^"Afgeschermd": een aantal van 1 tot ${byRegion.protection.threshold} tonen we niet`),
      )
      .waitFor();
    await expectNoAxeViolations(page);

    // The measure does not change it; year, region and grouping do.
    await page.getByLabel('Uitkomstmaat').selectOption('een_regisseur');
    await page.waitForURL((url) => url.searchParams.get('maat') === 'een_regisseur');
    await expectProcessTableMatches(
      page,
      '/api/outcomes/process?per=regio',
      regionNames,
      'Veilig Thuis-regio',
    );

    const year = new Date().getFullYear() - 1;
    await page.getByLabel('Cohortjaar').selectOption(String(year));
    await page.waitForURL((url) => url.searchParams.get('jaar') === String(year));
    await page.getByLabel('Veilig Thuis-regio').selectOption('VT09');
    await page.waitForURL((url) => url.searchParams.get('regio') === 'VT09');
    await page.getByRole('radio', { name: 'Per interventie' }).check();
    await page.waitForURL((url) => url.searchParams.get('per') === 'interventie');
    const byIntervention = await expectProcessTableMatches(
      page,
      `/api/outcomes/process?per=interventie&jaar=${year}&regio=VT09`,
      interventionNames,
      'Primaire interventie',
    );
    expect(byIntervention.year).toBe(year);
    expect(byIntervention.region).toBe('VT09');
    expect(byIntervention.rows.every((row) => interventionNames.has(row.key))).toBe(true);
    // Small groups: some counts or medians are hidden, in words.
    const cells = [...byIntervention.rows, byIntervention.total].flatMap(expectedProcessCells);
    expect(cells).toContain('afgeschermd');
    await expectNoAxeViolations(page);
    expectCleanPage(page);
    await page.close();
  });

  it('lists every intervention of the catalogue with its measured outcome', async () => {
    const outcomes = await api<OutcomeResponse>('/api/outcomes?maat=gestopt_12m&per=interventie');
    const byCode = new Map(outcomes.rows.map((row) => [row.key, row]));
    const page = await openPage(app, '/interventies');
    const table = page.getByRole('table', { name: /^Interventies met hun erkenning/ });
    await page.getByText(/^Geweld gestopt na 12 maanden: alle cohortjaren samen/).waitFor();
    const rows = await tableRows(table);
    expect([...rows.keys()].sort()).toEqual(interventions.map((entry) => entry.name).sort());
    let measured = 0;
    for (const entry of interventions) {
      const row = byCode.get(entry.code);
      const cells = rows.get(entry.name);
      if (row) {
        measured += 1;
        expect(cells?.slice(1), entry.code).toEqual([
          share(row.tally),
          interval(row.tally),
          count(row.tally.known),
        ]);
      } else expect(cells?.slice(1), entry.code).toEqual(['geen casussen', 'geen casussen', '0']);
      await page.getByRole('heading', { level: 2, name: entry.name, exact: true }).waitFor();
    }
    expect(measured).toBeGreaterThan(0);
    await expect
      .poll(() =>
        page
          .getByRole('link', { name: 'Bekijk de uitkomsten per interventie, jaar en regio' })
          .getAttribute('href'),
      )
      .toBe('/uitkomsten?maat=gestopt_12m&per=interventie');
    await expectNoAxeViolations(page);
    expectCleanPage(page);
    await page.close();
  });
});
