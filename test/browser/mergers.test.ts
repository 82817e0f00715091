// SPDX-License-Identifier: EUPL-1.2
/**
 * Municipal mergers (herindelingen): the notice on a former gemeente, "Ontstaan uit", and /herindelingen.
 * axe checks these pages in accessibility.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserTestContext, expectCleanPage, openPage, startBrowserTest } from './browser.ts';

let app: BrowserTestContext;

beforeAll(async () => {
  app = await startBrowserTest();
});

afterAll(async () => {
  await app?.close();
});

describe('a former gemeente', () => {
  it('says Weesp no longer exists, with a working link to Amsterdam and to all herindelingen', async () => {
    const page = await openPage(app, '/gemeente/GM0457');
    await page.getByRole('heading', { level: 1, name: 'Weesp' }).waitFor();
    const notice = page.getByRole('note');
    await notice.getByRole('heading', { level: 2, name: 'Herindeling' }).waitFor();
    expect(await notice.textContent()).toContain(
      'Deze gemeente bestaat niet meer sinds 24 maart 2022 (herindeling). Ze is opgegaan in Amsterdam.',
    );
    expect(await notice.getByRole('link', { name: 'Bekijk alle herindelingen' }).getAttribute('href')).toBe(
      '/herindelingen',
    );
    // The notice comes first in the content, right under the page heading.
    expect(await page.getByRole('main').locator('h2').first().textContent()).toBe('Herindeling');

    await notice.getByRole('link', { name: 'Amsterdam', exact: true }).click();
    await page.waitForURL(/\/gemeente\/GM0363$/);
    await page.getByRole('heading', { level: 1, name: 'Amsterdam' }).waitFor();
    // Amsterdam took in Weesp: its page links back.
    const section = page.getByRole('region', { name: 'Heringedeeld' });
    expect(await section.textContent()).toContain('Op 24 maart 2022 is deze gemeente opgegaan in Amsterdam:');
    expect(await section.getByRole('link', { name: 'Weesp', exact: true }).getAttribute('href')).toBe(
      '/gemeente/GM0457',
    );
    expect(await page.getByRole('note').count()).toBe(0);
    expectCleanPage(page);
    await page.close();
  });

  it('lists the four gemeenten Haaren was split over, with "aandeel onbekend"', async () => {
    const page = await openPage(app, '/gemeente/GM0788');
    await page.getByRole('heading', { level: 1, name: 'Haaren' }).waitFor();
    const notice = page.getByRole('note');
    await notice.getByRole('heading', { name: 'Herindeling' }).waitFor();
    expect(await notice.textContent()).toContain(
      'Deze gemeente bestaat niet meer sinds 1 januari 2021 (herindeling). Ze is verdeeld over deze 4 gemeenten:',
    );
    const items = notice.getByRole('listitem');
    expect(await items.allTextContents()).toEqual([
      'Boxtel (aandeel onbekend)',
      'Oisterwijk (aandeel onbekend)',
      'Tilburg (aandeel onbekend)',
      'Vught (aandeel onbekend)',
    ]);
    const hrefs = await items
      .getByRole('link')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(hrefs).toEqual(['/gemeente/GM0757', '/gemeente/GM0824', '/gemeente/GM0855', '/gemeente/GM0865']);
    expectCleanPage(page);
    await page.close();
  });
});

describe('a gemeente formed by a herindeling', () => {
  it('shows the three gemeenten Voorne aan Zee was formed from, each a link', async () => {
    const page = await openPage(app, '/gemeente/GM1992');
    await page.getByRole('heading', { level: 1, name: 'Voorne aan Zee' }).waitFor();
    const section = page.getByRole('region', { name: 'Ontstaan uit' });
    expect(await section.textContent()).toContain(
      'Voorne aan Zee is op 1 januari 2023 ontstaan uit deze 3 gemeenten:',
    );
    expect(await section.getByRole('listitem').allTextContents()).toEqual([
      'Brielle',
      'Hellevoetsluis',
      'Westvoorne',
    ]);
    // An existing gemeente has no notice.
    expect(await page.getByRole('note').count()).toBe(0);

    await section.getByRole('link', { name: 'Hellevoetsluis', exact: true }).click();
    await page.waitForURL(/\/gemeente\/GM0530$/);
    await page.getByRole('heading', { level: 1, name: 'Hellevoetsluis' }).waitFor();
    expect(await page.getByRole('note').textContent()).toContain(
      'Deze gemeente bestaat niet meer sinds 1 januari 2023 (herindeling). Ze is opgegaan in Voorne aan Zee.',
    );
    expectCleanPage(page);
    await page.close();
  });
});

describe('/herindelingen', () => {
  it('lists all 56 herindelingen, newest first, with links to the gemeenten', async () => {
    const page = await openPage(app, '/herindelingen');
    await page.getByRole('heading', { level: 1, name: 'Herindelingen' }).waitFor();
    expect(await page.title()).toBe('Herindelingen - Ketenzicht');
    const table = page.getByRole('table', {
      name: 'Alle 56 herindelingen van 2019 tot en met 2023, de nieuwste eerst',
    });
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBe(56);
    expect(await rows.first().locator('td').first().textContent()).toBe('1 januari 2023');
    expect(await rows.last().locator('td').first().textContent()).toBe('1 januari 2019');

    const weesp = table.getByRole('row', { name: /Weesp/ });
    const cells = await weesp.getByRole('cell').allTextContents();
    expect(cells.slice(0, 3)).toEqual(['24 maart 2022', 'Amsterdam (GM0363)', '100%']);
    expect(cells[3]).toContain('blikopnieuws.nl');
    expect(await weesp.getByRole('rowheader').textContent()).toBe('Weesp (GM0457)');
    const haaren = table.getByRole('row', { name: /Haaren/ });
    expect(await haaren.count()).toBe(4);
    expect(await haaren.first().getByRole('cell').nth(2).textContent()).toBe('onbekend');

    // The page explains what the table is for, and the main navigation leads to it.
    expect(await page.getByRole('main').textContent()).toContain(
      'tonen op de indeling van nu: ze tellen dan mee bij de gemeente waarin ze is opgegaan.',
    );
    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
    expect(await nav.getByRole('link', { name: 'Herindelingen' }).getAttribute('aria-current')).toBe('page');

    await weesp.getByRole('link', { name: 'Amsterdam', exact: true }).click();
    await page.waitForURL(/\/gemeente\/GM0363$/);
    await page.getByRole('heading', { level: 1, name: 'Amsterdam' }).waitFor();
    await page.goBack();
    await table.getByRole('link', { name: 'Weesp', exact: true }).click();
    await page.waitForURL(/\/gemeente\/GM0457$/);
    await page.getByRole('heading', { level: 1, name: 'Weesp' }).waitFor();
    expectCleanPage(page);
    await page.close();
  });

  it('is reached from the notice on a former gemeente', async () => {
    const page = await openPage(app, '/gemeente/GM0457');
    await page.getByRole('link', { name: 'Bekijk alle herindelingen' }).click();
    await page.waitForURL(/\/herindelingen$/);
    await page.getByRole('heading', { level: 1, name: 'Herindelingen' }).waitFor();
    await page.locator('tbody tr').nth(55).waitFor();
    expectCleanPage(page);
    await page.close();
  });
});
