/**
 * Hostile and malformed bodies on every state-changing API route, sent as a signed-in beheerder (so the request
 * gets past access control and meets validation): malformed, truncated, oversized, deeply nested, wrongly encoded
 * and random input is refused with a 4xx and a Dutch message and changes nothing; text with script or SQL in it is
 * refused or stored exactly as sent (parameterised), never executed; the server keeps serving throughout.
 */
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectRows } from '../src/server/db/client.ts';
import {
  type AccessFixture,
  requestAs,
  seedAccessFixture,
  signInOverHttp,
  type TestSession,
} from './support/accounts.ts';
import { createTestApp, type TestApp } from './support/app.ts';
import { TEST_ENGINES } from './support/database.ts';

const SCRIPT_AND_SQL = [
  "' or 1=1 --",
  "'); drop table app_user; --",
  '"; delete from audit_log; --',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, meant literally
  '${7*7}{{7*7}}',
  '\u0000',
  'a\u0000b',
  '\uFFFD\uFFFD',
  '𝔊𝔐0363',
  'x'.repeat(10_000),
  '',
  ' ',
];

/** A valid body per state-changing route (with the route's parameters filled in), to be spoiled field by field. */
function templates(fixture: AccessFixture): Record<string, { url: string; body?: Record<string, unknown> }> {
  const user = fixture.userIdOf.lezer;
  return {
    'POST /api/auth/sign-in': {
      url: '/api/auth/sign-in',
      body: { email: 'x@y.nl', password: 'geen goed wachtwoord' },
    },
    'POST /api/auth/set-password': {
      url: '/api/auth/set-password',
      body: { token: 'a'.repeat(43), newPassword: 'een lang wachtwoord' },
    },
    'POST /api/auth/password': {
      url: '/api/auth/password',
      body: { currentPassword: 'fout fout fout', newPassword: 'een lang wachtwoord' },
    },
    'POST /api/auth/sign-out': { url: '/api/auth/sign-out' },
    'POST /api/auth/sign-out-everywhere': { url: '/api/auth/sign-out-everywhere' },
    'POST /api/organisations': { url: '/api/organisations', body: { kind: 'politie', name: 'Eenheid' } },
    'PUT /api/organisations/:id': {
      url: `/api/organisations/${fixture.other.id}`,
      body: { kind: 'gemeente', name: 'Gemeente Utrecht', areaCode: 'GM0344' },
    },
    'POST /api/users': { url: '/api/users', body: { email: 'nieuw@x.nl', displayName: 'Nieuw' } },
    'PATCH /api/users/:id': { url: `/api/users/${user}`, body: { displayName: 'Lezer' } },
    'POST /api/users/:id/password-link': { url: `/api/users/${user}/password-link` },
    'PUT /api/users/:id/memberships/:organisationId': {
      url: `/api/users/${user}/memberships/${fixture.own.id}`,
      body: { role: 'lezer' },
    },
    'DELETE /api/users/:id/memberships/:organisationId': {
      url: `/api/users/${user}/memberships/${fixture.other.id}`,
    },
    'PUT /api/settings': { url: '/api/settings', body: { figuresPublic: true } },
    // File uploads have their own robustness tests (test/merger-upload.db.test.ts, test/figures-import.db.test.ts).
    'POST /api/mergers/import': { url: '/api/mergers/import?dryRun=true' },
    'POST /api/imports': { url: '/api/imports?dryRun=false' },
    'POST /api/imports/:id/undo': { url: '/api/imports/999999/undo' },
    // Case extracts have their own refusal tests (test/cases.db.test.ts); here: no body of any kind gets in.
    'POST /api/cases/imports': { url: '/api/cases/imports?dryRun=false' },
    'POST /api/cases/imports/:id/undo': { url: '/api/cases/imports/999999/undo' },
    'PUT /api/interventions/:code': {
      url: '/api/interventions/robuust_getest',
      body: {
        name: 'Robuustheidstest',
        targetGroup: 'Niemand',
        violenceTypes: ['partnergeweld'],
        recognitionLevel: 'niet_beoordeeld',
        provider: 'Test',
        url: null,
      },
    },
    'PUT /api/cases/schedules/:region': {
      url: '/api/cases/schedules/VT01',
      body: {
        moments: [
          { months: 3, daysBefore: 14, daysAfter: 30 },
          { months: 12, daysBefore: 30, daysAfter: 60 },
        ],
      },
    },
    'POST /api/indicators': {
      url: '/api/indicators',
      body: {
        code: 'robuust_getest',
        name: 'Robuustheidstest',
        definition: 'Een indicator die de robuustheidstest probeert aan te maken.',
        source: 'gemeente',
        unit: 'aantal',
        periodTypes: ['JJ'],
        aggregation: 'sum',
      },
    },
  };
}

