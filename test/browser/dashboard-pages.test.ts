// SPDX-License-Identifier: EUPL-1.2
/**
 * The overview (/) and the indicator page (/indicator/…) in a real browser, on the synthetic demo figures of
 * 2023–2024: the choropleth draws every gemeente, region and province with the API's figures, keyboard users
 * reach an area and open its profile, the table beside the map says what the map says, the downloads are the
 * figures of the page, the funnel plot lists the areas too small to compare, and axe finds nothing.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestContext } from '../../src/server/modules/audit/audit.service.ts';
import type { MapResponse } from '../../src/server/modules/dashboards/dashboards.schemas.ts';
import { loadDemo } from '../../src/server/modules/figures/figures.demo.ts';
import { figureText, formatValue } from '../../web/src/lib/overview.ts';
import {
  type BrowserTestContext,
  expectCleanPage,
  expectNoAxeViolations,
  mapOf,
  openPage,
  startBrowserTest,
} from './browser.ts';

let app: BrowserTestContext;
const CLI: RequestContext = { actor: { kind: 'cli', label: 'test' }, origin: 'test' };
const PERIOD = '2024JJ00';

beforeAll(async () => {
  app = await startBrowserTest();
  const demo = await loadDemo(app.database.db, CLI, { from: 2023, to: 2024 });
  expect(demo.outcome, JSON.stringify(demo.problems.slice(0, 3))).toBe('geimporteerd');
}, 240_000);

afterAll(async () => {
  await app?.close();
});

async function api<T>(apiPath: string): Promise<T> {
  const response = await fetch(new URL(apiPath, app.url));
  expect(response.status, apiPath).toBe(200);
  return (await response.json()) as T;
}

const formatOf = (response: MapResponse) => ({
  measure: response.measure,
  unit: response.indicator.unit,
  measureLabel: response.measureLabel,
});

/** The map's areas once drawn. */
async function mapAreas(page: Page): Promise<Locator> {
  const areas = mapOf(page).getByRole('link');
  await areas.first().waitFor();
  return areas;
}

/** Every map area's accessible name. */
async function mapLabels(page: Page): Promise<string[]> {
  return (await mapAreas(page)).evaluateAll((links) =>
    links.map((link) => link.getAttribute('aria-label') ?? ''),
  );
}

/** Name → cell texts of the table beside the map (the row header first). */
async function tableRows(table: Locator): Promise<Map<string, string[]>> {
  await table.locator('tbody tr').first().waitFor();
  const rows = await table
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('th, td')].map((cell) => (cell.textContent ?? '').trim())),
    );
  return new Map(rows.map((cells) => [cells[0] ?? '', cells.slice(1)]));
}

