/**
 * Import benchmark (`npm run bench:import`): generates 1,000,000 observation rows (BENCH_ROWS) in Ketenzicht's
 * long CSV format and imports them with `importFigures` into PostgreSQL and into PGlite, each engine in a child
 * process of its own so that its peak RSS is its own. Side by side in the same run, on the same PostgreSQL: a raw
 * `COPY … FROM STDIN` of the same file into a bare table, the physical limit on this machine. Also times a second
 * import of the same file (every figure unchanged). Targets on PostgreSQL: import ≤ 2× raw COPY, peak RSS ≤ 400 MB.
 *
 * PostgreSQL: BENCH_DATABASE_URL, or else a throwaway cluster provisioned like scripts/test.sh does (initdb in a
 * temporary folder, as user postgres when root; random port on 127.0.0.1; stopped and removed at the end). Each
 * run creates a database bench_import_<random> and drops it at the end.
 * PGlite: the same rows in a new data folder (1,000,000 took 60–100 s here); BENCH_PGLITE_ROWS=n gives it only the
 * first n rows, 0 skips it. Each database is migrated and loaded with reference data in a child of its own first,
 * so the import's peak RSS is not PGlite's initdb (≈ 930 MB).
 * BENCH_PROFILE=1 adds a breakdown of the PostgreSQL import by phase: parsing, validation and COPY text measured
 * in separate passes over the file, and every SQL statement of the import timed at the pg driver.
 */
import { type ChildProcess, execFile, fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const PGLITE_ROWS = Math.min(ROWS, Number(process.env.BENCH_PGLITE_ROWS ?? ROWS));
const PROFILE = process.env.BENCH_PROFILE === '1';
const TARGET_RATIO = 2;
const TARGET_RSS_MB = 400;
const FIRST_YEAR = 2019;
const LAST_YEAR = 2025;
const REFERENCE_DATA = path.resolve(import.meta.dirname, '../reference-data');

// ---------------------------------------------------------------------------------------------------------
// Test file: valid, unique figures for real gemeenten

type Catalogue = {
  dimensions: Array<{ code: string; values: Array<{ code: string }> }>;
  indicators: Array<{
    code: string;
    unit: string;
    periodTypes: string[];
    aggregation: string;
    breakdowns: string[];
    formula?: unknown;
  }>;
};

/** Yearly figures per inhabitant, to give plausible magnitudes (synthetic). */
const RATE_PER_INHABITANT: Record<string, number> = {
  vt_adviezen: 0.008,
  vt_meldingen: 0.0071,
  vt_veiligheidsbeoordelingen: 0.006,
  vt_acuut_onveilig: 0.0008,
  vt_structureel_onveilig: 0.0015,
  vt_onderzoeken: 0.0012,
  vt_onderzoeken_bevestigd: 0.0006,
  vt_overdrachten_lokaal_veld: 0.003,
  vt_meldingen_tijdens_monitoring: 0.0004,
  vt_hermeldingen: 0.0015,
  politie_hg_incidenten: 0.0042,
  thv_opgelegd: 0.00017,
  thv_verlengd: 0.00005,
  vhh_hg_casussen: 0.00035,
  inwoners: 1,
  minderjarigen: 0.2,
};
const PARTS_PER_YEAR: Record<string, number> = { JJ: 1, HJ: 2, KW: 4, MM: 12 };

/** mulberry32: the same file on every machine. */
function random(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Whole parts of `total` by random weights, never adding up to more than the total. */
function partsOf(total: number, count: number, draw: () => number): number[] {
  const weights = Array.from({ length: count }, () => 0.2 + draw());
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((weight) => Math.floor((total * weight) / sum));
}

function* periodsOf(year: number): Generator<{ code: string; type: string; start: string }> {
  const pad = (n: number) => String(n).padStart(2, '0');
  yield { code: `${year}JJ00`, type: 'JJ', start: `${year}-01-01` };
  for (let q = 1; q <= 4; q++)
    yield { code: `${year}KW${pad(q)}`, type: 'KW', start: `${year}-${pad(q * 3 - 2)}-01` };
  for (let m = 1; m <= 12; m++)
    yield { code: `${year}MM${pad(m)}`, type: 'MM', start: `${year}-${pad(m)}-01` };
}

async function readGemeenten(): Promise<Array<{ code: string; inhabitants: number; validFrom: string }>> {
  const [gemeenten, mergers] = await Promise.all([
    readFile(path.join(REFERENCE_DATA, 'gemeenten_2025.csv'), 'utf8'),
    readFile(path.join(REFERENCE_DATA, 'herindelingen.csv'), 'utf8'),
  ]);
  // A gemeente formed by a merger (new_code_is_new = ja) has no figures before its first day.
  const validFrom = new Map<string, string>();
  for (const line of mergers.trim().split('\n').slice(1)) {
    const cells = line.split(',');
    if (cells[6] === 'ja') validFrom.set(cells[2] as string, cells[4] as string);
  }
  return gemeenten
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const cells = line.split(',');
      const code = cells[0] as string;
      return {
        code,
        inhabitants: Number(cells[7]) || 20_000,
        validFrom: validFrom.get(code) ?? '1900-01-01',
      };
    });
}

