// SPDX-License-Identifier: EUPL-1.2
import { createRootRoute, createRoute, createRouter } from '@tanstack/react-router';
import { AppLayout } from './layout/app-layout.tsx';
import { NETHERLANDS_CODE } from './lib/area-paths.ts';
import { parseHomeSearch } from './lib/home-search.ts';
import { AccessibilityPage } from './pages/accessibility-page.tsx';
import { AreaPage } from './pages/area-page.tsx';
import { HomePage } from './pages/home-page.tsx';
import { MergersPage } from './pages/mergers-page.tsx';
import { NotFoundPage } from './pages/not-found-page.tsx';

const rootRoute = createRootRoute({
  component: AppLayout,
  notFoundComponent: () => <NotFoundPage />,
});

const homeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  validateSearch: parseHomeSearch,
  component: function Home() {
    const { niveau } = homeRoute.useSearch();
    return <HomePage level={niveau ?? 'gemeente'} />;
  },
});

const gemeenteRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/gemeente/$code',
  component: function Gemeente() {
    const { code } = gemeenteRoute.useParams();
    return <AreaPage level="gemeente" code={code} />;
  },
});

const regionRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/veiligthuisregio/$code',
  component: function Region() {
    const { code } = regionRoute.useParams();
    return <AreaPage level="veiligthuisregio" code={code} />;
  },
});

const provinceRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/provincie/$code',
  component: function Province() {
    const { code } = provinceRoute.useParams();
    return <AreaPage level="provincie" code={code} />;
  },
});

const netherlandsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/nederland',
  component: () => <AreaPage level="land" code={NETHERLANDS_CODE} />,
});

const mergersRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/herindelingen',
  component: MergersPage,
});

const accessibilityRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/toegankelijkheid',
  component: AccessibilityPage,
});

const routeTree = rootRoute.addChildren([
  homeRoute,
  gemeenteRoute,
  regionRoute,
  provinceRoute,
  netherlandsRoute,
  mergersRoute,
  accessibilityRoute,
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
