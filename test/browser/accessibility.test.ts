// SPDX-License-Identifier: EUPL-1.2
/** axe-core (WCAG 2.1 A and AA) reports no violations on any page. */
import { afterAll, beforeAll, describe, it } from 'vitest';
import {
  type BrowserTestContext,
  expectCleanPage,
  expectNoAxeViolations,
  openPage,
  startBrowserTest,
} from './browser.ts';

let app: BrowserTestContext;

beforeAll(async () => {
  app = await startBrowserTest();
});

afterAll(async () => {
  await app?.close();
});

/** Each page, with the heading that shows it has finished loading. */
const pages: [path: string, ready: string][] = [
  ['/?niveau=veiligthuisregio', 'Inwoners per Veilig Thuis-regio op 1 januari 2026'],
  ['/?niveau=provincie', 'Inwoners per provincie op 1 januari 2026'],
  ['/gemeente/GM0363', 'Inwoners per peildatum'],
  ['/gemeente/GM0457', 'Herindeling'],
  ['/gemeente/GM1992', 'Ontstaan uit'],
  ['/herindelingen', 'Alle 56 herindelingen van 2019 tot en met 2023, de nieuwste eerst'],
  ['/veiligthuisregio/VT04', 'Gemeenten in Friesland'],
  ['/provincie/PV27', 'Gemeenten in Noord-Holland'],
  ['/nederland', 'Gemeenten in Nederland'],
  ['/toegankelijkheid', 'Toegankelijkheidsverklaring'],
  ['/gemeente/GM9999', 'Gebied niet gevonden'],
  ['/bestaat/niet', 'Pagina niet gevonden'],
  // The access pages a visitor sees without signing in; access-pages.test.ts checks those behind sign-in.
  ['/inloggen', 'Log in met het e-mailadres en het wachtwoord van uw Ketenzicht-account.'],
  [
    '/inloggen?fout=mislukt',
    'Inloggen via uw organisatie is niet gelukt. Probeer het opnieuw, of log in met uw e-mailadres en wachtwoord.',
  ],
  [
    '/wachtwoord-instellen',
    'Deze link is niet compleet. Open de volledige link die u van de beheerder kreeg, of vraag de beheerder om een nieuwe link.',
  ],
  // Not signed in: sent to /inloggen?terug=/beheer.
  ['/beheer', 'Log in met het e-mailadres en het wachtwoord van uw Ketenzicht-account.'],
];

describe('axe WCAG 2.1 AA', () => {
  it.each(pages)('%s has no violations', async (path, ready) => {
    const page = await openPage(app, path);
    // A table caption or a heading: both appear only once the page's data has loaded.
    await page.getByText(ready, { exact: true }).first().waitFor();
    await expectNoAxeViolations(page);
    expectCleanPage(page);
    await page.close();
  });

  it('/ has no violations, also with a map area focused and its tooltip showing', async () => {
    const page = await openPage(app, '/');
    await page.getByText('Inwoners per gemeente op 1 januari 2026', { exact: true }).waitFor();
    await page.getByRole('link', { name: /^Amsterdam: / }).focus();
    await page.locator('.ks-map__tooltip').waitFor();
    await expectNoAxeViolations(page);
    expectCleanPage(page);
    await page.close();
  });
});