/**
 * Writes `rows` rows to `file`, streaming: years × periods (JJ, KW, MM as each indicator allows) × gemeenten ×
 * additive stored counts × their total and each value of each breakdown. Each key once; values whole and ≥ 0,
 * breakdown parts never above their total. Returns the dimension columns of the header.
 */
async function writeTestFile(file: string, rows: number): Promise<string[]> {
  const catalogue = JSON.parse(
    await readFile(path.join(REFERENCE_DATA, 'indicators.json'), 'utf8'),
  ) as Catalogue;
  const dimensionCodes = catalogue.dimensions.map((dimension) => dimension.code);
  const valuesOf = new Map(catalogue.dimensions.map((d) => [d.code, d.values.map((v) => v.code)]));
  const indicators = catalogue.indicators.filter(
    (indicator) => indicator.unit === 'aantal' && indicator.aggregation === 'sum' && !indicator.formula,
  );
  const gemeenten = await readGemeenten();
  const out = createWriteStream(file);
  const draw = random(20_251_231);
  let buffer = `indicator;gebied;periode;${dimensionCodes.join(';')};waarde;status\n`;
  let written = 0;
  const emptyBreakdown = dimensionCodes.map(() => '');
  const flush = async () => {
    if (!out.write(buffer)) await once(out, 'drain');
    buffer = '';
  };
  outer: for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
    const status = year === LAST_YEAR ? 'voorlopig' : 'definitief';
    for (const period of periodsOf(year)) {
      for (const gemeente of gemeenten) {
        if (gemeente.validFrom > period.start) continue;
        for (const indicator of indicators) {
          if (!indicator.periodTypes.includes(period.type)) continue;
          const yearly = gemeente.inhabitants * (RATE_PER_INHABITANT[indicator.code] ?? 0.001);
          const total = Math.round((yearly / (PARTS_PER_YEAR[period.type] ?? 1)) * (0.8 + 0.4 * draw()));
          const line = (breakdown: string[], value: number) => {
            buffer += `${indicator.code};${gemeente.code};${period.code};${breakdown.join(';')};${value};${status}\n`;
            written++;
          };
          line(emptyBreakdown, total);
          if (written >= rows) break outer;
          for (const dimension of indicator.breakdowns) {
            const values = valuesOf.get(dimension) ?? [];
            const parts = partsOf(total, values.length, draw);
            const column = dimensionCodes.indexOf(dimension);
            for (const [index, value] of values.entries()) {
              const breakdown = [...emptyBreakdown];
              breakdown[column] = value;
              line(breakdown, parts[index] as number);
              if (written >= rows) break outer;
            }
          }
          if (buffer.length > 1 << 20) await flush();
        }
      }
    }
  }
  await flush();
  await new Promise<void>((resolve, reject) =>
    out.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
  if (written < rows)
    throw new Error(`Only ${written} unique figures fit in ${FIRST_YEAR}–${LAST_YEAR}; lower BENCH_ROWS.`);
  return dimensionCodes;
}

// ---------------------------------------------------------------------------------------------------------
// Child processes: one task each, so peak RSS belongs to that task

type Engine = { engine: 'postgresql' | 'pglite'; url?: string; dataDir?: string };

