/**
 * Hostile and malformed input on every query and path parameter of the API: each answer is a clear 4xx (or a
 * normal 200), never a server error, and nothing in the database changes.
 */
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { selectRows } from '../src/server/db/client.ts';
import { createTestApp, type TestApp } from './support/app.ts';
import { TEST_ENGINES } from './support/database.ts';

const HOSTILE = [
  "' or 1=1 --",
  "'; drop table area; --",
  '<script>alert(1)</script>',
  '%00',
  '%',
  '_',
  '\\',
  '../../etc/passwd',
  'GM0363\u0000',
  '\u0000',
  'ams\u0000terdam',
  '𝔊𝔐0363',
  'x'.repeat(5000),
  '-1',
  '1e309',
  'NaN',
  '[]',
  '{"a":1}',
];

/** Random text, including control characters, astral symbols and the hostile strings above. */
const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.constantFrom(...HOSTILE));

describe.each(TEST_ENGINES)('API robustness on %s', (engine) => {
  let test: TestApp;
  let app: TestApp['app'];
  let database: TestApp['database'];
  beforeEach(async () => {
    test = await createTestApp(engine);
    ({ app, database } = test);
  });
  afterEach(async () => test?.close());

  const fingerprint = async () =>
    selectRows<{ areas: number; memberships: number; mergers: number; populations: number }>(
      database.db,
      sql`select (select count(*)::int from area) as areas, (select count(*)::int from area_membership) as memberships,
                 (select count(*)::int from municipal_merger) as mergers, (select count(*)::int from population) as populations`,
    );

  it('answers any value of any parameter with 200 or a 4xx that explains itself', async () => {
    const before = await fingerprint();
    const urls = (value: string) => {
      const encoded = encodeURIComponent(value);
      return [
        `/api/areas?level=${encoded}`,
        `/api/areas?q=${encoded}`,
        `/api/areas?parent=${encoded}`,
        `/api/areas?year=${encoded}`,
        `/api/areas/${encoded}`,
        `/api/areas/GM0363?year=${encoded}`,
        `/api/boundaries/${encoded}`,
      ];
    };
    await fc.assert(
      fc.asyncProperty(anyText, async (value) => {
        for (const url of urls(value)) {
          const response = await app.inject({ method: 'GET', url });
          expect(response.statusCode, `${url} → ${response.body.slice(0, 200)}`).toBeLessThan(500);
          expect(response.headers['content-type']).toMatch(/^application\/json/);
          if (response.statusCode >= 400) expect(response.json().message, url).toEqual(expect.any(String));
        }
      }),
      { numRuns: 60 },
    );
    expect(await fingerprint()).toEqual(before);
  });

  it('refuses writes and bodies on read-only routes without touching the database', async () => {
    const before = await fingerprint();
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH'] as const) {
      const response = await app.inject({
        method,
        url: '/api/areas',
        headers: { 'content-type': 'application/json' },
        payload: '{"code":"GM9999","name":"<script>"}',
      });
      expect(response.statusCode, method).toBe(404);
    }
    const huge = await app.inject({
      method: 'POST',
      url: '/api/areas',
      headers: { 'content-type': 'application/json' },
      payload: `{"a":"${'x'.repeat(2 * 1024 * 1024)}"}`,
    });
    expect(huge.statusCode).toBeGreaterThanOrEqual(400);
    expect(huge.statusCode).toBeLessThan(500);
    expect(await fingerprint()).toEqual(before);
  });
});
