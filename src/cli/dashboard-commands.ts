/**
 * CLI verbs of the dashboards: `overview`, `profile` and `compare` print what the web pages show (protected the
 * same way) as a table, or write it as CSV or XLSX with `--out`. Registered by main.ts.
 */
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { Option } from 'commander';
import type { Db } from '../server/db/client.ts';
import { UserError } from '../server/errors.ts';
import {
  type ExportTable,
  mapTable,
  profileTable,
  seriesTable,
  toCsv,
  toXlsx,
} from '../server/modules/dashboards/dashboards.exports.ts';
import { createDashboardsService } from '../server/modules/dashboards/dashboards.service.ts';
import {
  COMPARISON_GROUPS,
  type ComparisonGroupKind,
  DIVISIONS,
  type Division,
  MEASURES,
  type Measure,
} from '../shared/dashboards.ts';
import { AREA_LEVELS, type AreaLevel } from '../shared/geography.ts';
import { formatTable } from './format.ts';

type Deps = { withDatabase(work: (db: Db) => Promise<void>): Promise<void> };

const number = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 2 });

const list = (text: string | undefined) =>
  (text ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');

/** Prints a table to the terminal, or writes it to `out` as .csv or .xlsx. */
async function output(table: ExportTable, out: string | undefined): Promise<void> {
  if (out) {
    if (out.endsWith('.csv')) await writeFile(out, toCsv(table));
    else if (out.endsWith('.xlsx')) await writeFile(out, await toXlsx(table));
    else throw new UserError('Gebruik voor --out een bestandsnaam die eindigt op .csv of .xlsx.');
    console.log(`${table.title}: ${table.rows.length} regels geschreven naar ${out}.`);
    return;
  }
  console.log(table.title);
  if (table.syntheticData) console.log('Let op: synthetische demogegevens.');
  console.log(
    formatTable(
      table.columns.map((column) => column.header),
      table.rows.map((row) =>
        row.map((cell) => (cell === null ? '–' : typeof cell === 'number' ? number.format(cell) : cell)),
      ),
      table.columns.map((column) => column.kind === 'number'),
    ),
  );
  for (const line of [...table.sources, ...table.notes]) console.log(line);
}

export function registerDashboardCommands(program: Command, deps: Deps): void {
  program
    .command('overview')
    .description('one indicator for every area of a level (as the overview map and its table show it)')
    .requiredOption('--indicator <code>', 'indicator code, e.g. vt_meldingen')
    .option('--period <code>', 'CBS period code, e.g. 2024JJ00 (default: the latest year)')
    .addOption(new Option('--level <level>', 'area level').choices([...AREA_LEVELS]).default('gemeente'))
    .addOption(new Option('--measure <measure>', 'aantal, per1000 or waarde').choices([...MEASURES]))
    .option('--out <file>', 'write CSV or XLSX instead of printing')
    .action(
      async (options: {
        indicator: string;
        period?: string;
        level: AreaLevel;
        measure?: Measure;
        out?: string;
      }) => {
        await deps.withDatabase(async (db) => {
          const response = await createDashboardsService(db).map({
            indicator: options.indicator,
            level: options.level,
            ...(options.period ? { period: options.period } : {}),
            ...(options.measure ? { measure: options.measure } : {}),
          });
          await output(mapTable(response), options.out);
        });
      },
    );

  program
    .command('profile')
    .description("an area's key figures compared with its region, Nederland and a comparison group")
    .requiredOption('--area <code>', 'area code, e.g. GM0363')
    .option('--period <code>', 'year, e.g. 2024JJ00 (default: the latest year)')
    .addOption(
      new Option('--group <kind>', 'comparison group')
        .choices([...COMPARISON_GROUPS])
        .default('grootteklasse'),
    )
    .option('--group-areas <codes>', 'with --group eigen: comma-separated gemeente codes')
    .option('--out <file>', 'write CSV or XLSX instead of printing')
    .action(
      async (options: {
        area: string;
        period?: string;
        group: ComparisonGroupKind;
        groupAreas?: string;
        out?: string;
      }) => {
        await deps.withDatabase(async (db) => {
          const response = await createDashboardsService(db).profile(options.area, {
            group: options.group,
            groupAreas: list(options.groupAreas),
            ...(options.period ? { period: options.period } : {}),
          });
          await output(profileTable(response), options.out);
        });
      },
    );

  program
    .command('compare')
    .description('one indicator for one to five areas over the years')
    .requiredOption('--indicator <code>', 'indicator code')
    .requiredOption('--areas <codes>', 'comma-separated area codes, e.g. GM0363,GM0599')
    .addOption(new Option('--measure <measure>', 'aantal, per1000 or waarde').choices([...MEASURES]))
    .addOption(
      new Option('--division <division>', 'historisch, or huidig: on today’s gemeenten')
        .choices([...DIVISIONS])
        .default('historisch'),
    )
    .option('--changed-since <date>', 'mark figures changed after this date (YYYY-MM-DD)')
    .option('--out <file>', 'write CSV or XLSX instead of printing')
    .action(
      async (options: {
        indicator: string;
        areas: string;
        measure?: Measure;
        division: Division;
        changedSince?: string;
        out?: string;
      }) => {
        const areas = list(options.areas);
        if (areas.length < 1 || areas.length > 5)
          throw new UserError('Kies één tot vijf gebieden met --areas.');
        await deps.withDatabase(async (db) => {
          const response = await createDashboardsService(db).series({
            indicator: options.indicator,
            areas,
            division: options.division,
            ...(options.measure ? { measure: options.measure } : {}),
            ...(options.changedSince ? { changedSince: options.changedSince } : {}),
          });
          await output(seriesTable(response), options.out);
          const changed = response.series.flatMap((series) =>
            series.points
              .filter((point) => point.changed)
              .map((point) => `${series.areaName} ${point.periodLabel}`),
          );
          if (options.changedSince && changed.length > 0)
            console.log(`Gewijzigd sinds ${options.changedSince}: ${changed.join(', ')}.`);
        });
      },
    );
}