type Task =
  | { kind: 'copy'; url: string; file: string; dimensionCodes: string[]; rows: number }
  /** Migrates a new database and loads the reference data, so that the import's RSS is the import's own. */
  | ({ kind: 'prepare' } & Engine)
  | ({
      kind: 'import';
      file: string;
      rows: number;
      expect: 'geimporteerd' | 'ongewijzigd';
      profile: boolean;
    } & Engine);

type Result = {
  seconds: number;
  rssBeforeMb: number;
  peakRssMb: number;
  /** Seconds per phase as the import reports progress (lezen incl. checks, vergelijken, opslaan incl. commit). */
  phases?: Record<string, number>;
  /** BENCH_PROFILE: seconds per part of the work. */
  profile?: Array<[string, number, string]>;
  summary?: string;
};

const mb = (bytes: number) => bytes / 1024 / 1024;
const peakRssMb = () => process.resourceUsage().maxRSS / 1024;

async function runTask(task: Task): Promise<Result> {
  if (task.kind === 'copy') return rawCopy(task);
  if (task.kind === 'prepare') return prepareTask(task);
  return importTask(task);
}

async function openEngine(task: Engine) {
  const { openPglite, openPostgres } = await import('../src/server/db/client.ts');
  return task.engine === 'postgresql'
    ? openPostgres(task.url as string)
    : openPglite({ dataDir: task.dataDir as string });
}

async function prepareTask(task: Extract<Task, { kind: 'prepare' }>): Promise<Result> {
  const { prepareDatabase } = await import('../src/server/db/open.ts');
  const started = performance.now();
  const database = await openEngine(task);
  try {
    await prepareDatabase(database);
  } finally {
    await database.close();
  }
  return { seconds: (performance.now() - started) / 1000, rssBeforeMb: 0, peakRssMb: peakRssMb() };
}

async function rawCopy(task: Extract<Task, { kind: 'copy' }>): Promise<Result> {
  const [{ default: pg }, { from: copyFrom }] = await Promise.all([import('pg'), import('pg-copy-streams')]);
  const client = new pg.Client({ connectionString: task.url });
  await client.connect();
  try {
    const table = `raw_copy_${randomBytes(3).toString('hex')}`;
    const columns = ['indicator', 'gebied', 'periode', ...task.dimensionCodes].map((name) => `${name} text`);
    await client.query(`create table ${table} (${columns.join(', ')}, waarde double precision, status text)`);
    const rssBeforeMb = mb(process.memoryUsage().rss);
    const started = performance.now();
    const copy = client.query(
      copyFrom(`COPY ${table} FROM STDIN WITH (FORMAT csv, DELIMITER ';', HEADER true)`),
    );
    await pipeline(createReadStream(task.file), copy);
    const seconds = (performance.now() - started) / 1000;
    if (copy.rowCount !== task.rows)
      throw new Error(`raw COPY loaded ${copy.rowCount} rows, not ${task.rows}`);
    await client.query(`drop table ${table}`);
    return { seconds, rssBeforeMb, peakRssMb: peakRssMb() };
  } finally {
    await client.end();
  }
}

