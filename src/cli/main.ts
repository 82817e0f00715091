/**
 * `ketenzicht` command line. Verbs that read the database go through the running server when it holds the
 * data folder, and otherwise open the folder themselves (taking its lock).
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { Command, InvalidArgumentError, Option } from 'commander';
import { loadConfig } from '../server/config.ts';
import { isDataDirLocked, readServerUrl } from '../server/db/data-dir-lock.ts';
import { UserError } from '../server/errors.ts';
import type { AreaSummary, GeographyService } from '../server/modules/geography/geography.service.ts';

type MergerRow = Awaited<ReturnType<GeographyService['listMergers']>>[number];

import { APP_VERSION } from '../server/version.ts';
import { AREA_LEVELS } from '../shared/geography.ts';
import { registerCasesCommands } from './cases-commands.ts';
import { registerDashboardCommands } from './dashboard-commands.ts';
import { registerFiguresCommands } from './figures-commands.ts';
import { formatTable } from './format.ts';
import { registerReportCommand } from './report-command.ts';

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
    const bytes = await readFile(file);
    if (options.dryRun) {
      // A dry run needs no database, so it also works while the server holds the data folder.
      const [{ parseMergerCsv }, { decodeTextUpload }] = await Promise.all([
        import('../server/modules/geography/geography.reference.ts'),
        import('../server/http/uploads.ts'),
      ]);
      const { text, encoding } = decodeTextUpload(bytes, file);
      const rows = parseMergerCsv(text, file);
      console.log(
        `${file} (${encoding}): ${rows.length} herindeling(en) zijn geldig. Proefrun: er is niets veranderd.`,
      );
      return;
    }
    const { importMergerFile } = await import('../server/modules/geography/geography.import.ts');
    await withDatabase(async (db) => {
      const result = await importMergerFile(db, cliContext(), { bytes, fileName: file, dryRun: false });
      console.log(`${file} (${result.encoding}): ${result.rows} herindeling(en) geladen.`);
    });
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

const admin = program.command('admin').description('installation administration');
admin
  .command('create')
  .description(
    'create a beheerder (the first one on a new installation) and print a one-time set-password link',
  )
  .requiredOption('--email <email>', 'e-mail address, the sign-in name')
  .option('--name <name>', 'display name (default: the e-mail address)')
  .option(
    '--organisation <name>',
    `organisation of the beheerder (default: "Beheer Ketenzicht", created if missing)`,
  )
  .action(async (options: { email: string; name?: string; organisation?: string }) => {
    const { createAdmin } = await import('../server/modules/access/access.service.ts');
    await withDatabase(async (db) => {
      const created = await createAdmin(db, cliContext(), {
        email: options.email,
        displayName: options.name,
        organisationName: options.organisation,
      });
      console.log(`Beheerder ${options.email.trim().toLowerCase()} aangemaakt.`);
      printPasswordLink(created.token);
    });
  });

const users = program.command('users').description('user accounts');
users
  .command('list')
  .description('list users with their organisations and roles')
  .action(async () => {
    const { listUsers } = await import('../server/modules/access/access.service.ts');
    await withDatabase(async (db) => {
      const items = await listUsers(db, cliContext());
      console.log(
        formatTable(
          ['e-mail', 'naam', 'organisaties en rollen', 'status'],
          items.map((user) => [
            user.email,
            user.displayName,
            user.memberships
              .map((membership) => `${membership.organisationName}: ${membership.role}`)
              .join('; '),
            user.disabled
              ? 'uitgeschakeld'
              : user.hasPassword || user.oidcLinked
                ? 'actief'
                : 'wacht op wachtwoord',
          ]),
        ),
      );
      console.log(`${items.length} gebruiker(s).`);
    });
  });
users
  .command('reset-link')
  .description('print a new one-time link for a user to set a password (earlier links stop working)')
  .argument('<email>', 'e-mail address of the user')
  .action(async (email: string) => {
    const { issueSetPasswordLink, userIdByEmail } = await import(
      '../server/modules/access/access.service.ts'
    );
    await withDatabase(async (db) => {
      const userId = await userIdByEmail(db, email);
      if (!userId)
        throw new UserError(`Er is geen gebruiker met e-mailadres ${email}. Zie: ketenzicht users list`);
      const { token } = await issueSetPasswordLink(db, cliContext(), userId);
      printPasswordLink(token);
    });
  });

program
  .command('audit')
  .description('export the audit log as CSV (semicolon-separated, UTF-8)')
  .option('--from <date>', 'first day, YYYY-MM-DD')
  .option('--to <date>', 'last day, YYYY-MM-DD')
  .option('--action <action>', 'only this action, e.g. auth.sign_in')
  .option('--out <file>', 'write to this file instead of standard output')
  .action(async (options: { from?: string; to?: string; action?: string; out?: string }) => {
    for (const [name, value] of [
      ['--from', options.from],
      ['--to', options.to],
    ] as const) {
      if (value !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(value))
        throw new UserError(`${name} '${value}' is geen datum. Gebruik de vorm 2026-03-31.`);
    }
    const { auditCsv, exportAudit } = await import('../server/modules/audit/audit.service.ts');
    await withDatabase(async (db) => {
      const rows = await exportAudit(db, cliContext(), {
        from: options.from,
        to: options.to,
        action: options.action,
      });
      if (options.out) {
        await writeFile(options.out, `\uFEFF${auditCsv(rows)}`, { mode: 0o600 });
        console.log(`${rows.length} regel(s) van het auditlog geschreven naar ${options.out}.`);
      } else process.stdout.write(auditCsv(rows));
    });
  });

program
  .command('backup')
  .description('write a backup of the whole database to FILE (works for PGlite and PostgreSQL)')
  .argument('<file>', 'backup file to write, e.g. ketenzicht-2026-11-29.backup')
  .action(async (file: string) => {
    const { writeBackup } = await import('../server/modules/backup/backup.service.ts');
    const opened = await openDatabase();
    try {
      const summary = await writeBackup(opened.database.db, opened.database.engine, file, cliContext());
      const { size } = await stat(file);
      console.log(
        `Back-up geschreven naar ${file}: ${summary.rows} rijen uit ${summary.tables} tabellen, ${Math.ceil(size / 1024)} kB.`,
      );
    } finally {
      await opened.close();
    }
  });

program
  .command('restore')
  .description('replace the whole database with a backup; writes a safety backup of the current state first')
  .argument('<file>', 'backup file made by `ketenzicht backup`')
  .option('--no-safety-backup', 'do not back up the current database first')
  .action(async (file: string, options: { safetyBackup: boolean }) => {
    const { readBackup, restoreBackup, writeBackup } = await import(
      '../server/modules/backup/backup.service.ts'
    );
    await readBackup(file); // refuse a broken file before opening (and locking) the database
    const opened = await openDatabase();
    try {
      if (options.safetyBackup) {
        const safety = `ketenzicht-voor-herstel-${new Date().toISOString().replace(/[:.]/g, '-')}.backup`;
        await writeBackup(opened.database.db, opened.database.engine, safety, cliContext());
        console.log(`Eerst een back-up van de huidige stand gemaakt: ${safety}`);
      }
      const summary = await restoreBackup(opened.database.db, cliContext(), file);
      console.log(
        `Hersteld uit ${file}: ${summary.rows} rijen in ${summary.tables} tabellen. Iedereen is afgemeld.`,
      );
    } finally {
      await opened.close();
    }
  });

registerFiguresCommands(program, { withDatabase, cliContext });
registerReportCommand(program, { withDatabase });
registerDashboardCommands(program, { withDatabase });
registerCasesCommands(program, { withDatabase, cliContext });

/** The command line acts as the operator of the installation, and is recorded as such in the audit log. */
function cliContext() {
  return { actor: { kind: 'cli' as const, label: `cli:${userInfo().username}` }, origin: 'cli' };
}

function printPasswordLink(token: string) {
  const link = new URL(`/wachtwoord-instellen#token=${token}`, loadConfig().publicUrl).toString();
  console.log('Eenmalige link om een wachtwoord in te stellen (72 uur geldig; geef hem persoonlijk door):');
  console.log(`  ${link}`);
}

/** Opens the database for a writing verb; the data folder lock refuses while a server holds it. */
async function withDatabase(work: (db: import('../server/db/client.ts').Db) => Promise<void>): Promise<void> {
  const opened = await openDatabase();
  try {
    await work(opened.database.db);
  } finally {
    await opened.close();
  }
}

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
    // Services refuse bad input with an HTTP-style 4xx error; on the command line that is the user's to fix too.
    const status = (error as { statusCode?: unknown }).statusCode;
    if (error instanceof UserError || (typeof status === 'number' && status >= 400 && status < 500)) {
      console.error((error as Error).message);
      process.exitCode = 2;
      return;
    }
    // Not the user's doing: keep the stack (and cause) for whoever has to fix it.
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    if (error instanceof Error && error.cause) console.error('Caused by:', error.cause);
    process.exitCode = 1;
  }
}
