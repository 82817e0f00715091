/**
 * `ketenzicht demo`: SYNTHETIC figures for every gemeente that existed in each year (2019–2025 by default), with
 * magnitudes near the national totals (about 127,000 meldingen and 143,000 adviezen a year) and plausible
 * variation by size and region. Written as a Ketenzicht CSV and loaded through the normal import pipeline, so
 * it is validated, versioned and undoable like any other file. Every file and import says "synthetisch".
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { DEMO_FILE_NAME } from '../../../shared/figures.ts';
import { type Db, selectRows } from '../../db/client.ts';
import type { RequestContext } from '../audit/audit.service.ts';
import { distribute } from './figures.domain.ts';
import { type ImportReport, importFigures } from './figures.import.ts';

/** Per 1,000 inhabitants a year, nationally (DOMAIN.md §3: 127,340 meldingen, 143,210 adviezen in 2023). */
const RATES = { meldingen: 7.1, adviezen: 8.0, politie: 4.2, thv: 0.17, vhh: 0.35 };

const MELDER_SHARES: Record<string, number> = {
  justitie_veiligheid: 66,
  gezondheidszorg: 8,
  ggz: 2,
  jeugdzorg: 3,
  onderwijs: 4,
  leerplicht: 0.5,
  kinderopvang: 0.5,
  veilig_thuis_andere_regio: 2,
  veilig_thuis_regionaal_maatwerk: 0.5,
  overig_professioneel: 4.5,
  niet_beroepsmatig: 8,
  onbekend: 1,
};

const VIOLENCE_SHARES: Record<string, number> = {
  kindermishandeling: 50,
  partnergeweld: 26,
  ex_partnergeweld: 12,
  ouderenmishandeling: 2,
  geweld_tegen_ouders: 3,
  eergerelateerd_geweld: 0.5,
  overig: 6.5,
};