describe('the overview map', () => {
  it('draws all 342 gemeenten of 2024 with the figures of the API, each focusable and named', async () => {
    const response = await api<MapResponse>(`/api/dashboard/map?indicator=vt_meldingen&period=${PERIOD}`);
    expect(response.measure).toBe('per1000');
    const page = await openPage(app, `/?periode=${PERIOD}`);
    await page
      .getByRole('heading', {
        level: 2,
        name: 'Meldingen Veilig Thuis per 1.000 inwoners per gemeente, 2024',
      })
      .waitFor();
    const labels = await mapLabels(page);
    expect(labels).toHaveLength(342);
    const expected = response.items.map(
      (item) => `${item.areaName}: ${figureText(item, formatOf(response))}`,
    );
    expect([...labels].sort()).toEqual([...expected].sort());
    const unfocusable = await (await mapAreas(page)).evaluateAll(
      (links) => links.filter((link) => link.getAttribute('tabindex') !== '0').length,
    );
    expect(unfocusable).toBe(0);

    // Afgeschermd is its own hatched class, apart from the colours.
    const hidden = response.items.filter((item) => item.status === 'afgeschermd');
    expect(hidden.length).toBeGreaterThan(0);
    const legend = page.getByRole('region', { name: 'Legenda' });
    expect(await legend.getByRole('listitem').allTextContents()).toContain('Afgeschermd');
    const hiddenFills = await mapOf(page)
      .locator('a[aria-label$=": afgeschermd"] path')
      .evaluateAll((paths) => paths.map((path) => path.getAttribute('fill')));
    expect(hiddenFills).toEqual(hidden.map(() => 'url(#ks-pattern-afgeschermd)'));
    expect(await page.getByText('Let op: demogegevens zijn synthetisch').count()).toBe(1);
    expect(await page.getByText(/^Bron: Veilig Thuis\./).count()).toBe(1);
    expectCleanPage(page);
    await page.close();
  });

  it("switches to 25 Veilig Thuis-regio's and 12 provincies, keeping the choice in the URL", async () => {
    const page = await openPage(app, `/?periode=${PERIOD}&maat=aantal`);
    await mapAreas(page);
    await page.getByRole('radio', { name: "Veilig Thuis-regio's" }).check();
    await page.waitForURL((url) => url.searchParams.get('niveau') === 'veiligthuisregio');
    expect(new URL(page.url()).searchParams.get('periode')).toBe(PERIOD);
    expect(new URL(page.url()).searchParams.get('maat')).toBe('aantal');
    await expect.poll(async () => (await mapAreas(page)).count()).toBe(25);
    const regions = await api<MapResponse>(
      `/api/dashboard/map?indicator=vt_meldingen&period=${PERIOD}&level=veiligthuisregio&measure=aantal`,
    );
    const amsterdam = regions.items.find((item) => item.areaCode === 'VT13');
    if (!amsterdam) throw new Error('VT13 missing');
    await mapOf(page)
      .getByRole('link', {
        name: `${amsterdam.areaName}: ${figureText(amsterdam, formatOf(regions))}`,
        exact: true,
      })
      .waitFor();

    await page.getByRole('radio', { name: 'Provincies' }).check();
    await page.waitForURL((url) => url.searchParams.get('niveau') === 'provincie');
    await expect.poll(async () => (await mapAreas(page)).count()).toBe(12);
    await page
      .getByRole('table', { name: /per provincie, 2024$/ })
      .getByRole('link', { name: 'Noord-Holland', exact: true })
      .click();
    await page.waitForURL(/\/provincie\/PV27$/);
    await page.close();
  });

  it('shows another indicator chosen from the catalogue search, and tells the tooltip to screen readers', async () => {
    const page = await openPage(app, `/?periode=${PERIOD}`);
    await mapAreas(page);
    await page.getByRole('searchbox', { name: 'Zoek een indicator' }).fill('adviezen');
    const results = page.getByRole('list', { name: 'Gevonden indicatoren' });
    await results.getByRole('link').first().click();
    await page.waitForURL((url) => url.searchParams.get('indicator') === 'vt_adviezen');
    await page.getByRole('heading', { level: 2, name: /^Adviezen Veilig Thuis/ }).waitFor();
    expect(await page.getByRole('combobox', { name: 'Indicator' }).inputValue()).toBe('vt_adviezen');

    const area = mapOf(page).getByRole('link', { name: /^Utrecht: / });
    const label = (await area.getAttribute('aria-label')) ?? '';
    await area.focus();
    const live = page.locator('.ks-map [aria-live="polite"]');
    await expect.poll(() => live.textContent()).toBe(label.replace(': ', ' '));
    await page.close();
  });
});

describe('keyboard use', () => {
  it('reaches a map area with Tab and opens its profile with Enter', async () => {
    const page = await openPage(app, `/?periode=${PERIOD}`);
    await mapAreas(page);
    await page.getByRole('radio', { name: 'Aantal' }).focus();
    const inMap = () => page.evaluate(() => document.activeElement?.closest('svg') !== null);
    for (let presses = 0; presses < 8 && !(await inMap()); presses++) await page.keyboard.press('Tab');
    expect(await inMap()).toBe(true);
    const label = await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
    const name = label.split(':')[0] ?? '';
    expect(label).toMatch(/^.+: ([\d.,]+ per 1\.000 inwoners|afgeschermd|geen gegevens)/);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/gemeente\/GM\d{4}$/);
    await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
    await page.close();
  });
});

