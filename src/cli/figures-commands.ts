/**
 * CLI verbs of the figures module: `import`, `imports list|undo`, `indicators`, `observations` and `demo`.
 * Registered by main.ts, which passes how to open the database and who the command line acts as.
 */
import type { Command } from 'commander';
import { Option } from 'commander';
import type { Db } from '../server/db/client.ts';
import { UserError } from '../server/errors.ts';
import type { RequestContext } from '../server/modules/audit/audit.service.ts';
import type { ImportReport } from '../server/modules/figures/figures.import.ts';
import { IMPORT_FORMATS, type ImportFormat } from '../shared/figures.ts';
import { AREA_LEVELS, type AreaLevel } from '../shared/geography.ts';
import { formatTable } from './format.ts';

type Deps = {
  withDatabase(work: (db: Db) => Promise<void>): Promise<void>;
  cliContext(): RequestContext;
};

const number = new Intl.NumberFormat('nl-NL');

const OUTCOME_TEXT: Record<ImportReport['outcome'], string> = {
  geweigerd: 'GEWEIGERD: het bestand bevat fouten; er is niets veranderd.',
  proefimport:
    'Proefimport: het bestand is geldig; er is niets veranderd. Importeer zonder --dry-run om het op te slaan.',
  geimporteerd: 'Geïmporteerd.',
  ongewijzigd: 'Niets veranderd: alle cijfers stonden er al zo in.',
};

export function printImportReport(report: ImportReport, log: (line: string) => void = console.log): void {
  const file = report.file;
  if (file)
    log(
      `${report.fileName}: ${file.format}${file.encoding ? `, ${file.encoding}` : ''}${file.delimiter ? `, scheidingsteken "${file.delimiter === '\t' ? 'tab' : file.delimiter}"` : ''}, ${number.format(file.size)} bytes, sha256 ${file.sha256.slice(0, 12)}…`,
    );
  if (report.findings?.cbsTable) log(`CBS-tabel: ${report.findings.cbsTable}`);
  if (report.file?.format === 'xlsx' && report.findings)
    log(`Indeling (gebruik met --mapping om aan te passen): ${JSON.stringify(report.findings.mapping)}`);
  log(
    `${number.format(report.rows)} cijfers gelezen${report.findings?.skipped ? `, ${number.format(report.findings.skipped)} lege of geheime cellen (".") overgeslagen` : ''}; ${number.format(report.errors)} fout(en), ${number.format(report.warnings)} waarschuwing(en).`,
  );
  if (report.problems.length > 0) {
    const shown = report.problems.slice(0, 50);
    log(
      formatTable(
        ['soort', 'regel', 'kolom', 'waarde', 'melding'],
        shown.map((problem) => [
          problem.severity,
          problem.row === null ? '' : String(problem.row),
          problem.column ?? '',
          (problem.value ?? '').slice(0, 30),
          problem.message,
        ]),
        [false, true],
      ),
    );
    if (report.problems.length < report.errors + report.warnings || report.problems.length > shown.length)
      log(
        `… en meer; de eerste ${shown.length} staan hierboven.${report.stoppedEarly ? ' Het lezen is gestopt na te veel fouten.' : ''}`,
      );
  }
  if (report.outcome !== 'geweigerd') {
    log(
      `Nieuw: ${number.format(report.added)}, gewijzigd: ${number.format(report.changed)}, ongewijzigd: ${number.format(report.unchanged)}.`,
    );
    const changed = report.changes.filter((change) => change.oldValue !== null).slice(0, 20);
    if (changed.length > 0)
      log(
        formatTable(
          ['indicator', 'gebied', 'periode', 'uitsplitsing', 'oud', 'nieuw'],
          changed.map((change) => [
            change.indicator,
            change.area,
            change.period,
            change.breakdown,
            `${number.format(change.oldValue as number)} (${change.oldStatus})`,
            `${number.format(change.newValue)} (${change.newStatus})`,
          ]),
          [false, false, false, false, true, true],
        ),
      );
  }
  if (report.sameFileAs)
    log(
      `Een bestand met dezelfde inhoud is eerder geïmporteerd: import ${report.sameFileAs.id} (${report.sameFileAs.at}).`,
    );
  if (report.importId !== null)
    log(`Importnummer: ${report.importId} (ongedaan maken: ketenzicht imports undo ${report.importId})`);
  log(OUTCOME_TEXT[report.outcome]);
}

