// SPDX-License-Identifier: EUPL-1.2
/**
 * The area profile (/gemeente/GM0363, /veiligthuisregio/VT01) and the compare page (/vergelijken) in a real
 * browser, on the synthetic demo figures: key figures with their comparisons as the API gives them, the
 * comparison group in the URL, a region's gemeenten side by side, the factsheet and downloads, a chart and a
 * table over time that match the API, today's division with its method, a figure corrected after a date marked
 * "gewijzigd sinds", and axe on both pages.
 *
 * The demo import is backdated to FIRST_IMPORT_AT; one correction comes after it.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectRows } from '../../src/server/db/client.ts';
import type { RequestContext } from '../../src/server/modules/audit/audit.service.ts';
import type {
  ProfileResponse,
  SeriesResponse,
} from '../../src/server/modules/dashboards/dashboards.schemas.ts';
import { loadDemo } from '../../src/server/modules/figures/figures.demo.ts';
import { importFigures } from '../../src/server/modules/figures/figures.import.ts';
import { changedText, trendRows } from '../../web/src/lib/compare-search.ts';
import { formatDate } from '../../web/src/lib/format.ts';
import { figureText, sortMemberRows } from '../../web/src/lib/profile-search.ts';
import {
  type BrowserTestContext,
  expectCleanPage,
  expectNoAxeViolations,
  openPage,
  startBrowserTest,
} from './browser.ts';

let app: BrowserTestContext;
let folder: string;

const CLI: RequestContext = { actor: { kind: 'cli', label: 'test' }, origin: 'test' };
const FIRST_IMPORT_AT = '2025-01-15T12:00:00Z';
const CHANGED_SINCE = '2025-06-01';

async function api<T>(apiPath: string): Promise<T> {
  const response = await fetch(new URL(apiPath, app.url));
  expect(response.status, apiPath).toBe(200);
  return (await response.json()) as T;
}

/** The cell texts of each body row of a table, the row header first. */
async function rowsOf(table: Locator): Promise<string[][]> {
  const rows = await table.locator('tbody tr').all();
  return Promise.all(
    rows.map(async (row) => (await row.locator('th, td').allTextContents()).map((text) => text.trim())),
  );
}

beforeAll(async () => {
  app = await startBrowserTest();
  folder = await mkdtemp(path.join(tmpdir(), 'ketenzicht-profile-test-'));
  const demo = await loadDemo(app.database.db, CLI, { from: 2021, to: 2025 });
  expect(demo.outcome, JSON.stringify(demo.problems.slice(0, 3))).toBe('geimporteerd');
  await app.database.db.execute(
    sql`update observation set recorded_at = ${FIRST_IMPORT_AT}::timestamptz where import_id = ${demo.importId}`,
  );
  await app.database.db.execute(
    sql`update import_batch set at = ${FIRST_IMPORT_AT}::timestamptz where id = ${demo.importId}`,
  );
  // A correction after CHANGED_SINCE: Amsterdam's onderzoeken in 2023.
  const [stored] = await selectRows<{ value: number }>(
    app.database.db,
    sql`select value from observation where indicator_code = 'vt_onderzoeken' and area_code = 'GM0363'
          and period = '2023JJ00' and breakdown = '' and superseded_at is null`,
  );
  const oldValue = Number(stored?.value);
  expect(Number.isFinite(oldValue)).toBe(true);
  const file = path.join(folder, 'correctie.csv');
  await writeFile(
    file,
    `indicator;gebied;periode;waarde;status\nvt_onderzoeken;GM0363;2023JJ00;${oldValue + 40};definitief\n`,
  );
  const correction = await importFigures(app.database.db, CLI, {
    path: file,
    fileName: 'correctie.csv',
    dryRun: false,
  });
  expect(correction.outcome, JSON.stringify(correction.problems)).toBe('geimporteerd');
}, 240_000);

afterAll(async () => {
  await app?.close();
  if (folder) await rm(folder, { recursive: true, force: true });
});

/** The profile page with its key figures loaded. */
async function openProfile(pagePath: string): Promise<Page> {
  const page = await openPage(app, pagePath);
  await page.getByRole('heading', { level: 2, name: /^Kerncijfers \d{4}/ }).waitFor();
  return page;
}