describe('the table beside the map', () => {
  it('has the same figure for every area as the map, and sorts by value', async () => {
    const response = await api<MapResponse>(`/api/dashboard/map?indicator=vt_meldingen&period=${PERIOD}`);
    const page = await openPage(app, `/?periode=${PERIOD}`);
    const table = page.getByRole('table', {
      name: 'Meldingen Veilig Thuis per 1.000 inwoners per gemeente, 2024',
    });
    const rows = await tableRows(table);
    expect(rows.size).toBe(response.items.length);
    const fromMap = new Map(
      (await mapLabels(page)).map((label) => {
        const [name, ...rest] = label.split(': ');
        return [name ?? '', rest.join(': ')];
      }),
    );
    for (const [name, cells] of rows) {
      // The map says "7,3 per 1.000 inwoners (voorlopig)", the column header names the measure.
      expect(fromMap.get(name)?.replace(' per 1.000 inwoners', ''), name).toBe(cells[0]);
    }

    await table.getByRole('button', { name: 'Per 1.000 inwoners' }).click();
    expect(
      await table.getByRole('columnheader', { name: 'Per 1.000 inwoners' }).getAttribute('aria-sort'),
    ).toBe('descending');
    const first = response.items.find((item) => item.rank === 1);
    expect(await table.locator('tbody tr').first().locator('th').textContent()).toBe(first?.areaName);

    const ranking = page.getByRole('region', { name: 'Rangorde' });
    expect(await ranking.getByRole('listitem').first().textContent()).toBe(
      `1. ${first?.areaName}: ${first && figureText(first, formatOf(response))}`,
    );
    await page.close();
  });
});

describe('downloads', () => {
  it('are the CSV and XLSX of the figures on the page', async () => {
    const page = await openPage(app, `/?periode=${PERIOD}`);
    const table = page.getByRole('table', { name: /^Meldingen Veilig Thuis per 1\.000 inwoners/ });
    const rows = await tableRows(table);
    const csvHref = await page.getByRole('link', { name: 'Download CSV' }).getAttribute('href');
    const xlsxHref = await page.getByRole('link', { name: 'Download Excel (XLSX)' }).getAttribute('href');
    expect(csvHref).toBe(
      `/api/dashboard/map?indicator=vt_meldingen&period=${PERIOD}&level=gemeente&measure=per1000&format=csv`,
    );
    expect(xlsxHref).toBe(csvHref?.replace('format=csv', 'format=xlsx'));

    const xlsx = await fetch(new URL(xlsxHref ?? '', app.url));
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect((await xlsx.arrayBuffer()).byteLength).toBeGreaterThan(1000);

    const csv = await fetch(new URL(csvHref ?? '', app.url));
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await csv.text()).replace(/^\uFEFF/, '').split(/\r?\n/);
    const header = (lines[0] ?? '').split(';');
    const nameAt = header.indexOf('Gebied');
    const valueAt = header.findIndex((column) => column.includes('per 1.000 inwoners'));
    expect(nameAt).toBeGreaterThanOrEqual(0);
    expect(valueAt).toBeGreaterThanOrEqual(0);
    const csvValues = new Map(
      lines.slice(1).flatMap((line) => {
        const cells = line.split(';');
        return cells.length === header.length ? [[cells[nameAt] ?? '', cells[valueAt] ?? '']] : [];
      }),
    );
    expect(csvValues.size).toBe(rows.size);
    const format = { measure: 'per1000', unit: 'aantal', measureLabel: 'per 1.000 inwoners' } as const;
    for (const [name, cells] of rows) {
      const shown = (cells[0] ?? '').replace(' (voorlopig)', '');
      const inCsv = csvValues.get(name) ?? '';
      // The CSV keeps more decimals than the table; rounded, it is the same figure, and the same status.
      const asShown = /^[\d.,]+$/.test(inCsv)
        ? formatValue(Number(inCsv.replaceAll('.', '').replace(',', '.')), format)
        : inCsv;
      expect(asShown, name).toBe(shown);
    }
    await page.close();
  });
});

