/**
 * The figures HTTP API as documented in OpenAPI: indicators, observations (JSON and CSV), imports (multipart,
 * dry run by default), the import history and undo, with who may do what.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type AccessFixture,
  requestAs,
  seedAccessFixture,
  signInOverHttp,
  type TestSession,
} from './support/accounts.ts';
import { createTestApp, type TestApp } from './support/app.ts';
import { TEST_ENGINES } from './support/database.ts';

const FIXTURES = path.resolve('test/fixtures/figures');
const BOUNDARY = 'ketenzichtgrens';

function multipart(file: Buffer | string, fileName: string, fields: Record<string, string> = {}): Buffer {
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields))
    parts.push(
      Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  parts.push(
    Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n`,
    ),
    Buffer.from(file),
    Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
  );
  return Buffer.concat(parts);
}

describe.each(TEST_ENGINES)('figures API on %s', (engine) => {
  let test: TestApp;
  let fixture: AccessFixture;
  let admin: TestSession;
  beforeEach(async () => {
    test = await createTestApp(engine);
    fixture = await seedAccessFixture(test.database.db);
    admin = await signInOverHttp(test.app, fixture.emailOf.beheerder);
  });
  afterEach(async () => test?.close());

  const upload = (session: TestSession | undefined, body: Buffer, query = '') =>
    test.app.inject({
      method: 'POST',
      url: `/api/imports${query}`,
      payload: body,
      headers: {
        'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
        ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrfToken } : {}),
      },
    });

  it('GET /api/indicators is public and lists code, name and the breakdown dimensions', async () => {
    const response = await test.app.inject({ method: 'GET', url: '/api/indicators' });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.items).toContainEqual(
      expect.objectContaining({ code: 'vt_meldingen', name: expect.any(String), unit: 'aantal' }),
    );
    expect(body.dimensions.map((dimension: { code: string }) => dimension.code)).toEqual(
      expect.arrayContaining(['aard_geweld', 'melder', 'leeftijd', 'geslacht']),
    );
    const one = await test.app.inject({
      method: 'GET',
      url: '/api/indicators/vt_meldingen_per_1000_inwoners',
    });
    expect(one.json().formula).toEqual({
      kind: 'per-1000',
      numerator: 'vt_meldingen',
      denominator: 'inwoners',
    });
    expect((await test.app.inject({ method: 'GET', url: '/api/indicators/bestaat_niet' })).statusCode).toBe(
      404,
    );
  });

  it('POST /api/imports: dry run by default, then dryRun=false imports; the figures are readable as JSON and CSV', async () => {
    const file = await readFile(path.join(FIXTURES, 'valid-long.csv'));
    const dry = await upload(admin, multipart(file, 'valid-long.csv'));
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({ outcome: 'proefimport', added: 9, fileName: 'valid-long.csv' });
    const committed = await upload(admin, multipart(file, 'valid-long.csv', { dryRun: 'false' }));
    expect(committed.json()).toMatchObject({ outcome: 'geimporteerd', added: 9 });

    const list = await test.app.inject({
      method: 'GET',
      url: '/api/observations?indicator=vt_meldingen&level=gemeente&period=2024JJ00',
    });
    expect(list.statusCode).toBe(200);
    const items = list.json().items as Array<{ areaCode: string; value: number | null }>;
    expect(items).toHaveLength(342);
    expect(items.find((item) => item.areaCode === 'GM0363')?.value).toBe(2560);
    expect(items.find((item) => item.areaCode === 'GM0344')?.value).toBe(1700);

    const csv = await test.app.inject({
      method: 'GET',
      url: '/api/observations?indicator=vt_meldingen&area=GM0363,GM0344&period=2024JJ00&breakdown=aard_geweld&format=csv',
    });
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe(
      'indicator;gebied;gebiedsnaam;periode;aard_geweld;melder;waarde;status;herkomst;ontbreekt',
    );
    expect(lines).toContain('vt_meldingen;GM0363;Amsterdam;2024JJ00;kindermishandeling;;;;;2024HJ02');

    const history = await test.app.inject({
      method: 'GET',
      url: '/api/observations/history?indicator=vt_meldingen&area=GM0344&period=2024JJ00',
    });
    expect(history.json().items).toEqual([
      expect.objectContaining({ version: 1, value: 1700, fileName: 'valid-long.csv', actorLabel: null }),
    ]);
    const asAdmin = await requestAs(
      test.app,
      admin,
      'GET',
      '/api/observations/history?indicator=vt_meldingen&area=GM0344&period=2024JJ00',
    );
    expect(asAdmin.json().items[0].actorLabel).toBe(fixture.emailOf.beheerder);
  });

  it('a refused file answers 422 with every problem, row and column; nothing changes', async () => {
    const file = await readFile(path.join(FIXTURES, 'invalid', 'unknown-area.csv'));
    const response = await upload(admin, multipart(file, 'fout.csv', { dryRun: 'false' }));
    expect(response.statusCode).toBe(422);
    expect(response.json().problems[0]).toMatchObject({ row: 2, column: 'gebied', value: 'GM9999' });
    const list = await requestAs(test.app, admin, 'GET', '/api/imports');
    expect(list.json().total).toBe(0);
  });

  it('import history and undo, for beheerders', async () => {
    const file = await readFile(path.join(FIXTURES, 'valid-long.csv'));
    const committed = (await upload(admin, multipart(file, 'valid-long.csv'), '?dryRun=false')).json();
    const list = await requestAs(test.app, admin, 'GET', '/api/imports');
    expect(list.json().items[0]).toMatchObject({
      id: committed.importId,
      fileName: 'valid-long.csv',
      added: 9,
      actorLabel: fixture.emailOf.beheerder,
    });
    const undo = await requestAs(test.app, admin, 'POST', `/api/imports/${committed.importId}/undo`);
    expect(undo.statusCode).toBe(200);
    expect(undo.json()).toMatchObject({ withdrawn: 9 });
    expect(
      (await requestAs(test.app, admin, 'POST', `/api/imports/${committed.importId}/undo`)).statusCode,
    ).toBe(409);
    expect((await requestAs(test.app, admin, 'POST', '/api/imports/999999/undo')).statusCode).toBe(404);
  });

  it('who may import: not anonymous, not a lezer; an aanleverancier only for their own gemeente', async () => {
    const body = multipart('indicator;gebied;periode;waarde\nvt_adviezen;GM0344;2024JJ00;5\n', 'utrecht.csv');
    expect((await upload(undefined, body)).statusCode).toBe(401);
    const reader = await signInOverHttp(test.app, fixture.emailOf.lezer);
    expect((await upload(reader, body)).statusCode).toBe(403);
    expect((await requestAs(test.app, reader, 'GET', '/api/imports')).statusCode).toBe(403);
    const supplier = await signInOverHttp(test.app, fixture.emailOf.aanleverancier);
    const foreign = await upload(supplier, body);
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json().problems[0].message).toContain(
      'U mag geen cijfers aanleveren voor Utrecht (GM0344)',
    );
    const own = await upload(
      supplier,
      multipart('indicator;gebied;periode;waarde\nvt_adviezen;GM0363;2024JJ00;5\n', 'amsterdam.csv'),
      '?dryRun=false',
    );
    expect(own.json()).toMatchObject({ outcome: 'geimporteerd', added: 1 });
    // Without the CSRF header a write is refused before anything is read.
    const noCsrf = await test.app.inject({
      method: 'POST',
      url: '/api/imports',
      payload: body,
      headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}`, cookie: admin.cookie },
    });
    expect(noCsrf.statusCode).toBe(403);
  });

  it('asks for multipart and a file', async () => {
    const json = await requestAs(test.app, admin, 'POST', '/api/imports', { file: 'x' });
    expect(json.statusCode).toBe(415);
    const noFile = await upload(
      admin,
      Buffer.from(
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="dryRun"\r\n\r\ntrue\r\n--${BOUNDARY}--\r\n`,
      ),
    );
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json().message).toContain('"file"');
  });

  it('bad queries get a Dutch message', async () => {
    const badPeriod = await test.app.inject({
      method: 'GET',
      url: '/api/observations?indicator=vt_meldingen&period=2024Q1',
    });
    expect(badPeriod.statusCode).toBe(400);
    const unknown = await test.app.inject({ method: 'GET', url: '/api/observations?indicator=bestaat_niet' });
    expect(unknown.statusCode).toBe(404);
    const badBreakdown = await test.app.inject({
      method: 'GET',
      url: '/api/observations?indicator=inwoners&breakdown=aard_geweld',
    });
    expect(badBreakdown.statusCode).toBe(400);
    expect(badBreakdown.json().message).toContain('heeft geen uitsplitsing');
  });

  it('a beheerder adds an indicator; others may not; the catalogue rules apply', async () => {
    const indicator = {
      code: 'wijkteam_casussen_hg',
      name: 'Casussen huiselijk geweld bij het wijkteam',
      definition: 'Aantal nieuwe casussen huiselijk geweld bij het wijkteam.',
      source: 'wijkteam',
      unit: 'aantal',
      periodTypes: ['JJ', 'KW'],
      aggregation: 'sum',
      higherIsBetter: null,
      breakdowns: ['aard_geweld'],
      formula: null,
    };
    const created = await requestAs(test.app, admin, 'POST', '/api/indicators', indicator);
    expect(created.statusCode, created.body).toBe(201);
    expect((await requestAs(test.app, admin, 'POST', '/api/indicators', indicator)).statusCode).toBe(409);
    const reader = await signInOverHttp(test.app, fixture.emailOf.lezer);
    expect(
      (await requestAs(test.app, reader, 'POST', '/api/indicators', { ...indicator, code: 'ander' }))
        .statusCode,
    ).toBe(403);
    const broken = await requestAs(test.app, admin, 'POST', '/api/indicators', {
      ...indicator,
      code: 'kapot',
      unit: 'percentage',
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().message).toContain('niet optelbaar');
    const list = await test.app.inject({ method: 'GET', url: '/api/indicators' });
    expect(list.json().items).toContainEqual(
      expect.objectContaining({ code: 'wijkteam_casussen_hg', origin: 'beheerder' }),
    );
    // The new indicator takes figures at once.
    const imported = await upload(
      admin,
      multipart('indicator;gebied;periode;waarde\nwijkteam_casussen_hg;GM0363;2024KW01;12\n', 'wijkteam.csv'),
      '?dryRun=false',
    );
    expect(imported.json()).toMatchObject({ outcome: 'geimporteerd', added: 1 });
  });
});