async function importTask(task: Extract<Task, { kind: 'import' }>): Promise<Result> {
  const [{ prepareDatabase }, { importFigures }] = await Promise.all([
    import('../src/server/db/open.ts'),
    import('../src/server/modules/figures/figures.import.ts'),
  ]);
  const database = await openEngine(task);
  try {
    // Already prepared by the 'prepare' child: only checks that migrations and reference data are current.
    await prepareDatabase(database);
    const context = { actor: { kind: 'cli' as const, label: 'bench' }, origin: 'bench' };
    const profile = task.profile ? await profileReading(database.db, task.file) : undefined;
    const statements = task.profile ? await timeStatements() : undefined;
    const rssBeforeMb = mb(process.memoryUsage().rss);
    const marks: Array<[string, number]> = [];
    let lastLog = performance.now();
    const started = performance.now();
    const report = await importFigures(database.db, context, {
      path: task.file,
      fileName: path.basename(task.file),
      dryRun: false,
      onProgress: ({ phase, rows }) => {
        if (marks.at(-1)?.[0] !== phase) marks.push([phase, performance.now()]);
        if (performance.now() - lastLog > 10_000) {
          lastLog = performance.now();
          process.stderr.write(
            `    ${task.engine}: ${phase}, ${rows} rows, ${((lastLog - started) / 1000).toFixed(0)} s\n`,
          );
        }
      },
    });
    const ended = performance.now();
    const seconds = (ended - started) / 1000;
    const summary = `${report.outcome}: ${report.rows} rows, added ${report.added}, changed ${report.changed}, unchanged ${report.unchanged}, errors ${report.errors}, warnings ${report.warnings}`;
    const expected =
      task.expect === 'geimporteerd'
        ? report.outcome === 'geimporteerd' && report.added === task.rows
        : report.outcome === 'ongewijzigd' && report.unchanged === task.rows;
    if (!expected)
      throw new Error(
        `Expected ${task.expect} with ${task.rows} ${task.expect === 'geimporteerd' ? 'added' : 'unchanged'}; got ${summary}\n` +
          report.problems
            .slice(0, 10)
            .map((found) => `  row ${found.row} ${found.column}: ${found.message}`)
            .join('\n'),
      );
    const phases: Record<string, number> = {};
    const points: Array<[string, number]> = [
      ['lezen', started],
      ...marks.filter(([name]) => name !== 'lezen'),
    ];
    points.forEach(([name, at], index) => {
      phases[name] = ((points[index + 1]?.[1] ?? ended) - at) / 1000;
    });
    const result: Result = { seconds, rssBeforeMb, peakRssMb: peakRssMb(), phases, summary };
    if (profile && statements) result.profile = [...profile, ...statements.breakdown(seconds)];
    return result;
  } finally {
    await database.close();
  }
}

/**
 * BENCH_PROFILE: the JavaScript side of reading, measured in passes of its own over the same file: detecting
 * and hashing, parsing, validating, and building the COPY text as the import does (20,000 rows a chunk).
 */
async function profileReading(
  db: import('../src/server/db/client.ts').Db,
  file: string,
): Promise<Array<[string, number, string]>> {
  const [{ inspectFile, openRowSource, decimalStyleOf }, repo, { validateObservation }, { REFERENCE_EPOCH }] =
    await Promise.all([
      import('../src/server/modules/figures/figures.formats.ts'),
      import('../src/server/modules/figures/figures.repo.ts'),
      import('../src/server/modules/figures/figures.domain.ts'),
      import('../src/server/modules/geography/geography.domain.ts'),
    ]);
  const [catalogue, geography] = await Promise.all([repo.loadCatalogueMaps(db), repo.loadGeographyFacts(db)]);
  let started = performance.now();
  const facts = await inspectFile(file, path.basename(file));
  const inspectSeconds = (performance.now() - started) / 1000;
  const open = () =>
    openRowSource(file, {
      fileName: path.basename(file),
      facts,
      mapping: {},
      dimensionCodes: new Set(catalogue.dimensions.keys()),
      areaCodeForName: geography.areaCodeForName,
      cbsTables: [],
    });
  let parsed = 0;
  const parsePass = async () => {
    const at = performance.now();
    parsed = 0;
    for await (const _ of (await open()).rows) parsed++;
    return (performance.now() - at) / 1000;
  };
  // Twice, the faster counts: the first pass also warms up the JIT, which the import then has for free.
  const parseSeconds = Math.min(await parsePass(), await parsePass());
  // As importFigures builds it for the command line (every area may be delivered).
  const validation: import('../src/server/modules/figures/figures.domain.ts').ValidationContext = {
    indicators: catalogue.indicators,
    dimensions: catalogue.dimensions,
    areas: geography.areas,
    successorsOf: geography.successorsOf,
    decimalStyle: decimalStyleOf(facts.format, facts.delimiter),
    mayDeliver: () => true,
    divisionKnownFrom: REFERENCE_EPOCH,
    deliveryScopeText: 'alle gebieden',
  };
  let textSeconds = 0;
  let chunk: import('../src/server/modules/figures/figures.domain.ts').ValidObservation[] = [];
  let textBytes = 0;
  const buildText = () => {
    const at = performance.now();
    let text = '';
    for (const row of chunk)
      text += `${row.row}\t${row.indicator}\t${row.area}\t${row.period}\t${row.breakdown}\t${row.value}\t${row.status}\n`;
    textBytes += text.length;
    textSeconds += (performance.now() - at) / 1000;
    chunk = [];
  };
  started = performance.now();
  for await (const raw of (await open()).rows) {
    const result = validateObservation(raw, validation);
    if (result.observation === null) throw new Error(`row ${raw.row} is invalid`);
    chunk.push(result.observation);
    if (chunk.length >= 20_000) buildText();
  }
  buildText();
  const parseValidateSeconds = (performance.now() - started) / 1000 - textSeconds;
  return [
    ['inspect file (sha256, encoding, delimiter)', inspectSeconds, 'separate pass'],
    ['parse CSV (decode, csv-parse, row objects)', parseSeconds, `separate pass, ${parsed} rows`],
    [
      'validate rows (validateObservation)',
      parseValidateSeconds - parseSeconds,
      'parse+validate pass minus parse',
    ],
    ['build COPY text (copyText)', textSeconds, `${(textBytes / 1024 / 1024).toFixed(0)} MB of text`],
  ];
}