describe('the indicator page', () => {
  it('shows the definition, a funnel plot with the areas too small to compare listed, and all areas', async () => {
    const response = await api<MapResponse>(`/api/dashboard/map?indicator=vt_meldingen&period=${PERIOD}`);
    const page = await openPage(app, `/indicator/vt_meldingen?periode=${PERIOD}`);
    await page.getByRole('heading', { level: 1, name: 'Meldingen Veilig Thuis' }).waitFor();
    expect(await page.title()).toBe('Meldingen Veilig Thuis - indicator - Ketenzicht');
    await page.getByText(response.indicator.definition).waitFor();

    const funnel = page.getByRole('img', { name: /^Trechterdiagram van Meldingen Veilig Thuis/ });
    await funnel.locator('svg path').first().waitFor({ state: 'attached' });
    const summary = await page.getByText(/^In het diagram:/).textContent();
    for (const comparison of ['hoger', 'lager', 'gemiddeld'] as const) {
      const count = response.items.filter(
        (item) => item.comparison === comparison && item.status === 'getoond',
      ).length;
      expect(summary).toContain(
        `${count} × ${comparison === 'gemiddeld' ? 'niet te onderscheiden' : comparison}`,
      );
    }

    const tooFew = response.items.filter((item) => item.comparison === 'te weinig');
    expect(tooFew.length).toBeGreaterThan(0);
    await page
      .getByRole('heading', { level: 3, name: `Te weinig om te vergelijken (${tooFew.length})` })
      .waitFor();
    const listed = await page
      .getByRole('list', { name: /^Te weinig om te vergelijken/ })
      .getByRole('listitem')
      .allTextContents();
    expect(listed.sort()).toEqual(
      tooFew.map((item) => `${item.areaName}: ${figureText(item, formatOf(response))}`).sort(),
    );

    // All areas, with the comparison; the areas too small to compare are not ranked.
    const table = page.getByRole('table', {
      name: 'Meldingen Veilig Thuis per 1.000 inwoners per gemeente, 2024',
    });
    const rows = await tableRows(table);
    expect(rows.size).toBe(342);
    for (const item of tooFew) expect(rows.get(item.areaName)?.at(-1)).toBe('niet gerangschikt');

    // The histogram's table counts every shown area once.
    const histogram = page.getByRole('table', { name: /^Verdeling van Meldingen Veilig Thuis/ });
    const counts = await histogram.locator('tbody td').allTextContents();
    expect(counts.reduce((sum, text) => sum + Number(text), 0)).toBe(
      response.items.filter((item) => item.status === 'getoond').length,
    );
    expectCleanPage(page);
    await page.close();
  });

  it('is linked from the overview and the catalogue, and says when an indicator does not exist', async () => {
    const page = await openPage(app, `/?periode=${PERIOD}&niveau=provincie`);
    await page.getByRole('link', { name: /^Alles over Meldingen Veilig Thuis/ }).click();
    await page.waitForURL(/\/indicator\/vt_meldingen\?/);
    expect(new URL(page.url()).searchParams.get('niveau')).toBe('provincie');
    await page.getByRole('table', { name: /per provincie, 2024$/ }).waitFor();

    await page.goto(new URL('/indicatoren', app.url).href);
    await page.getByRole('link', { name: /^Adviezen Veilig Thuis: vergelijking van gebieden/ }).click();
    await page.waitForURL(/\/indicator\/vt_adviezen$/);
    await page.getByRole('heading', { level: 1, name: /^Adviezen Veilig Thuis/ }).waitFor();

    await page.goto(new URL('/indicator/bestaat_niet', app.url).href);
    await page.getByRole('heading', { level: 1, name: 'Indicator “bestaat_niet” bestaat niet.' }).waitFor();
    await page.close();
  });
});

// axe on a page with 342 map links takes a while: one test per page, each with its own time.
describe('accessibility', () => {
  it('axe finds no WCAG 2.1 AA violations on the overview', async () => {
    const overview = await openPage(app, `/?periode=${PERIOD}`);
    await mapAreas(overview);
    await expectNoAxeViolations(overview);
    expectCleanPage(overview);
    await overview.close();
  }, 120_000);

  it('axe finds no WCAG 2.1 AA violations on the indicator page with its charts', async () => {
    const indicator = await openPage(app, `/indicator/vt_meldingen?periode=${PERIOD}`);
    await indicator
      .getByRole('img', { name: /^Trechterdiagram/ })
      .locator('svg')
      .waitFor({ state: 'attached' });
    await indicator
      .getByRole('img', { name: /^Histogram/ })
      .locator('svg')
      .waitFor({ state: 'attached' });
    await expectNoAxeViolations(indicator);
    expectCleanPage(indicator);
    await indicator.close();
  }, 120_000);
});
