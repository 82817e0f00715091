/**
 * CLI verbs of the case register: `import-cases`, `case-imports undo`, `follow-ups`, `outcomes` and
 * `interventions`. The command line acts as the operator: its case-level reads are audited like any other.
 */
import path from 'node:path';
import type { Command } from 'commander';
import { InvalidArgumentError, Option } from 'commander';
import { loadConfig } from '../server/config.ts';
import type { Db } from '../server/db/client.ts';
import type { RequestContext } from '../server/modules/audit/audit.service.ts';
import type { CaseImportReport } from '../server/modules/cases/cases.import.ts';
import {
  OUTCOME_MEASURES,
  type OutcomeMeasure,
  outcomeRule,
} from '../server/modules/cases/cases.outcomes.ts';
import { PERSONAL_DATA_LABELS, type PersonalDataKind } from '../server/modules/cases/cases.privacy.ts';
import { formatTable } from './format.ts';

type Deps = {
  withDatabase(work: (db: Db) => Promise<void>): Promise<void>;
  cliContext(): RequestContext;
};

const number = new Intl.NumberFormat('nl-NL');
const percent = new Intl.NumberFormat('nl-NL', {
  style: 'percent',
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});

const OUTCOME_TEXT: Record<CaseImportReport['outcome'], string> = {
  geweigerd: 'GEWEIGERD: het bestand bevat fouten; er is niets veranderd.',
  proefimport:
    'Proefimport: het bestand is geldig; er is niets veranderd. Importeer zonder --dry-run om het op te slaan.',
  geimporteerd: 'Geïmporteerd.',
  ongewijzigd: 'Niets veranderd: alle casussen stonden er al zo in.',
};

export function printCaseImportReport(
  report: CaseImportReport,
  log: (line: string) => void = console.log,
): void {
  log(
    `${report.fileName}: ${number.format(report.rows)} regels, ${number.format(report.cases)} casussen${report.supplier ? `, aangeleverd door ${report.supplier.name}` : ''}; ${number.format(report.errors)} fout(en), ${number.format(report.warnings)} waarschuwing(en).`,
  );
  for (const finding of report.personalData)
    log(
      `PERSOONSGEGEVENS in kolom "${finding.column}": ${PERSONAL_DATA_LABELS[finding.kind as PersonalDataKind] ?? finding.kind}${finding.firstRow !== null ? ` (eerste rij ${finding.firstRow}, ${number.format(finding.count)} keer)` : ''}.`,
    );
  if (report.problems.length > 0) {
    const shown = report.problems.slice(0, 50);
    log(
      formatTable(
        ['soort', 'rij', 'kolom', 'melding'],
        shown.map((problem) => [
          problem.severity,
          problem.row === null ? '' : String(problem.row),
          problem.column ?? '',
          problem.message,
        ]),
        [false, true],
      ),
    );
    if (report.errors + report.warnings > shown.length)
      log(`… en meer; de eerste ${shown.length} staan hierboven.`);
  }
  if (report.outcome !== 'geweigerd')
    log(
      `Huishoudens: ${number.format(report.households)}. Nieuw: ${number.format(report.added)}, gewijzigd: ${number.format(report.changed)}, ongewijzigd: ${number.format(report.unchanged)}.`,
    );
  if (report.importId !== null)
    log(
      `Aanleveringsnummer: ${report.importId} (terugdraaien: ketenzicht case-imports undo ${report.importId})`,
    );
  log(OUTCOME_TEXT[report.outcome]);
}

const positive = (name: string) => (value: string) => {
  if (!/^\d+$/.test(value) || Number(value) < 1)
    throw new InvalidArgumentError(`${name} moet een positief geheel getal zijn.`);
  return Number(value);
};

const keySource = async () => {
  const { pseudonymKeySource } = await import('../server/modules/cases/cases.key.ts');
  return pseudonymKeySource(loadConfig().pseudonymKey);
};

