/**
 * Query benchmark (`npm run bench:query`): the overview map request `GET /api/dashboard/map` on a PostgreSQL
 * database holding 10,000,000 observations (BENCH_ROWS), timed over real HTTP on 127.0.0.1 against the real
 * server (started in a child process as `ketenzicht serve` starts it), side by side with the bare SQL query that
 * fetches the same map figures with `pg`. Targets: endpoint p50 ≤ 20 ms, p95 ≤ 50 ms, endpoint/SQL ≤ 1.5.
 * Then "cold": a one-row import through the real import pipeline changes a figure, and the first map request
 * after its commit is timed and must show the new figure (no batch analytics step).
 *
 * The figures are generated in SQL straight into `observation`, not through the import pipeline, all pointing
 * at one import_batch row: every gemeente in the `area` table (the 342 of today and the earlier ones, each
 * for the years it existed; 2015–2017 on the 2018 division, the first on record), every stored indicator of
 * the catalogue, 2015–2025 by month, quarter, half year and year (years, quarters and half years are the sums
 * of their months), the aard_geweld/melder/leeftijd/geslacht breakdowns the catalogue gives each indicator,
 * 2025 provisional; every figure up to 2024 first delivered provisional and then replaced (a superseded
 * version), 1 in 64 corrected once more; cut off at BENCH_ROWS rows. Then a profile of the endpoint: its SQL
 * statements timed at the pg driver and its JavaScript by self time, with EXPLAIN ANALYZE of a slow statement.
 *
 * BENCH_DATABASE_URL (required): a PostgreSQL server (15 or newer) as a user that may create databases. The
 * bench creates the database ketenzicht_bench_query and drops it at the end; BENCH_KEEP=1 keeps it and reuses
 * it on the next run when it holds the same BENCH_ROWS. BENCH_RUNS (200) timed requests per level after
 * BENCH_WARMUP (30); BENCH_INDICATOR (vt_meldingen), BENCH_PERIOD (2024JJ00; the veiligthuisregio level uses
 * BENCH_REGION_PERIOD, 2025JJ00, the first year whose region membership is on record).
 */
import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import inspector from 'node:inspector';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { parsePeriodCode, periodEnd, periodStart, referenceDate } from '../src/shared/periods.ts';

const ROWS = Number(process.env.BENCH_ROWS ?? 10_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 30);
const KEEP = process.env.BENCH_KEEP === '1';
const INDICATOR = process.env.BENCH_INDICATOR ?? 'vt_meldingen';
const PERIOD = process.env.BENCH_PERIOD ?? '2024JJ00';
const REGION_PERIOD = process.env.BENCH_REGION_PERIOD ?? '2025JJ00';
const COLD_RUNS = 5;
/** The gemeente whose figure the cold runs change. */
const COLD_AREA = 'GM0363';
const DATABASE = 'ketenzicht_bench_query';
/** Bumped when the generated data changes, so that a kept database is generated again. */
const GENERATOR = 'bench:query data v1';
const FIRST_YEAR = 2015;
const LAST_YEAR = 2025;
/** Years after this one are provisional and have one version only. */
const LAST_FINAL_YEAR = 2024;
const TARGETS = { p50: 20, p95: 50, ratio: 1.5 };

const START_POSTGRES = `Start one, for example (as root; PostgreSQL 15 from apt):
  rm -rf /tmp/pgbench; mkdir /tmp/pgbench; chown postgres /tmp/pgbench
  runuser -u postgres -- /usr/lib/postgresql/15/bin/initdb -D /tmp/pgbench/data -U postgres --auth=trust -E UTF8 --locale=C.UTF-8
  runuser -u postgres -- /usr/lib/postgresql/15/bin/pg_ctl -D /tmp/pgbench/data -w -l /tmp/pgbench/log \\
    -o "-p 54331 -k /tmp/pgbench -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off" start
and run: BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:54331/postgres npm run bench:query`;

// ---------------------------------------------------------------------------------------------------------
// Generating the figures

/**
 * Work tables of the generator (session-local): gemeenten with a plausible size, periods with their months,
 * stored indicators with a yearly rate per inhabitant, and each indicator's breakdown keys with a share of the
 * total (the shares of one dimension add up to 0.97, so parts never exceed their total).
 */