function parseMappingOption<T>(
  text: string,
  schema: {
    safeParse(
      value: unknown,
    ):
      | { success: true; data: T }
      | { success: false; error: { issues: Array<{ path: PropertyKey[]; message: string }> } };
  },
): T {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new UserError(
      '--mapping is geen geldige JSON, bijvoorbeeld {"layout":"wide","indicator":"vt_meldingen"}.',
    );
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UserError(`--mapping klopt niet: ${issue?.path.join('.')} ${issue?.message ?? ''}`.trim());
  }
  return parsed.data;
}

export function registerFiguresCommands(program: Command, deps: Deps): void {
  program
    .command('import')
    .description(
      'import a file of figures (Ketenzicht CSV, CBS StatLine CSV or JSON, XLSX); all rows or none',
    )
    .argument('<file>', 'the file to import')
    .option('--dry-run', 'validate and show what would change; change nothing')
    .addOption(
      new Option('--format <format>', 'file format (detected when left out)').choices([...IMPORT_FORMATS]),
    )
    .option('--mapping <json>', 'column mapping as JSON, e.g. {"layout":"wide","indicator":"vt_meldingen"}')
    .action(async (file: string, options: { dryRun?: boolean; format?: ImportFormat; mapping?: string }) => {
      const [{ importFigures }, { columnMapping }, { SingleBar, Presets }] = await Promise.all([
        import('../server/modules/figures/figures.import.ts'),
        import('../server/modules/figures/figures.schemas.ts'),
        import('cli-progress'),
      ]);
      const mapping = options.mapping ? parseMappingOption(options.mapping, columnMapping) : undefined;
      const bar = process.stderr.isTTY
        ? new SingleBar(
            { format: ' {phase} |{bar}| {rows} cijfers', hideCursor: true, clearOnComplete: true },
            Presets.shades_classic,
          )
        : null;
      let report: ImportReport | undefined;
      await deps.withDatabase(async (db) => {
        bar?.start(100, 0, { phase: 'lezen', rows: '0' });
        const phases = { lezen: 10, vergelijken: 70, opslaan: 85 } as const;
        try {
          report = await importFigures(db, deps.cliContext(), {
            path: file,
            fileName: file,
            dryRun: Boolean(options.dryRun),
            ...(options.format ? { format: options.format } : {}),
            ...(mapping ? { mapping } : {}),
            onProgress: ({ phase, rows }) => bar?.update(phases[phase], { phase, rows: number.format(rows) }),
          });
        } finally {
          bar?.stop();
        }
      });
      if (!report) return;
      printImportReport(report);
      if (report.outcome === 'geweigerd') process.exitCode = 2;
    });

  const imports = program.command('imports').description('import history');
  imports
    .command('list')
    .description('imports, newest first')
    .option('--limit <n>', 'how many', '30')
    .action(async (options: { limit: string }) => {
      const { listImports } = await import('../server/modules/figures/figures.repo.ts');
      await deps.withDatabase(async (db) => {
        const { items } = await listImports(db, {
          limit: Math.min(500, Number(options.limit) || 30),
          offset: 0,
        });
        console.log(
          formatTable(
            ['nr', 'soort', 'moment', 'bestand', 'door', 'nieuw', 'gewijzigd', 'status'],
            items.map((item) => [
              String(item.id),
              item.kind === 'undo' ? `ongedaan ${item.undoOf}` : 'import',
              item.at.slice(0, 19).replace('T', ' '),
              item.fileName,
              item.actorLabel,
              number.format(item.added),
              number.format(item.changed),
              item.undoneBy ? `ongedaan (${item.undoneBy})` : '',
            ]),
            [true, false, false, false, false, true, true],
          ),
        );
      });
    });
  imports
    .command('undo')
    .description('undo an import: restores the figures as they were before it (kept as new versions)')
    .argument('<id>', 'import number (see imports list)')
    .action(async (id: string) => {
      const { undoImport } = await import('../server/modules/figures/figures.import.ts');
      await deps.withDatabase(async (db) => {
        const result = await undoImport(db, deps.cliContext(), Number(id));
        console.log(
          `Import ${result.importId} is ongedaan gemaakt (${result.undoId}): ${number.format(result.restored)} cijfers hersteld, ${number.format(result.withdrawn)} ingetrokken.`,
        );
      });
    });

  program
    .command('indicators')
    .description('the indicator catalogue')
    .action(async () => {
      const { listIndicators } = await import('../server/modules/figures/figures.repo.ts');
      await deps.withDatabase(async (db) => {
        const items = await listIndicators(db);
        console.log(
          formatTable(
            ['code', 'naam', 'eenheid', 'perioden', 'optelbaar', 'uitsplitsingen'],
            items.map((item) => [
              item.code,
              item.name,
              item.unit,
              item.periodTypes.join(' '),
              item.formula ? `afgeleid (${item.formula.kind})` : item.aggregation === 'sum' ? 'ja' : 'nee',
              item.breakdowns.join(' '),
            ]),
          ),
        );
      });
    });

  program
    .command('observations')
    .description('figures of one indicator, as a table or CSV')
    .requiredOption('--indicator <code>', 'indicator code')
    .addOption(new Option('--level <level>', 'area level').choices([...AREA_LEVELS]).default('gemeente'))
    .option('--area <codes>', 'comma-separated area codes')
    .option('--period <codes>', 'comma-separated CBS period codes, e.g. 2024JJ00')
    .option(
      '--breakdown <dimension[:value]>',
      'breakdown, e.g. aard_geweld or aard_geweld:kindermishandeling',
    )
    .option('--as-of <date>', 'figures as known on this date (YYYY-MM-DD)')
    .option('--csv', 'print CSV (semicolon-separated) instead of a table')
    .action(
      async (options: {
        indicator: string;
        level: AreaLevel;
        area?: string;
        period?: string;
        breakdown?: string;
        asOf?: string;
        csv?: boolean;
      }) => {
        const { readObservations, observationsCsv } = await import(
          '../server/modules/figures/figures.read.ts'
        );
        await deps.withDatabase(async (db) => {
          const { indicator, items } = await readObservations(db, {
            indicator: options.indicator,
            level: options.level,
            ...(options.area ? { areas: options.area.split(',') } : {}),
            ...(options.period ? { periods: options.period.split(',') } : {}),
            ...(options.breakdown ? { breakdown: options.breakdown } : {}),
            ...(options.asOf ? { asOf: options.asOf } : {}),
          });
          if (options.csv) {
            process.stdout.write(observationsCsv(items, indicator.breakdowns).replace(/^\uFEFF/, ''));
            return;
          }
          console.log(
            formatTable(
              ['gebied', 'naam', 'periode', 'uitsplitsing', 'waarde', 'status', 'herkomst'],
              items.map((item) => [
                item.areaCode,
                item.areaName,
                item.period,
                Object.values(item.breakdown).join(' '),
                item.value === null
                  ? item.missing.length
                    ? `onvolledig (${item.missing.length} ontbreken)`
                    : '–'
                  : number.format(item.value),
                item.status ?? '',
                item.origin ?? '',
              ]),
              [false, false, false, false, true],
            ),
          );
        });
      },
    );

  program
    .command('demo')
    .description(
      'load SYNTHETIC demo figures for all gemeenten, 2019–2025, and synthetic cases with follow-ups, through the import pipelines',
    )
    .option('--from <year>', 'first year', '2019')
    .option('--to <year>', 'last year', '2025')
    .action(async (options: { from: string; to: string }) => {
      const { loadDemo } = await import('../server/modules/figures/figures.demo.ts');
      await deps.withDatabase(async (db) => {
        const report = await loadDemo(db, deps.cliContext(), {
          from: Number(options.from),
          to: Number(options.to),
        });
        printImportReport(report);
        console.log('Let op: dit zijn SYNTHETISCHE cijfers om Ketenzicht te verkennen, geen echte cijfers.');
        if (report.outcome === 'geweigerd') {
          process.exitCode = 1;
          return;
        }
        const [{ loadCaseDemo }, { pseudonymKeySource }, { refreshRegisterFigures }, { loadConfig }] =
          await Promise.all([
            import('../server/modules/cases/cases.demo.ts'),
            import('../server/modules/cases/cases.key.ts'),
            import('../server/modules/cases/cases.figures.ts'),
            import('../server/config.ts'),
          ]);
        const cases = await loadCaseDemo(
          db,
          deps.cliContext(),
          pseudonymKeySource(loadConfig().pseudonymKey),
        );
        await refreshRegisterFigures(db, deps.cliContext());
        console.log(
          `Casusregister: ${number.format(cases.cases)} SYNTHETISCHE casussen van ${number.format(cases.households)} huishoudens in ${cases.imports.length} aanleveringen (één per Veilig Thuis-regio), met vervolgmetingen; de uitkomstcijfers zijn bijgewerkt.`,
        );
      });
    });
}
