// SPDX-License-Identifier: EUPL-1.2
/** The home page: the population map at three levels, its legend and table, keyboard use and the search. */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserTestContext, expectCleanPage, mapOf, openPage, startBrowserTest } from './browser.ts';

let app: BrowserTestContext;

beforeAll(async () => {
  app = await startBrowserTest();
});

afterAll(async () => {
  await app?.close();
});

async function mapAreas(page: Page) {
  const areas = mapOf(page).getByRole('link');
  await areas.first().waitFor();
  return areas;
}

describe('the population map', () => {
  it('shows 342 gemeenten, each focusable and named with its population', async () => {
    const page = await openPage(app, '/');
    expect(await page.title()).toBe('Kaart van Nederland - Ketenzicht');
    const areas = await mapAreas(page);
    expect(await areas.count()).toBe(342);
    const unnamedOrUnfocusable = await areas.evaluateAll(
      (links) =>
        links.filter(
          (link) =>
            link.getAttribute('tabindex') !== '0' ||
            !/^.+: [\d.]+ inwoners$/.test(link.getAttribute('aria-label') ?? ''),
        ).length,
    );
    expect(unnamedOrUnfocusable).toBe(0);
    await mapOf(page).getByRole('link', { name: 'Amsterdam: 941.927 inwoners', exact: true }).waitFor();
    expectCleanPage(page);
    await page.close();
  });

  it('has a legend with five quantile classes on the reference date', async () => {
    const page = await openPage(app, '/');
    const legend = page.getByRole('region', { name: 'Legenda' });
    await legend.waitFor();
    expect(await legend.textContent()).toContain('1 januari 2026');
    expect(await legend.getByRole('listitem').count()).toBe(5);
    expect(await legend.getByRole('listitem').last().textContent()).toMatch(/^[\d.]+ – 941\.927$/);
    await page.close();
  });

  it('shows the area under the pointer or the focus in a polite live tooltip', async () => {
    const page = await openPage(app, '/');
    const amsterdam = mapOf(page).getByRole('link', { name: /^Amsterdam: / });
    await amsterdam.hover();
    const live = page.locator('.ks-map [aria-live="polite"]');
    await expect.poll(() => live.textContent()).toBe('Amsterdam 941.927 inwoners');
    await page.mouse.move(0, 0);
    await mapOf(page)
      .getByRole('link', { name: /^Utrecht: / })
      .focus();
    await expect.poll(() => live.textContent()).toMatch(/^Utrecht [\d.]+ inwoners$/);
    // WCAG 1.4.13: Escape dismisses the tooltip without moving focus.
    await page.keyboard.press('Escape');
    await expect.poll(() => live.textContent()).toBe('');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toMatch(
      /^Utrecht: /,
    );
    await page.close();
  });

  it('offers the same figures in a sortable table with a caption and links', async () => {
    const page = await openPage(app, '/');
    const table = page.getByRole('table', { name: 'Inwoners per gemeente op 1 januari 2026' });
    await table.waitFor();
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBe(342);
    await table.getByRole('button', { name: 'Inwoners' }).click();
    expect(await table.getByRole('columnheader', { name: 'Inwoners' }).getAttribute('aria-sort')).toBe(
      'descending',
    );
    expect(await rows.first().getByRole('link').textContent()).toBe('Amsterdam');
    await table.getByRole('button', { name: 'Inwoners' }).click();
    expect(await rows.last().getByRole('link').textContent()).toBe('Amsterdam');
    await page.close();
  });

  it("switches to Veilig Thuis-regio's and provincies, keeping the level in the URL", async () => {
    const page = await openPage(app, '/');
    await mapAreas(page);
    await page.getByRole('radio', { name: "Veilig Thuis-regio's" }).check();
    await page.waitForURL(/\?niveau=veiligthuisregio$/);
    await expect.poll(async () => (await mapAreas(page)).count()).toBe(25);
    await mapOf(page)
      .getByRole('link', { name: /^Amsterdam-Amstelland: 1\.151\.282 inwoners$/ })
      .waitFor();
    expect(
      await page.getByRole('heading', { level: 2, name: 'Inwoners per Veilig Thuis-regio' }).count(),
    ).toBe(1);

    await page.getByRole('radio', { name: 'Provincies' }).check();
    await page.waitForURL(/\?niveau=provincie$/);
    await expect.poll(async () => (await mapAreas(page)).count()).toBe(12);

    await page.getByRole('radio', { name: 'Gemeenten' }).check();
    await page.waitForURL((url) => url.search === '');
    await expect.poll(async () => (await mapAreas(page)).count()).toBe(342);
    await page.close();
  });

  it('opens a level straight from the URL', async () => {
    const page = await openPage(app, '/?niveau=provincie');
    await expect.poll(async () => (await mapAreas(page)).count()).toBe(12);
    expect(await page.getByRole('radio', { name: 'Provincies' }).isChecked()).toBe(true);
    await page.close();
  });
});