const WORK_TABLES = `
  create temp table bench_area as
    with successor as (
      select m.old_code, max(p.inhabitants) * coalesce(max(m.population_share), 1)
               / count(*) over (partition by max(m.new_code)) as inhabitants
      from municipal_merger m join population p on p.area_code = m.new_code
      group by m.old_code)
    select a.code,
           round(coalesce(p.inhabitants, s.inhabitants, 15000))::int as inhabitants,
           -- the first division on record stands in for the years before it
           case when a.valid_from <= (select min(valid_from) from area where level = 'gemeente')
                then date '1900-01-01' else a.valid_from end as valid_from,
           a.valid_to
    from area a
    left join population p on p.area_code = a.code
      and p.reference_date = (select max(reference_date) from population)
    left join successor s on s.old_code = a.code
    where a.level = 'gemeente';

  create temp table bench_period as
    select y as year, format('%sJJ00', y) as code, 'JJ' as type, make_date(y, 1, 1) as start,
           1 as first_month, 12 as last_month
      from generate_series(${FIRST_YEAR}, ${LAST_YEAR}) y
    union all
    select y, format('%sHJ%s', y, lpad(h::text, 2, '0')), 'HJ', make_date(y, h * 6 - 5, 1), h * 6 - 5, h * 6
      from generate_series(${FIRST_YEAR}, ${LAST_YEAR}) y, generate_series(1, 2) h
    union all
    select y, format('%sKW%s', y, lpad(q::text, 2, '0')), 'KW', make_date(y, q * 3 - 2, 1), q * 3 - 2, q * 3
      from generate_series(${FIRST_YEAR}, ${LAST_YEAR}) y, generate_series(1, 4) q
    union all
    select y, format('%sMM%s', y, lpad(m::text, 2, '0')), 'MM', make_date(y, m, 1), m, m
      from generate_series(${FIRST_YEAR}, ${LAST_YEAR}) y, generate_series(1, 12) m;

  create temp table bench_indicator as
    select i.code, i.unit, i.aggregation, i.period_types, i.breakdowns, coalesce(r.rate, 0.001)::float8 as rate
    from indicator i
    left join (values
      ('vt_adviezen', 0.008), ('vt_meldingen', 0.0071), ('vt_veiligheidsbeoordelingen', 0.006),
      ('vt_acuut_onveilig', 0.0008), ('vt_structureel_onveilig', 0.0015), ('vt_onderzoeken', 0.0012),
      ('vt_onderzoeken_bevestigd', 0.0006), ('vt_overdrachten_lokaal_veld', 0.003),
      ('vt_meldingen_tijdens_monitoring', 0.0004), ('vt_hermeldingen', 0.0015),
      ('politie_hg_incidenten', 0.0042), ('thv_opgelegd', 0.00017), ('thv_verlengd', 0.00005),
      ('vhh_hg_casussen', 0.00035), ('inwoners', 1), ('minderjarigen', 0.2)
    ) r(code, rate) on r.code = i.code
    where i.formula is null;

  create temp table bench_key as
    select code as indicator_code, '' as breakdown, 1::float8 as weight from bench_indicator
    union all
    select i.code, v.dimension_code || '=' || v.code,
      0.97 * (1 + (v.sort_order * 7) % 5)
        / sum(1 + (v.sort_order * 7) % 5) over (partition by i.code, v.dimension_code)
    from bench_indicator i
    cross join unnest(i.breakdowns) d(dimension)
    join dimension_value v on v.dimension_code = d.dimension;
`;

/** A number in [0, 1) from a text, the same on every run (hashtext). */
const unit = (text: string) => `((hashtext(${text}) & 1048575) / 1048576.0)::float8`;

/**
 * One figure per indicator × gemeente × period of one year and period type: `months` holds the values of its
 * months (additive counts: a period is the sum of its months), `total` their sum. `corrected` marks the 1 in
 * 64 figures that were corrected after their definitive delivery; `r2` varies the earlier versions.
 */
const FIGURES = `
  select f.*, (select sum(x) from unnest(f.months) x) as total
  from (
    select i.code as indicator_code, a.code as area_code, p.code as period, p.year,
      (hashtext(p.code || i.code || a.code) & 63) = 0 as corrected,
      ${unit(`a.code || p.code || i.code`)} as r2,
      case
        when i.aggregation <> 'sum' then
          array[round(case when i.unit = 'percentage' then 55 + 40 * ${unit(`i.code || a.code || p.code`)}
                           else 5 + 25 * ${unit(`i.code || a.code || p.code`)} end::numeric, 1)::float8]
        when not ('MM' = any(i.period_types)) then
          -- a stock counted on 1 January (inwoners, minderjarigen): a slow trend
          array[round(a.inhabitants * i.rate * (1 - 0.004 * (2026 - p.year))
                      * (0.99 + 0.02 * ${unit(`i.code || a.code || p.code`)}))::float8]
        else array(
          select round(a.inhabitants * i.rate / 12 * (1 + 0.03 * (p.year - 2020))
                       * (0.8 + 0.4 * ${unit(`i.code || a.code || p.year::text || 'M' || m`)}))::float8
          from generate_series(p.first_month, p.last_month) m)
      end as months
    from bench_indicator i
    cross join bench_area a
    join bench_period p on p.type = any(i.period_types)
    where p.year = $1 and p.type = $2
      and a.valid_from <= p.start and (a.valid_to is null or a.valid_to > p.start)
    offset 0) f
`;

type Pass = {
  label: string;
  years: number[];
  /** Value of the total (breakdown '') row; parts are its share by weight unless `parts` says otherwise. */
  total: string;
  parts?: string;
  status: string;
  version: string;
  recordedAt: string;
  supersededAt: string;
  onlyCorrected?: boolean;
};

const years = (from: number, to: number) =>
  Array.from({ length: Math.abs(to - from) + 1 }, (_, index) => (from > to ? from - index : from + index));

/**
 * Current versions first (newest year first, years before quarters before months, so a scaled-down run still
 * has whole years), then the provisional first deliveries they replaced, then the versions that corrections
 * replaced.
 */
