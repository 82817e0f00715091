// SPDX-License-Identifier: EUPL-1.2
/**
 * The access pages in a real browser: sign-in (with its errors), the own account, the administration of
 * organisations and users with the one-time link, setting a password through that link in another browser,
 * "geen toegang" for a lezer, signing out, and the audit log with its filters. axe checks every page on the way.
 *
 * The tests in this file build on each other (one database, one story), in the order they are written.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGN_IN_FAILED_MESSAGE } from '../../src/server/modules/access/access.domain.ts';
import { type AccessFixture, seedAccessFixture, TEST_PASSWORD } from '../support/accounts.ts';
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
/** The beheerder's tab, signed in once and reused from test to test. */
let admin: Page;

const NEW_USER = { email: 'nieuw@fryslan.example', name: 'Nieuwe Collega' };
const NEW_PASSWORD = 'een lange zin als wachtwoord';
const NEW_ORGANISATION = 'Veilig Thuis Fryslân';

beforeAll(async () => {
  // Accounts are seeded only after the first test has seen the installation without a beheerder.
  app = await startBrowserTest();
});

afterAll(async () => {
  await app?.close();
});

/** The element that has focus: its class list, to tell the error summary from a field. */
function focusedClasses(page: Page) {
  return page.evaluate(() => document.activeElement?.className ?? '');
}

const signIn = submitSignIn;

describe('a new installation', () => {
  it('explains on the home page how the first beheerder is made', async () => {
    const page = await openPage(app, '/');
    const notice = page.getByRole('note').filter({ hasText: 'Nog geen beheerder' });
    await notice.waitFor();
    expect(await notice.textContent()).toContain('npx ketenzicht admin create --email naam@organisatie.nl');
    expect(await notice.textContent()).toContain('eenmalige link');
    // Signed out: the header offers sign-in.
    const accountNav = page.getByRole('navigation', { name: 'Account' });
    expect(await accountNav.getByRole('link', { name: 'Inloggen' }).getAttribute('href')).toBe('/inloggen');
    expectCleanPage(page);
    await page.close();
    fixture = await seedAccessFixture(app.database.db);
  });
});