/**
 * BENCH_PROFILE: times every statement the pg driver runs (promise, callback and COPY stream queries), grouped
 * by what the import does with it. Installed after the database is prepared, so only the import is counted.
 */
async function timeStatements() {
  const { default: pg } = await import('pg');
  const totals = new Map<string, { seconds: number; count: number }>();
  const add = (label: string, since: number) => {
    const total = totals.get(label) ?? { seconds: 0, count: 0 };
    total.seconds += (performance.now() - since) / 1000;
    total.count++;
    totals.set(label, total);
  };
  const prototype = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = prototype.query;
  prototype.query = function (this: unknown, ...args: unknown[]) {
    const [config] = args;
    const text =
      typeof config === 'string'
        ? config
        : String((config as { text?: string; cursor?: unknown } | null)?.text ?? '');
    const label = classify(text);
    const since = performance.now();
    const callbackIndex = args.findIndex((arg, index) => index > 0 && typeof arg === 'function');
    if (callbackIndex > 0) {
      const callback = args[callbackIndex] as (...result: unknown[]) => void;
      args[callbackIndex] = (...result: unknown[]) => {
        add(label, since);
        callback(...result);
      };
    }
    const result = original.apply(this, args);
    if (callbackIndex < 0) {
      if (result && typeof (result as Promise<unknown>).then === 'function')
        (result as Promise<unknown>).then(
          () => add(label, since),
          () => add(label, since),
        );
      else if (config && typeof (config as { on?: unknown }).on === 'function') {
        const stream = config as NodeJS.EventEmitter;
        stream.once('finish', () => add(label, since));
        stream.once('error', () => add(label, since));
      }
    }
    return result;
  };
  return {
    breakdown(total: number): Array<[string, number, string]> {
      prototype.query = original;
      return [...totals.entries()]
        .sort((a, b) => b[1].seconds - a[1].seconds)
        .map(([label, { seconds, count }]) => [
          label,
          seconds,
          `SQL, ${count}×, ${((seconds / total) * 100).toFixed(0)}% of import`,
        ]);
    },
  };
}

function classify(sql: string): string {
  const text = sql.replace(/\s+/g, ' ').trim();
  const rules: Array<[RegExp, string]> = [
    [/^COPY import_staging/i, 'COPY into import_staging'],
    [/create temp table import_staging/i, 'create import_staging'],
    [/from import_staging group by/i, 'duplicate-key check (group by on staging)'],
    [/^with parts as/i, 'breakdown-above-total check'],
    [/create temp table import_diff/i, 'diff: create import_diff (join with observation)'],
    [/from import_batch where file_sha256/i, 'earlier import of the same file'],
    [/^insert into import_batch/i, 'insert import_batch'],
    [/^update observation o set superseded_at/i, 'close replaced versions (update observation)'],
    [/^insert into observation/i, 'insert new versions (insert into observation)'],
    [/from import_diff/i, 'counts and samples from import_diff'],
    [/audit/i, 'audit entry'],
    [/^commit/i, 'commit'],
    [/^begin/i, 'begin'],
  ];
  return rules.find(([pattern]) => pattern.test(text))?.[1] ?? `other: ${text.slice(0, 50)}`;
}