const PASSES: Pass[] = [
  {
    label: 'current versions',
    years: years(LAST_YEAR, FIRST_YEAR),
    total: 'f.total',
    parts: '(select sum(floor(x * k.weight)) from unnest(f.months) x)',
    status: `case when f.year > ${LAST_FINAL_YEAR} then 'voorlopig' else 'definitief' end`,
    version: `case when f.year > ${LAST_FINAL_YEAR} then 1 when f.corrected then 3 else 2 end`,
    recordedAt: `case when f.year > ${LAST_FINAL_YEAR} then make_date(f.year + 1, 2, 15)
                      when f.corrected then make_date(f.year + 2, 3, 1) else make_date(f.year + 1, 7, 1) end`,
    supersededAt: 'null',
  },
  {
    label: 'provisional versions, replaced',
    years: years(LAST_FINAL_YEAR, FIRST_YEAR),
    total: `case when f.total >= 10 then round(f.total * (0.9 + 0.08 * f.r2)) else f.total + 1 end`,
    status: `'voorlopig'`,
    version: '1',
    recordedAt: 'make_date(f.year + 1, 2, 15)',
    supersededAt: 'make_date(f.year + 1, 7, 1)',
  },
  {
    label: 'corrected versions, replaced',
    years: years(LAST_FINAL_YEAR, FIRST_YEAR),
    total: 'f.total + 1 + floor(3 * f.r2)',
    status: `'definitief'`,
    version: '2',
    recordedAt: 'make_date(f.year + 1, 7, 1)',
    supersededAt: 'make_date(f.year + 2, 3, 1)',
    onlyCorrected: true,
  },
];

function passStatement(pass: Pass): string {
  const total = `(${pass.total})`;
  const part = pass.parts ?? `floor(${total} * k.weight)`;
  return `insert into observation (indicator_code, area_code, period, breakdown, value, status, version,
      import_id, recorded_at, superseded_at, withdrawn)
    select f.indicator_code, f.area_code, f.period, k.breakdown,
      case when k.breakdown = '' then ${total} else ${part} end,
      ${pass.status}, ${pass.version}, $3, ${pass.recordedAt}, ${pass.supersededAt}, false
    from (${FIGURES}) f
    join bench_key k on k.indicator_code = f.indicator_code
    ${pass.onlyCorrected ? 'where f.corrected' : ''}
    limit $4`;
}

type Generated = {
  rows: number;
  seconds: number;
  byPass: Array<[string, number]>;
  phases: Array<[string, number]>;
};

async function generate(client: pg.Client, rows: number): Promise<Generated> {
  const started = performance.now();
  await client.query(`set work_mem = '64MB'; set maintenance_work_mem = '512MB'; set jit = off`);
  await client.query(WORK_TABLES);
  const batch = await client.query<{ id: number }>(
    `insert into import_batch (kind, file_name, file_size, file_sha256, format, actor_label, rows, added, changed,
       unchanged, at)
     values ('import', 'bench-query-synthetisch.csv', 0, 'bench-query', 'ketenzicht-csv', 'bench:query', 0, 0, 0, 0,
       '2026-03-01')
     returning id`,
  );
  const importId = batch.rows[0]?.id;

  // Filling a bare table and indexing it afterwards is several times faster than keeping 4 indexes up to date.
  const indexes = await client.query<{ name: string; definition: string; constraint: boolean }>(
    `select i.relname as name, pg_get_indexdef(i.oid) as definition,
            exists (select 1 from pg_constraint c where c.conindid = i.oid) as constraint
     from pg_index x join pg_class i on i.oid = x.indexrelid
     where x.indrelid = 'observation'::regclass`,
  );
  const constraints = await client.query<{ name: string; definition: string }>(
    `select conname as name, pg_get_constraintdef(oid) as definition from pg_constraint
     where conrelid = 'observation'::regclass and contype in ('p', 'u')`,
  );
  for (const constraint of constraints.rows)
    await client.query(`alter table observation drop constraint ${constraint.name}`);
  for (const index of indexes.rows.filter((found) => !found.constraint))
    await client.query(`drop index ${index.name}`);

  let inserted = 0;
  const byPass: Array<[string, number]> = [];
  for (const pass of PASSES) {
    const statement = passStatement(pass);
    let passRows = 0;
    for (const year of pass.years) {
      for (const type of ['JJ', 'HJ', 'KW', 'MM']) {
        if (inserted >= rows) break;
        const result = await client.query(statement, [year, type, importId, rows - inserted]);
        inserted += result.rowCount ?? 0;
        passRows += result.rowCount ?? 0;
      }
    }
    byPass.push([pass.label, passRows]);
    process.stderr.write(
      `  ${pass.label}: ${passRows.toLocaleString('en-US')} rows (${inserted.toLocaleString('en-US')} in all, ${seconds(started).toFixed(0)} s)\n`,
    );
  }

  const phases: Array<[string, number]> = [['insert', seconds(started)]];
  let phaseStarted = performance.now();
  process.stderr.write(`  indexing ${indexes.rows.length} indexes …\n`);
  for (const constraint of constraints.rows)
    await client.query(`alter table observation add constraint ${constraint.name} ${constraint.definition}`);
  for (const index of indexes.rows.filter((found) => !found.constraint)) await client.query(index.definition);
  await client.query(
    `select setval(pg_get_serial_sequence('observation', 'id'), (select max(id) from observation))`,
  );
  await client.query('update import_batch set rows = $1, added = $1 where id = $2', [inserted, importId]);
  phases.push(['indexes', seconds(phaseStarted)]);
  phaseStarted = performance.now();
  process.stderr.write('  vacuum analyze observation …\n');
  await client.query('vacuum analyze observation');
  phases.push(['vacuum analyze', seconds(phaseStarted)]);
  return { rows: inserted, seconds: seconds(started), byPass, phases };
}

