/** Uploading a merger file over HTTP: all rows or none, judged by content, every problem with row and column. */
import { readFile } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { selectRows } from '../src/server/db/client.ts';
import {
  type AccessFixture,
  seedAccessFixture,
  signInOverHttp,
  type TestSession,
} from './support/accounts.ts';
import { createTestApp, type TestApp } from './support/app.ts';
import { TEST_ENGINES } from './support/database.ts';

const HEADER = 'old_code,old_name,new_code,new_name,effective_date,population_share,new_code_is_new,source\n';

describe.each(TEST_ENGINES)('merger upload on %s', (engine) => {
  let test: TestApp;
  let fixture: AccessFixture;
  let admin: TestSession;
  beforeEach(async () => {
    test = await createTestApp(engine);
    fixture = await seedAccessFixture(test.database.db);
    admin = await signInOverHttp(test.app, fixture.emailOf.beheerder);
  });
  afterEach(async () => test?.close());

  const upload = (
    body: Buffer | string,
    query = '',
    session: TestSession | null = admin,
    contentType = 'text/csv',
  ) =>
    test.app.inject({
      method: 'POST',
      url: `/api/mergers/import${query}`,
      payload: body,
      headers: {
        'content-type': contentType,
        ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrfToken } : {}),
      },
    });
  const mergers = async () =>
    (
      await selectRows<{ n: number }>(test.database.db, sql`select count(*)::int as n from municipal_merger`)
    )[0]?.n;
  const auditOf = async () =>
    selectRows<{ result: string; details: Record<string, unknown> }>(
      test.database.db,
      sql`select result, details from audit_log where action = 'mergers.import' order by id`,
    );

  it('validates in a dry run, then imports, and records both', async () => {
    const before = await mergers();
    const file = `${HEADER}GM0999,Oudstad,GM0998,Nieuwstad,2027-01-01,1,ja,test\n`;
    const dry = await upload(file, '?dryRun=true&fileName=nieuw.csv');
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toEqual({ fileName: 'nieuw.csv', rows: 1, dryRun: true, encoding: 'utf-8' });
    expect(await mergers()).toBe(before);
    const real = await upload(file, '?fileName=nieuw.csv');
    expect(real.json()).toMatchObject({ rows: 1, dryRun: false });
    expect(await mergers()).toBe((before ?? 0) + 1);
    // The same merger again, with a corrected name and source: updated in place, not added twice.
    await upload(`${HEADER}GM0999,Oudstad,GM0998,Nieuwstad-Centrum,2027-01-01,1,ja,gecorrigeerd\n`);
    expect(await mergers()).toBe((before ?? 0) + 1);
    const [row] = await selectRows<{ new_name: string; source: string }>(
      test.database.db,
      sql`select new_name, source from municipal_merger where old_code = 'GM0999'`,
    );
    expect(row).toEqual({ new_name: 'Nieuwstad-Centrum', source: 'gecorrigeerd' });
    expect((await auditOf()).map((entry) => [entry.result, entry.details.dryRun])).toEqual([
      ['success', true],
      ['success', false],
      ['success', false],
    ]);
  });

  it('reads a Windows-1252 file as Excel writes it', async () => {
    const file = Buffer.concat([
      Buffer.from(HEADER),
      Buffer.from('GM0999,S'),
      Buffer.from([0xfa]),
      Buffer.from('dwest,GM0998,Nieuw,2027-01-01,1,ja,test\n'),
    ]);
    const response = await upload(file);
    expect(response.json()).toMatchObject({ rows: 1, encoding: 'windows-1252' });
    const [row] = await selectRows<{ old_name: string }>(
      test.database.db,
      sql`select old_name from municipal_merger where old_code = 'GM0999'`,
    );
    expect(row?.old_name).toBe('Súdwest');
  });

  it('refuses a file with errors as a whole, listing every problem with row, column and value', async () => {
    const before = await mergers();
    const file = `${HEADER}GM0999,Oud,GM0998,Nieuw,2027-01-01,1,ja,test\nGM999,Oud,GM0998,Nieuw,01-01-2027,1,ja,test\n`;
    const response = await upload(file, '?fileName=fout.csv');
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toMatch(/^fout\.csv: 2 fout\(en\)/);
    expect(response.json().problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 3, column: 'old_code', value: 'GM999' }),
        expect.objectContaining({ row: 3, column: 'effective_date', value: '01-01-2027' }),
      ]),
    );
    expect(await mergers()).toBe(before);
    expect((await auditOf()).map((entry) => entry.result)).toEqual(['failure']);
  });

  it('judges the file by its content: a spreadsheet renamed to .csv is refused with advice', async () => {
    const xlsx = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, ...Array(100).fill(0)]);
    const response = await upload(xlsx, '?fileName=herindelingen.csv');
    expect(response.statusCode).toBe(415);
    expect(response.json().message).toBe(
      'herindelingen.csv is een Excel- of zipbestand, geen CSV-bestand. Sla het werkblad op als CSV (UTF-8).',
    );
    expect((await auditOf()).at(-1)).toMatchObject({
      result: 'failure',
      details: { fileName: 'herindelingen.csv' },
    });
    const json = await upload('{"a":1}', '', admin, 'application/json');
    expect(json.statusCode).toBe(415);
    const shipped = await readFile('reference-data/herindelingen.csv');
    const big = Buffer.concat(Array(Math.ceil((6 * 1024 * 1024) / shipped.length)).fill(shipped));
    const tooBig = await upload(big);
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().message).toBe('Het verzoek is te groot: de grens is 5 MB.');
    const empty = await upload('', '?fileName=leeg.csv');
    expect(empty.statusCode).toBe(400);
    expect(empty.json().message).toMatch(/^leeg\.csv is leeg/);
  });

  it('is for beheerders only', async () => {
    const file = `${HEADER}GM0999,Oud,GM0998,Nieuw,2027-01-01,1,ja,test\n`;
    expect((await upload(file, '', null)).statusCode).toBe(401);
    const lezer = await signInOverHttp(test.app, fixture.emailOf.aanleverancier);
    expect((await upload(file, '', lezer)).statusCode).toBe(403);
  });

  it('answers random bytes with a 4xx and changes nothing', async () => {
    const before = await mergers();
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 2000 }), async (bytes) => {
        const response = await upload(Buffer.from(bytes));
        expect(response.statusCode, response.body.slice(0, 200)).toBeGreaterThanOrEqual(400);
        expect(response.statusCode, response.body.slice(0, 200)).toBeLessThan(500);
        expect(response.json().message).toEqual(expect.any(String));
      }),
      { numRuns: 60 },
    );
    expect(await mergers()).toBe(before);
  });

  it('never fails on a file cut off anywhere: a cut row is refused or, when still a valid row, counted', async () => {
    const shipped = await readFile('reference-data/herindelingen.csv');
    const complete = shipped.toString('utf8').trimEnd().split('\n').length - 1;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: shipped.length - 1 }), async (cut) => {
        const response = await upload(shipped.subarray(0, cut), '?dryRun=true');
        expect(response.statusCode, `cut at ${cut}: ${response.body.slice(0, 200)}`).toBeLessThan(500);
        if (response.statusCode === 200) expect(response.json().rows).toBeLessThanOrEqual(complete);
        else expect(response.json().message).toMatch(/fout|leeg|geen/);
      }),
      { numRuns: 40 },
    );
  });
});
