/**
 * The authorization matrix: every API route × every role (and no session) × own / other organisation → the
 * expected allow or deny. The expectations are written out here, independently of the rules the routes declare;
 * a route without an entry fails the suite, so no route can be added without deciding who may call it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessions } from '../src/server/db/schema/index.ts';
import { createUser, newToken, tokenHash } from '../src/server/modules/access/access.service.ts';
import { ROLES, type Role } from '../src/shared/access.ts';
import {
  type AccessFixture,
  CLI_CONTEXT,
  requestAs,
  seedAccessFixture,
  TEST_PASSWORD,
  type TestSession,
} from './support/accounts.ts';
import { createTestApp, type TestApp } from './support/app.ts';
import { TEST_ENGINES } from './support/database.ts';

type Caller = Role | 'anonymous';
type Scope = 'own' | 'other';
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
/**
 * Who is allowed: everyone; anyone signed in; beheerder only; the caller's own object (or a beheerder); those who
 * deliver figures (beheerder or aanleverancier); nobody (case-level reads, which need a Veilig Thuis or local team
 * membership that the fixture does not have); a beheerder or the regiocoördinator of the region.
 */
type Expectation =
  | 'everyone'
  | 'signedIn'
  | 'admin'
  | 'ownOrAdmin'
  | 'supplier'
  | 'nobody'
  | 'regionCoordinator';

type Targets = AccessFixture & {
  userOf: Record<Scope, string>;
  caller: Caller;
  callerId: string | undefined;
};
type Case = {
  expect: Expectation;
  /** The request: URL with the own or the other organisation's (or user's) object. */
  request(scope: Scope, targets: Targets): { url: string; payload?: unknown };
};

const none = (url: string) => () => ({ url });
const ownOrOtherOrganisation = (path: string) => (scope: Scope, targets: Targets) => ({
  url: path.replace(':id', String(scope === 'own' ? targets.own.id : targets.other.id)),
});