// ---------------------------------------------------------------------------------------------------------
// The bare SQL of the map figures

type Level = 'gemeente' | 'veiligthuisregio';

/**
 * The figures the map shows, fetched directly: every gemeente of the period with its current figure, or every
 * region with the sum of its gemeenten on the period's reference date.
 */
function mapSql(level: Level, indicator: string, periodCode: string): { text: string; values: unknown[] } {
  const period = parsePeriodCode(periodCode);
  if (!period) throw new Error(`Not a period code: ${periodCode}`);
  if (level === 'gemeente')
    return {
      text: `select a.code, a.name, o.value, o.status
        from area a
        left join observation o on o.area_code = a.code and o.indicator_code = $1 and o.period = $2
          and o.breakdown = '' and o.superseded_at is null and not o.withdrawn
        where a.level = 'gemeente' and a.valid_from < $4::date and (a.valid_to is null or a.valid_to > $3::date)`,
      values: [indicator, periodCode, periodStart(period), periodEnd(period)],
    };
  return {
    text: `select r.code, r.name, sum(o.value) as value, bool_or(o.status = 'voorlopig') as provisional,
        count(o.value) as gemeenten
      from area r
      join area_membership m on m.parent_code = r.code
        and m.valid_from <= $3::date and (m.valid_to is null or m.valid_to > $3::date)
      left join observation o on o.area_code = m.child_code and o.indicator_code = $1 and o.period = $2
        and o.breakdown = '' and o.superseded_at is null and not o.withdrawn
      where r.level = 'veiligthuisregio'
      group by r.code, r.name`,
    values: [indicator, periodCode, referenceDate(period)],
  };
}

// ---------------------------------------------------------------------------------------------------------
// The server, in a child process of its own as `ketenzicht serve` runs it

type ServerMessage =
  | { kind: 'listening'; url: string }
  | { kind: 'failed'; error: string }
  | { kind: 'profiling' }
  | { kind: 'profile'; result: Profile };
type StatementStats = { text: string; values: unknown[]; count: number; totalMs: number; maxMs: number };
/** What the server did while profiled: its SQL statements, and its JavaScript by self time (CPU profile). */
type Profile = { statements: StatementStats[]; cpu: CpuSummary };
type CpuSummary = { busyMs: number; functions: Array<[string, number]>; files: Array<[string, number]> };

/** Self time per function and per file of a V8 CPU profile, largest first. */
function summariseCpu(profile: inspector.Profiler.Profile): CpuSummary {
  // Each sample stands for the time until the next one (as DevTools counts it).
  const selfMs = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (const [index, id] of samples.entries())
    selfMs.set(id, (selfMs.get(id) ?? 0) + (deltas[index + 1] ?? 0) / 1000);
  const functions = new Map<string, number>();
  const files = new Map<string, number>();
  const root = process.cwd();
  for (const node of profile.nodes) {
    const self = selfMs.get(node.id);
    if (!self) continue;
    // No line numbers: tsx compiles the sources, so V8's lines are not the file's lines.
    const { functionName, url } = node.callFrame;
    const file = url
      .replace(/^file:\/\//, '')
      .replace(`${root}/`, '')
      .replace(/^node_modules\/(@[^/]+\/)?([^/]+)\/.*$/, 'node_modules/$1$2');
    const fileLabel = url ? file : functionName.startsWith('(') ? functionName : '(native)';
    const name = `${functionName || '(anonymous)'}  ${url ? file : ''}`;
    functions.set(name, (functions.get(name) ?? 0) + self);
    files.set(fileLabel, (files.get(fileLabel) ?? 0) + self);
  }
  const top = (map: Map<string, number>) =>
    [...map.entries()]
      .filter(([name]) => !name.startsWith('(idle)'))
      .sort((a, b) => b[1] - a[1])
      .slice(0, 12);
  const busyMs = [...files.entries()].reduce(
    (sum, [file, value]) => (file === '(idle)' ? sum : sum + value),
    0,
  );
  return { busyMs, functions: top(functions), files: top(files) };
}

async function serverChild() {
  const [{ loadConfig }, { startServer }] = await Promise.all([
    import('../src/server/config.ts'),
    import('../src/server/server.ts'),
  ]);
  let profile: Map<string, StatementStats> | undefined;
  // Times every statement the pg driver runs while the parent asks for a profile.
  const prototype = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = prototype.query;
  prototype.query = function (this: unknown, ...args: unknown[]) {
    const stats = profile;
    if (!stats) return original.apply(this, args);
    const [config, maybeValues] = args;
    const text = typeof config === 'string' ? config : String((config as { text?: string })?.text ?? '');
    const values = Array.isArray(maybeValues)
      ? maybeValues
      : ((config as { values?: unknown[] } | null)?.values ?? []);
    const since = performance.now();
    const done = () => {
      const ms = performance.now() - since;
      const entry = stats.get(text) ?? { text, values, count: 0, totalMs: 0, maxMs: 0 };
      entry.count++;
      entry.totalMs += ms;
      entry.maxMs = Math.max(entry.maxMs, ms);
      stats.set(text, entry);
    };
    // pg.Pool#query passes a callback; drizzle's transactions use the promise form.
    const callbackIndex = args.findIndex((arg, index) => index > 0 && typeof arg === 'function');
    if (callbackIndex > 0) {
      const callback = args[callbackIndex] as (...result: unknown[]) => void;
      args[callbackIndex] = (...result: unknown[]) => {
        done();
        callback(...result);
      };
    }
    const result = original.apply(this, args);
    if (callbackIndex < 0 && result instanceof Promise) result.then(done, done);
    return result;
  };
  const session = new inspector.Session();
  session.connect();
  const post = <T>(method: string, params?: object) =>
    new Promise<T>((resolve, reject) =>
      session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result as T))),
    );
  process.on('message', (message: { kind: 'profile-start' | 'profile-stop' }) => {
    if (message.kind === 'profile-start') {
      profile = new Map();
      void (async () => {
        await post('Profiler.enable');
        await post('Profiler.setSamplingInterval', { interval: 200 });
        await post('Profiler.start');
        process.send?.({ kind: 'profiling' } satisfies ServerMessage);
      })();
    } else {
      void (async () => {
        const { profile: cpu } = await post<{ profile: inspector.Profiler.Profile }>('Profiler.stop');
        await post('Profiler.disable');
        const statements = [...(profile?.values() ?? [])];
        profile = undefined;
        process.send?.({
          kind: 'profile',
          result: { statements, cpu: summariseCpu(cpu) },
        } satisfies ServerMessage);
      })();
    }
  });
  process.on('disconnect', () => process.exit(1));
  try {
    const server = await startServer(loadConfig({ ...process.env, PORT: '0', HOST: '127.0.0.1' }));
    process.once('SIGTERM', () => {
      void server.close().finally(() => process.exit(0));
    });
    process.send?.({ kind: 'listening', url: server.url } satisfies ServerMessage);
  } catch (error) {
    process.send?.(
      { kind: 'failed', error: (error as Error).stack ?? String(error) } satisfies ServerMessage,
      () => process.exit(1),
    );
  }
}

