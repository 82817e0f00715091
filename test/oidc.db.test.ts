/**
 * Signing in with OpenID Connect (authorization code + PKCE) against a real local provider (`oidc-provider`), on
 * both engines: linking an account a beheerder made beforehand, creating one from the organisation and role
 * claims, refusing everyone else, and rejecting a tampered callback.
 *
 * The provider redirects the "browser" back to `<publicUrl>/api/auth/oidc/callback`; that request is replayed into
 * the app with `inject`, with the cookie the app set at the start, so the app needs no port of its own.
 */
import { createServer } from 'node:net';
import { and, desc, eq, gt } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type App, type AppOptions, buildApp } from '../src/server/app.ts';
import type { AppDatabase } from '../src/server/db/client.ts';
import { auditLog, memberships, users } from '../src/server/db/schema/index.ts';
import { createOrganisation, createUser } from '../src/server/modules/access/access.service.ts';
import { type AccessFixture, CLI_CONTEXT, seedAccessFixture } from './support/accounts.ts';
import { createTestApp, type TestApp } from './support/app.ts';
import { TEST_ENGINES } from './support/database.ts';
import {
  type IssuerAccount,
  ORGANISATION_CLAIM,
  ROLE_CLAIM,
  startTestIssuer,
  type TestIssuer,
} from './support/oidc-issuer.ts';

/** Never listened on: the provider's redirect to it is replayed with `inject`. */
const PUBLIC_URL = 'http://127.0.0.1:3999';
const CALLBACK_PATH = '/api/auth/oidc/callback';
const NOT_CONFIGURED = 'Aanmelden via de eigen organisatie is niet ingesteld.';
const UNREACHABLE = 'De aanmeldvoorziening van uw organisatie is niet bereikbaar. Probeer het later opnieuw.';

/** Puts the e-mail and profile claims in the ID token too, as most providers do. */
let issuer: TestIssuer;
/** oidc-provider's default: with the code flow, e-mail and profile claims only come from the UserInfo endpoint. */
let strictIssuer: TestIssuer;

beforeAll(async () => {
  const redirectUri = `${PUBLIC_URL}${CALLBACK_PATH}`;
  [issuer, strictIssuer] = await Promise.all([
    startTestIssuer({ redirectUri, conformIdTokenClaims: false }),
    startTestIssuer({ redirectUri, conformIdTokenClaims: true }),
  ]);
});
afterAll(async () => {
  await Promise.all([issuer?.close(), strictIssuer?.close()]);
});

function oidcOptions(provider: TestIssuer): Omit<AppOptions, 'database'> {
  return {
    publicUrl: PUBLIC_URL,
    oidc: {
      issuer: provider.issuer,
      clientId: provider.clientId,
      clientSecret: provider.clientSecret,
      label: 'Aanmelden met het account van uw gemeente',
      organisationClaim: ORGANISATION_CLAIM,
      roleClaim: ROLE_CLAIM,
      // Fresh test databases number these two 1 and 2; the list names one by name and one by number.
      claimableOrganisations: ['Gemeente Amsterdam', '2'],
      allowInsecure: true,
    },
  };
}