export function registerCasesCommands(program: Command, deps: Deps): void {
  program
    .command('import-cases')
    .description(
      'import a case extract (CSV, one row per event): identifiers are pseudonymised; a file with personal data is refused; all cases or none',
    )
    .argument('<file>', 'the case extract (CSV)')
    .option('--dry-run', 'check and show what would change; change nothing')
    .option(
      '--supplier <organisation>',
      'organisation number of the supplier (Veilig Thuis or local team)',
      positive('--supplier'),
    )
    .action(async (file: string, options: { dryRun?: boolean; supplier?: number }) => {
      const { importCases } = await import('../server/modules/cases/cases.import.ts');
      let report: CaseImportReport | undefined;
      const source = await keySource();
      await deps.withDatabase(async (db) => {
        report = await importCases(db, deps.cliContext(), source, {
          path: file,
          // The name only: a folder path says things about the person who ran the command.
          fileName: path.basename(file),
          dryRun: Boolean(options.dryRun),
          supplierId: options.supplier ?? null,
        });
        if (report.outcome === 'geimporteerd') {
          const { refreshRegisterFigures } = await import('../server/modules/cases/cases.figures.ts');
          await refreshRegisterFigures(db, deps.cliContext());
        }
      });
      if (!report) return;
      printCaseImportReport(report);
      if (report.outcome === 'geweigerd') process.exitCode = 2;
    });

  const imports = program.command('case-imports').description('case extracts supplied');
  imports
    .command('list')
    .description('case imports and undos, newest first, with their provenance')
    .action(async () => {
      const { listCaseImports } = await import('../server/modules/cases/cases.import.ts');
      await deps.withDatabase(async (db) => {
        const rows = await listCaseImports(db, deps.cliContext());
        console.log(
          formatTable(
            [
              'nr',
              'soort',
              'bestand',
              'aanleverancier',
              'door',
              'tijdstip',
              'casussen',
              'nieuw',
              'gewijzigd',
              'status',
            ],
            rows.map((row) => [
              String(row.id),
              row.kind === 'undo'
                ? `terugdraaiing van ${row.undoOf}`
                : row.synthetic
                  ? 'import (synthetisch)'
                  : 'import',
              row.fileName,
              row.supplier ?? '',
              row.actorLabel,
              row.at,
              number.format(row.cases),
              number.format(row.added),
              number.format(row.changed),
              row.undoneBy !== null ? `teruggedraaid (${row.undoneBy})` : '',
            ]),
            [true],
          ),
        );
      });
    });
  imports
    .command('undo')
    .description('undo a case import (adds versions; nothing is deleted)')
    .argument('<id>', 'the import number', positive('id'))
    .action(async (id: number) => {
      const { undoCaseImport } = await import('../server/modules/cases/cases.import.ts');
      await deps.withDatabase(async (db) => {
        const result = await undoCaseImport(db, deps.cliContext(), id);
        const { refreshRegisterFigures } = await import('../server/modules/cases/cases.figures.ts');
        await refreshRegisterFigures(db, deps.cliContext());
        console.log(
          `Aanlevering ${result.importId} teruggedraaid (terugdraaiing ${result.undoId}): ${number.format(result.restored)} casussen hersteld, ${number.format(result.withdrawn)} ingetrokken.`,
        );
      });
    });

  program
    .command('follow-ups')
    .description('follow-up measurements due now and overdue, most overdue first (case level; audited)')
    .option('--team <organisation>', 'receiving team (organisation number)', positive('--team'))
    .option('--gemeente <code>', 'gemeente code, e.g. GM0363')
    .option('--region <code>', 'Veilig Thuis-regio code, e.g. VT13')
    .addOption(new Option('--status <status>', 'only open or only late').choices(['open', 'te_laat']))
    .action(
      async (options: { team?: number; gemeente?: string; region?: string; status?: 'open' | 'te_laat' }) => {
        const { followUpList } = await import('../server/modules/cases/cases.service.ts');
        await deps.withDatabase(async (db) => {
          const result = await followUpList(
            db,
            deps.cliContext(),
            {
              ...(options.team !== undefined ? { team: options.team } : {}),
              ...(options.gemeente ? { gemeente: options.gemeente.toUpperCase() } : {}),
              ...(options.region ? { region: options.region.toUpperCase() } : {}),
              ...(options.status ? { state: options.status } : {}),
            },
            new Date().toISOString().slice(0, 10),
          );
          console.log(
            `${number.format(result.late)} te laat, ${number.format(result.open)} nu uit te voeren.`,
          );
          console.log(
            formatTable(
              [
                'huishouden',
                'gemeente',
                'team',
                'overdracht',
                'moment',
                'venster',
                'status',
                'dagen te laat',
              ],
              result.items
                .slice(0, 200)
                .map((item) => [
                  item.household,
                  item.gemeenteName,
                  item.team ?? '',
                  item.handoverDate,
                  `+${item.months} mnd`,
                  `${item.windowStart} – ${item.windowEnd}`,
                  item.state === 'te_laat' ? 'te laat' : 'open',
                  String(item.daysLate),
                ]),
              [false, false, false, false, false, false, false, true],
            ),
          );
        });
      },
    );

  program
    .command('outcomes')
    .description(
      'outcome indicators from the case register, protected as published (per intervention, region or gemeente)',
    )
    .addOption(
      new Option('--measure <measure>', 'which outcome')
        .choices([...OUTCOME_MEASURES])
        .default('gestopt_12m'),
    )
    .addOption(
      new Option('--by <grouping>', 'group by')
        .choices(['interventie', 'regio', 'gemeente'])
        .default('interventie'),
    )
    .option('--year <year>', 'cohort year (year of handover)', positive('--year'))
    .option('--region <code>', 'only this Veilig Thuis-regio, e.g. VT13')
    .action(
      async (options: {
        measure: OutcomeMeasure;
        by: 'interventie' | 'regio' | 'gemeente';
        year?: number;
        region?: string;
      }) => {
        const [{ outcomeTable }, { readSettings }] = await Promise.all([
          import('../server/modules/cases/cases.service.ts'),
          import('../server/modules/access/access.service.ts'),
        ]);
        await deps.withDatabase(async (db) => {
          const settings = await readSettings(db);
          const table = await outcomeTable(
            db,
            {
              measure: options.measure,
              by: options.by,
              today: new Date().toISOString().slice(0, 10),
              ...(options.year !== undefined ? { year: options.year } : {}),
              ...(options.region ? { region: options.region.toUpperCase() } : {}),
            },
            outcomeRule(settings),
          );
          const cell = (value: number | null) => (value === null ? 'afgeschermd' : number.format(value));
          console.log(
            formatTable(
              [options.by, 'aandeel', '95%-interval', 'ja', 'bekend', 'onbekend', 'te jong'],
              [...table.rows, { ...table.total, key: 'Totaal' }].map((row) => [
                row.key,
                row.tally.share === null ? '—' : percent.format(row.tally.share),
                row.tally.interval
                  ? `${percent.format(row.tally.interval.low)}–${percent.format(row.tally.interval.high)}`
                  : '',
                cell(row.tally.yes),
                cell(row.tally.known),
                cell(row.tally.unknown),
                cell(row.tally.censored),
              ]),
              [false, true, true, true, true, true, true],
            ),
          );
          console.log(
            `Kleine aantallen (onder ${settings.disclosureThreshold}) zijn afgeschermd; aantallen zijn afgerond op ${outcomeRule(settings).roundTo}. Onbekend en te jong tellen niet mee in het aandeel.`,
          );
        });
      },
    );

  program
    .command('refresh-outcomes')
    .description(
      'recompute the outcome indicators and overdue follow-ups as figures (run daily: cases age and follow-ups fall due)',
    )
    .action(async () => {
      const { refreshRegisterFigures } = await import('../server/modules/cases/cases.figures.ts');
      await deps.withDatabase(async (db) => {
        const report = await refreshRegisterFigures(db, deps.cliContext());
        console.log(
          report
            ? `Uitkomstcijfers bijgewerkt: ${number.format(report.added)} nieuw, ${number.format(report.changed)} gewijzigd, ${number.format(report.unchanged)} ongewijzigd.`
            : 'Er zijn nog geen casussen: geen uitkomstcijfers.',
        );
      });
    });

  const schedules = program.command('schedules').description('follow-up schedules per Veilig Thuis-regio');
  schedules
    .command('list')
    .description('the follow-up moments and windows of every region')
    .action(async () => {
      const { listSchedules } = await import('../server/modules/cases/cases.repo.ts');
      await deps.withDatabase(async (db) => {
        const rows = await listSchedules(db);
        console.log(
          formatTable(
            ['regio', 'naam', 'meetmomenten (maanden: dagen ervoor/erna)', 'eigen schema'],
            rows.map((row) => [
              row.region,
              row.name,
              row.moments
                .map((moment) => `+${moment.months}: −${moment.daysBefore}/+${moment.daysAfter}`)
                .join(', '),
              row.own ? 'ja' : 'standaard',
            ]),
          ),
        );
      });
    });
  schedules
    .command('set')
    .description(
      'set the follow-up moments of a region, e.g. 3:14:30,12:30:60 (months:days before:days after)',
    )
    .argument('<region>', 'Veilig Thuis-regio code, e.g. VT01')
    .argument(
      '<moments>',
      'moments as months:daysBefore:daysAfter, comma-separated; +3 and +12 months are required',
    )
    .action(async (region: string, text: string) => {
      const [{ saveSchedule }, { scheduleProblem }] = await Promise.all([
        import('../server/modules/cases/cases.schedule.ts'),
        import('../server/modules/cases/cases.outcomes.ts'),
      ]);
      const moments = text.split(',').map((part) => {
        const numbers = part.trim().split(':').map(Number);
        if (numbers.length !== 3 || numbers.some((value) => !Number.isInteger(value)))
          throw new InvalidArgumentError(
            `"${part}" is geen meetmoment: gebruik maanden:dagen-ervoor:dagen-erna, bijvoorbeeld 12:30:60.`,
          );
        const [months, daysBefore, daysAfter] = numbers as [number, number, number];
        return { months, daysBefore, daysAfter };
      });
      const problem = scheduleProblem(moments);
      if (problem) throw new InvalidArgumentError(problem);
      await deps.withDatabase(async (db) => {
        const result = await saveSchedule(db, deps.cliContext(), region.toUpperCase(), moments);
        console.log(
          `Schema van ${result.region} opgeslagen; ${number.format(result.recomputed)} huishoudens herberekend.`,
        );
        const { refreshRegisterFigures } = await import('../server/modules/cases/cases.figures.ts');
        await refreshRegisterFigures(db, deps.cliContext());
      });
    });

  program
    .command('lead-times')
    .description(
      'lead times and handovers of handed-over cases (median days melding → handover → plan, handovers per household), protected as published',
    )
    .addOption(
      new Option('--by <grouping>', 'group by')
        .choices(['interventie', 'regio', 'gemeente'])
        .default('regio'),
    )
    .option('--year <year>', 'cohort year (year of handover)', positive('--year'))
    .option('--region <code>', 'only this Veilig Thuis-regio, e.g. VT13')
    .action(async (options: { by: 'interventie' | 'regio' | 'gemeente'; year?: number; region?: string }) => {
      const [{ processFigures }, { readSettings }] = await Promise.all([
        import('../server/modules/cases/cases.service.ts'),
        import('../server/modules/access/access.service.ts'),
      ]);
      await deps.withDatabase(async (db) => {
        const settings = await readSettings(db);
        const figures = await processFigures(
          db,
          {
            by: options.by,
            ...(options.year !== undefined ? { year: options.year } : {}),
            ...(options.region ? { region: options.region.toUpperCase() } : {}),
          },
          outcomeRule(settings),
        );
        const cell = (value: number | null, digits = 0) =>
          value === null ? 'afgeschermd' : value.toLocaleString('nl-NL', { maximumFractionDigits: digits });
        console.log(
          formatTable(
            [
              options.by,
              'overdrachten',
              'dagen melding → overdracht (mediaan)',
              'met plan',
              'dagen overdracht → plan (mediaan)',
              'huishoudens',
              'overdrachten per huishouden',
              'vaker dan één keer',
            ],
            [...figures.rows, { ...figures.total, key: 'Totaal' }].map((row) => [
              row.key,
              cell(row.handedOver),
              cell(row.medianDaysToHandover, 1),
              cell(row.withPlan),
              cell(row.medianDaysHandoverToPlan, 1),
              cell(row.households),
              cell(row.handoversPerHousehold, 2),
              cell(row.householdsHandedOverMoreThanOnce),
            ]),
            [false, true, true, true, true, true, true, true],
          ),
        );
      });
    });

  program
    .command('interventions')
    .description('the intervention catalogue')
    .action(async () => {
      const [{ listInterventions }, { RECOGNITION_LEVEL_LABELS }] = await Promise.all([
        import('../server/modules/cases/cases.repo.ts'),
        import('../shared/cases.ts'),
      ]);
      await deps.withDatabase(async (db) => {
        const rows = await listInterventions(db);
        console.log(
          formatTable(
            ['code', 'naam', 'erkenning', 'aanbieder'],
            rows.map((row) => [
              row.code,
              row.name,
              RECOGNITION_LEVEL_LABELS[row.recognitionLevel],
              row.provider,
            ]),
          ),
        );
      });
    });
}