describe('signing in', () => {
  it('shows the messages of a failed sign-in with the organisation', async () => {
    const page = await openPage(app, '/inloggen?fout=geen-toegang');
    await page.getByText('u hebt nog geen toegang tot Ketenzicht', { exact: false }).waitFor();
    // Without OIDC configured there is no button for it.
    expect(await page.getByRole('link', { name: /organisatie/i }).count()).toBe(0);
    await page.goto(new URL('/inloggen?fout=mislukt', app.url).href);
    await page.getByText('Inloggen via uw organisatie is niet gelukt.', { exact: false }).waitFor();
    expectCleanPage(page);
    await page.close();
  });

  it('lists what is missing, links each error to its field, and refuses a wrong password', async () => {
    const page = await openPage(app, '/inloggen');
    expect(await page.title()).toBe('Inloggen - Ketenzicht');
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    expect(await page.getByLabel('E-mailadres').getAttribute('autocomplete')).toBe('username');
    expect(await page.getByLabel('Wachtwoord', { exact: true }).getAttribute('autocomplete')).toBe(
      'current-password',
    );

    await page.getByRole('button', { name: 'Inloggen' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Er is een probleem' });
    await summary.waitFor();
    expect(await focusedClasses(page)).toContain('ks-error-summary');
    expect(await summary.getByRole('link').allTextContents()).toEqual([
      'Vul uw e-mailadres in.',
      'Vul uw wachtwoord in.',
    ]);
    // The message also stands at the field, which refers to it.
    const email = page.getByLabel('E-mailadres');
    expect(await email.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await email.getAttribute('aria-describedby')) ?? '';
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toBe('Fout: Vul uw e-mailadres in.');
    await summary.getByRole('link', { name: 'Vul uw wachtwoord in.' }).click();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('password');
    expect(new URL(page.url()).hash).toBe('');
    await expectNoAxeViolations(page);

    await signIn(page, fixture.emailOf.beheerder, 'dit is niet het wachtwoord');
    await summary.getByText(SIGN_IN_FAILED_MESSAGE).waitFor();
    expect(await focusedClasses(page)).toContain('ks-error-summary');
    expect(await page.getByLabel('Wachtwoord', { exact: true }).inputValue()).toBe('');
    expect(new URL(page.url()).pathname).toBe('/inloggen');
    expectCleanPage(page);
    await page.close();
  });

  it('takes a beheerder to the own account page, with name, memberships and the header links', async () => {
    admin = await openPage(app, '/inloggen');
    await signIn(admin, fixture.emailOf.beheerder, TEST_PASSWORD);
    await admin.waitForURL(/\/account$/);
    await admin.getByRole('heading', { level: 1, name: 'Mijn account' }).waitFor();
    expect(await admin.title()).toBe('Mijn account - Ketenzicht');
    const main = admin.getByRole('main');
    expect(await main.textContent()).toContain('Test beheerder');
    expect(await main.textContent()).toContain(fixture.emailOf.beheerder);
    const row = admin.getByRole('table', { name: 'Uw organisaties en uw rol daarin' }).getByRole('row', {
      name: /Gemeente Amsterdam/,
    });
    expect(await row.getByRole('cell').allTextContents()).toEqual(['Gemeente', 'Beheerder']);
    const accountNav = admin.getByRole('navigation', { name: 'Account' });
    expect(await accountNav.getByRole('link', { name: 'Mijn account: Test beheerder' }).count()).toBe(1);
    expect(await accountNav.getByRole('link', { name: 'Beheer', exact: true }).getAttribute('href')).toBe(
      '/beheer',
    );
    expect(await accountNav.getByRole('link', { name: 'Inloggen' }).count()).toBe(0);
    await expectNoAxeViolations(admin);
    expectCleanPage(admin);
  });
});

describe('administration', () => {
  it('adds an organisation with its Veilig Thuis-regio', async () => {
    await admin
      .getByRole('navigation', { name: 'Account' })
      .getByRole('link', { name: 'Beheer', exact: true })
      .click();
    await admin.getByRole('heading', { level: 1, name: 'Beheer' }).waitFor();
    await expectNoAxeViolations(admin);
    await admin.getByRole('link', { name: 'Organisaties' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Organisaties' }).waitFor();
    await admin.getByRole('table', { name: '2 organisaties' }).waitFor();

    const form = admin.getByRole('region', { name: 'Organisatie toevoegen' });
    await form.getByLabel('Soort organisatie').selectOption({ label: 'Veilig Thuis-organisatie' });
    await form.getByLabel('Naam').fill(NEW_ORGANISATION);
    await form.getByRole('button', { name: 'Organisatie toevoegen' }).click();
    // The region is required for this kind.
    const summary = form.getByRole('alert').filter({ hasText: 'Er is een probleem' });
    await summary.getByText('Kies de Veilig Thuis-regio van deze organisatie.').waitFor();
    expect(await focusedClasses(admin)).toContain('ks-error-summary');
    await expectNoAxeViolations(admin);

    const region = form.getByLabel('Veilig Thuis-regio');
    await region.locator('option', { hasText: 'Friesland (VT04)' }).waitFor({ state: 'attached' });
    await region.selectOption('VT04');
    await form.getByRole('button', { name: 'Organisatie toevoegen' }).click();
    await form.getByRole('status').getByText(`Organisatie “${NEW_ORGANISATION}” is toegevoegd.`).waitFor();
    expect(await summary.count()).toBe(0);
    const row = admin.getByRole('table', { name: '3 organisaties' }).getByRole('row', { name: /Fryslân/ });
    expect(await row.getByRole('cell').allTextContents()).toEqual([
      'Veilig Thuis-organisatie',
      'Friesland (VT04)',
      'Nee',
      '0',
    ]);

    await row.getByRole('link', { name: NEW_ORGANISATION }).click();
    await admin.getByRole('heading', { level: 1, name: NEW_ORGANISATION }).waitFor();
    await admin.getByText('Deze organisatie heeft nog geen leden.').waitFor();
    await expectNoAxeViolations(admin);
    expectCleanPage(admin);
  });

  let passwordLink: string;

  it('adds a user and shows the one-time link once, with its expiry', async () => {
    await admin
      .getByRole('navigation', { name: 'Kruimelpad' })
      .getByRole('link', { name: 'Beheer', exact: true })
      .click();
    await admin.getByRole('link', { name: 'Gebruikers' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Gebruikers' }).waitFor();
    await admin.getByRole('table', { name: '6 gebruikers' }).waitFor();

    const form = admin.getByRole('region', { name: 'Gebruiker toevoegen' });
    await form.getByLabel('E-mailadres').fill(NEW_USER.email);
    await form.getByLabel('Naam').fill(NEW_USER.name);
    const organisation = form.getByLabel('Organisatie (niet verplicht)');
    await organisation.locator('option', { hasText: NEW_ORGANISATION }).waitFor({ state: 'attached' });
    await organisation.selectOption({ label: NEW_ORGANISATION });
    await form.getByLabel('Rol (niet verplicht)').selectOption({ label: 'Lezer' });
    await form.getByRole('button', { name: 'Gebruiker toevoegen' }).click();

    const panel = admin.getByRole('region', { name: `Eenmalige link voor ${NEW_USER.name}` });
    await panel.waitFor();
    expect(await admin.evaluate(() => document.activeElement?.textContent)).toBe(
      `Eenmalige link voor ${NEW_USER.name}`,
    );
    const linkField = panel.getByLabel('Link om een wachtwoord in te stellen');
    passwordLink = await linkField.inputValue();
    expect(passwordLink).toMatch(/\/wachtwoord-instellen#token=[\w-]{43}$/);
    expect(await linkField.getAttribute('readonly')).not.toBeNull();
    const panelText = (await panel.textContent()) ?? '';
    expect(panelText).toMatch(/Geldig tot \d{1,2} \w+ \d{4} om \d{2}:\d{2}:\d{2}\./);
    expect(panelText).toContain('De link werkt één keer en is 72 uur geldig.');
    await panel.getByRole('button', { name: 'Kopieer link' }).waitFor();
    const row = admin
      .getByRole('table', { name: '7 gebruikers' })
      .getByRole('row', { name: /Nieuwe Collega/ });
    expect(await row.getByRole('cell').allTextContents()).toEqual([
      NEW_USER.email,
      `${NEW_ORGANISATION}: Lezer`,
      'Nog geen wachtwoord ingesteld',
      'Actief',
    ]);
    await expectNoAxeViolations(admin);

    await row.getByRole('link', { name: NEW_USER.name }).click();
    await admin.getByRole('heading', { level: 1, name: NEW_USER.name }).waitFor();
    await admin.getByRole('table', { name: `Lidmaatschappen van ${NEW_USER.name}` }).waitFor();
    await admin
      .getByLabel('Organisatie', { exact: true })
      .locator('option')
      .nth(1)
      .waitFor({ state: 'attached' });
    await expectNoAxeViolations(admin);
    expectCleanPage(admin);
  });

  it('lets the new user set a password with the link in another browser, then sign in', async () => {
    const context = await app.browser.newContext({ locale: 'nl-NL' });
    const other: BrowserTestContext = { ...app, context };
    try {
      // The server builds the link from its public URL; the test server listens elsewhere.
      const { pathname, hash } = new URL(passwordLink);
      const page = await openPage(other, `${pathname}${hash}`);
      await page.getByRole('heading', { level: 1, name: 'Wachtwoord instellen' }).waitFor();
      // The rule is told before typing, with the field.
      expect(await page.getByText('Gebruik minstens 12 tekens.', { exact: false }).count()).toBe(1);

      await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill('te kort');
      await page.getByLabel('Herhaal het nieuwe wachtwoord').fill('iets anders');
      await page.getByRole('button', { name: 'Wachtwoord instellen' }).click();
      const summary = page.getByRole('alert').filter({ hasText: 'Er is een probleem' });
      expect(await summary.getByRole('link').allTextContents()).toEqual([
        'Het wachtwoord is te kort: gebruik minstens 12 tekens.',
        'De twee wachtwoorden zijn niet gelijk. Typ twee keer hetzelfde wachtwoord.',
      ]);
      expect(await focusedClasses(page)).toContain('ks-error-summary');
      await expectNoAxeViolations(page);

      await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill(NEW_PASSWORD);
      await page.getByLabel('Herhaal het nieuwe wachtwoord').fill(NEW_PASSWORD);
      await page.getByRole('button', { name: 'Wachtwoord instellen' }).click();
      await page.getByRole('heading', { name: 'Uw wachtwoord is ingesteld' }).waitFor();
      expect(await page.getByRole('main').textContent()).toContain(
        `U kunt nu inloggen met ${NEW_USER.email} en uw nieuwe wachtwoord.`,
      );

      // The link works once. (A reload: going to the same address with a fragment would not load the page.)
      await page.reload();
      await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill(NEW_PASSWORD);
      await page.getByLabel('Herhaal het nieuwe wachtwoord').fill(NEW_PASSWORD);
      await page.getByRole('button', { name: 'Wachtwoord instellen' }).click();
      await page.getByText('Deze link is ongeldig, al gebruikt of verlopen.', { exact: false }).waitFor();

      // Not signed in: the administration sends the visitor to sign in, and back after.
      await page.goto(new URL('/beheer', app.url).href);
      await page.waitForURL(
        (url) => url.pathname === '/inloggen' && url.searchParams.get('terug') === '/beheer',
      );
      await signIn(page, NEW_USER.email, NEW_PASSWORD);

      // A lezer is no beheerder.
      await page.getByRole('heading', { level: 1, name: 'Geen toegang' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/beheer');
      expect(await page.getByRole('main').textContent()).toContain('alleen voor beheerders');
      const accountNav = page.getByRole('navigation', { name: 'Account' });
      expect(await accountNav.getByRole('link', { name: 'Beheer', exact: true }).count()).toBe(0);
      await expectNoAxeViolations(page);

      await page.getByRole('link', { name: 'Naar mijn account' }).click();
      await page.getByRole('heading', { level: 1, name: 'Mijn account' }).waitFor();
      expect(await page.getByRole('main').textContent()).toContain(NEW_USER.name);
      const row = page.getByRole('row', { name: new RegExp(NEW_ORGANISATION) });
      expect(await row.getByRole('cell').allTextContents()).toEqual(['Veilig Thuis-organisatie', 'Lezer']);

      // Signing out ends the session: the account page then asks to sign in again.
      await page.getByRole('button', { name: 'Afmelden', exact: true }).click();
      await page.waitForURL(/\/inloggen\?afgemeld=ja$/);
      await page.getByText('U bent afgemeld.').waitFor();
      await accountNav.getByRole('link', { name: 'Inloggen' }).waitFor();
      await page.goto(new URL('/account', app.url).href);
      await page.waitForURL(
        (url) => url.pathname === '/inloggen' && url.searchParams.get('terug') === '/account',
      );
      expectCleanPage(page);
    } finally {
      await context.close();
    }
  });

  it('changes the role and memberships of a user, disables and enables the account, and makes a new link', async () => {
    // Still on the new user's page: load it again, now that the user has a password.
    await admin.reload();
    await admin.getByRole('heading', { level: 1, name: NEW_USER.name }).waitFor();
    expect(await admin.getByRole('main').textContent()).toContain('Met wachtwoord');

    await admin.getByLabel(`Rol bij ${NEW_ORGANISATION}`).selectOption({ label: 'Beleidsmedewerker' });
    await admin.getByRole('button', { name: `Rol wijzigen bij ${NEW_ORGANISATION}` }).click();
    await admin.getByText(`De rol bij ${NEW_ORGANISATION} is nu Beleidsmedewerker.`).waitFor();

    const add = admin.getByRole('button', { name: 'Lidmaatschap toevoegen' });
    await admin.getByLabel('Organisatie', { exact: true }).selectOption({ label: fixture.other.name });
    await admin.getByLabel('Rol', { exact: true }).selectOption({ label: 'Lezer' });
    await add.click();
    await admin.getByText(`De gebruiker is nu lid van ${fixture.other.name} met de rol Lezer.`).waitFor();
    const memberships = admin.getByRole('table', { name: `Lidmaatschappen van ${NEW_USER.name}` });
    expect(await memberships.locator('tbody th').allTextContents()).toEqual([
      fixture.other.name,
      NEW_ORGANISATION,
    ]);
    await admin.getByRole('button', { name: `Verwijderen bij ${fixture.other.name}` }).click();
    await admin.getByText(`De gebruiker is geen lid meer van ${fixture.other.name}.`).waitFor();
    expect(await memberships.locator('tbody th').allTextContents()).toEqual([NEW_ORGANISATION]);

    await admin.getByRole('button', { name: 'Account uitschakelen' }).click();
    await admin.getByText('Het account is uitgeschakeld.').waitFor();
    expect(await admin.getByRole('main').textContent()).toContain('Uitgeschakeld');
    await admin.getByRole('button', { name: 'Account inschakelen' }).click();
    await admin.getByText('Het account is weer ingeschakeld.').waitFor();

    await admin.getByRole('button', { name: 'Nieuwe wachtwoordlink' }).click();
    const panel = admin.getByRole('region', { name: `Eenmalige link voor ${NEW_USER.name}` });
    const link = await panel.getByLabel('Link om een wachtwoord in te stellen').inputValue();
    expect(link).toMatch(/\/wachtwoord-instellen#token=[\w-]{43}$/);
    expect(link).not.toBe(passwordLink);
    expectCleanPage(admin);
  });

  it('lists the sign-ins in the audit log and filters them by action and result', async () => {
    await admin.goto(new URL('/beheer/auditlog', app.url).href);
    await admin.getByRole('heading', { level: 1, name: 'Auditlog' }).waitFor();
    await admin.getByRole('table', { name: /^Regel 1 tot en met \d+ van \d+, de nieuwste eerst$/ }).waitFor();

    await admin.getByLabel('Actie').selectOption({ label: 'Inloggen' });
    await admin.getByRole('button', { name: 'Zoeken' }).click();
    await admin.waitForURL((url) => url.searchParams.get('actie') === 'auth.sign_in');
    const filtered = admin.getByRole('table', { name: 'Regel 1 tot en met 3 van 3, de nieuwste eerst' });
    await filtered.waitFor();
    const rows = filtered.locator('tbody tr');
    expect(await rows.locator('th').allTextContents()).toEqual(['Inloggen', 'Inloggen', 'Inloggen']);
    // Newest first: the new user, the beheerder, the beheerder's wrong password.
    const actors = await rows.locator('td:nth-of-type(4)').allTextContents();
    expect(actors).toEqual([NEW_USER.email, fixture.emailOf.beheerder, 'anoniem']);
    expect(await rows.locator('td:nth-of-type(2)').allTextContents()).toEqual([
      'Gelukt',
      'Gelukt',
      'Mislukt',
    ]);
    expect(await rows.last().locator('td').last().textContent()).toContain('reason: wrong_password');
    expect(await rows.first().locator('td').first().textContent()).toMatch(
      /^\d{1,2} \w+ \d{4} om \d{2}:\d{2}:\d{2}$/,
    );
    await admin.getByRole('status').getByText('3 regels gevonden.').waitFor();
    expect(await admin.getByRole('link', { name: 'Exporteer als CSV' }).getAttribute('href')).toBe(
      '/api/audit/export?action=auth.sign_in',
    );

    // The filters live in the URL: a reload keeps them, and the form shows them.
    await admin.getByLabel('Resultaat').selectOption({ label: 'Mislukt' });
    await admin.getByRole('button', { name: 'Zoeken' }).click();
    await admin.getByRole('table', { name: 'Regel 1 tot en met 1 van 1, de nieuwste eerst' }).waitFor();
    await admin.reload();
    await admin.getByRole('table', { name: 'Regel 1 tot en met 1 van 1, de nieuwste eerst' }).waitFor();
    expect(await admin.getByLabel('Actie').inputValue()).toBe('auth.sign_in');
    expect(await admin.getByLabel('Resultaat').inputValue()).toBe('failure');
    expect(await admin.getByRole('link', { name: 'Exporteer als CSV' }).getAttribute('href')).toBe(
      '/api/audit/export?action=auth.sign_in&result=failure',
    );
    await expectNoAxeViolations(admin);
    expectCleanPage(admin);
  });

  it('saves the settings', async () => {
    await admin.goto(new URL('/beheer/instellingen', app.url).href);
    const checkbox = admin.getByLabel('Gepubliceerde cijfers zijn openbaar (zonder inloggen)');
    await checkbox.waitFor();
    expect(await checkbox.isChecked()).toBe(true);
    await expectNoAxeViolations(admin);
    await admin.getByRole('button', { name: 'Instellingen opslaan' }).click();
    await admin.getByRole('status').getByText('De instellingen zijn opgeslagen.').waitFor();
    expectCleanPage(admin);
  });

  it('signs the beheerder out everywhere', async () => {
    await admin.getByRole('link', { name: 'Mijn account: Test beheerder' }).click();
    await admin.getByRole('button', { name: 'Overal afmelden' }).click();
    await admin.getByText('U bent op alle apparaten afgemeld (1 sessie beëindigd).').waitFor();
    await admin
      .getByRole('navigation', { name: 'Account' })
      .getByRole('link', { name: 'Inloggen' })
      .waitFor();
    expectCleanPage(admin);
    await admin.close();
  });
});