describe('area profile', () => {
  it('/gemeente/GM0363 shows each key figure compared with its region, Nederland and the group', async () => {
    const profile = await api<ProfileResponse>('/api/dashboard/profile/GM0363?group=grootteklasse');
    expect(profile.keyFigures.length).toBeGreaterThan(3);
    const page = await openProfile('/gemeente/GM0363');
    await page.getByRole('heading', { level: 2, name: `Kerncijfers ${profile.periodLabel}` }).waitFor();
    expect(await page.getByText('Let op: dit zijn synthetische demogegevens').count()).toBe(1);

    for (const figure of profile.keyFigures) {
      const article = page.getByRole('article', { name: figure.indicator.name, exact: true });
      const comparison = article.getByRole('table', { name: /vergelijking/ });
      expect(await rowsOf(comparison)).toEqual([
        ['Amsterdam', figureText(figure.area, figure.measure, figure.indicator.unit)],
        ...figure.comparisons.map((one) => [
          one.label,
          figureText(one, figure.measure, figure.indicator.unit),
        ]),
      ]);
    }
    const [first] = profile.keyFigures;
    if (!first) throw new Error('no key figures');
    // Region, Nederland and the comparison group, in that order.
    expect(first.comparisons.map((one) => one.label)).toEqual([
      expect.stringContaining('Amsterdam-Amstelland'),
      'Nederland',
      expect.stringContaining(profile.group.label),
    ]);
    const value = page
      .getByRole('article', { name: first.indicator.name, exact: true })
      .locator('.ks-key-figure__value');
    expect(((await value.textContent()) ?? '').replace(/\s+/g, ' ')).toContain(
      `${figureText({ ...first.area, provisional: false }, first.measure, first.indicator.unit)} ${first.measureLabel}`,
    );

    // A trend chart per key figure with figures, drawn as SVG, and its table.
    const chart = page.getByRole('img', {
      name: new RegExp(`^Grafiek: ${first.indicator.name} van Amsterdam`),
    });
    await chart.locator('svg path').first().waitFor({ state: 'attached' });
    const trendTable = page
      .getByRole('article', { name: first.indicator.name, exact: true })
      .getByRole('table', { name: /per jaar/, includeHidden: true });
    expect(await trendTable.locator('tbody tr').count()).toBe(first.trend.length);
    expectCleanPage(page);
    await page.close();
  });

  it('puts a new comparison group in the URL and shows its label; an own group takes chosen gemeenten', async () => {
    const page = await openProfile('/gemeente/GM0363');
    const groupLabel = page.locator('.ks-profile__group-label');
    const bySize = await api<ProfileResponse>('/api/dashboard/profile/GM0363?group=grootteklasse');
    expect(await groupLabel.textContent()).toBe(bySize.group.label);

    await page.getByLabel('Vergelijkingsgroep').selectOption('provincie');
    await page.waitForURL(/\/gemeente\/GM0363\?groep=provincie$/);
    const byProvince = await api<ProfileResponse>('/api/dashboard/profile/GM0363?group=provincie');
    expect(byProvince.group.label).not.toBe(bySize.group.label);
    await expect.poll(() => groupLabel.textContent()).toBe(byProvince.group.label);

    await page.getByLabel('Vergelijkingsgroep').selectOption('eigen');
    await page.waitForURL(/groep=eigen/);
    await page.getByRole('textbox', { name: 'Zoek een gebied' }).fill('Utrecht');
    await page.getByRole('button', { name: 'Voeg Utrecht toe' }).click();
    await page.waitForURL(/groep=eigen&gebieden=GM0344$/);
    await page.getByRole('button', { name: 'Verwijder Utrecht' }).waitFor();
    const own = await api<ProfileResponse>('/api/dashboard/profile/GM0363?group=eigen&groupAreas=GM0344');
    await expect.poll(() => groupLabel.textContent()).toBe(own.group.label);
    expectCleanPage(page);
    await page.close();
  });

  it('lists the gemeenten of a region side by side, sortable by a key figure', async () => {
    const profile = await api<ProfileResponse>('/api/dashboard/profile/VT01');
    const members = profile.members;
    if (!members) throw new Error('a region has members');
    const page = await openProfile('/veiligthuisregio/VT01');
    const table = page.getByRole('table', {
      name: /^Kerncijfers van de 6 gemeenten van Amsterdam-Amstelland/,
    });
    const names = async () => (await rowsOf(table)).map((row) => row[0]);
    expect(await names()).toEqual(
      sortMemberRows(members.rows, { column: 'name', direction: 'ascending' }).map((row) => row.areaName),
    );
    const [column] = members.columns;
    if (!column) throw new Error('no member columns');
    await table.getByRole('button', { name: new RegExp(`^${column.name}`) }).click();
    expect(
      await table
        .getByRole('columnheader', { name: new RegExp(`^${column.name}`) })
        .getAttribute('aria-sort'),
    ).toBe('descending');
    expect(await names()).toEqual(
      sortMemberRows(members.rows, { column: 0, direction: 'descending' }).map((row) => row.areaName),
    );
    await page.close();
  });

  it('links the factsheet (PDF) with the chosen comparison group; it answers a PDF', async () => {
    const page = await openProfile('/gemeente/GM0363?groep=provincie');
    const factsheet = await page.getByRole('link', { name: 'Factsheet (PDF)' }).getAttribute('href');
    expect(factsheet).toBe('/api/reports/factsheet?area=GM0363&group=provincie');
    await page.close();
    const pdf = await fetch(new URL(factsheet ?? '', app.url));
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toMatch(/^application\/pdf/);
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  });

  it('links CSV and XLSX downloads of the key figures and the compare page with this area', async () => {
    const page = await openProfile('/gemeente/GM0363?groep=provincie');
    const csv = await fetch(
      new URL(
        (await page.getByRole('link', { name: 'Kerncijfers als CSV' }).getAttribute('href')) ?? '',
        app.url,
      ),
    );
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(await csv.text()).toContain('Amsterdam');
    const xlsx = await fetch(
      new URL(
        (await page.getByRole('link', { name: 'Kerncijfers als Excel (XLSX)' }).getAttribute('href')) ?? '',
        app.url,
      ),
    );
    expect(xlsx.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );

    await page.getByRole('link', { name: 'Vergelijk met andere gebieden' }).click();
    await page.waitForURL(/\/vergelijken\?indicator=vt_meldingen&gebieden=GM0363$/);
    await page.getByRole('button', { name: 'Verwijder Amsterdam' }).waitFor();
    await page.close();
  });

  it('has no axe violations', async () => {
    const page = await openProfile('/gemeente/GM0363');
    await page.locator('.ks-key-figure svg').first().waitFor();
    await expectNoAxeViolations(page);
    await page.close();
  });
});