const MATRIX: Record<string, Case> = {
  'GET /api/health': { expect: 'everyone', request: none('/api/health') },
  'GET /api/areas': { expect: 'everyone', request: none('/api/areas?level=provincie') },
  'GET /api/areas/:code': { expect: 'everyone', request: none('/api/areas/GM0363') },
  'GET /api/boundaries/:level': { expect: 'everyone', request: none('/api/boundaries/provincie') },
  'GET /api/mergers': { expect: 'everyone', request: none('/api/mergers') },
  // A JSON body, not a CSV: allowed callers get 415 (past access control), others 401/403.
  'POST /api/mergers/import': {
    expect: 'admin',
    request: () => ({ url: '/api/mergers/import?dryRun=true', payload: {} }),
  },
  'GET /api/auth/session': { expect: 'everyone', request: none('/api/auth/session') },
  'POST /api/auth/sign-in': {
    expect: 'everyone',
    request: (_scope, targets) => ({
      url: '/api/auth/sign-in',
      payload: { email: targets.emailOf.lezer, password: TEST_PASSWORD },
    }),
  },
  'POST /api/auth/set-password': {
    expect: 'everyone',
    request: () => ({
      url: '/api/auth/set-password',
      payload: { token: 'x'.repeat(43), newPassword: 'een lang wachtwoord' },
    }),
  },
  'GET /api/auth/oidc/start': { expect: 'everyone', request: none('/api/auth/oidc/start') },
  'GET /api/auth/oidc/callback': {
    expect: 'everyone',
    request: none('/api/auth/oidc/callback?code=x&state=y'),
  },
  'POST /api/auth/sign-out': { expect: 'signedIn', request: none('/api/auth/sign-out') },
  'POST /api/auth/sign-out-everywhere': {
    expect: 'signedIn',
    request: none('/api/auth/sign-out-everywhere'),
  },
  'POST /api/auth/password': {
    expect: 'signedIn',
    request: () => ({
      url: '/api/auth/password',
      payload: { currentPassword: 'niet goed', newPassword: 'een lang wachtwoord' },
    }),
  },
  'GET /api/organisations': { expect: 'signedIn', request: none('/api/organisations') },
  'POST /api/organisations': {
    expect: 'admin',
    request: (_scope, targets) => ({
      url: '/api/organisations',
      payload: { kind: 'politie', name: `Politie ${targets.caller} ${Math.random()}` },
    }),
  },
  'GET /api/organisations/:id': {
    expect: 'ownOrAdmin',
    request: ownOrOtherOrganisation('/api/organisations/:id'),
  },
  'PUT /api/organisations/:id': {
    expect: 'admin',
    request: (scope, targets) => ({
      url: `/api/organisations/${scope === 'own' ? targets.own.id : targets.other.id}`,
      payload:
        scope === 'own'
          ? { kind: 'gemeente', name: targets.own.name, areaCode: 'GM0363', isCentreMunicipality: true }
          : { kind: 'gemeente', name: targets.other.name, areaCode: 'GM0344' },
    }),
  },
  'GET /api/users': { expect: 'admin', request: none('/api/users') },
  'POST /api/users': {
    expect: 'admin',
    request: (_scope, targets) => ({
      url: '/api/users',
      payload: { email: `nieuw-${targets.caller}-${Math.random()}@x.nl`, displayName: 'Nieuw' },
    }),
  },
  'GET /api/users/:id': {
    expect: 'ownOrAdmin',
    request: (scope, targets) => ({
      url: `/api/users/${scope === 'own' && targets.callerId ? targets.callerId : targets.userOf.other}`,
    }),
  },
  'PATCH /api/users/:id': {
    expect: 'admin',
    request: (scope, targets) => ({
      url: `/api/users/${targets.userOf[scope]}`,
      payload: { displayName: 'Andere naam' },
    }),
  },
  'POST /api/users/:id/password-link': {
    expect: 'admin',
    request: (scope, targets) => ({ url: `/api/users/${targets.userOf[scope]}/password-link` }),
  },
  'PUT /api/users/:id/memberships/:organisationId': {
    expect: 'admin',
    request: (scope, targets) => ({
      url: `/api/users/${targets.userOf[scope]}/memberships/${scope === 'own' ? targets.own.id : targets.other.id}`,
      payload: { role: 'lezer' },
    }),
  },
  'DELETE /api/users/:id/memberships/:organisationId': {
    expect: 'admin',
    request: (scope, targets) => ({
      url: `/api/users/${targets.userOf[scope]}/memberships/${scope === 'own' ? targets.own.id : targets.other.id}`,
    }),
  },
  'GET /api/settings': { expect: 'admin', request: none('/api/settings') },
  'PUT /api/settings': {
    expect: 'admin',
    request: () => ({ url: '/api/settings', payload: { figuresPublic: true } }),
  },
  'GET /api/audit': { expect: 'admin', request: none('/api/audit?limit=1') },
  'GET /api/audit/export': { expect: 'admin', request: none('/api/audit/export?action=auth.sign_in') },
  'GET /api/indicators': { expect: 'everyone', request: none('/api/indicators') },
  'GET /api/indicators/:code': { expect: 'everyone', request: none('/api/indicators/vt_meldingen') },
  'POST /api/indicators': {
    expect: 'admin',
    request: (_scope, targets) => ({
      url: '/api/indicators',
      payload: {
        code: `test_${targets.caller}_${Math.floor(Math.random() * 1e9)}`,
        name: 'Testindicator',
        definition: 'Alleen voor de autorisatietest.',
        source: 'gemeente',
        unit: 'aantal',
        periodTypes: ['JJ'],
        aggregation: 'sum',
        higherIsBetter: null,
      },
    }),
  },
  'GET /api/observations': {
    expect: 'everyone',
    request: none('/api/observations?indicator=vt_meldingen&area=GM0363&period=2024JJ00'),
  },
  'GET /api/observations/history': {
    expect: 'everyone',
    request: none('/api/observations/history?indicator=vt_meldingen&area=GM0363&period=2024JJ00'),
  },
  'GET /api/dashboard/map': {
    expect: 'everyone',
    request: none('/api/dashboard/map?indicator=vt_meldingen&period=2024JJ00'),
  },
  'GET /api/dashboard/profile/:code': {
    expect: 'everyone',
    request: none('/api/dashboard/profile/GM0363?period=2024JJ00'),
  },
  'GET /api/reports/factsheet': {
    // No figures in this database: past access control the answer is 404 with a Dutch message.
    expect: 'everyone',
    request: none('/api/reports/factsheet?area=GM0363&period=2024JJ00'),
  },
  'GET /api/dashboard/series': {
    expect: 'everyone',
    request: none('/api/dashboard/series?indicator=vt_meldingen&areas=GM0363,GM0599'),
  },
  // A JSON body, not multipart: allowed callers get 415 (past access control), others 401/403.
  'POST /api/imports': { expect: 'supplier', request: () => ({ url: '/api/imports', payload: {} }) },
  'GET /api/imports': { expect: 'supplier', request: none('/api/imports') },
  // An import nobody made: those who import get 404 (past access control); everyone else is refused.
  'POST /api/imports/:id/undo': { expect: 'supplier', request: none('/api/imports/999999/undo') },
  // The fixture's organisations are gemeenten: only a beheerder may supply cases for them (allowed: 415/404).
  'POST /api/cases/imports': { expect: 'admin', request: () => ({ url: '/api/cases/imports', payload: {} }) },
  'POST /api/cases/imports/:id/undo': { expect: 'admin', request: none('/api/cases/imports/999999/undo') },
  'GET /api/cases/imports': { expect: 'admin', request: none('/api/cases/imports') },
  // Case level: only casusregie and aanleverancier of a Veilig Thuis organisation or local team (test/cases.db.test.ts
  // proves who may); the fixture's organisations are gemeenten, so here every role is refused, a beheerder too.
  'GET /api/cases': { expect: 'nobody', request: none('/api/cases?limit=5') },
  'GET /api/cases/follow-ups': { expect: 'nobody', request: none('/api/cases/follow-ups') },
  'GET /api/cases/households/:pseudonym': {
    expect: 'nobody',
    request: none('/api/cases/households/ABCD-EF01-2345'),
  },
  'GET /api/outcomes': { expect: 'everyone', request: none('/api/outcomes?maat=gestopt_12m&per=regio') },
  'GET /api/outcomes/process': { expect: 'everyone', request: none('/api/outcomes/process?per=regio') },
  'GET /api/interventions': { expect: 'everyone', request: none('/api/interventions') },
  'PUT /api/interventions/:code': {
    expect: 'admin',
    request: () => ({
      url: '/api/interventions/test_interventie',
      payload: {
        name: 'Testinterventie',
        targetGroup: 'Alleen voor de autorisatietest',
        violenceTypes: ['partnergeweld'],
        recognitionLevel: 'niet_beoordeeld',
        provider: 'Test',
        url: null,
      },
    }),
  },
  'GET /api/cases/schedules': { expect: 'everyone', request: none('/api/cases/schedules') },
  // Amsterdam (own) lies in VT01 Amsterdam-Amstelland, Utrecht (other) in VT20.
  'PUT /api/cases/schedules/:region': {
    expect: 'regionCoordinator',
    request: (scope) => ({
      url: `/api/cases/schedules/${scope === 'own' ? 'VT01' : 'VT20'}`,
      payload: {
        moments: [
          { months: 3, daysBefore: 14, daysAfter: 30 },
          { months: 12, daysBefore: 30, daysAfter: 60 },
        ],
      },
    }),
  },
};

