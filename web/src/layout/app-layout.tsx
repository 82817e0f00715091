// SPDX-License-Identifier: EUPL-1.2
import { Outlet } from '@tanstack/react-router';
import { PageFooter, PageHeader, SkipLink } from '@utrecht/component-library-react';
import { useRef } from 'react';
import { AppLink } from '../components/app-link.tsx';
import { useSession } from '../components/session.tsx';
import { caseTeamOptions } from '../lib/case-pages.ts';
import { ImportNavItem } from '../pages/import-page.tsx';
import { texts } from '../texts.ts';
import { useFocusOnNavigation } from './use-focus-on-navigation.ts';

const t = texts.layout;
const MAIN_ID = 'main';

export function AppLayout() {
  const mainRef = useRef<HTMLElement>(null);
  useFocusOnNavigation(mainRef);

  return (
    <div className="utrecht-document ks-app">
      <SkipLink href={`#${MAIN_ID}`}>{t.skipLink}</SkipLink>
      <PageHeader className="ks-header">
        <div className="ks-header__content">
          <div className="ks-brand">
            <AppLink to="/" className="ks-brand__name">
              {texts.productName}
            </AppLink>
            <span className="ks-brand__tagline">{t.tagline}</span>
          </div>
          <nav aria-label={t.navLabel} className="ks-nav">
            <ul className="ks-nav__list">
              <li>
                <AppLink to="/" activeOptions={{ exact: true, includeSearch: false }}>
                  {t.navHome}
                </AppLink>
              </li>
              <li>
                <AppLink to="/nederland">{t.navNetherlands}</AppLink>
              </li>
              <li>
                <AppLink to="/vergelijken" activeOptions={{ includeSearch: false }}>
                  {t.navCompare}
                </AppLink>
              </li>
              <li>
                <AppLink
                  to="/uitkomsten"
                  search={{ maat: 'gestopt_12m', per: 'interventie' }}
                  activeOptions={{ includeSearch: false }}
                >
                  {t.navOutcomes}
                </AppLink>
              </li>
              <li>
                <AppLink to="/cijfers" activeOptions={{ includeSearch: false }}>
                  {t.navFigures}
                </AppLink>
              </li>
              <li>
                <AppLink to="/indicatoren">{t.navIndicators}</AppLink>
              </li>
              <li>
                <AppLink to="/interventies">{t.navInterventions}</AppLink>
              </li>
              <li>
                <AppLink to="/herindelingen">{t.navMergers}</AppLink>
              </li>
              <ImportNavItem />
              <CaseNavItems />
              <li>
                <AppLink to="/toegankelijkheid">{t.navAccessibility}</AppLink>
              </li>
            </ul>
          </nav>
          <AccountNav />
        </div>
      </PageHeader>
      <main id={MAIN_ID} ref={mainRef} tabIndex={-1} className="ks-main">
        <Outlet />
      </main>
      <PageFooter className="ks-footer">
        <div className="ks-footer__content">
          <p className="utrecht-paragraph">{t.attribution}</p>
          <ul className="ks-footer__links">
            <li>
              <AppLink to="/toegankelijkheid">{t.footerAccessibility}</AppLink>
            </li>
            <li>
              {/* The API documentation is served by the server, not by this app: a plain link. */}
              <a className="utrecht-link utrecht-link--html-a" href="/docs">
                {t.footerApi}
              </a>
            </li>
          </ul>
          <p className="utrecht-paragraph">{t.footerLicence}</p>
        </div>
      </PageFooter>
    </div>
  );
}

/** Signed out: "Inloggen". Signed in: the user's name, to the own account, and "Beheer" for a beheerder. */
function AccountNav() {
  const session = useSession();
  // Until the session is known, show nothing rather than a link that may be wrong.
  if (!session.data) return null;
  const user = session.data.user;
  return (
    <nav aria-label={t.accountNavLabel} className="ks-nav ks-account-nav">
      <ul className="ks-nav__list">
        {user ? (
          <>
            <li>
              <AppLink to="/account">
                <span className="ks-visually-hidden">{t.accountLinkPrefix}</span>
                {user.displayName}
              </AppLink>
            </li>
            {user.isAdmin && (
              <li>
                <AppLink to="/beheer">{t.admin}</AppLink>
              </li>
            )}
          </>
        ) : (
          <li>
            <AppLink to="/inloggen">{t.signIn}</AppLink>
          </li>
        )}
      </ul>
    </nav>
  );
}

/** Case-level pages, only for those who may read cases: casusregie or aanleverancier of an organisation. */
function CaseNavItems() {
  const user = useSession().data?.user;
  if (caseTeamOptions(user).length === 0) return null;
  return (
    <>
      <li>
        <AppLink to="/casussen" search={{ pagina: 1 }} activeOptions={{ includeSearch: false }}>
          {t.navCases}
        </AppLink>
      </li>
      <li>
        <AppLink to="/vervolgmetingen" search={{}} activeOptions={{ includeSearch: false }}>
          {t.navFollowUps}
        </AppLink>
      </li>
    </>
  );
}
