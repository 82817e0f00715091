// SPDX-License-Identifier: EUPL-1.2
/** The pages of a gemeente, a Veilig Thuis-regio, a provincie and the Netherlands, and "niet gevonden". */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserTestContext, expectCleanPage, openPage, startBrowserTest } from './browser.ts';

let app: BrowserTestContext;

beforeAll(async () => {
  app = await startBrowserTest();
});

afterAll(async () => {
  await app?.close();
});

describe('area pages', () => {
  it('shows a gemeente with its code, province, region and population', async () => {
    const page = await openPage(app, '/gemeente/GM0363');
    await page.getByRole('heading', { level: 1, name: 'Amsterdam' }).waitFor();
    expect(await page.title()).toBe('Amsterdam - Ketenzicht');
    const text = (await page.getByRole('main').textContent()) ?? '';
    expect(text).toContain('GM0363');
    expect(text).toContain('941.927');
    expect(await page.getByRole('link', { name: 'Noord-Holland', exact: true }).getAttribute('href')).toBe(
      '/provincie/PV27',
    );
    expect(
      await page.getByRole('link', { name: 'Amsterdam-Amstelland', exact: true }).getAttribute('href'),
    ).toBe('/veiligthuisregio/VT01');
    const population = page.getByRole('table', { name: /Aantal inwoners van Amsterdam per peildatum/ });
    expect(await population.getByRole('row', { name: /1 januari 2026/ }).textContent()).toContain('941.927');
    expect(
      await page.getByRole('img', { name: 'Ligging van Amsterdam op de kaart van Nederland' }).count(),
    ).toBe(1);
    expectCleanPage(page);
    await page.close();
  });

  it('lists the gemeenten of a Veilig Thuis-regio, each a link to its page', async () => {
    const page = await openPage(app, '/veiligthuisregio/VT01');
    await page.getByRole('heading', { level: 1, name: 'Amsterdam-Amstelland' }).waitFor();
    const members = page.getByRole('table', { name: /De 6 gemeenten in Amsterdam-Amstelland/ });
    expect(await members.locator('tbody tr').count()).toBe(6);
    await members.getByRole('link', { name: 'Amsterdam', exact: true }).click();
    await page.waitForURL(/\/gemeente\/GM0363$/);
    await page.getByRole('heading', { level: 1, name: 'Amsterdam' }).waitFor();
    await page.close();
  });

  it('lists the gemeenten of a provincie', async () => {
    const page = await openPage(app, '/provincie/PV27');
    await page.getByRole('heading', { level: 1, name: 'Noord-Holland' }).waitFor();
    const members = page.getByRole('table', { name: /gemeenten in Noord-Holland/ });
    await members.getByRole('link', { name: 'Amsterdam', exact: true }).waitFor();
    expect(await members.locator('tbody tr').count()).toBeGreaterThan(40);
    await page.close();
  });

  it('shows the Netherlands with all 342 gemeenten and 18.130.208 inhabitants', async () => {
    const page = await openPage(app, '/nederland');
    await page.getByRole('heading', { level: 1, name: 'Nederland' }).waitFor();
    expect(await page.getByRole('main').textContent()).toContain('18.130.208');
    const members = page.getByRole('table', { name: /gemeenten in Nederland/ });
    expect(await members.locator('tbody tr').count()).toBe(342);
    await page.close();
  });

  it('moves a code of another level, or in lower case, to its own address', async () => {
    const page = await openPage(app, '/gemeente/VT01');
    await page.waitForURL(/\/veiligthuisregio\/VT01$/);
    await page.getByRole('heading', { level: 1, name: 'Amsterdam-Amstelland' }).waitFor();
    await page.goto(new URL('/provincie/gm0363', app.url).href);
    await page.waitForURL(/\/gemeente\/GM0363$/);
    await page.close();
  });
});

describe('niet gevonden', () => {
  it('says an unknown area code does not exist, with a link home', async () => {
    const page = await openPage(app, '/gemeente/GM9999');
    await page.getByRole('heading', { level: 1, name: 'Gebied niet gevonden' }).waitFor();
    expect(await page.title()).toBe('Niet gevonden - Ketenzicht');
    await page.getByRole('link', { name: 'Naar de kaart van Nederland' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.getByRole('heading', { level: 1, name: 'Ketenzicht' }).waitFor();
    await page.close();
  });

  it('treats a malformed code and an unknown address alike', async () => {
    const page = await openPage(app, '/gemeente/onzin');
    await page.getByRole('heading', { level: 1, name: 'Gebied niet gevonden' }).waitFor();
    await page.goto(new URL('/bestaat/niet', app.url).href);
    await page.getByRole('heading', { level: 1, name: 'Pagina niet gevonden' }).waitFor();
    await page.getByRole('link', { name: 'Naar de kaart van Nederland' }).waitFor();
    await page.close();
  });
});

describe('layout', () => {
  it('has a Dutch document, a footer with the CBS attribution and links to the statement and the API', async () => {
    const page = await openPage(app, '/toegankelijkheid');
    await page.getByRole('heading', { level: 1, name: 'Toegankelijkheidsverklaring' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('nl');
    const footer = page.getByRole('contentinfo');
    expect(await footer.textContent()).toContain(
      'Bron: CBS (gebiedsindelingen, bevolking), CC BY 4.0; grenzen via PDOK',
    );
    expect(await footer.getByRole('link', { name: 'Toegankelijkheidsverklaring' }).getAttribute('href')).toBe(
      '/toegankelijkheid',
    );
    expect(await footer.getByRole('link', { name: 'API-documentatie' }).getAttribute('href')).toBe('/docs');
    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
    expect(await nav.getByRole('link', { name: 'Toegankelijkheid' }).getAttribute('aria-current')).toBe(
      'page',
    );
    await page.close();
  });
});