const CALLERS: Caller[] = ['anonymous', ...ROLES];

function expectedAllowed(expectation: Expectation, caller: Caller, scope: Scope): boolean {
  switch (expectation) {
    case 'everyone':
      return true;
    case 'signedIn':
      return caller !== 'anonymous';
    case 'admin':
      return caller === 'beheerder';
    case 'ownOrAdmin':
      return caller === 'beheerder' || (caller !== 'anonymous' && scope === 'own');
    case 'supplier':
      return caller === 'beheerder' || caller === 'aanleverancier';
    case 'nobody':
      return false;
    case 'regionCoordinator':
      return caller === 'beheerder' || (caller === 'regiocoordinator' && scope === 'own');
  }
}

describe.each(TEST_ENGINES)('authorization matrix on %s', (engine) => {
  let test: TestApp;
  let fixture: AccessFixture;
  let userOf: Record<Scope, string>;
  beforeAll(async () => {
    test = await createTestApp(engine, { signInRateLimit: { max: 10_000, timeWindow: 60_000 } });
    fixture = await seedAccessFixture(test.database.db);
    // Objects to act on that belong to no caller: a colleague in the own organisation, a user of the other one.
    const colleague = await createUser(test.database.db, CLI_CONTEXT, {
      email: 'collega@amsterdam.example',
      displayName: 'Collega',
      organisationId: fixture.own.id,
      role: 'lezer',
    });
    const stranger = await createUser(test.database.db, CLI_CONTEXT, {
      email: 'iemand@utrecht.example',
      displayName: 'Iemand',
      organisationId: fixture.other.id,
      role: 'lezer',
    });
    userOf = { own: colleague.user.id, other: stranger.user.id };
  });
  afterAll(async () => test?.close());

  /** A fresh session for the caller, straight in the database: hundreds of argon2 sign-ins would take minutes. */
  async function sessionOf(caller: Caller): Promise<TestSession | undefined> {
    if (caller === 'anonymous') return undefined;
    const token = newToken();
    const csrfToken = newToken();
    await test.database.db.insert(sessions).values({
      tokenHash: tokenHash(token),
      userId: fixture.userIdOf[caller],
      csrfToken,
      expiresAt: new Date(Date.now() + 3_600_000),
    });
    return { cookie: `ketenzicht_sessie=${token}`, csrfToken };
  }

  it('has an entry for every API route, and no entry for a route that does not exist', () => {
    const served = test.app.apiRoutes.map((route) => `${route.method} ${route.url}`);
    expect(served.filter((route) => !(route in MATRIX))).toEqual([]);
    expect(Object.keys(MATRIX).filter((route) => !served.includes(route))).toEqual([]);
  });

  it('allows and denies every route for every role, own and other organisation, as specified', async () => {
    const outcomes: string[] = [];
    const mismatches: string[] = [];
    for (const route of test.app.apiRoutes) {
      const key = `${route.method} ${route.url}`;
      const entry = MATRIX[key];
      if (!entry) continue; // reported by the test above
      for (const caller of CALLERS) {
        for (const scope of ['own', 'other'] as const) {
          const session = await sessionOf(caller);
          const targets: Targets = {
            ...fixture,
            userOf,
            caller,
            callerId: caller === 'anonymous' ? undefined : fixture.userIdOf[caller],
          };
          const { url, payload } = entry.request(scope, targets);
          // Anonymous state-changing requests carry a valid pre-session CSRF token, so only access decides.
          const response = session
            ? await requestAs(test.app, session, route.method as Method, url, payload)
            : await anonymousRequest(test, route.method as Method, url, payload);
          const denied = response.statusCode === 401 || response.statusCode === 403;
          const allowed = expectedAllowed(entry.expect, caller, scope);
          outcomes.push(`${key} ${caller} ${scope}: ${response.statusCode}`);
          if (response.statusCode >= 500)
            mismatches.push(`${key} as ${caller} (${scope}): server error ${response.body}`);
          else if (denied === allowed)
            mismatches.push(
              `${key} as ${caller} (${scope}): expected ${allowed ? 'allow' : 'deny'}, got ${response.statusCode} ${response.body.slice(0, 120)}`,
            );
          else if (denied && caller === 'anonymous' && response.statusCode !== 401)
            mismatches.push(`${key} anonymous: expected 401, got ${response.statusCode}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(outcomes.length).toBe(Object.keys(MATRIX).length * CALLERS.length * 2);
  }, 180_000);

  it('answers every state-changing request without a session with 401 or 403, whatever its body', async () => {
    const bodies: [string, string][] = [
      ['application/json', '{}'],
      ['application/json', '{"broken'],
      ['application/json', `{"x":"${'x'.repeat(3 * 1024 * 1024)}"}`],
      ['text/csv', 'a,b\n1,2'],
      ['application/xml', '<x/>'],
    ];
    const writes = test.app.apiRoutes.filter((route) => route.method !== 'GET');
    for (const route of writes) {
      const url = route.url
        .replace(':id', String(fixture.own.id))
        .replace(':organisationId', String(fixture.own.id));
      for (const [contentType, payload] of bodies) {
        const response = await test.app.inject({
          method: route.method as Method,
          url,
          payload,
          headers: { 'content-type': contentType },
        });
        const expected = route.access === 'public' ? [403] : [401];
        expect(
          expected,
          `${route.method} ${route.url} (${contentType}, ${payload.length} bytes): ${response.statusCode}`,
        ).toContain(response.statusCode);
      }
    }
  });

  it('closes published figures to anonymous callers only when the installation says so', async () => {
    const admin = await sessionOf('beheerder');
    await requestAs(test.app, admin, 'PUT', '/api/settings', { figuresPublic: false });
    try {
      for (const route of test.app.apiRoutes.filter((candidate) => candidate.access === 'published')) {
        const { url } = (MATRIX[`${route.method} ${route.url}`] as Case).request('own', {
          ...fixture,
          userOf,
          caller: 'anonymous',
          callerId: undefined,
        });
        expect((await test.app.inject({ method: 'GET', url })).statusCode, url).toBe(401);
        // Past access control: 200, or 404 where this empty database has nothing to show (the factsheet).
        expect([200, 404], url).toContain(
          (await requestAs(test.app, await sessionOf('lezer'), 'GET', url)).statusCode,
        );
      }
    } finally {
      await requestAs(test.app, admin, 'PUT', '/api/settings', { figuresPublic: true });
    }
  });
});

async function anonymousRequest(test: TestApp, method: Method, url: string, payload: unknown) {
  const state = await test.app.inject({ method: 'GET', url: '/api/auth/session' });
  const csrfCookie = state.cookies.find((cookie) => cookie.name === 'ketenzicht_csrf');
  return test.app.inject({
    method,
    url,
    ...(payload === undefined ? {} : { payload: payload as object }),
    headers: { 'x-csrf-token': state.json().csrfToken, cookie: `ketenzicht_csrf=${csrfCookie?.value}` },
  });
}