type ServerHandle = {
  url: string;
  child: ChildProcess;
  profile(work: () => Promise<void>): Promise<Profile>;
  stop(): Promise<void>;
};

async function startServerChild(databaseUrl: string): Promise<ServerHandle> {
  const child = fork(import.meta.filename, ['--server'], {
    env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const first = (await Promise.race([
    once(child, 'message'),
    once(child, 'exit').then(([code]) => [{ kind: 'failed', error: `server exited with ${code}` }]),
  ])) as [ServerMessage];
  const message = first[0];
  if (message.kind !== 'listening') {
    child.kill('SIGKILL');
    throw new Error(`The server did not start:\n${message.kind === 'failed' ? message.error : ''}`);
  }
  return {
    url: message.url,
    child,
    async profile(work) {
      const started = once(child, 'message');
      child.send({ kind: 'profile-start' });
      await started;
      await work();
      const reply = once(child, 'message');
      child.send({ kind: 'profile-stop' });
      const [answer] = (await reply) as [ServerMessage];
      if (answer.kind !== 'profile') throw new Error(`Unexpected answer from the server: ${answer.kind}`);
      return answer.result;
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// Measuring

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

/** One GET over a kept-alive connection, timed until the last byte of the body is in. */
function get(url: string): Promise<{ status: number; body: string; ms: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const request = http.get(url, { agent, headers: { accept: 'application/json' } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          body: Buffer.concat(chunks).toString('utf8'),
          ms: performance.now() - started,
        }),
      );
      response.on('error', reject);
    });
    request.on('error', reject);
  });
}

async function timeSql(client: pg.Client, query: { text: string; values: unknown[] }) {
  const started = performance.now();
  const result = await client.query(query.text, query.values);
  return { ms: performance.now() - started, rows: result.rowCount ?? 0 };
}

type Figures = { p50: number; p95: number; mean: number; max: number };

function summarise(samples: number[]): Figures {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] as number;
  return {
    p50: rank(0.5),
    p95: rank(0.95),
    mean: sorted.reduce((sum, value) => sum + value, 0) / sorted.length,
    max: sorted.at(-1) as number,
  };
}

type MapItem = { areaCode: string; value: number | null; count: number | null; status: string };
type LevelResult = {
  level: Level;
  period: string;
  endpoint: Figures | undefined;
  sql: Figures;
  sqlRows: number;
  items: number | undefined;
  bytes: number | undefined;
  /** The first request of this level after the server started (its tables not computed yet). */
  firstMs: number | undefined;
  note: string | undefined;
};

async function measureLevel(
  server: ServerHandle | undefined,
  client: pg.Client,
  level: Level,
  period: string,
): Promise<LevelResult> {
  const query = mapSql(level, INDICATOR, period);
  const url = `${server?.url}/api/dashboard/map?indicator=${INDICATOR}&period=${period}&level=${level}`;
  let note: string | undefined;
  let endpointOk = server !== undefined;
  let items: number | undefined;
  let bytes: number | undefined;
  let firstMs: number | undefined;
  if (server) {
    const probe = await get(url);
    firstMs = probe.ms;
    if (probe.status !== 200) {
      endpointOk = false;
      note = `endpoint answered ${probe.status}: ${probe.body.slice(0, 200)}`;
    } else {
      const body = JSON.parse(probe.body) as { items: MapItem[] };
      items = body.items.length;
      bytes = Buffer.byteLength(probe.body);
    }
  }
  for (let run = 0; run < WARMUP; run++) {
    if (endpointOk) await get(url);
    await timeSql(client, query);
  }
  const endpointMs: number[] = [];
  const sqlMs: number[] = [];
  let sqlRows = 0;
  for (let run = 0; run < RUNS; run++) {
    // Alternating which goes first, so that neither always runs right after the other.
    const sqlFirst = run % 2 === 1;
    if (sqlFirst) {
      const timed = await timeSql(client, query);
      sqlMs.push(timed.ms);
      sqlRows = timed.rows;
    }
    if (endpointOk) {
      const response = await get(url);
      if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
      endpointMs.push(response.ms);
    }
    if (!sqlFirst) {
      const timed = await timeSql(client, query);
      sqlMs.push(timed.ms);
      sqlRows = timed.rows;
    }
  }
  return {
    level,
    period,
    endpoint: endpointOk ? summarise(endpointMs) : undefined,
    sql: summarise(sqlMs),
    sqlRows,
    items,
    bytes,
    firstMs,
    note,
  };
}

