/**
 * `ketenzicht` command line. Verbs that read the database go through the running server when it holds the
 * data folder, and otherwise open the folder themselves (taking its lock).
 */
import { readFile } from 'node:fs/promises';
import { Command, InvalidArgumentError, Option } from 'commander';
import { loadConfig } from '../server/config.ts';
import { isDataDirLocked, readServerUrl } from '../server/db/data-dir-lock.ts';
import { UserError } from '../server/errors.ts';
import type { AreaSummary, GeographyService } from '../server/modules/geography/geography.service.ts';

type MergerRow = Awaited<ReturnType<GeographyService['listMergers']>>[number];

import { APP_VERSION } from '../server/version.ts';
import { AREA_LEVELS } from '../shared/geography.ts';
import { formatTable } from './format.ts';

// Heavy modules (database engines, web server) load inside the verb that needs them: `--help` stays instant.
const openDatabase = async () => (await import('../server/db/open.ts')).openConfiguredDatabase(loadConfig());

const program = new Command('ketenzicht')
  .description('Ketenzicht: monitoring of the approach to domestic violence and child abuse')
  .version(APP_VERSION)
  .showHelpAfterError();

const integer = (name: string) => (value: string) => {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError(`${name} must be a whole number.`);
  return Number(value);
};

program
  .command('serve')
  .description('start the web app and API (embedded database in KETENZICHT_DATA_DIR, or DATABASE_URL)')
  .option('--host <host>', 'address to listen on (default: HOST or 127.0.0.1)')
  .option('--port <port>', 'port to listen on (default: PORT or 3000)', integer('--port'))
  .action(async (options: { host?: string; port?: number }) => {
    const config = loadConfig();
    const { serveUntilSignalled } = await import('../server/server.ts');
    await serveUntilSignalled({
      ...config,
      ...(options.host ? { host: options.host } : {}),
      ...(options.port !== undefined ? { port: options.port } : {}),
    });
  });

program
  .command('migrate')
  .description('apply database migrations and load the shipped reference geography (also done by serve)')
  .action(async () => {
    const opened = await openDatabase();
    try {
      const target = opened.report.engine === 'pglite' ? loadConfig().dataDir : 'PostgreSQL (DATABASE_URL)';
      const { isNew, createdFromSeedImage, referenceLoaded } = opened.report;
      if (isNew)
        console.log(`Created a new database${createdFromSeedImage ? ' from the prepared image' : ''}.`);
      console.log(`Database up to date: ${target}`);
      console.log(
        referenceLoaded || createdFromSeedImage
          ? 'Reference geography loaded.'
          : 'Reference geography was already loaded.',
      );
    } finally {
      await opened.close();
    }
  });

program
  .command('areas')
  .description('list or search areas (gemeenten, Veilig Thuis-regio’s, provincies, land)')
  .argument('[search]', 'part of the name; case and diacritics are ignored ("sudwest")')
  .addOption(new Option('--level <level>', 'level of the areas').choices(AREA_LEVELS).default('gemeente'))
  .option('--parent <code>', 'only gemeenten of this provincie or Veilig Thuis-regio (e.g. VT01, PV27)')
  .option('--year <year>', 'division and population on 1 January of this year', integer('--year'))
  .option('--json', 'print JSON instead of a table')
  .action(
    async (
      search: string | undefined,
      options: { level: (typeof AREA_LEVELS)[number]; parent?: string; year?: number; json?: boolean },
    ) => {
      const query = {
        level: options.level,
        ...(options.parent ? { parent: options.parent.toUpperCase() } : {}),
        ...(options.year !== undefined ? { year: options.year } : {}),
        ...(search ? { q: search } : {}),
      };
      const params = new URLSearchParams(Object.entries(query).map(([key, value]) => [key, String(value)]));
      const items = await withGeography(
        (service) => service.listAreas(query),
        async (url) => (await fetchJson<{ items: AreaSummary[] }>(url, `/api/areas?${params}`)).items,
      );
      if (options.json) {
        console.log(JSON.stringify(items, null, 2));
        return;
      }
      const numbers = new Intl.NumberFormat('nl-NL');
      console.log(
        formatTable(
          ['code', 'naam', 'inwoners'],
          items.map((area) => [
            area.code,
            area.name,
            area.population === null ? '–' : numbers.format(area.population),
          ]),
          [false, false, true],
        ),
      );
      const referenceDate = items.find((area) => area.populationReferenceDate)?.populationReferenceDate;
      console.log(
        `${items.length} gebied(en)${referenceDate ? `; inwoners op ${referenceDate}` : ''}. Bron: CBS.`,
      );
    },
  );