describe.each(TEST_ENGINES)('write robustness on %s', (engine) => {
  let test: TestApp;
  let fixture: AccessFixture;
  let admin: TestSession;
  beforeAll(async () => {
    test = await createTestApp(engine, { signInRateLimit: { max: 100_000, timeWindow: 60_000 } });
    fixture = await seedAccessFixture(test.database.db);
    admin = await signInOverHttp(test.app, fixture.emailOf.beheerder);
  });
  afterAll(async () => test?.close());

  /** Everything but the audit log, which rightly records refused attempts. */
  const fingerprint = async () =>
    selectRows(
      test.database.db,
      sql`select (select count(*)::int from organisation) as organisations, (select count(*)::int from app_user) as users,
                 (select count(*)::int from membership) as memberships, (select count(*)::int from one_time_token) as links,
                 (select count(*)::int from setting) as settings,
                 (select count(*)::int from indicator) as indicators, (select count(*)::int from import_batch) as imports,
                 (select count(*)::int from intervention) as interventions, (select count(*)::int from casus) as cases,
                 (select count(*)::int from case_import) as case_imports,
                 (select count(*)::int from follow_up_schedule) as schedules,
                 (select string_agg(name || kind || coalesce(area_code, ''), ',' order by id) from organisation) as names,
                 (select string_agg(email || display_name || coalesce(password_hash, ''), ',' order by email) from app_user) as people`,
    );
  const stillServing = async () =>
    expect((await test.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  const send = (method: string, url: string, payload: string | Buffer, contentType = 'application/json') =>
    test.app.inject({
      method: method as 'POST',
      url,
      payload,
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken, 'content-type': contentType },
    });

  it('has a template for every state-changing route', () => {
    const writes = test.app.apiRoutes
      .filter((route) => route.method !== 'GET')
      .map((route) => `${route.method} ${route.url}`);
    expect(writes.sort()).toEqual(Object.keys(templates(fixture)).sort());
  });

  it('refuses malformed, truncated, oversized, nested, wrongly typed and random bodies and changes nothing', async () => {
    const before = await fingerprint();
    const spoiled: [string, string | Buffer, string?][] = [
      ['truncated JSON', '{"email": "x@y.nl", "pass'],
      ['not JSON', 'hello'],
      ['JSON array', '[1,2,3]'],
      ['JSON null', 'null'],
      ['deep nesting', `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`],
      ['deep array', `${'['.repeat(50_000)}${']'.repeat(50_000)}`],
      ['oversized', `{"name":"${'x'.repeat(2 * 1024 * 1024)}"}`],
      [
        'Windows-1252 bytes',
        Buffer.from([0x7b, 0x22, 0x6e, 0x61, 0x6d, 0x65, 0x22, 0x3a, 0x22, 0xe9, 0xe8, 0x22, 0x7d]),
      ],
      ['XML', '<organisation><name>x</name></organisation>', 'application/xml'],
      ['form', 'name=x&kind=politie', 'application/x-www-form-urlencoded'],
      [
        'multipart',
        '--b\r\nContent-Disposition: form-data; name="x"\r\n\r\ny\r\n--b--',
        'multipart/form-data; boundary=b',
      ],
      ['text', 'name: x', 'text/plain'],
      ['prototype pollution', '{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"x":1}}}'],
    ];
    for (const [key, template] of Object.entries(templates(fixture))) {
      if (!template.body) continue;
      const [method] = key.split(' ');
      for (const [name, payload, contentType] of spoiled) {
        const response = await send(method ?? 'POST', template.url, payload, contentType);
        const what = `${key} with ${name}: ${response.statusCode} ${response.body.slice(0, 160)}`;
        expect(response.statusCode, what).toBeGreaterThanOrEqual(400);
        expect(response.statusCode, what).toBeLessThan(500);
        expect(response.json().message, what).toMatch(/[a-z]/);
        expect(response.json().message, what).not.toMatch(/Body|Unsupported|Request body|is not valid/);
      }
      // Every field replaced by a value of the wrong type.
      for (const field of Object.keys(template.body)) {
        for (const wrong of [null, 42, true, [], {}, ['x'], { $gt: '' }]) {
          if (typeof wrong === typeof template.body[field]) continue; // a right value, not a wrong one
          const response = await send(
            method ?? 'POST',
            template.url,
            JSON.stringify({ ...template.body, [field]: wrong }),
          );
          expect(
            response.statusCode,
            `${key} ${field}=${JSON.stringify(wrong)}: ${response.body}`,
          ).toBeGreaterThanOrEqual(400);
          expect(response.statusCode, `${key} ${field}=${JSON.stringify(wrong)}`).toBeLessThan(500);
        }
      }
      expect(await fingerprint(), key).toEqual(before);
    }
    await stillServing();
    expect(await fingerprint()).toEqual(before);
  });

  it('stores script and SQL in text fields exactly as sent, or refuses them; it never runs them', async () => {
    for (const [key, template] of Object.entries(templates(fixture))) {
      if (!template.body) continue;
      const [method] = key.split(' ');
      for (const field of Object.keys(template.body).filter(
        (name) => typeof template.body?.[name] === 'string',
      )) {
        for (const value of SCRIPT_AND_SQL) {
          const response = await send(
            method ?? 'POST',
            template.url,
            JSON.stringify({ ...template.body, [field]: value }),
          );
          const what = `${key} ${field}=${JSON.stringify(value.slice(0, 40))}: ${response.statusCode} ${response.body.slice(0, 160)}`;
          expect(response.statusCode, what).toBeLessThan(500);
          if (response.statusCode >= 400) expect(response.json().message, what).toEqual(expect.any(String));
        }
      }
    }
    await stillServing();
    // Nothing was executed: the tables are all still there and no markup made it into a stored name.
    const [counts] = await selectRows<{ users: number; log: number; markup: number }>(
      test.database.db,
      sql`select (select count(*)::int from app_user) as users, (select count(*)::int from audit_log) as log,
                 (select count(*)::int from organisation where name ~ '[<>]') + (select count(*)::int from app_user where display_name ~ '[<>]') as markup`,
    );
    expect(counts?.users).toBeGreaterThanOrEqual(6);
    expect(counts?.log).toBeGreaterThan(0);
    expect(counts?.markup).toBe(0);
    // SQL-looking text that is a valid name is kept literally.
    const created = await requestAs(test.app, admin, 'POST', '/api/organisations', {
      kind: 'politie',
      name: "Eenheid '); drop table app_user; --",
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().name).toBe("Eenheid '); drop table app_user; --");
  });

  it('answers random bytes on every write route with a 4xx and keeps serving', async () => {
    const before = await fingerprint();
    const routes = Object.entries(templates(fixture)).filter(([, template]) => template.body);
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 3000 }),
        fc.constantFrom(...routes),
        async (bytes, [key, template]) => {
          const response = await send(key.split(' ')[0] ?? 'POST', template.url, Buffer.from(bytes));
          expect(response.statusCode, `${key}: ${response.body.slice(0, 160)}`).toBeGreaterThanOrEqual(400);
          expect(response.statusCode).toBeLessThan(500);
        },
      ),
      { numRuns: 150 },
    );
    await stillServing();
    expect(await fingerprint()).toEqual(before);
  });
});