function startChild(task: Task): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = fork(import.meta.filename, ['--child'], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    children.add(child);
    let result: Result | undefined;
    let failure: string | undefined;
    child.on('message', (message: { result?: Result; error?: string }) => {
      result = message.result;
      failure = message.error;
    });
    child.once('spawn', () => child.send(task));
    child.once('exit', (code, signal) => {
      children.delete(child);
      if (result) resolve(result);
      else reject(new Error(failure ?? `child exited with ${code ?? signal}`));
    });
  });
}

const children = new Set<ChildProcess>();

if (process.argv[2] === '--child') {
  // A child that lost its parent stops.
  process.on('disconnect', () => process.exit(1));
  process.once('message', (task: Task) => {
    runTask(task).then(
      (result) => process.send?.({ result }, () => process.exit(0)),
      (error: Error) => process.send?.({ error: error.stack ?? error.message }, () => process.exit(1)),
    );
  });
}

// ---------------------------------------------------------------------------------------------------------
// PostgreSQL: the configured server, or a throwaway cluster

type Server = { url: string; note: string; stop(): Promise<void> };

async function findPgBin(): Promise<string> {
  if (process.env.KETENZICHT_PG_BIN) return process.env.KETENZICHT_PG_BIN;
  for (const version of [15, 16, 17, 18]) {
    const bin = `/usr/lib/postgresql/${version}/bin`;
    if (
      await stat(`${bin}/initdb`).then(
        () => true,
        () => false,
      )
    )
      return bin;
  }
  if (
    process.getuid?.() === 0 &&
    (await stat('/usr/bin/apt-get').then(
      () => true,
      () => false,
    ))
  ) {
    console.log('Installing postgresql-15 (apt) …');
    await run('apt-get', ['update', '-qq'], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    await run(
      'apt-get',
      ['install', '-y', '-qq', '--no-install-recommends', 'postgresql-15', 'postgresql-contrib'],
      {
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      },
    );
    return '/usr/lib/postgresql/15/bin';
  }
  throw new Error(
    'No PostgreSQL found. Install it (sudo apt-get install -y --no-install-recommends postgresql-15) or set BENCH_DATABASE_URL.',
  );
}

async function provisionCluster(): Promise<Server> {
  const bin = await findPgBin();
  const dir = await mkdtemp(path.join(tmpdir(), 'ketenzicht-bench-pg-'));
  const asPostgres: string[] = [];
  if (process.getuid?.() === 0) {
    // initdb refuses to run as root: the cluster belongs to the postgres user.
    await run('id', ['postgres']).catch(() => run('useradd', ['--system', '--no-create-home', 'postgres']));
    await run('chown', ['postgres', dir]);
    asPostgres.push('runuser', '-u', 'postgres', '--');
  }
  const as = (command: string, args: string[]) =>
    asPostgres.length > 0
      ? run(asPostgres[0] as string, [...asPostgres.slice(1), command, ...args])
      : run(command, args);
  const data = path.join(dir, 'data');
  const stop = async () => {
    await as(`${bin}/pg_ctl`, ['-D', data, '-m', 'immediate', 'stop']).catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await as(`${bin}/initdb`, [
      '-D',
      data,
      '-U',
      'postgres',
      '--auth=trust',
      '-E',
      'UTF8',
      '--locale=C.UTF-8',
    ]);
    const settings = '-c fsync=off -c synchronous_commit=off -c full_page_writes=off';
    for (let attempt = 0; ; attempt++) {
      const port = 20_000 + Math.floor(Math.random() * 20_000);
      try {
        await as(`${bin}/pg_ctl`, [
          '-D',
          data,
          '-w',
          '-l',
          path.join(dir, 'log'),
          '-o',
          `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 ${settings}`,
          'start',
        ]);
        const version = (await run(`${bin}/postgres`, ['--version'])).stdout.trim();
        return {
          url: `postgres://postgres@127.0.0.1:${port}/postgres`,
          note: `throwaway cluster (${version}) on 127.0.0.1:${port}, ${settings} as scripts/test.sh`,
          stop,
        };
      } catch (error) {
        if (attempt >= 2) throw error;
      }
    }
  } catch (error) {
    await stop();
    throw error;
  }
}

async function withAdmin<T>(url: string, work: (client: import('pg').Client) => Promise<T>): Promise<T> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------------------------------------------------
// Main

type Line = { engine: string; rows: number; result: Result };

function printTable(lines: Line[]) {
  const header = ['engine', 'rows', 'seconds', 'rows/s', 'peak RSS MB', 'RSS before MB'];
  const body = lines.map(({ engine, rows, result }) => [
    engine,
    rows.toLocaleString('en-US'),
    result.seconds.toFixed(2),
    Math.round(rows / result.seconds).toLocaleString('en-US'),
    result.peakRssMb.toFixed(0),
    result.rssBeforeMb.toFixed(0),
  ]);
  const widths = header.map((name, column) =>
    Math.max(name.length, ...body.map((row) => (row[column] as string).length)),
  );
  const format = (row: string[]) =>
    row
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[column] as number) : cell.padStart(widths[column] as number),
      )
      .join('  ');
  console.log(format(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const row of body) console.log(format(row));
}

