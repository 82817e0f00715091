/**
 * Sign-in, sessions, CSRF, one-time links, administration and the audit log, over HTTP on both engines.
 */

import { eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { selectRows } from '../src/server/db/client.ts';
import { auditLog, memberships } from '../src/server/db/schema/index.ts';
import { withScope } from '../src/server/db/scope.ts';
import { SIGN_IN_FAILED_MESSAGE, THROTTLE } from '../src/server/modules/access/access.domain.ts';
import { dutchDateToday } from '../src/server/modules/geography/geography.service.ts';
import {
  type AccessFixture,
  requestAs,
  seedAccessFixture,
  signInOverHttp,
  TEST_PASSWORD,
} from './support/accounts.ts';
import { createTestApp, type TestApp } from './support/app.ts';
import { TEST_ENGINES } from './support/database.ts';

describe.each(TEST_ENGINES)('accounts and sessions on %s', (engine) => {
  let test: TestApp;
  let fixture: AccessFixture;
  beforeEach(async () => {
    // The per-address rate limit has its own test; here it would stop the lock test before the lock.
    test = await createTestApp(engine, { signInRateLimit: { max: 1000, timeWindow: 60_000 } });
    fixture = await seedAccessFixture(test.database.db);
  });
  afterEach(async () => test?.close());

  const auditActions = async () =>
    (await test.database.db.select().from(auditLog).orderBy(auditLog.id)).map(
      (entry) => `${entry.action}:${entry.result}`,
    );
  const tokenOf = (link: string) => new URL(link).hash.replace('#token=', '');

  it('signs in with a session cookie that is HttpOnly and SameSite=Lax, and signs out', async () => {
    const anonymous = await test.app.inject({ method: 'GET', url: '/api/auth/session' });
    expect(anonymous.json()).toMatchObject({ user: null, setupNeeded: false, figuresPublic: true });
    const session = await signInOverHttp(test.app, fixture.emailOf.lezer);
    const me = await requestAs(test.app, session, 'GET', '/api/auth/session');
    expect(me.json().user).toMatchObject({ email: 'lezer@amsterdam.example', isAdmin: false });
    expect(me.json().user.memberships).toEqual([
      expect.objectContaining({ organisationName: 'Gemeente Amsterdam', role: 'lezer' }),
    ]);

    const signIn = await test.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: 'LEZER@amsterdam.example ', password: TEST_PASSWORD },
      headers: csrfHeaders(anonymous),
    });
    expect(signIn.statusCode).toBe(200);
    const cookie = signIn.cookies.find((candidate) => candidate.name === 'ketenzicht_sessie');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie?.secure).toBeFalsy(); // plain HTTP here; behind HTTPS the cookie is Secure

    expect((await requestAs(test.app, session, 'POST', '/api/auth/sign-out')).statusCode).toBe(200);
    const after = await requestAs(test.app, session, 'GET', '/api/auth/session');
    expect(after.json().user).toBeNull();
    expect(await auditActions()).toContain('auth.sign_out:success');
  });

  it('marks the cookie Secure behind an HTTPS proxy, and trusts only that proxy for the client address', async () => {
    const proxied = await createTestApp(engine, { trustProxy: 1 });
    try {
      await seedAccessFixture(proxied.database.db);
      const anonymous = await proxied.app.inject({
        method: 'GET',
        url: '/api/auth/session',
        headers: { 'x-forwarded-proto': 'https' },
      });
      const signIn = await proxied.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: { email: fixture.emailOf.lezer, password: TEST_PASSWORD },
        // The client forged the first address; the proxy appended the real one.
        headers: {
          ...csrfHeaders(anonymous),
          'x-forwarded-proto': 'https',
          'x-forwarded-for': '6.6.6.6, 203.0.113.9',
        },
      });
      expect(signIn.statusCode).toBe(200);
      expect(signIn.cookies.find((candidate) => candidate.name === 'ketenzicht_sessie')?.secure).toBe(true);
      const [entry] = await proxied.database.db
        .select()
        .from(auditLog)
        .where(eq(auditLog.action, 'auth.sign_in'));
      expect(entry?.origin).toBe('203.0.113.9');
    } finally {
      await proxied.close();
    }
  });

  it('gives the same answer for a wrong password and an unknown address, and locks both after 5 failures', async () => {
    const anonymous = await test.app.inject({ method: 'GET', url: '/api/auth/session' });
    const attempt = (email: string, password: string) =>
      test.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: { email, password },
        headers: csrfHeaders(anonymous),
      });
    const known = fixture.emailOf.lezer;
    const unknown = 'niemand@amsterdam.example';
    for (let failure = 0; failure < THROTTLE.maxFailures; failure++) {
      const wrong = await attempt(known, 'fout wachtwoord 123');
      const nobody = await attempt(unknown, 'fout wachtwoord 123');
      expect(wrong.statusCode).toBe(401);
      expect(nobody.statusCode).toBe(401);
      expect(wrong.json()).toEqual({ message: SIGN_IN_FAILED_MESSAGE });
      expect(nobody.json()).toEqual(wrong.json());
    }
    // Locked now: even the right password is refused, with the same message.
    const locked = await attempt(known, TEST_PASSWORD);
    expect(locked.statusCode).toBe(401);
    expect(locked.json()).toEqual({ message: SIGN_IN_FAILED_MESSAGE });
    // Another account is not affected.
    expect((await attempt(fixture.emailOf.beheerder, TEST_PASSWORD)).statusCode).toBe(200);
    const failures = await test.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'auth.sign_in'));
    expect(failures.filter((entry) => entry.result === 'failure')).toHaveLength(2 * THROTTLE.maxFailures + 1);
    expect(failures.find((entry) => entry.result === 'failure')).toMatchObject({
      origin: '127.0.0.1',
      actorLabel: 'anoniem',
    });
  });

  it('counts attempts sent at the same moment: 30 in parallel cannot slip past the lock', async () => {
    const anonymous = await test.app.inject({ method: 'GET', url: '/api/auth/session' });
    const attempts = Array.from({ length: 30 }, (_, index) =>
      test.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: {
          email: fixture.emailOf.beheerder,
          password: index === 29 ? TEST_PASSWORD : `fout ${index} fout fout`,
        },
        headers: csrfHeaders(anonymous),
      }),
    );
    const statuses = (await Promise.all(attempts)).map((response) => response.statusCode);
    expect(statuses.filter((status) => status === 200)).toHaveLength(0);
    const entries = await test.database.db.select().from(auditLog).where(eq(auditLog.action, 'auth.sign_in'));
    const checked = entries.filter((entry) => (entry.details as { reason?: string }).reason !== 'locked');
    expect(checked.length).toBeLessThanOrEqual(THROTTLE.maxFailures);
  });

  it('rate-limits sign-in attempts per client address with a Dutch 429', async () => {
    const limited = await createTestApp(engine, { signInRateLimit: { max: 3, timeWindow: 60_000 } });
    try {
      const anonymous = await limited.app.inject({ method: 'GET', url: '/api/auth/session' });
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 4; attempt++) {
        const response = await limited.app.inject({
          method: 'POST',
          url: '/api/auth/sign-in',
          payload: { email: 'x@y.nl', password: 'abc' },
          headers: csrfHeaders(anonymous),
        });
        statuses.push(response.statusCode);
        if (response.statusCode === 429) expect(response.json().message).toMatch(/Te veel pogingen/);
      }
      expect(statuses).toEqual([401, 401, 401, 429]);
    } finally {
      await limited.close();
    }
  });

  it('refuses state-changing requests without the CSRF token of the session', async () => {
    const session = await signInOverHttp(test.app, fixture.emailOf.beheerder);
    const body = { kind: 'politie', name: 'Politie-eenheid Amsterdam' };
    const noToken = await test.app.inject({
      method: 'POST',
      url: '/api/organisations',
      payload: body,
      headers: { cookie: session.cookie },
    });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().message).toMatch(/CSRF/);
    const other = await signInOverHttp(test.app, fixture.emailOf.lezer);
    const wrongToken = await test.app.inject({
      method: 'POST',
      url: '/api/organisations',
      payload: body,
      headers: { cookie: session.cookie, 'x-csrf-token': other.csrfToken },
    });
    expect(wrongToken.statusCode).toBe(403);
    const foreignOrigin = await test.app.inject({
      method: 'POST',
      url: '/api/organisations',
      payload: body,
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken, origin: 'https://evil.example' },
    });
    expect(foreignOrigin.statusCode).toBe(403);
    const good = await requestAs(test.app, session, 'POST', '/api/organisations', body);
    expect(good.statusCode).toBe(201);
    const refusals = await test.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'access.denied'));
    expect(refusals).toHaveLength(3);
    expect(refusals[0]).toMatchObject({
      result: 'denied',
      actorLabel: fixture.emailOf.beheerder,
      details: { method: 'POST', url: '/api/organisations' },
    });
    // Sign-in itself needs the pre-session token (login CSRF).
    const blind = await test.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: fixture.emailOf.lezer, password: TEST_PASSWORD },
    });
    expect(blind.statusCode).toBe(403);
  });

  it('creates a user whose one-time link sets a password exactly once', async () => {
    const admin = await signInOverHttp(test.app, fixture.emailOf.beheerder);
    const created = await requestAs(test.app, admin, 'POST', '/api/users', {
      email: 'Nieuw@Utrecht.example',
      displayName: 'Nieuwe collega',
      organisationId: fixture.other.id,
      role: 'aanleverancier',
    });
    expect(created.statusCode).toBe(201);
    const { user, passwordLink } = created.json();
    expect(user).toMatchObject({ email: 'nieuw@utrecht.example', hasPassword: false });
    expect(passwordLink.link).toMatch(/^http:\/\/127\.0\.0\.1:3000\/wachtwoord-instellen#token=[\w-]{43}$/);
    const token = tokenOf(passwordLink.link);
    const anonymous = await test.app.inject({ method: 'GET', url: '/api/auth/session' });
    const setPassword = (newPassword: string) =>
      test.app.inject({
        method: 'POST',
        url: '/api/auth/set-password',
        payload: { token, newPassword },
        headers: csrfHeaders(anonymous),
      });
    const tooShort = await setPassword('kort');
    expect(tooShort.statusCode).toBe(400);
    expect(tooShort.json()).toMatchObject({ parameter: 'newPassword' });
    expect((await setPassword('een lange zin als wachtwoord')).json()).toEqual({
      email: 'nieuw@utrecht.example',
    });
    const again = await setPassword('nog een lange zin als wachtwoord');
    expect(again.statusCode).toBe(400);
    expect(again.json().message).toMatch(/ongeldig, al gebruikt of verlopen/);
    const session = await signInOverHttp(test.app, 'nieuw@utrecht.example', 'een lange zin als wachtwoord');
    expect((await requestAs(test.app, session, 'GET', '/api/auth/session')).json().user.memberships).toEqual([
      expect.objectContaining({ organisationId: fixture.other.id, role: 'aanleverancier' }),
    ]);
  });

  it('ends every session with "sign out everywhere", a password change and disabling the user', async () => {
    const first = await signInOverHttp(test.app, fixture.emailOf.lezer);
    const second = await signInOverHttp(test.app, fixture.emailOf.lezer);
    const everywhere = await requestAs(test.app, first, 'POST', '/api/auth/sign-out-everywhere');
    expect(everywhere.json()).toEqual({ sessionsEnded: 2 });
    expect((await requestAs(test.app, second, 'GET', '/api/auth/session')).json().user).toBeNull();

    const laptop = await signInOverHttp(test.app, fixture.emailOf.lezer);
    const phone = await signInOverHttp(test.app, fixture.emailOf.lezer);
    const wrongCurrent = await requestAs(test.app, laptop, 'POST', '/api/auth/password', {
      currentPassword: 'niet het goede',
      newPassword: 'een nieuw lang wachtwoord',
    });
    expect(wrongCurrent.statusCode).toBe(400);
    expect(wrongCurrent.json().parameter).toBe('currentPassword');
    const admin0 = await signInOverHttp(test.app, fixture.emailOf.beheerder);
    const link = (
      await requestAs(test.app, admin0, 'POST', `/api/users/${fixture.userIdOf.lezer}/password-link`)
    ).json().link;
    const changed = await requestAs(test.app, laptop, 'POST', '/api/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'een nieuw lang wachtwoord',
    });
    expect(changed.statusCode).toBe(200);
    expect((await requestAs(test.app, laptop, 'GET', '/api/auth/session')).json().user).not.toBeNull();
    expect((await requestAs(test.app, phone, 'GET', '/api/auth/session')).json().user).toBeNull();
    // A reset link from before the change no longer works.
    const anonymousState = await test.app.inject({ method: 'GET', url: '/api/auth/session' });
    const stale = await test.app.inject({
      method: 'POST',
      url: '/api/auth/set-password',
      payload: { token: tokenOf(link), newPassword: 'iemand anders zijn wachtwoord' },
      headers: csrfHeaders(anonymousState),
    });
    expect(stale.statusCode).toBe(400);

    const admin = await signInOverHttp(test.app, fixture.emailOf.beheerder);
    const disabled = await requestAs(test.app, admin, 'PATCH', `/api/users/${fixture.userIdOf.lezer}`, {
      disabled: true,
    });
    expect(disabled.json()).toMatchObject({ disabled: true });
    expect((await requestAs(test.app, laptop, 'GET', '/api/auth/session')).json().user).toBeNull();
    await expect(
      signInOverHttp(test.app, fixture.emailOf.lezer, 'een nieuw lang wachtwoord'),
    ).rejects.toThrow(/401/);
  });

  it('keeps at least one beheerder and explains why', async () => {
    const admin = await signInOverHttp(test.app, fixture.emailOf.beheerder);
    const demote = await requestAs(
      test.app,
      admin,
      'PUT',
      `/api/users/${fixture.userIdOf.beheerder}/memberships/${fixture.own.id}`,
      { role: 'lezer' },
    );
    expect(demote.statusCode).toBe(409);
    expect(demote.json().message).toMatch(/laatste beheerder/);
    const remove = await requestAs(
      test.app,
      admin,
      'DELETE',
      `/api/users/${fixture.userIdOf.beheerder}/memberships/${fixture.own.id}`,
    );
    expect(remove.statusCode).toBe(409);
    const self = await requestAs(test.app, admin, 'PATCH', `/api/users/${fixture.userIdOf.beheerder}`, {
      disabled: true,
    });
    expect(self.statusCode).toBe(400);
    const promote = await requestAs(
      test.app,
      admin,
      'PUT',
      `/api/users/${fixture.userIdOf.lezer}/memberships/${fixture.other.id}`,
      { role: 'beheerder' },
    );
    expect(promote.statusCode).toBe(200);
    expect(promote.json().memberships).toHaveLength(2);
    expect(
      (
        await requestAs(
          test.app,
          admin,
          'PUT',
          `/api/users/${fixture.userIdOf.beheerder}/memberships/${fixture.own.id}`,
          { role: 'lezer' },
        )
      ).statusCode,
    ).toBe(200);
  });

  it('validates organisations against the geography', async () => {
    const admin = await signInOverHttp(test.app, fixture.emailOf.beheerder);
    const create = (body: object) => requestAs(test.app, admin, 'POST', '/api/organisations', body);
    expect((await create({ kind: 'veilig_thuis', name: 'VT X', areaCode: 'GM0363' })).json()).toMatchObject({
      parameter: 'areaCode',
    });
    expect(
      (await create({ kind: 'gemeente', name: 'Gemeente Haaren', areaCode: 'GM0788' })).json().message,
    ).toMatch(/bestaat niet meer/);
    expect((await create({ kind: 'politie', name: 'Politie', areaCode: 'GM0363' })).json()).toMatchObject({
      parameter: 'areaCode',
    });
    expect(
      (await create({ kind: 'gemeente', name: 'Gemeente Amsterdam', areaCode: 'GM0363' })).statusCode,
    ).toBe(409);
    const vt = await create({
      kind: 'veilig_thuis',
      name: 'Veilig Thuis Amsterdam-Amstelland',
      areaCode: 'vt13',
    });
    expect(vt.statusCode).toBe(201);
    expect(vt.json()).toMatchObject({ areaCode: 'VT13', members: [] });
    const renamed = await requestAs(test.app, admin, 'PUT', `/api/organisations/${vt.json().id}`, {
      kind: 'veilig_thuis',
      name: 'VT A-A',
      areaCode: 'VT13',
    });
    expect(renamed.json().name).toBe('VT A-A');
  });

  it('closes published figures to visitors without an account when the setting says so', async () => {
    expect((await test.app.inject({ method: 'GET', url: '/api/areas?level=provincie' })).statusCode).toBe(
      200,
    );
    const admin = await signInOverHttp(test.app, fixture.emailOf.beheerder);
    expect(
      (await requestAs(test.app, admin, 'PUT', '/api/settings', { figuresPublic: false })).json(),
    ).toEqual({ figuresPublic: false, disclosureThreshold: 5, disclosureRoundTo: null });
    const closed = await test.app.inject({ method: 'GET', url: '/api/areas?level=provincie' });
    expect(closed.statusCode).toBe(401);
    expect((await requestAs(test.app, admin, 'GET', '/api/areas?level=provincie')).statusCode).toBe(200);
    expect((await test.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  });

  it('records changes and sign-ins in the audit log, which admins can search and export', async () => {
    const admin = await signInOverHttp(test.app, fixture.emailOf.beheerder);
    await requestAs(test.app, admin, 'POST', '/api/organisations', {
      kind: 'politie',
      name: '=HYPERLINK("x")',
    });
    const page = await requestAs(test.app, admin, 'GET', '/api/audit?action=organisation.create&limit=1');
    expect(page.statusCode).toBe(200);
    expect(page.json().total).toBe(3);
    expect(page.json().entries[0]).toMatchObject({
      action: 'organisation.create',
      result: 'success',
      objectType: 'organisation',
      actorLabel: fixture.emailOf.beheerder,
      origin: '127.0.0.1',
    });
    // The audit filter reads dates as Dutch days; the UTC date is a day behind from 23:00 or 22:00 UTC.
    const today = dutchDateToday();
    const byActor = await requestAs(
      test.app,
      admin,
      'GET',
      `/api/audit?actor=beheerder@&from=${today}&to=${today}`,
    );
    expect(byActor.json().entries.map((entry: { action: string }) => entry.action)).toEqual(
      expect.arrayContaining(['auth.sign_in', 'organisation.create', 'audit.search']),
    );
    const csv = await requestAs(test.app, admin, 'GET', '/api/audit/export?action=organisation.create');
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.body.split('\r\n')[0]).toBe(
      '\uFEFFtijdstip;actie;resultaat;objecttype;object;actor;actor_id;herkomst;details',
    );
    expect(csv.body).toContain(`"{""kind"":""politie"",""name"":""'=HYPERLINK(""""x"""")""`.slice(0, 20));
    expect(csv.body).not.toMatch(/;=HYPERLINK/);
    expect(await auditActions()).toEqual(
      expect.arrayContaining(['audit.search:success', 'audit.export:success']),
    );
  });

  it('keeps the audit log append-only for the application role and for the table owner', async () => {
    const db = test.database.db;
    await expect(db.execute(sql`update audit_log set action = 'x'`)).rejects.toThrow();
    await expect(db.execute(sql`delete from audit_log`)).rejects.toThrow();
    await expect(db.execute(sql`truncate audit_log`)).rejects.toThrow();
    const scope = { userId: null, isAdmin: true, organisationIds: [] };
    expect(await databaseError(withScope(db, scope, (tx) => tx.execute(sql`delete from audit_log`)))).toMatch(
      /permission denied/,
    );
    expect(
      await databaseError(
        withScope(db, scope, (tx) => tx.execute(sql`update audit_log set result = 'denied'`)),
      ),
    ).toMatch(/permission denied/);
    expect(await databaseError(db.execute(sql`delete from audit_log`))).toMatch(
      /alleen worden aangevuld: DELETE/,
    );
    // The application role writes entries only in the name of the actor it runs for.
    const lezer = { userId: fixture.userIdOf.lezer, isAdmin: false, organisationIds: [fixture.own.id] };
    expect(
      await databaseError(
        withScope(db, lezer, (tx) =>
          tx.insert(auditLog).values({
            action: 'x',
            result: 'success',
            origin: 'x',
            actorUserId: fixture.userIdOf.beheerder,
            actorLabel: 'vervalst',
          }),
        ),
      ),
    ).toMatch(/row-level security/);
    const [count] = await selectRows<{ n: number }>(db, sql`select count(*)::int as n from audit_log`);
    expect(count?.n).toBeGreaterThan(0);
  });

  it('enforces row-level security on memberships in the database itself', async () => {
    const db = test.database.db;
    const lezer = { userId: fixture.userIdOf.lezer, isAdmin: false, organisationIds: [fixture.own.id] };
    const outsider = {
      userId: '00000000-0000-4000-8000-000000000009',
      isAdmin: false,
      organisationIds: [fixture.other.id],
    };
    const all = () => db.select().from(memberships);
    const asLezer = await withScope(db, lezer, (tx) => tx.select().from(memberships));
    expect(asLezer).toHaveLength((await all()).length);
    // No WHERE clause at all, and still nothing of another organisation comes back.
    expect(await withScope(db, outsider, (tx) => tx.select().from(memberships))).toEqual([]);
    expect(
      await databaseError(
        withScope(db, lezer, (tx) =>
          tx
            .insert(memberships)
            .values({ userId: fixture.userIdOf.lezer, organisationId: fixture.other.id, role: 'beheerder' }),
        ),
      ),
    ).toMatch(/row-level security/);
    const removed = await withScope(db, lezer, (tx) => tx.delete(memberships).returning());
    expect(removed).toEqual([]);
    expect(await withScope(db, lezer, (tx) => tx.select().from(auditLog))).toEqual([]);
  });
});

/** The database's own message behind Drizzle's "Failed query" wrapper. */
async function databaseError(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    const cause = (error as { cause?: { message?: string } }).cause;
    return cause?.message ?? (error as Error).message;
  }
  throw new Error('expected the database to refuse');
}

function csrfHeaders(anonymous: {
  json(): { csrfToken: string };
  cookies: { name: string; value: string }[];
}) {
  const cookie = anonymous.cookies.find((candidate) => candidate.name === 'ketenzicht_csrf');
  return { 'x-csrf-token': anonymous.json().csrfToken, cookie: `ketenzicht_csrf=${cookie?.value}` };
}
