// SPDX-License-Identifier: EUPL-1.2
import { createRootRoute, createRoute, createRouter } from '@tanstack/react-router';
import { AppLayout } from './layout/app-layout.tsx';
import { NETHERLANDS_CODE } from './lib/area-paths.ts';
import { parseAuditSearch } from './lib/audit-search.ts';
import { parseFollowUpsSearch, parseOutcomesSearch, parseRegisterSearch } from './lib/cases-search.ts';
import { parseCompareSearch } from './lib/compare-search.ts';
import { parseFiguresSearch, parseVersionsSearch } from './lib/figures.ts';
import { parseHomeSearch, parseIndicatorPageSearch } from './lib/home-search.ts';
import { parseProfileSearch } from './lib/profile-search.ts';
import { parseSignInSearch } from './lib/sign-in-search.ts';
import { AccessibilityPage } from './pages/accessibility-page.tsx';
import { AccountPage } from './pages/account-page.tsx';
import { AdminHomePage } from './pages/admin/admin-home-page.tsx';
import { AdminLayout } from './pages/admin/admin-parts.tsx';
import { AuditLogPage } from './pages/admin/audit-log-page.tsx';
import { OrganisationPage } from './pages/admin/organisation-page.tsx';
import { OrganisationsPage } from './pages/admin/organisations-page.tsx';
import { SettingsPage } from './pages/admin/settings-page.tsx';
import { UserPage } from './pages/admin/user-page.tsx';
import { UsersPage } from './pages/admin/users-page.tsx';
import { AreaPage } from './pages/area-page.tsx';
import { CaseImportPage } from './pages/cases/case-import-page.tsx';
import { FollowUpsPage } from './pages/cases/follow-ups-page.tsx';
import { HouseholdPage } from './pages/cases/household-page.tsx';
import { InterventionsPage } from './pages/cases/interventions-page.tsx';
import { OutcomesPage } from './pages/cases/outcomes-page.tsx';
import { CaseRegisterPage } from './pages/cases/register-page.tsx';
import { SchedulesPage } from './pages/cases/schedules-page.tsx';
import { ComparePage } from './pages/compare-page.tsx';
import { FiguresPage } from './pages/figures-page.tsx';
import { FigureVersionsPage } from './pages/figures-versions-page.tsx';
import { HomePage } from './pages/home-page.tsx';
import { ImportPage } from './pages/import-page.tsx';
import { IndicatorPage } from './pages/indicator-page.tsx';
import { IndicatorsPage } from './pages/indicators-page.tsx';
import { MergersPage } from './pages/mergers-page.tsx';
import { NotFoundPage } from './pages/not-found-page.tsx';
import { SetPasswordPage } from './pages/set-password-page.tsx';
import { SignInPage } from './pages/sign-in-page.tsx';

const rootRoute = createRootRoute({
  component: AppLayout,
  notFoundComponent: () => <NotFoundPage />,
});

const homeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  validateSearch: parseHomeSearch,
  component: function Home() {
    return <HomePage search={homeRoute.useSearch()} />;
  },
});

/** One indicator: definition, funnel plot, distribution and all areas (`/indicator/vt_meldingen?periode=…`). */
const indicatorRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/indicator/$code',
  validateSearch: parseIndicatorPageSearch,
  component: function IndicatorOverview() {
    const { code } = indicatorRoute.useParams();
    return <IndicatorPage key={code} code={code} search={indicatorRoute.useSearch()} />;
  },
});

const gemeenteRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/gemeente/$code',
  validateSearch: parseProfileSearch,
  component: function Gemeente() {
    const { code } = gemeenteRoute.useParams();
    return <AreaPage level="gemeente" code={code} search={gemeenteRoute.useSearch()} />;
  },
});

const regionRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/veiligthuisregio/$code',
  validateSearch: parseProfileSearch,
  component: function Region() {
    const { code } = regionRoute.useParams();
    return <AreaPage level="veiligthuisregio" code={code} search={regionRoute.useSearch()} />;
  },
});

const provinceRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/provincie/$code',
  validateSearch: parseProfileSearch,
  component: function Province() {
    const { code } = provinceRoute.useParams();
    return <AreaPage level="provincie" code={code} search={provinceRoute.useSearch()} />;
  },
});

const netherlandsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/nederland',
  validateSearch: parseProfileSearch,
  component: function Netherlands() {
    return <AreaPage level="land" code={NETHERLANDS_CODE} search={netherlandsRoute.useSearch()} />;
  },
});