const mergers = program.command('mergers').description('municipal mergers (herindelingen)');
mergers
  .command('list')
  .description('list the mergers on record')
  .action(async () => {
    const items = await withGeography(
      (service) => service.listMergers(),
      async (url) => (await fetchJson<{ items: MergerRow[] }>(url, '/api/mergers')).items,
    );
    console.log(
      formatTable(
        ['datum', 'oud', 'naam', 'nieuw', 'naam', 'aandeel'],
        items.map((merger) => [
          merger.effectiveDate,
          merger.oldCode,
          merger.oldName,
          merger.newCode,
          merger.newName,
          merger.populationShare === null ? 'onbekend' : String(merger.populationShare),
        ]),
      ),
    );
  });
mergers
  .command('import')
  .description('load a CSV of mergers (columns as reference-data/herindelingen.csv); all rows or none')
  .argument('<file>', 'CSV file, UTF-8, comma-separated, with a header row')
  .option('--dry-run', 'validate and report only; change nothing')
  .action(async (file: string, options: { dryRun?: boolean }) => {
    const { parseMergerCsv, upsertMergers } = await import(
      '../server/modules/geography/geography.reference.ts'
    );
    const rows = parseMergerCsv(await readFile(file, 'utf8'), file);
    if (options.dryRun) {
      console.log(`${file}: ${rows.length} herindeling(en) zijn geldig. Proefrun: er is niets veranderd.`);
      return;
    }
    const opened = await openDatabase();
    try {
      await opened.database.db.transaction(async (tx) => upsertMergers(tx as never, rows));
      console.log(`${file}: ${rows.length} herindeling(en) geladen.`);
    } finally {
      await opened.close();
    }
  });

program
  .command('seed-image')
  .description('build the prepared database image that makes a first start fast (part of npm run build)')
  .option('--force', 'rebuild even when up to date')
  .action(async (options: { force?: boolean }) => {
    const { buildSeedImage } = await import('../server/db/seed-image.ts');
    const built = await buildSeedImage(options);
    console.log(built ? 'Seed image built in dist/seed/.' : 'Seed image is up to date.');
  });

/** Runs against the database directly, or through the running server when it holds the data folder. */
async function withGeography<T>(
  direct: (service: GeographyService) => Promise<T>,
  viaServer: (url: string) => Promise<T>,
): Promise<T> {
  const config = loadConfig();
  // Only a folder that is locked right now has a server in it; an address left behind by a crash is ignored.
  if (!config.databaseUrl && (await isDataDirLocked(config.dataDir))) {
    const url = await readServerUrl(config.dataDir);
    if (url && (await isAlive(url))) return viaServer(url);
  }
  const [opened, { createGeographyRepo }, { createGeographyService }] = await Promise.all([
    openDatabase(),
    import('../server/modules/geography/geography.repo.ts'),
    import('../server/modules/geography/geography.service.ts'),
  ]);
  try {
    return await direct(createGeographyService({ repo: createGeographyRepo(opened.database.db) }));
  } finally {
    await opened.close();
  }
}

/** GET a JSON document from the running server; an error answer becomes an error with the server's message. */
async function fetchJson<T>(url: string, path: string): Promise<T> {
  const response = await fetch(`${url}${path}`);
  const body = (await response.json().catch(() => ({}))) as T & { message?: string };
  if (!response.ok) {
    const message = body.message ?? `HTTP ${response.status}`;
    throw response.status < 500 ? new UserError(message) : new Error(message);
  }
  return body;
}

async function isAlive(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2000) });
    return response.ok;
  } catch {
    return false;
  }
}

export async function main(argv: string[]): Promise<void> {
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof UserError) {
      console.error(error.message);
      process.exitCode = 2;
      return;
    }
    // Not the user's doing: keep the stack (and cause) for whoever has to fix it.
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    if (error instanceof Error && error.cause) console.error('Caused by:', error.cause);
    process.exitCode = 1;
  }
}