type ColdRun = { importMs: number; firstMs: number; secondMs: number; shown: boolean; detail: string };

/**
 * A one-row import through the real pipeline changes the gemeente figure of the map; the first request after
 * it commits is timed and must show the new count.
 */
async function coldRuns(
  server: ServerHandle,
  databaseUrl: string,
  client: pg.Client,
): Promise<{ runs: ColdRun[]; profile: Profile | undefined }> {
  const [{ openPostgres }, { importFigures }] = await Promise.all([
    import('../src/server/db/client.ts'),
    import('../src/server/modules/figures/figures.import.ts'),
  ]);
  const database = await openPostgres(databaseUrl);
  const folder = await mkdtemp(path.join(tmpdir(), 'ketenzicht-bench-query-'));
  const url = `${server.url}/api/dashboard/map?indicator=${INDICATOR}&period=${PERIOD}&level=gemeente`;
  const runs: ColdRun[] = [];
  let profile: Profile | undefined;
  try {
    for (let run = 0; run < COLD_RUNS; run++) {
      const current = await client.query<{ value: number }>(
        `select value from observation where indicator_code = $1 and period = $2 and area_code = $3
           and breakdown = '' and superseded_at is null`,
        [INDICATOR, PERIOD, COLD_AREA],
      );
      const before = Number(current.rows[0]?.value ?? 0);
      // A multiple of 10 well above the threshold: rounding to 5 and small-number protection leave it as is.
      const value = Math.round(before / 10) * 10 + 10 * (run + 1) + (before % 10 === 0 ? 0 : 10);
      const file = path.join(folder, `cold-${run}.csv`);
      await writeFile(
        file,
        `indicator;gebied;periode;waarde;status\n${INDICATOR};${COLD_AREA};${PERIOD};${value};definitief\n`,
      );
      const started = performance.now();
      const report = await importFigures(
        database.db,
        { actor: { kind: 'cli', label: 'bench:query' }, origin: 'bench' },
        { path: file, fileName: `bench-query-cold-${Date.now()}-${run}.csv`, dryRun: false },
      );
      const importMs = performance.now() - started;
      if (report.outcome !== 'geimporteerd' || report.changed + report.added !== 1)
        throw new Error(
          `The cold-run import did not change the figure: ${JSON.stringify(report).slice(0, 500)}`,
        );
      // The last run's first request is profiled (the server's SQL and JavaScript), the others are not.
      let first = { status: 0, body: '', ms: 0 };
      if (run === COLD_RUNS - 1)
        profile = await server.profile(async () => {
          first = await get(url);
        });
      else first = await get(url);
      const second = await get(url);
      const item = (JSON.parse(first.body) as { items: MapItem[] }).items.find(
        (found) => found.areaCode === COLD_AREA,
      );
      const shown =
        item !== undefined && (item.count === value || (item.count === null && item.value === value));
      runs.push({
        importMs,
        firstMs: first.ms,
        secondMs: second.ms,
        shown,
        detail: `${before} → ${value}; response: count ${item?.count}, value ${item?.value}, ${item?.status}`,
      });
    }
  } finally {
    await database.close();
    await rm(folder, { recursive: true, force: true });
  }
  return { runs, profile };
}

// ---------------------------------------------------------------------------------------------------------
// Profile: where the endpoint's time goes

async function profileEndpoint(server: ServerHandle, client: pg.Client, level: Level, period: string) {
  const url = `${server.url}/api/dashboard/map?indicator=${INDICATOR}&period=${period}&level=${level}`;
  const requests = 20;
  // Warm: the tables of this data version are computed before the profile starts.
  await get(url);
  let totalMs = 0;
  const profile = await server.profile(async () => {
    for (let run = 0; run < requests; run++) totalMs += (await get(url)).ms;
  });
  await printProfile(`${level} ${period}, warm`, profile, requests, totalMs, client);
}