/** Two to five areas side by side over time. */
const compareRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/vergelijken',
  validateSearch: parseCompareSearch,
  component: function Compare() {
    return <ComparePage search={compareRoute.useSearch()} />;
  },
});

const mergersRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/herindelingen',
  component: MergersPage,
});

/** Cijfers importeren: beheerders and aanleveranciers (the page explains it to anyone else). */
const importRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/importeren',
  component: ImportPage,
});

// ---- Case register (effect measurement): outcomes and interventions are aggregates; the rest is case level ----

const outcomesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/uitkomsten',
  validateSearch: parseOutcomesSearch,
  component: function Outcomes() {
    return <OutcomesPage search={outcomesRoute.useSearch()} />;
  },
});

const interventionsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/interventies',
  component: InterventionsPage,
});

const caseRegisterRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/casussen',
  validateSearch: parseRegisterSearch,
  component: function CaseRegister() {
    return <CaseRegisterPage search={caseRegisterRoute.useSearch()} />;
  },
});

const householdRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/casussen/huishouden/$pseudonym',
  component: function Household() {
    return <HouseholdPage pseudonym={householdRoute.useParams().pseudonym} />;
  },
});

const followUpsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/vervolgmetingen',
  validateSearch: parseFollowUpsSearch,
  component: function FollowUps() {
    return <FollowUpsPage search={followUpsRoute.useSearch()} />;
  },
});

const schedulesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/vervolgmetingen/schema',
  component: SchedulesPage,
});

const caseImportRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/casussen/aanleveren',
  component: CaseImportPage,
});

// ---- Figures: the indicator catalogue, figures by area and period, and the versions of one figure ----

const indicatorsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/indicatoren',
  component: IndicatorsPage,
});

const figuresRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/cijfers',
  validateSearch: parseFiguresSearch,
  component: function Figures() {
    return <FiguresPage search={figuresRoute.useSearch()} />;
  },
});

const figureVersionsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/cijfers/versies',
  validateSearch: parseVersionsSearch,
  component: function FigureVersions() {
    return <FigureVersionsPage search={figureVersionsRoute.useSearch()} />;
  },
});

const accessibilityRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/toegankelijkheid',
  component: AccessibilityPage,
});

// ---- Access: sign-in, own account, administration ----

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/inloggen',
  validateSearch: parseSignInSearch,
  component: function SignIn() {
    return <SignInPage search={signInRoute.useSearch()} />;
  },
});

const setPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/wachtwoord-instellen',
  component: SetPasswordPage,
});

const accountRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/account',
  component: AccountPage,
});

/** /beheer and below: the layout lets only beheerders through. */
const adminRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/beheer',
  component: AdminLayout,
});

const adminHomeRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/',
  component: AdminHomePage,
});

const organisationsRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: 'organisaties',
  component: OrganisationsPage,
});

const organisationRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: 'organisaties/$id',
  component: function Organisation() {
    const { id } = organisationRoute.useParams();
    return <OrganisationPage key={id} id={id} />;
  },
});

const usersRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: 'gebruikers',
  component: UsersPage,
});

const userRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: 'gebruikers/$id',
  component: function User() {
    const { id } = userRoute.useParams();
    return <UserPage key={id} id={id} />;
  },
});

const auditRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: 'auditlog',
  validateSearch: parseAuditSearch,
  component: function AuditLog() {
    return <AuditLogPage search={auditRoute.useSearch()} />;
  },
});

const settingsRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: 'instellingen',
  component: SettingsPage,
});

const routeTree = rootRoute.addChildren([
  homeRoute,
  gemeenteRoute,
  regionRoute,
  provinceRoute,
  netherlandsRoute,
  compareRoute,
  mergersRoute,
  indicatorsRoute,
  indicatorRoute,
  figuresRoute,
  figureVersionsRoute,
  importRoute,
  outcomesRoute,
  interventionsRoute,
  caseRegisterRoute,
  householdRoute,
  followUpsRoute,
  schedulesRoute,
  caseImportRoute,
  accessibilityRoute,
  signInRoute,
  setPasswordRoute,
  accountRoute,
  adminRoute.addChildren([
    adminHomeRoute,
    organisationsRoute,
    organisationRoute,
    usersRoute,
    userRoute,
    auditRoute,
    settingsRoute,
  ]),
]);

export function createAppRouter() {
  return createRouter({
    routeTree,
    defaultPreload: 'intent',
    scrollRestoration: true,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