/** Another app with other options on the same database (faster than a fresh database). */
async function withApp(
  database: AppDatabase,
  options: Omit<AppOptions, 'database'>,
  work: (app: App) => Promise<void>,
): Promise<void> {
  const app = await buildApp({ database, ...options });
  try {
    await work(app);
  } finally {
    await app.close();
  }
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function startSignIn(app: App) {
  const start = await app.inject({ method: 'GET', url: '/api/auth/oidc/start' });
  expect(start.statusCode, start.body).toBe(302);
  const cookie = start.cookies.find((candidate) => candidate.name === 'ketenzicht_oidc');
  if (!cookie) throw new Error('no ketenzicht_oidc cookie');
  return { location: String(start.headers.location), cookie };
}

/** The provider's redirect back to the app, replayed into the app with the given `ketenzicht_oidc` cookie. */
async function callback(app: App, back: URL, oidcCookie: string | undefined) {
  const response = await app.inject({
    method: 'GET',
    url: `${back.pathname}${back.search}`,
    ...(oidcCookie === undefined ? {} : { cookies: { ketenzicht_oidc: oidcCookie } }),
  });
  expect(response.statusCode, response.body).toBe(302);
  const session = response.cookies.find((candidate) => candidate.name === 'ketenzicht_sessie');
  return { response, location: response.headers.location, sessionCookie: session?.value };
}

/** The whole flow as a browser does it: start, sign in at the provider as `sub`, come back. */
async function signInWith(app: App, provider: TestIssuer, sub: string) {
  const start = await startSignIn(app);
  const back = await provider.signIn(start.location, sub);
  return callback(app, back, start.cookie.value);
}

async function sessionUser(app: App, sessionCookie: string | undefined) {
  const response = await app.inject({
    method: 'GET',
    url: '/api/auth/session',
    ...(sessionCookie ? { cookies: { ketenzicht_sessie: sessionCookie } } : {}),
  });
  expect(response.statusCode).toBe(200);
  return response.json().user;
}

describe.each(TEST_ENGINES)('OpenID Connect sign-in on %s', (engine) => {
  let test: TestApp;
  let fixture: AccessFixture;
  /** Audit entries up to here belong to earlier tests. */
  let auditMark = 0;
  // One database per engine for all tests here (a fresh one costs seconds): every test uses its own accounts and
  // reads only the audit entries written after it started.
  beforeAll(async () => {
    test = await createTestApp(engine, oidcOptions(issuer));
    fixture = await seedAccessFixture(test.database.db);
  });
  afterAll(async () => test?.close());
  beforeEach(async () => {
    const [last] = await test.database.db
      .select({ id: auditLog.id })
      .from(auditLog)
      .orderBy(desc(auditLog.id))
      .limit(1);
    auditMark = last?.id ?? 0;
  });

  const addAccount = (account: IssuerAccount) => issuer.accounts.set(account.sub, account);
  const subjectKey = (sub: string) => `${issuer.issuer}|${sub}`;
  const auditEntries = (action: string) =>
    test.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, action), gt(auditLog.id, auditMark)))
      .orderBy(auditLog.id);
  const userByEmail = async (email: string) =>
    (await test.database.db.select().from(users).where(eq(users.email, email)))[0];
  const userCount = async () => (await test.database.db.select({ id: users.id }).from(users)).length;

  it('sends the browser to the provider with PKCE (S256), state and nonce, and a cookie for the callback only', async () => {
    const { location, cookie } = await startSignIn(test.app);
    const url = new URL(location);
    expect(`${url.origin}${url.pathname}`).toBe(`${issuer.issuer}/auth`);
    const params = Object.fromEntries(url.searchParams);
    expect(params).toMatchObject({
      client_id: issuer.clientId,
      response_type: 'code',
      redirect_uri: `${PUBLIC_URL}${CALLBACK_PATH}`,
      scope: 'openid email profile',
      code_challenge_method: 'S256',
    });
    expect(params.code_challenge).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(params.state).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(params.nonce).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(cookie).toMatchObject({ path: CALLBACK_PATH, httpOnly: true, sameSite: 'Lax', maxAge: 600 });
    // The verifier stays in the cookie; the URL carries only its hash.
    const [state, nonce, verifier] = cookie.value.split('.');
    expect(state).toBe(params.state);
    expect(nonce).toBe(params.nonce);
    expect(verifier).toBeTruthy();
    expect(location).not.toContain(verifier);
    // Every start is a fresh challenge.
    const again = new URL((await startSignIn(test.app)).location);
    expect(again.searchParams.get('code_challenge')).not.toBe(params.code_challenge);
    expect(again.searchParams.get('state')).not.toBe(params.state);
  });

  it('links a user the beheerder made beforehand by verified e-mail, then signs in by the linked subject', async () => {
    const { user } = await createUser(test.database.db, CLI_CONTEXT, {
      email: 'j.jansen@amsterdam.example',
      displayName: 'Jan Jansen',
      organisationId: fixture.own.id,
      role: 'beleidsmedewerker',
    });
    addAccount({
      sub: 'jjansen-8841',
      email: 'J.Jansen@Amsterdam.example',
      email_verified: true,
      name: 'J. Jansen (IdP)',
    });

    const first = await signInWith(test.app, issuer, 'jjansen-8841');
    expect(first.location).toBe('/account');
    // The pending sign-in cookie is spent.
    const cleared = first.response.cookies.find((candidate) => candidate.name === 'ketenzicht_oidc');
    expect(cleared).toMatchObject({ value: '', path: CALLBACK_PATH });
    const me = await sessionUser(test.app, first.sessionCookie);
    expect(me).toMatchObject({ id: user.id, email: 'j.jansen@amsterdam.example', displayName: 'Jan Jansen' });
    expect(me.memberships).toEqual([
      expect.objectContaining({ organisationName: 'Gemeente Amsterdam', role: 'beleidsmedewerker' }),
    ]);
    expect((await userByEmail('j.jansen@amsterdam.example'))?.oidcSubject).toBe(subjectKey('jjansen-8841'));

    const links = await auditEntries('user.link_oidc');
    expect(links).toEqual([
      expect.objectContaining({
        result: 'success',
        objectType: 'user',
        objectId: user.id,
        details: { subject: subjectKey('jjansen-8841') },
      }),
    ]);
    const signIns = await auditEntries('auth.sign_in');
    expect(signIns).toEqual([
      expect.objectContaining({
        result: 'success',
        objectId: user.id,
        actorUserId: user.id,
        actorLabel: 'j.jansen@amsterdam.example',
        details: { method: 'oidc', subject: subjectKey('jjansen-8841') },
      }),
    ]);

    // The second time the subject decides, not the e-mail: the provider now sends another address.
    addAccount({ sub: 'jjansen-8841', email: 'jan.jansen@elders.example', email_verified: true });
    const second = await signInWith(test.app, issuer, 'jjansen-8841');
    expect(second.location).toBe('/account');
    expect(second.sessionCookie).not.toBe(first.sessionCookie);
    expect((await sessionUser(test.app, second.sessionCookie))?.id).toBe(user.id);
    expect(await auditEntries('user.link_oidc')).toHaveLength(1);
    const after = await auditEntries('auth.sign_in');
    expect(after.map((entry) => [entry.result, entry.objectId, entry.details])).toEqual([
      ['success', user.id, { method: 'oidc', subject: subjectKey('jjansen-8841') }],
      ['success', user.id, { method: 'oidc', subject: subjectKey('jjansen-8841') }],
    ]);
    expect(await userByEmail('jan.jansen@elders.example')).toBeUndefined();
  });

  it('creates an unknown user from the organisation (by name or by number) and role claims', async () => {
    addAccount({
      sub: 'pdevries',
      email: 'p.devries@amsterdam.example',
      email_verified: true,
      name: 'Piet de Vries',
      [ORGANISATION_CLAIM]: fixture.own.name,
      [ROLE_CLAIM]: 'aanleverancier',
    });
    addAccount({
      sub: 'kbakker',
      email: 'k.bakker@utrecht.example',
      email_verified: true,
      name: 'Kees Bakker',
      [ORGANISATION_CLAIM]: String(fixture.other.id),
      [ROLE_CLAIM]: 'casusregie',
    });

    const byName = await signInWith(test.app, issuer, 'pdevries');
    expect(byName.location).toBe('/account');
    const piet = await sessionUser(test.app, byName.sessionCookie);
    expect(piet).toMatchObject({ email: 'p.devries@amsterdam.example', displayName: 'Piet de Vries' });
    expect(piet.isAdmin).toBe(false);
    expect(piet.memberships).toEqual([
      expect.objectContaining({ organisationId: fixture.own.id, role: 'aanleverancier' }),
    ]);

    const byNumber = await signInWith(test.app, issuer, 'kbakker');
    expect(byNumber.location).toBe('/account');
    const kees = await sessionUser(test.app, byNumber.sessionCookie);
    expect(kees.memberships).toEqual([
      expect.objectContaining({ organisationName: 'Gemeente Utrecht', role: 'casusregie' }),
    ]);

    const stored = await test.database.db
      .select({ role: memberships.role, organisationId: memberships.organisationId })
      .from(memberships)
      .where(eq(memberships.userId, piet.id));
    expect(stored).toEqual([{ role: 'aanleverancier', organisationId: fixture.own.id }]);
    expect((await userByEmail('p.devries@amsterdam.example'))?.oidcSubject).toBe(subjectKey('pdevries'));
    const created = await test.database.db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.action, 'user.create'), eq(auditLog.objectId, piet.id), gt(auditLog.id, auditMark)),
      );
    expect(created).toEqual([
      expect.objectContaining({
        result: 'success',
        details: {
          email: 'p.devries@amsterdam.example',
          organisationId: fixture.own.id,
          role: 'aanleverancier',
          via: 'oidc_claims',
        },
      }),
    ]);
    expect(await auditEntries('user.link_oidc')).toEqual([]);

    // Signing in again finds the same user, without creating another.
    const count = await userCount();
    const again = await signInWith(test.app, issuer, 'pdevries');
    expect((await sessionUser(test.app, again.sessionCookie))?.id).toBe(piet.id);
    expect(await userCount()).toBe(count);
  });

  it('refuses users it cannot admit: no claims, an unverified e-mail, an unknown role or organisation, beheerder, an organisation not allowed for the provider, a password account', async () => {
    const politie = await createOrganisation(test.database.db, CLI_CONTEXT, {
      kind: 'politie',
      name: 'Politie-eenheid Amsterdam',
    });
    await createUser(test.database.db, CLI_CONTEXT, {
      email: 'm.smit@amsterdam.example',
      displayName: 'Marieke Smit',
      organisationId: fixture.own.id,
      role: 'lezer',
    });
    const refused: IssuerAccount[] = [
      // A verified address nobody knows, and no organisation or role.
      { sub: 'onbekend', email: 'onbekend@amsterdam.example', email_verified: true, name: 'Onbekend' },
      // The address of an existing user, but not verified by the provider: no link.
      { sub: 'nep-smit', email: 'm.smit@amsterdam.example', email_verified: false },
      // Organisation and role, but an unverified address.
      {
        sub: 'onbevestigd',
        email: 'onbevestigd@amsterdam.example',
        email_verified: false,
        [ORGANISATION_CLAIM]: fixture.own.name,
        [ROLE_CLAIM]: 'lezer',
      },
      // A role Ketenzicht does not know.
      {
        sub: 'superuser',
        email: 'root@amsterdam.example',
        email_verified: true,
        [ORGANISATION_CLAIM]: fixture.own.name,
        [ROLE_CLAIM]: 'superuser',
      },
      // An organisation Ketenzicht does not know.
      {
        sub: 'elders',
        email: 'iemand@rotterdam.example',
        email_verified: true,
        [ORGANISATION_CLAIM]: 'Gemeente Rotterdam',
        [ROLE_CLAIM]: 'lezer',
      },
      // No e-mail address at all.
      { sub: 'zonder-mail', [ORGANISATION_CLAIM]: fixture.own.name, [ROLE_CLAIM]: 'lezer' },
      // beheerder is never taken from a claim.
      {
        sub: 'claimt-beheer',
        email: 'beheer@amsterdam.example',
        email_verified: true,
        [ORGANISATION_CLAIM]: fixture.own.name,
        [ROLE_CLAIM]: 'beheerder',
      },
      // An organisation that exists, but that this provider may not place users in.
      {
        sub: 'andere-organisatie',
        email: 'politie@amsterdam.example',
        email_verified: true,
        [ORGANISATION_CLAIM]: String(politie.id),
        [ROLE_CLAIM]: 'lezer',
      },
      // A verified address of an account that already has a password: no take-over by e-mail.
      { sub: 'overname', email: fixture.emailOf.beheerder.toUpperCase(), email_verified: true },
    ];
    const count = await userCount();
    for (const account of refused) {
      addAccount(account);
      const result = await signInWith(test.app, issuer, account.sub);
      expect(result.location, account.sub).toBe('/inloggen?fout=geen-toegang');
      expect(result.sessionCookie, account.sub).toBeUndefined();
    }
    expect(await userCount()).toBe(count);
    expect((await userByEmail('m.smit@amsterdam.example'))?.oidcSubject).toBeNull();
    expect((await userByEmail(fixture.emailOf.beheerder))?.oidcSubject).toBeNull();
    expect(await auditEntries('user.link_oidc')).toEqual([]);
    const failures = await auditEntries('auth.sign_in');
    expect(failures).toHaveLength(refused.length);
    for (const failure of failures) {
      expect(failure).toMatchObject({
        result: 'failure',
        actorUserId: null,
        actorLabel: 'anoniem',
        details: {
          method: 'oidc',
          reason: expect.stringMatching(/nog geen toegang tot Ketenzicht|hoort al bij een ander account/),
        },
      });
    }
  });

  /** A user linked to one identity at the provider; then a second identity arrives with the same e-mail. */
  async function secondIdentity(name: string) {
    const email = `${name}@amsterdam.example`;
    await createUser(test.database.db, CLI_CONTEXT, {
      email,
      displayName: name,
      organisationId: fixture.own.id,
      role: 'lezer',
    });
    addAccount({ sub: name, email, email_verified: true });
    expect((await signInWith(test.app, issuer, name)).location).toBe('/account');
    const count = await userCount();
    addAccount({
      sub: `${name}-tweede`,
      email,
      email_verified: true,
      [ORGANISATION_CLAIM]: fixture.own.name,
      [ROLE_CLAIM]: 'beheerder',
    });
    const result = await signInWith(test.app, issuer, `${name}-tweede`);
    expect(result.sessionCookie).toBeUndefined();
    expect(await userCount()).toBe(count);
    expect((await userByEmail(email))?.oidcSubject).toBe(subjectKey(name));
    const [failure, ...more] = (await auditEntries('auth.sign_in')).filter(
      (entry) => entry.result === 'failure',
    );
    expect(more).toEqual([]);
    return { result, reason: (failure?.details as { reason?: string } | undefined)?.reason };
  }

  it('refuses a second identity with the e-mail of a linked user, even with organisation and role claims', async () => {
    const { result } = await secondIdentity('d.dekker');
    expect(result.location).toMatch(/^\/inloggen\?fout=/);
  });

  // BUG (src/server/modules/access/access.service.ts, userForOidcClaims): the e-mail belongs to a user linked to
  // another subject, so the lookup by e-mail is skipped and, with organisation and role claims, a new user with
  // that e-mail is inserted: the unique constraint on app_user.email throws a database error. The user sees
  // "mislukt" instead of "geen-toegang", and the audit log's reason holds the raw SQL statement with its
  // parameters. Remove `.fails` once such a user is refused with a ForbiddenError.
  it('tells that second identity "geen-toegang", without SQL in the audit log', async () => {
    const { result, reason } = await secondIdentity('e.evers');
    expect(reason).not.toMatch(/insert into|params:/i);
    expect(result.location).toBe('/inloggen?fout=geen-toegang');
  });

  it('rejects a tampered callback: wrong state, no cookie, another PKCE verifier', async () => {
    addAccount({ sub: 'fbos', email: 'f.bos@amsterdam.example', email_verified: true });
    await createUser(test.database.db, CLI_CONTEXT, {
      email: 'f.bos@amsterdam.example',
      displayName: 'Fatima Bos',
      organisationId: fixture.own.id,
      role: 'lezer',
    });
    const start = await startSignIn(test.app);
    const back = await issuer.signIn(start.location, 'fbos');
    const [state = '', nonce = '', verifier = ''] = start.cookie.value.split('.');

    // The state in the URL differs from the one in the cookie.
    const wrongState = new URL(back);
    wrongState.searchParams.set('state', `${state.slice(0, -2)}xx`);
    const tamperedState = await callback(test.app, wrongState, start.cookie.value);
    // The cookie of another, unrelated sign-in (a login CSRF attempt).
    const otherStart = await startSignIn(test.app);
    const crossed = await callback(test.app, back, otherStart.cookie.value);
    // No cookie at all: the callback did not start in this browser.
    const cookieless = await callback(test.app, back, undefined);
    // The right state and nonce, but not the verifier that belongs to the challenge.
    const otherVerifier = otherStart.cookie.value.split('.')[2];
    const wrongVerifier = await callback(test.app, back, [state, nonce, otherVerifier].join('.'));

    for (const attempt of [tamperedState, crossed, cookieless, wrongVerifier]) {
      expect(attempt.location).toBe('/inloggen?fout=mislukt');
      expect(attempt.sessionCookie).toBeUndefined();
    }
    expect(verifier).not.toBe(otherVerifier);
    expect((await userByEmail('f.bos@amsterdam.example'))?.oidcSubject).toBeNull();
    const failures = await auditEntries('auth.sign_in');
    const failed = (reason: unknown) =>
      expect.objectContaining({ result: 'failure', details: { method: 'oidc', reason } });
    // openid-client's error codes: the state is checked before the code is used; the verifier at the token
    // endpoint. Only codes reach the audit log, never raw messages.
    expect(failures).toEqual([
      failed('oidc: OAUTH_INVALID_RESPONSE'),
      failed('oidc: OAUTH_INVALID_RESPONSE'),
      failed('oidc: NO_PENDING_SIGN_IN'),
      failed('oidc: OAUTH_RESPONSE_BODY_ERROR'),
    ]);

    // A fresh, untampered sign-in still works.
    const fine = await signInWith(test.app, issuer, 'fbos');
    expect(fine.location).toBe('/account');
    expect((await sessionUser(test.app, fine.sessionCookie))?.email).toBe('f.bos@amsterdam.example');
  });

  it('answers 404 in Dutch when OIDC is not configured, and 502 in Dutch when the provider is down', async () => {
    await withApp(test.database, { publicUrl: PUBLIC_URL }, async (plain) => {
      const start = await plain.inject({ method: 'GET', url: '/api/auth/oidc/start' });
      expect(start.statusCode).toBe(404);
      expect(start.json()).toEqual({ message: NOT_CONFIGURED });
      const back = await plain.inject({ method: 'GET', url: `${CALLBACK_PATH}?code=x&state=y` });
      expect(back.statusCode).toBe(404);
      expect(back.json()).toEqual({ message: NOT_CONFIGURED });
      expect((await plain.inject({ method: 'GET', url: '/api/auth/session' })).json().oidc).toEqual({
        enabled: false,
        label: '',
      });
    });

    const down = oidcOptions(issuer);
    if (down.oidc) down.oidc = { ...down.oidc, issuer: `http://127.0.0.1:${await closedPort()}` };
    await withApp(test.database, down, async (broken) => {
      const start = await broken.inject({ method: 'GET', url: '/api/auth/oidc/start' });
      expect(start.statusCode).toBe(502);
      expect(start.json()).toEqual({ message: UNREACHABLE });
      expect(start.cookies.find((candidate) => candidate.name === 'ketenzicht_oidc')).toBeUndefined();
      expect((await broken.inject({ method: 'GET', url: '/api/auth/session' })).json().oidc).toEqual({
        enabled: true,
        label: 'Aanmelden met het account van uw gemeente',
      });
    });
  });

  // BUG (src/server/modules/access/oidc.ts, finish): the claims are read from the ID token only. A provider that
  // follows OpenID Connect Core 5.4 (oidc-provider's default, conformIdTokenClaims) returns the e-mail and profile
  // claims of the code flow from the UserInfo endpoint, and puts only `sub` in the ID token; Ketenzicht then sees
  // no e-mail and refuses every user it has not linked yet. Remove `.fails` once finish() calls UserInfo.
  it('links by verified e-mail when the provider sends e-mail and profile claims only from UserInfo', async () => {
    await withApp(test.database, oidcOptions(strictIssuer), async (strict) => {
      const { user } = await createUser(test.database.db, CLI_CONTEXT, {
        email: 'a.visser@amsterdam.example',
        displayName: 'Anna Visser',
      });
      strictIssuer.accounts.set('avisser', {
        sub: 'avisser',
        email: 'a.visser@amsterdam.example',
        email_verified: true,
      });
      const result = await signInWith(strict, strictIssuer, 'avisser');
      expect(result.location).toBe('/account');
      expect((await sessionUser(strict, result.sessionCookie))?.id).toBe(user.id);
    });
  });
});