describe('keyboard use', () => {
  it('reaches a map area with Tab and opens its page with Enter', async () => {
    const page = await openPage(app, '/');
    await mapAreas(page);
    await page.getByRole('radio', { name: 'Gemeenten' }).focus();
    const inMap = () => page.evaluate(() => document.activeElement?.closest('svg') !== null);
    for (let presses = 0; presses < 5 && !(await inMap()); presses++) await page.keyboard.press('Tab');
    expect(await inMap()).toBe(true);

    const label = await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
    const name = label.split(':')[0] ?? '';
    expect(name).not.toBe('');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/gemeente\/GM\d{4}$/);
    await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    expect(await page.title()).toBe(`${name} - Ketenzicht`);
    await page.close();
  });

  it('skips to the main content from the first Tab', async () => {
    const page = await openPage(app, '/toegankelijkheid');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Naar hoofdinhoud' });
    expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.close();
  });
});

describe('searching a gemeente', () => {
  it('finds Súdwest-Fryslân by "sudwest" and links on to its province and region', async () => {
    const page = await openPage(app, '/');
    await page
      .getByRole('searchbox', { name: 'Zoek een gemeente' })
      .pressSequentially('sudwest', { delay: 30 });
    const results = page.getByRole('list', { name: 'Gevonden gemeenten' });
    const result = results.getByRole('link', { name: 'Súdwest-Fryslân', exact: true });
    await result.waitFor();
    expect(await results.getByRole('link').count()).toBe(1);
    await expect
      .poll(() => page.getByRole('status').textContent())
      .toBe('1 gemeente gevonden voor “sudwest”.');

    await result.click();
    await page.waitForURL(/\/gemeente\/GM1900$/);
    await page.getByRole('heading', { level: 1, name: 'Súdwest-Fryslân' }).waitFor();
    const facts = page.getByRole('definition');
    expect(await facts.filter({ hasText: 'GM1900' }).count()).toBe(1);

    await page.getByRole('link', { name: 'Fryslân', exact: true }).click();
    await page.waitForURL(/\/provincie\/PV21$/);
    await page.getByRole('heading', { level: 1, name: 'Fryslân' }).waitFor();
    await page
      .getByRole('table', { name: /gemeenten in Fryslân/ })
      .getByRole('link', { name: 'Súdwest-Fryslân' })
      .waitFor();

    await page.goBack();
    await page.getByRole('link', { name: 'Friesland', exact: true }).click();
    await page.waitForURL(/\/veiligthuisregio\/VT04$/);
    await page.getByRole('heading', { level: 1, name: 'Friesland' }).waitFor();
    await page
      .getByRole('table', { name: /gemeenten in Friesland/ })
      .getByRole('link', { name: 'Súdwest-Fryslân' })
      .waitFor();
    expectCleanPage(page);
    await page.close();
  });

  it('says so when nothing matches', async () => {
    const page = await openPage(app, '/');
    await page.getByRole('searchbox', { name: 'Zoek een gemeente' }).fill('xyzzy');
    await expect
      .poll(() => page.getByRole('status').textContent())
      .toBe('Geen gemeenten gevonden voor “xyzzy”.');
    await page.close();
  });
});