async function printProfile(
  label: string,
  profile: Profile,
  requests: number,
  totalMs: number,
  client: pg.Client,
) {
  const { statements, cpu } = profile;
  const sqlMs = statements.reduce((sum, entry) => sum + entry.totalMs, 0);
  const count = statements.reduce((sum, entry) => sum + entry.count, 0);
  const per = (value: number) => (value / requests).toFixed(1);
  console.log(
    `  ${label}: ${per(totalMs)} ms a request (profiler on); ${per(sqlMs)} ms waiting for ${per(count)} SQL statements; ${per(cpu.busyMs)} ms busy in the server's JavaScript`,
  );
  for (const entry of [...statements].sort((a, b) => b.totalMs - a.totalMs).slice(0, 5))
    console.log(
      `    SQL ${per(entry.totalMs).padStart(7)} ms/request  ${per(entry.count).padStart(4)}×  ${oneLine(entry.text).slice(0, 140)}`,
    );
  console.log(
    `    JS self time by file (ms/request): ${cpu.files
      .slice(0, 8)
      .map(([file, value]) => `${file} ${per(value)}`)
      .join(', ')}`,
  );
  for (const [name, value] of cpu.functions.slice(0, 8))
    console.log(`    JS ${per(value).padStart(7)} ms/request  ${name}`);
  const worst = [...statements].sort((a, b) => b.totalMs / b.count - a.totalMs / a.count)[0];
  if (worst && worst.totalMs / worst.count > 5) {
    console.log(
      `    EXPLAIN (ANALYZE, BUFFERS) of the slowest statement (${(worst.totalMs / worst.count).toFixed(0)} ms):`,
    );
    const plan = await client.query(`explain (analyze, buffers) ${worst.text}`, worst.values);
    for (const row of plan.rows as Array<{ 'QUERY PLAN': string }>) console.log(`      ${row['QUERY PLAN']}`);
  }
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

// ---------------------------------------------------------------------------------------------------------
// Main

const seconds = (since: number) => (performance.now() - since) / 1000;
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
const ms = (value: number | undefined) => (value === undefined ? '–' : value.toFixed(1));
const mark = (ok: boolean) => (ok ? 'met' : 'NOT MET');

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, options: '-c DateStyle=ISO,YMD' });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function main() {
  const adminUrl = process.env.BENCH_DATABASE_URL;
  if (!adminUrl) {
    console.error(
      `bench:query needs a PostgreSQL server: set BENCH_DATABASE_URL=postgres://user@host:port/db.\n${START_POSTGRES}`,
    );
    process.exitCode = 2;
    return;
  }
  const url = new URL(adminUrl);
  url.pathname = `/${DATABASE}`;
  const databaseUrl = url.toString();
  const marker = `${GENERATOR}; rows=${ROWS}`;

  let server: ServerHandle | undefined;
  let created = false;
  const cleanup = async () => {
    await server?.stop();
    server = undefined;
    if (created && !KEEP) {
      created = false;
      await withAdmin(adminUrl, (client) =>
        client.query(`drop database if exists ${DATABASE} with (force)`),
      ).catch((error: Error) => console.error(`Could not drop database ${DATABASE}: ${error.message}`));
    }
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      void cleanup().finally(() => process.exit(130));
    });

  try {
    const existing = await withAdmin(adminUrl, async (client) => {
      const found = await client.query<{ comment: string | null }>(
        `select shobj_description(oid, 'pg_database') as comment from pg_database where datname = $1`,
        [DATABASE],
      );
      return found.rows[0];
    });
    const reuse = KEEP && existing?.comment === marker;
    created = true;
    if (!reuse) {
      await withAdmin(adminUrl, async (client) => {
        if (existing) await client.query(`drop database ${DATABASE} with (force)`);
        await client.query(`create database ${DATABASE}`);
      });
    }
    const { openPostgres } = await import('../src/server/db/client.ts');
    const { prepareDatabase } = await import('../src/server/db/open.ts');
    const database = await openPostgres(databaseUrl);
    try {
      await prepareDatabase(database);
    } finally {
      await database.close();
    }

    await withClient(databaseUrl, async (client) => {
      const settings = await client.query<{ name: string; setting: string; unit: string | null }>(
        `select name, setting, unit from pg_settings where name in ('server_version', 'shared_buffers', 'work_mem',
           'effective_cache_size', 'random_page_cost', 'fsync', 'jit') order by name`,
      );
      console.log(`PostgreSQL: database ${DATABASE} on ${url.host}`);
      console.log(
        `  ${settings.rows.map((row) => `${row.name}=${row.setting}${row.unit ?? ''}`).join(', ')}`,
      );

      if (reuse) {
        console.log(`Figures: reusing the kept database (BENCH_KEEP=1, ${marker})`);
      } else {
        console.log(`Generating ${ROWS.toLocaleString('en-US')} observations …`);
        const generated = await generate(client, ROWS);
        console.log(
          `Generated ${generated.rows.toLocaleString('en-US')} rows in ${generated.seconds.toFixed(1)} s (${generated.phases.map(([phase, value]) => `${phase} ${value.toFixed(1)} s`).join(', ')}): ${generated.byPass.map(([label, count]) => `${label} ${count.toLocaleString('en-US')}`).join(', ')}`,
        );
        if (generated.rows < ROWS)
          console.log(`  Note: the data shape holds only ${generated.rows.toLocaleString('en-US')} rows.`);
        await client.query(`comment on database ${DATABASE} is '${marker}'`);
      }
      const table = await client.query<{
        rows: string;
        current: string;
        areas: string;
        heap: string;
        indexes: string;
        total: string;
      }>(
        `select (select count(*) from observation) as rows,
           (select count(*) from observation where superseded_at is null) as current,
           (select count(distinct area_code) from observation) as areas,
           pg_relation_size('observation') as heap, pg_indexes_size('observation') as indexes,
           pg_total_relation_size('observation') as total`,
      );
      const size = table.rows[0];
      if (size)
        console.log(
          `Table observation: ${Number(size.rows).toLocaleString('en-US')} rows (${Number(size.current).toLocaleString('en-US')} current, ${size.areas} gemeenten), ${mb(Number(size.total))} MB (heap ${mb(Number(size.heap))} MB, indexes ${mb(Number(size.indexes))} MB)`,
        );

      server = await startServerChild(databaseUrl);
      console.log(
        `Server: ${server.url} (child process, startServer as \`ketenzicht serve\`, LOG_LEVEL=warn)`,
      );
      console.log(
        `Load average when measuring starts: ${os
          .loadavg()
          .map((value) => value.toFixed(1))
          .join(' ')} on ${os.availableParallelism()} cores`,
      );
      console.log(
        `Measuring: ${WARMUP} warm-up then ${RUNS} timed requests per level, each beside the bare SQL query (pg, one connection) …`,
      );
      const results: LevelResult[] = [];
      results.push(await measureLevel(server, client, 'gemeente', PERIOD));
      results.push(await measureLevel(server, client, 'veiligthuisregio', REGION_PERIOD));

      console.log('');
      console.log(
        `GET /api/dashboard/map?indicator=${INDICATOR}&period=…&level=…  (ms; real HTTP on 127.0.0.1, until the last byte)`,
      );
      const header = [
        'level',
        'period',
        'items',
        'KB',
        'endpoint p50',
        'p95',
        'max',
        'SQL p50',
        'p95',
        'max',
        'ratio p50',
        'ratio p95',
      ];
      const body = results.map((result) => [
        result.level,
        result.period,
        result.items === undefined ? '–' : String(result.items),
        result.bytes === undefined ? '–' : (result.bytes / 1024).toFixed(0),
        ms(result.endpoint?.p50),
        ms(result.endpoint?.p95),
        ms(result.endpoint?.max),
        ms(result.sql.p50),
        ms(result.sql.p95),
        ms(result.sql.max),
        result.endpoint ? (result.endpoint.p50 / result.sql.p50).toFixed(2) : '–',
        result.endpoint ? (result.endpoint.p95 / result.sql.p95).toFixed(2) : '–',
      ]);
      printTable(header, body);
      for (const result of results) {
        if (result.note) console.log(`  ${result.level}: ${result.note}`);
        console.log(
          `  ${result.level}: the SQL query returns ${result.sqlRows} rows; the endpoint's first request after the server started took ${ms(result.firstMs)} ms`,
        );
      }
      const measured = results.filter((result) => result.endpoint);
      if (measured.length > 0) {
        console.log('Targets:');
        for (const result of measured) {
          const endpoint = result.endpoint as Figures;
          const ratio = endpoint.p50 / result.sql.p50;
          console.log(
            `  ${result.level.padEnd(16)} p50 ${ms(endpoint.p50)} ms (≤ ${TARGETS.p50}: ${mark(endpoint.p50 <= TARGETS.p50)}), p95 ${ms(endpoint.p95)} ms (≤ ${TARGETS.p95}: ${mark(endpoint.p95 <= TARGETS.p95)}), endpoint/SQL at p50 ${ratio.toFixed(2)} (≤ ${TARGETS.ratio}: ${mark(ratio <= TARGETS.ratio)})`,
          );
        }
      } else {
        console.log('The endpoint could not be measured (see above): only the SQL side is reported.');
      }

      if (results[0]?.endpoint) {
        console.log('');
        console.log(
          `Cold: a one-row import (importFigures) changes ${INDICATOR} ${PERIOD} of ${COLD_AREA}, then the first request:`,
        );
        const { runs, profile } = await coldRuns(server, databaseUrl, client);
        for (const [index, run] of runs.entries())
          console.log(
            `  ${index + 1}. import ${run.importMs.toFixed(0)} ms; first request ${run.firstMs.toFixed(1)} ms, next ${run.secondMs.toFixed(1)} ms; new figure shown: ${run.shown ? 'yes' : 'NO'} (${run.detail})`,
          );
        const first = summarise(runs.map((run) => run.firstMs));
        console.log(
          `  first request after a commit: median ${ms(first.p50)} ms, max ${ms(first.max)} ms; new figure shown in ${runs.filter((run) => run.shown).length} of ${runs.length}`,
        );
        if (runs.some((run) => !run.shown)) process.exitCode = 1;

        console.log('');
        console.log(
          'Profile (SQL statements timed in the server at the pg driver; JavaScript by self time in a CPU profile):',
        );
        const last = runs.at(-1);
        if (profile && last)
          await printProfile(
            `gemeente ${PERIOD}, first request after an import (cold run ${runs.length})`,
            profile,
            1,
            last.firstMs,
            client,
          );
        await profileEndpoint(server, client, 'gemeente', PERIOD);
        await profileEndpoint(server, client, 'veiligthuisregio', REGION_PERIOD);
      }
    });
    if (KEEP)
      console.log(`Kept database ${DATABASE} (BENCH_KEEP=1); drop it with: drop database ${DATABASE}`);
  } finally {
    await cleanup();
    agent.destroy();
  }
}

function printTable(header: string[], body: string[][]) {
  const widths = header.map((name, column) =>
    Math.max(name.length, ...body.map((row) => (row[column] as string).length)),
  );
  const format = (row: string[]) =>
    row
      .map((cell, column) =>
        column < 2 ? cell.padEnd(widths[column] as number) : cell.padStart(widths[column] as number),
      )
      .join('  ');
  console.log(format(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const row of body) console.log(format(row));
}

async function withAdmin<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  return withClient(url, work);
}

if (process.argv[2] === '--server') await serverChild();
else await main();