/** The compare table as shown: period, then each area's figure (without the "gewijzigd" note). */
async function compareRows(page: Page): Promise<string[][]> {
  const rows = await page.locator('table.ks-compare-table tbody tr').all();
  return Promise.all(
    rows.map(async (row) => [
      ((await row.locator('th').textContent()) ?? '').trim(),
      ...(await row.locator('.ks-compare-table__value').allTextContents()).map((text) => text.trim()),
    ]),
  );
}

function expectedRows(series: SeriesResponse): string[][] {
  const lines = series.series.map((one) => ({ name: one.areaName, points: one.points }));
  return trendRows(lines).map((row) => [
    row.period.label,
    ...row.cells.map((point) => figureText(point, series.measure, series.indicator.unit)),
  ]);
}

describe('/vergelijken', () => {
  it('draws a line per area and a table whose figures match the API', async () => {
    const series = await api<SeriesResponse>(
      '/api/dashboard/series?indicator=vt_meldingen&areas=GM0363,GM0599',
    );
    const page = await openPage(app, '/vergelijken?indicator=vt_meldingen&gebieden=GM0363,GM0599');
    expect(await page.title()).toBe('Gebieden vergelijken - Ketenzicht');
    const chart = page.getByRole('img', { name: /^Lijngrafiek: Meldingen Veilig Thuis/ });
    await chart.locator('svg path').first().waitFor({ state: 'attached' });
    const chartText = (await chart.locator('svg').textContent()) ?? '';
    expect(chartText).toContain('Amsterdam');
    expect(chartText).toContain('Rotterdam');
    await page.locator('table.ks-compare-table tbody tr').first().waitFor();
    expect(await page.locator('table.ks-compare-table thead th').allTextContents()).toEqual([
      'Periode',
      'Amsterdam',
      'Rotterdam',
    ]);
    const expected = expectedRows(series);
    expect(expected.length).toBeGreaterThan(3);
    expect(await compareRows(page)).toEqual(expected);
    // The demo's last year is provisional: said in the table and under the chart.
    expect(expected.at(-1)?.[1]).toContain('(voorlopig)');
    await page.getByText('Open symbool en stippellijn: voorlopig cijfer.').waitFor();

    for (const [name, type] of [
      ['Tabel als CSV', /^text\/csv/],
      ['Tabel als Excel (XLSX)', /^application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet/],
    ] as const) {
      const href = await page.getByRole('link', { name }).getAttribute('href');
      expect(href).toContain('/api/dashboard/series?indicator=vt_meldingen&areas=GM0363%2CGM0599');
      const response = await fetch(new URL(href ?? '', app.url));
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(type);
    }
    expectCleanPage(page);
    await page.close();
  });

  it('adds an area by search and puts it in the URL', async () => {
    const page = await openPage(app, '/vergelijken?indicator=vt_meldingen&gebieden=GM0363');
    await page.getByText('Kies minstens twee gebieden om te vergelijken.').first().waitFor();
    await page.getByLabel('Soort gebied').selectOption('veiligthuisregio');
    await page.getByRole('textbox', { name: 'Zoek een gebied' }).fill('Utrecht');
    await page.getByRole('button', { name: 'Voeg Utrecht toe' }).click();
    await page.waitForURL(/gebieden=GM0363%2CVT\d{2}|gebieden=GM0363,VT\d{2}/);
    await page.locator('table.ks-compare-table thead th').nth(2).waitFor();
    expect(await page.locator('table.ks-compare-table thead th').nth(2).textContent()).toBe('Utrecht');
    await page.close();
  });

  it('on today’s division states the method under the chart', async () => {
    const page = await openPage(app, '/vergelijken?indicator=vt_meldingen&gebieden=GM0363,GM0599');
    await page.locator('table.ks-compare-table tbody tr').first().waitFor();
    expect(await page.locator('.ks-method').count()).toBe(0);
    await page.getByLabel('Op huidige indeling').check();
    await page.waitForURL(/indeling=huidig/);
    const series = await api<SeriesResponse>(
      '/api/dashboard/series?indicator=vt_meldingen&areas=GM0363,GM0599&division=huidig',
    );
    expect(series.method).toEqual(expect.any(String));
    await expect.poll(() => page.locator('.ks-method').textContent()).toBe(`Methode: ${series.method}`);
    await expect.poll(() => compareRows(page)).toEqual(expectedRows(series));
    await page.close();
  });

  it('marks a figure corrected after the chosen date with its earlier value', async () => {
    const query = `indicator=vt_onderzoeken&areas=GM0363,GM0599&measure=aantal&changedSince=${CHANGED_SINCE}`;
    const series = await api<SeriesResponse>(`/api/dashboard/series?${query}`);
    const amsterdam = series.series.find((one) => one.areaCode === 'GM0363');
    const changed = amsterdam?.points.filter((point) => point.changed) ?? [];
    expect(changed.map((point) => point.period)).toEqual(['2023JJ00']);
    expect(
      series.series.find((one) => one.areaCode === 'GM0599')?.points.some((point) => point.changed),
    ).toBe(false);

    const page = await openPage(
      app,
      `/vergelijken?indicator=vt_onderzoeken&gebieden=GM0363,GM0599&maat=aantal&gewijzigdSinds=${CHANGED_SINCE}`,
    );
    await page.locator('table.ks-compare-table tbody tr').first().waitFor();
    const row = page.locator('table.ks-compare-table tbody tr').filter({
      has: page.getByRole('rowheader', { name: '2023', exact: true }),
    });
    const note = changedText(changed[0], 'aantal', 'aantal', CHANGED_SINCE);
    expect(note).toContain(`gewijzigd sinds ${formatDate(CHANGED_SINCE)}, was `);
    expect(await row.locator('.ks-compare-table__changed').allTextContents()).toEqual([note]);
    await page.getByText(/^Δ boven een punt: cijfer gewijzigd sinds 1 juni 2025/).waitFor();
    expect(await page.getByLabel('Gewijzigd sinds').inputValue()).toBe(CHANGED_SINCE);
    expect(await compareRows(page)).toEqual(expectedRows(series));
    await expectNoAxeViolations(page);
    expectCleanPage(page);
    await page.close();
  });
});