/** Deterministic pseudo-random numbers (mulberry32) so the demo is the same on every machine. */
function random(seedText: string): () => number {
  let seed = 0;
  for (const char of seedText) seed = (Math.imul(seed, 31) + char.charCodeAt(0)) | 0;
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Gemeente = { code: string; region: string | null; population: number };

async function gemeentenIn(db: Db, year: number): Promise<Gemeente[]> {
  const date = `${year}-01-01`;
  const rows = await selectRows<{ code: string; region: string | null; inhabitants: number | null }>(
    db,
    sql`select a.code,
          (select m.parent_code from area_membership m where m.child_code = a.code and m.parent_level = 'veiligthuisregio'
             order by m.valid_from desc limit 1) as region,
          (select p.inhabitants from population p where p.area_code = a.code order by p.reference_date desc limit 1) as inhabitants
        from area a
        where a.level = 'gemeente' and a.valid_from <= ${date}::date
          -- Whole years only: a gemeente merged away during the year (Weesp, March 2022) has no half-years after it.
          and (a.valid_to is null or a.valid_to >= (${date}::date + interval '1 year'))
        order by a.code`,
  );
  return rows.map((row) => {
    const draw = random(`population-${row.code}`);
    // Former gemeenten have no population in the reference data: a plausible synthetic size instead.
    const population =
      row.inhabitants === null ? Math.round(8_000 + draw() * 30_000) : Number(row.inhabitants);
    return { code: row.code, region: row.region, population };
  });
}

/** The demo rows as Ketenzicht CSV lines (`;`-separated, decimal comma). */
export async function demoCsv(db: Db, years: { from: number; to: number }): Promise<string> {
  const lines = ['indicator;gebied;periode;aard_geweld;melder;waarde;status'];
  const row = (
    indicator: string,
    area: string,
    period: string,
    value: number | string,
    status: string,
    violence = '',
    melder = '',
  ): void => {
    lines.push(
      `${indicator};${area};${period};${violence};${melder};${String(value).replace('.', ',')};${status}`,
    );
  };
  const regionFactor = (region: string | null) => 0.8 + random(`region-${region ?? 'none'}`)() * 0.4;
  for (let year = years.from; year <= years.to; year++) {
    const status = year === years.to ? 'voorlopig' : 'definitief';
    const gemeenten = await gemeentenIn(db, year);
    const regionWaits = new Map<string, { days: number[]; weights: number[]; share: number[] }>();
    for (const gemeente of gemeenten) {
      const draw = random(`${gemeente.code}-${year}`);
      const drift = 1 - (2026 - year) * 0.004;
      const inhabitants = Math.round(gemeente.population * drift);
      const minors = Math.round(inhabitants * (0.18 + draw() * 0.05));
      row('inwoners', gemeente.code, `${year}JJ00`, inhabitants, 'definitief');
      row('minderjarigen', gemeente.code, `${year}JJ00`, minors, 'definitief');
      // Larger gemeenten report somewhat more per inhabitant; regions and gemeenten differ around that.
      const size = 1 + 0.08 * Math.log10(Math.max(inhabitants, 1000) / 50_000);
      const local = regionFactor(gemeente.region) * (0.85 + draw() * 0.3) * size;
      const perHalfYear = (rate: number) => {
        const yearly = (inhabitants / 1000) * rate * local;
        const first = Math.max(0, Math.round((yearly / 2) * (0.95 + draw() * 0.1)));
        const second = Math.max(0, Math.round((yearly / 2) * (0.95 + draw() * 0.1)));
        return [first, second] as const;
      };
      const meldingen = perHalfYear(RATES.meldingen);
      const adviezen = perHalfYear(RATES.adviezen);
      for (const [half, total] of meldingen.entries()) {
        const period = `${year}HJ0${half + 1}`;
        row('vt_meldingen', gemeente.code, period, total, status);
        const violence = distribute(
          total,
          Object.values(VIOLENCE_SHARES).map((share) => share * (0.8 + draw() * 0.4)),
        );
        for (const [index, code] of Object.keys(VIOLENCE_SHARES).entries())
          row('vt_meldingen', gemeente.code, period, violence[index] ?? 0, status, code);
        const melders = distribute(
          total,
          Object.values(MELDER_SHARES).map((share) => share * (0.8 + draw() * 0.4)),
        );
        for (const [index, code] of Object.keys(MELDER_SHARES).entries())
          row('vt_meldingen', gemeente.code, period, melders[index] ?? 0, status, '', code);
      }
      for (const [half, total] of adviezen.entries())
        row('vt_adviezen', gemeente.code, `${year}HJ0${half + 1}`, total, status);
      const yearMeldingen = meldingen[0] + meldingen[1];
      const beoordelingen = Math.round(yearMeldingen * (0.9 + draw() * 0.08));
      const acute = Math.round(beoordelingen * (0.02 + draw() * 0.02));
      const structural = Math.round(beoordelingen * (0.18 + draw() * 0.08));
      const onderzoeken = Math.round(yearMeldingen * (0.05 + draw() * 0.02));
      row('vt_veiligheidsbeoordelingen', gemeente.code, `${year}JJ00`, beoordelingen, status);
      row('vt_acuut_onveilig', gemeente.code, `${year}JJ00`, acute, status);
      row('vt_structureel_onveilig', gemeente.code, `${year}JJ00`, structural, status);
      row('vt_onderzoeken', gemeente.code, `${year}JJ00`, onderzoeken, status);
      row(
        'vt_onderzoeken_bevestigd',
        gemeente.code,
        `${year}JJ00`,
        Math.round(onderzoeken * (0.55 + draw() * 0.15)),
        status,
      );
      row(
        'vt_overdrachten_lokaal_veld',
        gemeente.code,
        `${year}JJ00`,
        Math.round(yearMeldingen * (0.25 + draw() * 0.1)),
        status,
      );
      row(
        'vt_meldingen_tijdens_monitoring',
        gemeente.code,
        `${year}JJ00`,
        Math.round(yearMeldingen * (0.03 + draw() * 0.02)),
        status,
      );
      row(
        'vt_hermeldingen',
        gemeente.code,
        `${year}JJ00`,
        Math.round(yearMeldingen * (0.12 + draw() * 0.06)),
        status,
      );
      const police = (inhabitants / 1000) * RATES.politie * local;
      for (let quarter = 1; quarter <= 4; quarter++)
        row(
          'politie_hg_incidenten',
          gemeente.code,
          `${year}KW0${quarter}`,
          Math.round((police / 4) * (0.9 + draw() * 0.2)),
          status,
        );
      const thv = Math.round((inhabitants / 1000) * RATES.thv * local * (0.7 + draw() * 0.6));
      row('thv_opgelegd', gemeente.code, `${year}JJ00`, thv, status);
      row('thv_verlengd', gemeente.code, `${year}JJ00`, Math.round(thv * (0.3 + draw() * 0.2)), status);
      row(
        'vhh_hg_casussen',
        gemeente.code,
        `${year}JJ00`,
        Math.round((inhabitants / 1000) * RATES.vhh * local * (0.6 + draw() * 0.8)),
        status,
      );
      const wait = Math.round((6 + draw() * 10) * 10) / 10;
      const withinFive = Math.round((62 + draw() * 30) * 10) / 10;
      row('vt_wachttijd_dagen', gemeente.code, `${year}JJ00`, wait, status);
      row(
        'vt_veiligheidsbeoordeling_binnen_5_werkdagen_pct',
        gemeente.code,
        `${year}JJ00`,
        withinFive,
        status,
      );
      if (gemeente.region) {
        const entry = regionWaits.get(gemeente.region) ?? { days: [], weights: [], share: [] };
        entry.days.push(wait);
        entry.share.push(withinFive);
        entry.weights.push(yearMeldingen);
        regionWaits.set(gemeente.region, entry);
      }
    }
    // Veilig Thuis reports waiting times per region too; the regions of the shipped geography exist from 2025.
    if (year >= 2025) {
      for (const [region, entry] of regionWaits) {
        const weight = entry.weights.reduce((sum, value) => sum + value, 0) || 1;
        const mean = (values: number[]) =>
          Math.round(
            (values.reduce((sum, value, index) => sum + value * (entry.weights[index] ?? 0), 0) / weight) *
              10,
          ) / 10;
        row('vt_wachttijd_dagen', region, `${year}JJ00`, mean(entry.days), status);
        row(
          'vt_veiligheidsbeoordeling_binnen_5_werkdagen_pct',
          region,
          `${year}JJ00`,
          mean(entry.share),
          status,
        );
      }
    }
  }
  return `${lines.join('\n')}\n`;
}

export async function loadDemo(
  db: Db,
  context: RequestContext,
  years: { from: number; to: number },
): Promise<ImportReport> {
  if (
    !Number.isInteger(years.from) ||
    !Number.isInteger(years.to) ||
    years.from > years.to ||
    years.from < 2018 ||
    years.to > 2030
  )
    throw Object.assign(new Error('Kies jaren tussen 2018 en 2030, met --from niet na --to.'), {
      statusCode: 400,
    });
  const folder = await mkdtemp(path.join(tmpdir(), 'ketenzicht-demo-'));
  try {
    const file = path.join(folder, DEMO_FILE_NAME);
    await writeFile(file, await demoCsv(db, years));
    return await importFigures(db, context, { path: file, fileName: DEMO_FILE_NAME, dryRun: false });
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
