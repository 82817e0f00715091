/**
 * The dashboards API on a small hand-made data set: small-number protection across map, profile, series and
 * downloads (no hidden count recoverable from what any view shows), rates per 1,000, comparison groups, today's
 * division, "gewijzigd sinds", and new figures visible as soon as their import commits.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectRows } from '../src/server/db/client.ts';
import { updateSettings } from '../src/server/modules/access/access.service.ts';
import type {
  MapResponse,
  ProfileResponse,
  SeriesResponse,
} from '../src/server/modules/dashboards/dashboards.schemas.ts';
import { importFigures } from '../src/server/modules/figures/figures.import.ts';
import { CLI_CONTEXT } from './support/accounts.ts';
import { createTestApp, type TestApp } from './support/app.ts';
import { TEST_ENGINES } from './support/database.ts';

const REGION = 'VT01'; // Amsterdam-Amstelland

describe.each(TEST_ENGINES)('dashboards API on %s', (engine) => {
  let test: TestApp;
  let folder: string;
  let members: string[];
  const values = new Map<string, number>();

  const load = async (lines: string[], name: string) => {
    const file = path.join(folder, name);
    await writeFile(file, `indicator;gebied;periode;melder;waarde;status\n${lines.join('\n')}\n`);
    const report = await importFigures(test.database.db, CLI_CONTEXT, {
      path: file,
      fileName: name,
      dryRun: false,
    });
    expect(report.problems).toEqual([]);
  };
  const get = async <T>(url: string) => {
    const response = await test.app.inject({ method: 'GET', url });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as T;
  };

  beforeAll(async () => {
    test = await createTestApp(engine);
    folder = await mkdtemp(path.join(tmpdir(), 'ketenzicht-dashboards-'));
    const rows = await selectRows<{ child_code: string }>(
      test.database.db,
      sql`select child_code from area_membership where parent_code = ${REGION}
          and valid_from <= '2025-01-01' and (valid_to is null or valid_to > '2025-01-01') order by child_code`,
    );
    members = rows.map((row) => row.child_code);
    // One small gemeente (3 meldingen), the others large; Weesp (merged into Amsterdam in 2022) in 2021.
    const lines: string[] = [];
    members.forEach((code, index) => {
      const meldingen = index === 0 ? 3 : 40 + index * 7;
      values.set(code, meldingen);
      lines.push(`vt_meldingen;${code};2025JJ00;;${meldingen};definitief`);
      lines.push(`inwoners;${code};2025JJ00;;${10_000 + index * 1_000};definitief`);
      // melder parts adding up to the total: one part of 2 is small.
      if (index === 1) {
        lines.push(`vt_meldingen;${code};2025JJ00;justitie_veiligheid;${meldingen - 2};definitief`);
        lines.push(`vt_meldingen;${code};2025JJ00;onbekend;2;definitief`);
      }
    });
    lines.push(
      'vt_meldingen;GM0363;2021JJ00;;1000;definitief',
      'vt_meldingen;GM0457;2021JJ00;;100;definitief',
    );
    lines.push('inwoners;GM0363;2021JJ00;;870000;definitief', 'inwoners;GM0457;2021JJ00;;20000;definitief');
    await load(lines, 'eerste.csv');
  }, 120_000);
  afterAll(async () => {
    await test?.close();
    await rm(folder, { recursive: true, force: true });
  });

  it('hides small counts and whatever would give them away, on every level of the map', async () => {
    const gemeenten = await get<MapResponse>(
      '/api/dashboard/map?indicator=vt_meldingen&period=2025JJ00&level=gemeente&measure=aantal',
    );
    const regions = await get<MapResponse>(
      '/api/dashboard/map?indicator=vt_meldingen&period=2025JJ00&level=veiligthuisregio&measure=aantal',
    );
    const inRegion = gemeenten.items.filter((item) => members.includes(item.areaCode));
    expect(inRegion).toHaveLength(members.length);
    const small = inRegion.find((item) => item.areaCode === members[0]);
    expect(small).toMatchObject({ status: 'afgeschermd', reason: null, value: null, count: null });
    const region = regions.items.find((item) => item.areaCode === REGION);
    const hidden = inRegion.filter((item) => item.status === 'afgeschermd');
    // The region total is shown, so a second gemeente must be hidden: otherwise total − shown = the small one.
    expect(region?.status).toBe('getoond');
    expect(region?.value).toBe([...values.values()].reduce((a, b) => a + b, 0));
    expect(hidden.length).toBeGreaterThanOrEqual(2);
    const shownSum = inRegion.reduce((sum, item) => sum + (item.value ?? 0), 0);
    expect((region?.value ?? 0) - shownSum).toBeGreaterThan(values.get(members[0] as string) as number);
    expect(gemeenten.protection).toMatchObject({ threshold: 5, roundTo: null });
    expect(gemeenten.notes.join(' ')).toContain('afgeschermd');
  });

  it('protects breakdown parts against their total too', async () => {
    const response = await test.app.inject({
      method: 'GET',
      url: `/api/observations?indicator=vt_meldingen&area=${members[1]}&period=2025JJ00&breakdown=melder`,
    });
    const items = response.json().items as Array<{
      breakdown: { melder: string };
      value: number | null;
      status: string;
    }>;
    const part = (code: string) => items.find((item) => item.breakdown.melder === code);
    expect(part('onbekend')?.value).toBeNull();
    // Total minus justitie_veiligheid would be the hidden 2: justitie_veiligheid (or the total) must go too.
    const total = await get<MapResponse>(
      '/api/dashboard/map?indicator=vt_meldingen&period=2025JJ00&measure=aantal',
    );
    const totalShown = total.items.find((item) => item.areaCode === members[1])?.value ?? null;
    expect(totalShown === null || part('justitie_veiligheid')?.value === null).toBe(true);
  });

  it('computes rates per 1,000 inhabitants from shown counts, with intervals and ranks', async () => {
    const map = await get<MapResponse>('/api/dashboard/map?indicator=vt_meldingen&period=2025JJ00');
    expect(map.measure).toBe('per1000');
    expect(map.measureLabel).toBe('per 1.000 inwoners');
    const shown = map.items.filter((item) => item.status === 'getoond');
    expect(shown.length).toBeGreaterThan(0);
    for (const item of shown) {
      expect(item.value).toBeCloseTo(((item.count as number) / (item.base as number)) * 1000, 3);
      expect(item.interval?.low).toBeLessThan(item.value as number);
      expect(item.interval?.high).toBeGreaterThan(item.value as number);
    }
    for (const item of map.items.filter((candidate) => candidate.status === 'afgeschermd'))
      expect([item.value, item.count, item.interval, item.rank]).toEqual([null, null, null, null]);
    // Only a few gemeenten have figures: Nederland is incomplete, so there is no reference and no funnel.
    expect(map.reference.status).toBe('geen gegevens');
    expect(map.funnel).toEqual([]);
    expect(shown.every((item) => item.comparison === 'te weinig')).toBe(true);
  });

  it('shows an area profile with its region, Nederland and a comparison group', async () => {
    const profile = await get<ProfileResponse>(`/api/dashboard/profile/${members[2]}?period=2025JJ00`);
    const meldingen = profile.keyFigures.find((figure) => figure.indicator.code === 'vt_meldingen');
    expect(meldingen?.area.status).toBe('getoond');
    expect(meldingen?.comparisons.map((comparison) => comparison.code)).toEqual([REGION, 'NL01', null]);
    expect(profile.group.kind).toBe('grootteklasse');
    const own = await get<ProfileResponse>(
      `/api/dashboard/profile/${members[2]}?period=2025JJ00&group=eigen&groupAreas=${members[3]},${members[4]}`,
    );
    expect(own.group.areas.map((area) => area.code).sort()).toEqual(
      [members[2], members[3], members[4]].sort(),
    );
    const regionProfile = await get<ProfileResponse>(`/api/dashboard/profile/${REGION}?period=2025JJ00`);
    expect(regionProfile.members?.rows.map((row) => row.areaCode).sort()).toEqual([...members].sort());
  });

  it('puts Weesp under Amsterdam on today’s division and says how', async () => {
    const historic = await get<SeriesResponse>(
      '/api/dashboard/series?indicator=vt_meldingen&areas=GM0363&measure=aantal',
    );
    const today = await get<SeriesResponse>(
      '/api/dashboard/series?indicator=vt_meldingen&areas=GM0363&measure=aantal&division=huidig',
    );
    const in2021 = (response: SeriesResponse) =>
      response.series[0]?.points.find((point) => point.period === '2021JJ00')?.value;
    expect(in2021(historic)).toBe(1000);
    expect(in2021(today)).toBe(1100);
    expect(today.method).toContain('Weesp');
    expect(historic.method).toBeNull();
  });

  it('shows new figures as soon as their import commits, and marks what changed since a date', async () => {
    const before = await get<MapResponse>(
      '/api/dashboard/map?indicator=vt_meldingen&period=2025JJ00&measure=aantal',
    );
    const target = members[3] as string;
    expect(before.items.find((item) => item.areaCode === target)?.value).toBe(values.get(target));
    await load([`vt_meldingen;${target};2025JJ00;;999;voorlopig`], 'correctie.csv');
    const after = await get<MapResponse>(
      '/api/dashboard/map?indicator=vt_meldingen&period=2025JJ00&measure=aantal',
    );
    expect(after.items.find((item) => item.areaCode === target)).toMatchObject({
      value: 999,
      provisional: true,
    });
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const series = await get<SeriesResponse>(
      `/api/dashboard/series?indicator=vt_meldingen&areas=${target}&measure=aantal&changedSince=${yesterday}`,
    );
    expect(series.series[0]?.points.find((point) => point.period === '2025JJ00')).toMatchObject({
      value: 999,
      changed: true,
    });
  });

  it('downloads exactly what is shown, with definitions and no live formulas', async () => {
    const map = await get<MapResponse>(
      '/api/dashboard/map?indicator=vt_meldingen&period=2025JJ00&measure=aantal',
    );
    const csv = await test.app.inject({
      method: 'GET',
      url: '/api/dashboard/map?indicator=vt_meldingen&period=2025JJ00&measure=aantal&format=csv',
    });
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.replace(/^\uFEFF/, '').split('\r\n');
    for (const item of map.items) {
      const line = lines.find((candidate) => candidate.startsWith(`${item.areaCode};`));
      const cell = line?.split(';')[2];
      expect(cell).toBe(
        item.status === 'afgeschermd' ? 'afgeschermd' : item.value === null ? '' : String(item.value),
      );
    }
    const xlsx = await test.app.inject({
      method: 'GET',
      url: '/api/dashboard/map?indicator=vt_meldingen&period=2025JJ00&measure=aantal&format=xlsx',
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Cijfers', 'Definities en bronnen']);
    const sheet = workbook.getWorksheet('Cijfers');
    expect(sheet?.rowCount).toBe(map.items.length + 1);
    const about = workbook.getWorksheet('Definities en bronnen');
    const text: string[] = [];
    about?.eachRow((row) => {
      text.push(row.values.toString());
    });
    expect(text.join('\n')).toContain('Meldingen Veilig Thuis');
    expect(text.join('\n')).toContain('Bron: Veilig Thuis');
  });

  it('follows the installation’s protection settings at once: a higher threshold, rounding to 5', async () => {
    await updateSettings(test.database.db, CLI_CONTEXT, { disclosureThreshold: 50, disclosureRoundTo: 5 });
    try {
      const map = await get<MapResponse>(
        '/api/dashboard/map?indicator=vt_meldingen&period=2025JJ00&measure=aantal',
      );
      expect(map.protection).toMatchObject({ threshold: 50, roundTo: 5 });
      for (const item of map.items.filter((candidate) => members.includes(candidate.areaCode))) {
        const raw = values.get(item.areaCode) as number;
        if (raw < 50) expect(item.status).toBe('afgeschermd');
        if (item.value !== null) expect(item.value % 5).toBe(0);
      }
    } finally {
      await updateSettings(test.database.db, CLI_CONTEXT, {
        disclosureThreshold: 5,
        disclosureRoundTo: null,
      });
    }
  });

  it('says what is wrong with a request', async () => {
    const unknown = await test.app.inject({
      method: 'GET',
      url: '/api/dashboard/map?indicator=bestaat_niet',
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().message).toContain('bestaat_niet');
    const wrongMeasure = await test.app.inject({
      method: 'GET',
      url: '/api/dashboard/map?indicator=vt_acuut_onveilig_pct&measure=per1000',
    });
    expect(wrongMeasure.statusCode).toBe(400);
    const tooMany = await test.app.inject({
      method: 'GET',
      url: '/api/dashboard/series?indicator=vt_meldingen&areas=GM0363,GM0599,GM0344,GM0518,GM0014,GM0034',
    });
    expect(tooMany.statusCode).toBe(400);
    const quarterProfile = await test.app.inject({
      method: 'GET',
      url: '/api/dashboard/profile/GM0363?period=2025KW01',
    });
    expect(quarterProfile.statusCode).toBe(400);
  });
});