async function main() {
  const work = await mkdtemp(path.join(tmpdir(), 'ketenzicht-bench-import-'));
  let server: Server | undefined;
  let database: { admin: string; name: string } | undefined;
  const cleanup = async () => {
    for (const child of children) child.kill('SIGKILL');
    if (database) {
      const { admin, name } = database;
      database = undefined;
      await withAdmin(admin, (client) => client.query(`drop database if exists ${name} with (force)`)).catch(
        (error: Error) => console.error(`Could not drop database ${name}: ${error.message}`),
      );
    }
    await server?.stop();
    server = undefined;
    await rm(work, { recursive: true, force: true });
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      void cleanup().finally(() => process.exit(130));
    });
  try {
    if (process.env.BENCH_DATABASE_URL) {
      server = {
        url: process.env.BENCH_DATABASE_URL,
        note: 'BENCH_DATABASE_URL',
        stop: async () => undefined,
      };
    } else {
      server = await provisionCluster();
    }
    const name = `bench_import_${randomBytes(4).toString('hex')}`;
    await withAdmin(server.url, (client) => client.query(`create database ${name}`));
    database = { admin: server.url, name };
    const url = new URL(server.url);
    url.pathname = `/${name}`;
    const settings = await withAdmin(url.toString(), async (client) => {
      const rows = await client.query<{ name: string; setting: string; unit: string | null }>(
        `select name, setting, unit from pg_settings where name in ('server_version', 'fsync', 'synchronous_commit', 'full_page_writes', 'shared_buffers', 'work_mem', 'max_wal_size') order by name`,
      );
      return rows.rows.map((row) => `${row.name}=${row.setting}${row.unit ?? ''}`).join(', ');
    });
    console.log(`PostgreSQL: ${server.note}; database ${name}`);
    console.log(`  ${settings}`);

    const started = performance.now();
    const file = path.join(work, `figures-${ROWS}.csv`);
    const dimensionCodes = await writeTestFile(file, ROWS);
    const size = (await stat(file)).size;
    console.log(
      `Test file: ${ROWS.toLocaleString('en-US')} rows, ${mb(size).toFixed(1)} MB, columns indicator;gebied;periode;${dimensionCodes.join(';')};waarde;status (written in ${((performance.now() - started) / 1000).toFixed(1)} s)`,
    );
    let pgliteFile = file;
    if (PGLITE_ROWS > 0 && PGLITE_ROWS < ROWS) {
      pgliteFile = path.join(work, `figures-${PGLITE_ROWS}.csv`);
      await writeTestFile(pgliteFile, PGLITE_ROWS);
      console.log(
        `PGlite file: the first ${PGLITE_ROWS.toLocaleString('en-US')} rows of the same figures (BENCH_PGLITE_ROWS)`,
      );
    }

    const lines: Line[] = [];
    const step = async (engine: string, rows: number, task: Task) => {
      console.log(`  running: ${engine} …`);
      const result = await startChild(task);
      lines.push({ engine, rows, result });
      return result;
    };
    const prepare = async (engine: Engine) => {
      const result = await startChild({ kind: 'prepare', ...engine });
      console.log(
        `  prepared ${engine.engine}: migrations and reference data in ${result.seconds.toFixed(1)} s, peak RSS ${result.peakRssMb.toFixed(0)} MB (not timed below)`,
      );
    };
    await prepare({ engine: 'postgresql', url: url.toString() });
    const copyTask: Task = { kind: 'copy', url: url.toString(), file, dimensionCodes, rows: ROWS };
    const copyBefore = await step('raw COPY (PostgreSQL, before)', ROWS, copyTask);
    const importTask: Task = {
      kind: 'import',
      engine: 'postgresql',
      url: url.toString(),
      file,
      rows: ROWS,
      expect: 'geimporteerd',
      profile: PROFILE,
    };
    const first = await step('import PostgreSQL (new figures)', ROWS, importTask);
    const second = await step('import PostgreSQL (same file again)', ROWS, {
      ...importTask,
      expect: 'ongewijzigd',
      profile: false,
    });
    const copyAfter = await step('raw COPY (PostgreSQL, after)', ROWS, copyTask);
    let pglite: Result | undefined;
    if (PGLITE_ROWS > 0) {
      const dataDir = path.join(work, 'pglite');
      await prepare({ engine: 'pglite', dataDir });
      pglite = await step('import PGlite (new figures)', PGLITE_ROWS, {
        kind: 'import',
        engine: 'pglite',
        dataDir,
        file: pgliteFile,
        rows: PGLITE_ROWS,
        expect: 'geimporteerd',
        profile: false,
      });
    }

    console.log('');
    printTable(lines);
    console.log('');
    const copy = Math.min(copyBefore.seconds, copyAfter.seconds);
    const ratio = first.seconds / copy;
    const ratioSecond = second.seconds / copy;
    const mark = (ok: boolean) => (ok ? 'met' : 'NOT MET');
    console.log(
      `PostgreSQL, ${ROWS.toLocaleString('en-US')} rows (raw COPY = the faster of the two runs, ${copy.toFixed(2)} s):`,
    );
    console.log(
      `  import / raw COPY:             ${ratio.toFixed(2)}×  (target ≤ ${TARGET_RATIO.toFixed(1)}×: ${mark(ratio <= TARGET_RATIO)})`,
    );
    console.log(
      `  peak RSS of the import:        ${first.peakRssMb.toFixed(0)} MB  (target ≤ ${TARGET_RSS_MB} MB: ${mark(first.peakRssMb <= TARGET_RSS_MB)})`,
    );
    console.log(
      `  same file again / raw COPY:    ${ratioSecond.toFixed(2)}×  (peak RSS ${second.peakRssMb.toFixed(0)} MB; ${second.summary})`,
    );
    const phaseText = (result: Result) =>
      Object.entries(result.phases ?? {})
        .map(([phase, seconds]) => `${phase} ${seconds.toFixed(2)} s`)
        .join(', ');
    console.log(
      'Phases as the import reports them (lezen = read, validate, COPY into staging and file checks):',
    );
    console.log(`  PostgreSQL, new figures:      ${phaseText(first)}`);
    console.log(`  PostgreSQL, same file again:  ${phaseText(second)}`);
    if (pglite) console.log(`  PGlite, new figures:          ${phaseText(pglite)}`);
    else console.log('PGlite: skipped (BENCH_PGLITE_ROWS=0)');
    if (pglite && PGLITE_ROWS < ROWS)
      console.log(
        `Note: PGlite got ${PGLITE_ROWS.toLocaleString('en-US')} rows, PostgreSQL ${ROWS.toLocaleString('en-US')} (BENCH_PGLITE_ROWS).`,
      );
    if (first.profile) {
      console.log('');
      console.log('Profile of the first PostgreSQL import (BENCH_PROFILE=1):');
      const width = Math.max(...first.profile.map(([label]) => label.length));
      for (const [label, seconds, note] of first.profile)
        console.log(`  ${label.padEnd(width)}  ${seconds.toFixed(2).padStart(7)} s  ${note}`);
    }
  } finally {
    await cleanup();
  }
}

if (process.argv[2] !== '--child') await main();
