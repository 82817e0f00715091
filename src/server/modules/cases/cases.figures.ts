/**
 * The register's outcome indicators as figures: per gemeente and year, computed from the case summaries and
 * brought into the figures store through the ordinary import pipeline (a file of the long CSV format). So they
 * appear in `GET /api/indicators`, on the map, the profiles and the factsheet, with the same small-number
 * protection, versions and history as every other figure. Run after each case import or undo, and by
 * `ketenzicht refresh-outcomes` (daily, as too-young cases grow old enough and follow-ups fall overdue).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { type Db, selectRows, textArray } from '../../db/client.ts';
import type { RequestContext } from '../audit/audit.service.ts';
import { type ImportReport, importFigures } from '../figures/figures.import.ts';
import type { OutcomeMeasure } from './cases.outcomes.ts';
import { lateFollowUpCounts, outcomeCounts, rebuildOutcomeRollup } from './cases.service.ts';

export const REGISTER_FIGURES_FILE = 'casusregister-uitkomsten.csv';

/** Indicator codes per measure: the "ja" count and the denominator (cases whose answer is known). */
export const REGISTER_INDICATORS: Record<OutcomeMeasure, { yes: string; known: string; unknown?: string }> = {
  gestopt_12m: { yes: 'reg_gestopt_12m', known: 'reg_status_12m_bekend', unknown: 'reg_status_12m_onbekend' },
  veilig_3m: { yes: 'reg_veilig_3m', known: 'reg_veiligheid_3m_bekend' },
  veilig_12m: { yes: 'reg_veilig_12m', known: 'reg_veiligheid_12m_bekend' },
  hermelding_12m: { yes: 'reg_hermelding_12m', known: 'reg_hermelding_12m_bekend' },
  veiligheidsbeoordeling_tijdig: { yes: 'reg_beoordeling_tijdig', known: 'reg_beoordelingen' },
  een_regisseur: { yes: 'reg_een_regisseur', known: 'reg_overdrachten' },
};
export const OVERDUE_INDICATOR = 'reg_vervolgmetingen_te_laat';

type Row = { indicator: string; gemeente: string; year: number; value: number };

/** The rows of the figures file: every gemeente × year with cases, per indicator (zeros included). */
export async function registerFigureRows(db: Db, today: string): Promise<Row[]> {
  const totals = new Map<string, Row>();
  const add = (indicator: string, gemeente: string, year: number, value: number) => {
    const key = `${indicator}|${gemeente}|${year}`;
    const row = totals.get(key) ?? { indicator, gemeente, year, value: 0 };
    row.value += value;
    totals.set(key, row);
  };
  for (const [measure, codes] of Object.entries(REGISTER_INDICATORS) as Array<
    [OutcomeMeasure, (typeof REGISTER_INDICATORS)[OutcomeMeasure]]
  >) {
    for (const count of await outcomeCounts(db, { measure, today, byGemeente: true })) {
      if (count.year === null) continue;
      add(codes.yes, count.gemeente, count.year, count.answer === 'ja' ? count.cases : 0);
      add(
        codes.known,
        count.gemeente,
        count.year,
        count.answer === 'ja' || count.answer === 'nee' ? count.cases : 0,
      );
      if (codes.unknown)
        add(codes.unknown, count.gemeente, count.year, count.answer === 'onbekend' ? count.cases : 0);
    }
  }
  for (const late of await lateFollowUpCounts(db, today))
    add(OVERDUE_INDICATOR, late.gemeente, late.year, late.count);
  // A figure delivered before whose cases are gone now (an undo, a case moved to another gemeente) becomes 0,
  // not a stale count.
  const codes = [
    ...Object.values(REGISTER_INDICATORS).flatMap((entry) => [
      entry.yes,
      entry.known,
      ...(entry.unknown ? [entry.unknown] : []),
    ]),
    OVERDUE_INDICATOR,
  ];
  const earlier = await selectRows<{ indicator_code: string; area_code: string; period: string }>(
    db,
    sql`select indicator_code, area_code, period from observation
        where superseded_at is null and not withdrawn and indicator_code = any(${textArray(codes)}::text[])`,
  );
  for (const row of earlier) {
    const year = Number(row.period.slice(0, 4));
    if (!totals.has(`${row.indicator_code}|${row.area_code}|${year}`))
      add(row.indicator_code, row.area_code, year, 0);
  }
  return [...totals.values()];
}

/** Writes the register's figures through the import pipeline; unchanged figures stay as they are. */
export async function refreshRegisterFigures(
  db: Db,
  context: RequestContext,
  today = new Date().toISOString().slice(0, 10),
): Promise<ImportReport | null> {
  await rebuildOutcomeRollup(db, today);
  const rows = await registerFigureRows(db, today);
  if (rows.length === 0) return null;
  const currentYear = Number(today.slice(0, 4));
  const lines = ['indicator;gebied;periode;waarde;status'];
  // A cohort's 12-month windows run into the second year after it: until then its figures can still change.
  for (const row of rows)
    lines.push(
      `${row.indicator};${row.gemeente};${row.year}JJ00;${row.value};${row.year >= currentYear - 2 ? 'voorlopig' : 'definitief'}`,
    );
  const folder = await mkdtemp(path.join(tmpdir(), 'ketenzicht-register-'));
  try {
    const file = path.join(folder, REGISTER_FIGURES_FILE);
    await writeFile(file, `${lines.join('\n')}\n`);
    return await importFigures(db, context, { path: file, fileName: REGISTER_FIGURES_FILE, dryRun: false });
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
