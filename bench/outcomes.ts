/**
 * Outcome benchmark (`npm run bench:outcomes`): the case register in PostgreSQL holding 2,000,000 cases
 * (BENCH_CASES) with about 10 events each, and the outcome indicators computed from it by primary
 * intervention × Veilig Thuis-regio × year. Target: ≤ 500 ms for the indicator "violence stopped at 12
 * months" over all years and regions (one `outcomeCounts` query, folded into the three-way table).
 *
 * The cases come from the demo generator (`cases.demo.ts`: seeded, the same on every run) over every current
 * gemeente, meldingen 2019–2025, most cases handed over so they carry the full chain of events (melding,
 * veiligheidsbeoordeling, besluit, overdracht, regisseur, plan, interventie start and einde, metingen at +3 and
 * +12 months, sometimes an afsluiting); about 1.15 cases per household, so recurrence exists. Each case is
 * pseudonymised as the import does, summarised with `summariseCase` (its household's other meldingen in hand),
 * given its gemeente's first recorded Veilig Thuis-regio, and COPYed straight into `casus` (one `case_import`
 * row), not through the import pipeline. Indexes are built after the COPY, then ANALYZE.
 *
 * BENCH_DATABASE_URL (required): a PostgreSQL server (15 or newer) as a user that may create databases. The
 * bench creates the database ketenzicht_bench_outcomes and drops it at the end; BENCH_KEEP=1 keeps it and
 * reuses it on the next run when it holds the same BENCH_CASES. BENCH_RUNS (20) timed runs after 3 warm-ups;
 * BENCH_TODAY (2026-03-01) is the day of counting.
 */
import { createHash } from 'node:crypto';
import os from 'node:os';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import type { Db } from '../src/server/db/client.ts';
import type { DemoCase } from '../src/server/modules/cases/cases.demo.ts';

const CASES = Number(process.env.BENCH_CASES ?? 2_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const WARMUP = 3;
const KEEP = process.env.BENCH_KEEP === '1';
const TODAY = process.env.BENCH_TODAY ?? '2026-03-01';
const DATABASE = 'ketenzicht_bench_outcomes';
/** Bumped when the generated data changes, so that a kept database is generated again. */
const GENERATOR = 'bench:outcomes data v1';
const SEED = 20_192_025;
const FIRST_YEAR = 2019;
const LAST_MELDING = '2025-12-31';
const TARGET_MS = 500;
/** Cases per chunk of COPY text. */
const CHUNK = 5_000;

const START_POSTGRES = `Start one, for example (as root; PostgreSQL 15 from apt):
  rm -rf /tmp/pgbo; mkdir /tmp/pgbo; chown postgres /tmp/pgbo
  runuser -u postgres -- /usr/lib/postgresql/15/bin/initdb -D /tmp/pgbo/data -U postgres --auth=trust -E UTF8 --locale=C.UTF-8
  runuser -u postgres -- /usr/lib/postgresql/15/bin/pg_ctl -D /tmp/pgbo/data -w -l /tmp/pgbo/log \\
    -o "-p 54332 -k /tmp/pgbo -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off" start
and run: BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:54332/postgres npm run bench:outcomes`;

const seconds = (since: number) => (performance.now() - since) / 1000;
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
const ms = (value: number | undefined) => (value === undefined ? '–' : value.toFixed(1));
const count = (value: number) => value.toLocaleString('en-US');

// ---------------------------------------------------------------------------------------------------------
// Generating the cases

/** Every column of `casus` but the id (bigserial); the order of the COPY text. */
const COLUMNS = [
  'case_key',
  'version',
  'household',
  'supplier_id',
  'involved_organisation_ids',
  'gemeente',
  'region',
  'melding_date',
  'melder',
  'violence_types',
  'safety_assessment',
  'assessment_date',
  'decision',
  'decision_date',
  'handover_date',
  'receiving_team_id',
  'handover_count',
  'director_count',
  'plan_date',
  'closure_date',
  'closure_reason',
  'primary_intervention',
  'cohort_year',
  'stopped_12',
  'safe_3',
  'safe_12',
  'window_3_end',
  'window_12_end',
  'recurrence_12',
  'recurrence_window_end',
  'working_days_to_assessment',
  'days_to_handover',
  'days_from_handover_to_plan',
  'events',
  'import_id',
  'recorded_at',
  'superseded_at',
  'withdrawn',
] as const;

/** A value in COPY text format: \N for null; backslash, tab and line breaks escaped. */
function cell(value: string | number | null): string {
  if (value === null) return '\\N';
  const text = String(value);
  return /[\\\t\n\r]/.test(text)
    ? text.replaceAll('\\', '\\\\').replaceAll('\t', '\\t').replaceAll('\n', '\\n').replaceAll('\r', '\\r')
    : text;
}

type Generated = { cases: number; households: number; events: number; seconds: number; phases: string };

async function generate(client: pg.Client, databaseUrl: string): Promise<Generated> {
  const started = performance.now();
  const [{ openPostgres }, demo, domain, outcomes] = await Promise.all([
    import('../src/server/db/client.ts'),
    import('../src/server/modules/cases/cases.demo.ts'),
    import('../src/server/modules/cases/cases.domain.ts'),
    import('../src/server/modules/cases/cases.outcomes.ts'),
  ]);
  const { from: copyFrom } = await import('pg-copy-streams');

  const database = await openPostgres(databaseUrl);
  let teams: Awaited<ReturnType<typeof demo.ensureDemoTeams>>;
  try {
    teams = await demo.ensureDemoTeams(database.db);
  } finally {
    await database.close();
  }
  // The first Veilig Thuis-regio on record for each current gemeente (as the import falls back to).
  const gemeenten = (
    await client.query<{ code: string; name: string; region: string | null }>(
      `select a.code, a.name,
         (select m.parent_code from area_membership m
          where m.child_code = a.code and m.parent_level = 'veiligthuisregio'
          order by m.valid_from limit 1) as region
       from area a where a.level = 'gemeente' and a.valid_to is null order by a.code`,
    )
  ).rows;
  const perGemeente = Math.ceil(CASES / gemeenten.length);

  const batch = await client.query<{ id: number }>(
    `insert into case_import (kind, file_name, file_size, file_sha256, actor_label, rows, cases, added, changed,
       unchanged, synthetic, at)
     values ('import', 'bench-outcomes-synthetisch.csv', 0, 'bench-outcomes', 'bench:outcomes', 0, 0, 0, 0, 0, true,
       $1::date)
     returning id`,
    [TODAY],
  );
  const importId = batch.rows[0]?.id as number;
  const recordedAt = `${TODAY} 12:00:00+00`;

  // Filling a bare table and indexing it afterwards is several times faster than keeping the indexes up to date.
  const indexes = await client.query<{ name: string; definition: string; constraint: boolean }>(
    `select i.relname as name, pg_get_indexdef(i.oid) as definition,
            exists (select 1 from pg_constraint c where c.conindid = i.oid) as constraint
     from pg_index x join pg_class i on i.oid = x.indexrelid where x.indrelid = 'casus'::regclass`,
  );
  const constraints = await client.query<{ name: string; definition: string }>(
    `select conname as name, pg_get_constraintdef(oid) as definition from pg_constraint
     where conrelid = 'casus'::regclass and contype in ('p', 'u')`,
  );
  for (const constraint of constraints.rows)
    await client.query(`alter table casus drop constraint ${constraint.name}`);
  for (const index of indexes.rows.filter((found) => !found.constraint))
    await client.query(`drop index ${index.name}`);

  // A fixed key: the pseudonyms are what the import would make with it, and the same on every run.
  const key = createHash('sha256').update('ketenzicht bench:outcomes').digest();
  let cases = 0;
  let households = 0;
  let events = 0;
  let reported = 0;
  const lineOf = (entry: DemoCase, household: string, meldingen: string[]) => {
    const summary = outcomes.summariseCase(entry.events, meldingen);
    const supplierId = entry.region !== null ? (teams.vtByRegion.get(entry.region) ?? null) : null;
    const involved = [...new Set([...(supplierId !== null ? [supplierId] : []), ...summary.involvedTeamIds])];
    events += entry.events.length;
    const values: Array<string | number | null> = [
      domain.caseKey(key, supplierId, entry.caseId),
      1,
      household,
      supplierId,
      `{${involved.join(',')}}`,
      summary.gemeente,
      entry.region,
      summary.meldingDate,
      summary.melder,
      `{${summary.violenceTypes.join(',')}}`,
      summary.safetyAssessment,
      summary.assessmentDate,
      summary.decision,
      summary.decisionDate,
      summary.handoverDate,
      summary.receivingTeamId,
      summary.handoverCount,
      summary.directorTeamIds.length,
      summary.planDate,
      summary.closureDate,
      summary.closureReason,
      summary.primaryIntervention,
      summary.cohortYear,
      summary.stopped12,
      summary.safe3,
      summary.safe12,
      summary.window3End,
      summary.window12End,
      summary.recurrence12,
      summary.recurrenceWindowEnd,
      summary.workingDaysToAssessment,
      summary.daysToHandover,
      summary.daysFromHandoverToPlan,
      JSON.stringify(entry.events),
      importId,
      recordedAt,
      null,
      'f',
    ];
    return `${values.map(cell).join('\t')}\n`;
  };
  function* chunks(): Generator<string> {
    let lines: string[] = [];
    for (const household of demo.demoHouseholds(gemeenten, teams, {
      seed: SEED,
      today: TODAY,
      fromYear: FIRST_YEAR,
      lastMeldingDate: LAST_MELDING,
      casesPerGemeente: perGemeente,
      forcedHandoverShare: 0.75,
    })) {
      if (cases >= CASES) break;
      const pseudonym = domain.householdPseudonym(key, household.householdId);
      const meldingen = household.cases.map((entry) => entry.events[0]?.date ?? '');
      households += 1;
      for (const entry of household.cases) {
        lines.push(lineOf(entry, pseudonym, meldingen));
        cases += 1;
      }
      if (lines.length >= CHUNK) {
        yield lines.join('');
        lines = [];
        if (cases - reported >= 250_000) {
          reported = cases;
          process.stderr.write(`  ${count(cases)} cases (${seconds(started).toFixed(0)} s)\n`);
        }
      }
    }
    if (lines.length > 0) yield lines.join('');
  }
  await client.query(`set maintenance_work_mem = '512MB'`);
  await pipeline(
    Readable.from(chunks()),
    client.query(
      copyFrom(`copy casus (${COLUMNS.join(', ')}) from stdin`),
    ) as unknown as NodeJS.WritableStream,
  );
  const copied = seconds(started);
  process.stderr.write(`  indexing (${indexes.rows.length} indexes) …\n`);
  let phase = performance.now();
  for (const constraint of constraints.rows)
    await client.query(`alter table casus add constraint ${constraint.name} ${constraint.definition}`);
  for (const index of indexes.rows.filter((found) => !found.constraint)) await client.query(index.definition);
  const indexed = seconds(phase);
  phase = performance.now();
  await client.query(`update case_import set rows = $1, cases = $2, added = $2 where id = $3`, [
    events,
    cases,
    importId,
  ]);
  await client.query('vacuum analyze casus');
  const analysed = seconds(phase);
  phase = performance.now();
  await fillCaseOutcomes(client);
  const narrowed = seconds(phase);
  return {
    cases,
    households,
    events,
    seconds: seconds(started),
    phases: `generate + summarise + COPY ${copied.toFixed(1)} s, indexes ${indexed.toFixed(1)} s, vacuum analyze ${analysed.toFixed(1)} s, case_outcome ${narrowed.toFixed(1)} s`,
  };
}

/** The narrow outcome rows, as the import keeps them (`rebuildCaseOutcomes`), for every generated case. */
async function fillCaseOutcomes(client: pg.Client): Promise<void> {
  const [{ drizzle }, { rebuildCaseOutcomes }] = await Promise.all([
    import('drizzle-orm/node-postgres'),
    import('../src/server/modules/cases/cases.import.ts'),
  ]);
  await rebuildCaseOutcomes(drizzle(client) as unknown as Db, null);
  await client.query('vacuum analyze case_outcome');
}

// ---------------------------------------------------------------------------------------------------------
// Measuring

type Figures = { p50: number; p95: number; max: number };

function summarise(values: number[]): Figures {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (share: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)] as number;
  return { p50: at(0.5), p95: at(0.95), max: sorted.at(-1) as number };
}

type Cell = { yes: number; no: number; unknown: number; censored: number };

async function measure(databaseUrl: string, client: pg.Client) {
  const [{ drizzle }, schema, service, outcomes] = await Promise.all([
    import('drizzle-orm/node-postgres'),
    import('../src/server/db/schema/index.ts'),
    import('../src/server/modules/cases/cases.service.ts'),
    import('../src/server/modules/cases/cases.outcomes.ts'),
  ]);
  // As the server connects (client.ts): ISO dates, no JIT. The logger keeps the last statement to EXPLAIN it.
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: 2,
    options: '-c DateStyle=ISO,YMD -c jit=off',
  });
  let lastQuery: { text: string; params: unknown[] } | null = null;
  const db = drizzle(pool, {
    schema,
    logger: {
      logQuery(text, params) {
        // The counting statement, not the set local / commit around it.
        if (/^\s*select/i.test(text)) lastQuery = { text, params };
      },
    },
  }) as unknown as Db;
  try {
    /** The indicator by intervention × region × year: the counts of one query folded into tallies with intervals. */
    const table = async (measure: (typeof outcomes.OUTCOME_MEASURES)[number], useRollup = true) => {
      const started = performance.now();
      const counts = await service.outcomeCounts(db, { measure, today: TODAY, useRollup });
      const queried = performance.now() - started;
      const cells = new Map<string, Cell>();
      for (const entry of counts) {
        const key = `${entry.intervention}|${entry.region ?? '-'}|${entry.year ?? '-'}`;
        let target = cells.get(key);
        if (!target) {
          target = { yes: 0, no: 0, unknown: 0, censored: 0 };
          cells.set(key, target);
        }
        if (entry.answer === 'ja') target.yes += entry.cases;
        else if (entry.answer === 'nee') target.no += entry.cases;
        else if (entry.answer === 'onbekend') target.unknown += entry.cases;
        else target.censored += entry.cases;
      }
      const tallies = [...cells].map(([key, cell]) => ({
        key,
        tally: outcomes.finishTally({
          yes: cell.yes,
          known: cell.yes + cell.no,
          unknown: cell.unknown,
          censored: cell.censored,
        }),
      }));
      return { ms: performance.now() - started, queryMs: queried, groups: counts.length, tallies };
    };

    console.log(
      `Load average when measuring starts: ${os
        .loadavg()
        .map((value) => value.toFixed(1))
        .join(' ')} on ${os.availableParallelism()} cores`,
    );
    // The rollup is rebuilt with the register figures after every import (and daily); time that too.
    const rebuildStarted = performance.now();
    await service.rebuildOutcomeRollup(db, TODAY);
    const rebuildMs = performance.now() - rebuildStarted;
    const rollupRows = await pool.query<{ rows: string }>('select count(*) as rows from case_outcome_rollup');
    console.log(
      `Rollup rebuilt (all 6 measures from case_outcome, as after an import): ${ms(rebuildMs)} ms, ${count(Number(rollupRows.rows[0]?.rows ?? 0))} rows`,
    );
    console.log(
      `Measuring gestopt_12m by intervention × region × year: ${WARMUP} warm-up then ${RUNS} timed runs …`,
    );
    for (let run = 0; run < WARMUP; run++) await table('gestopt_12m');
    const totals: number[] = [];
    const queries: number[] = [];
    let last: Awaited<ReturnType<typeof table>> | undefined;
    for (let run = 0; run < RUNS; run++) {
      last = await table('gestopt_12m');
      totals.push(last.ms);
      queries.push(last.queryMs);
    }
    const total = summarise(totals);
    const query = summarise(queries);
    const result = last as Awaited<ReturnType<typeof table>>;
    console.log('');
    console.log(
      `gestopt_12m, all years and regions (outcomeCounts + fold into intervention × region × year, ms):`,
    );
    console.log(
      `  total  p50 ${ms(total.p50)}  p95 ${ms(total.p95)}  max ${ms(total.max)}   (target ≤ ${TARGET_MS}: ${total.p95 <= TARGET_MS ? 'met' : 'NOT MET'} at p95, ${total.p50 <= TARGET_MS ? 'met' : 'NOT MET'} at p50)`,
    );
    console.log(
      `  query  p50 ${ms(query.p50)}  p95 ${ms(query.p95)}  max ${ms(query.max)}   (SQL + rows to JavaScript)`,
    );
    console.log(
      `  ${count(result.groups)} result groups from SQL (intervention × region × year × safety × answer), folded into ${count(result.tallies.length)} intervention × region × year cells`,
    );
    const national = result.tallies.reduce(
      (sum, entry) => ({
        yes: sum.yes + entry.tally.yes,
        known: sum.known + entry.tally.known,
        unknown: sum.unknown + entry.tally.unknown,
        censored: sum.censored + entry.tally.censored,
      }),
      { yes: 0, known: 0, unknown: 0, censored: 0 },
    );
    console.log(
      `  in all: stopped ${count(national.yes)} of ${count(national.known)} known (${((100 * national.yes) / Math.max(1, national.known)).toFixed(1)} %), unknown ${count(national.unknown)}, too young ${count(national.censored)}`,
    );

    console.log('');
    const scans: number[] = [];
    for (let run = 0; run < Math.min(RUNS, 5); run++) scans.push((await table('gestopt_12m', false)).ms);
    const scan = summarise(scans);
    console.log(
      `Without the rollup (a scan of case_outcome, as when the rollup is older than the data), ${scans.length} runs: p50 ${ms(scan.p50)}  max ${ms(scan.max)}; ratio scan / rollup at p50: ${(scan.p50 / total.p50).toFixed(1)}`,
    );
    console.log('');
    console.log('Other measures, once each (same fold, ms):');
    for (const measureName of outcomes.OUTCOME_MEASURES.filter((name) => name !== 'gestopt_12m')) {
      const once = await table(measureName);
      console.log(
        `  ${measureName.padEnd(30)} ${ms(once.ms).padStart(8)}   ${count(once.groups)} groups, ${count(once.tallies.length)} cells`,
      );
    }

    await table('gestopt_12m', false);
    const captured = lastQuery as { text: string; params: unknown[] } | null;
    if (captured) {
      await client.query('set jit = off');
      const plan = await client.query<{ 'QUERY PLAN': string }>(
        `explain (analyze, buffers) ${captured.text}`,
        captured.params as unknown[],
      );
      console.log('');
      console.log('EXPLAIN (ANALYZE, BUFFERS) of the scan without the rollup (gestopt_12m):');
      for (const row of plan.rows) console.log(`  ${row['QUERY PLAN']}`);
    }
    return total;
  } finally {
    await pool.end();
  }
}

// ---------------------------------------------------------------------------------------------------------

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
      `bench:outcomes needs a PostgreSQL server: set BENCH_DATABASE_URL=postgres://user@host:port/db.\n${START_POSTGRES}`,
    );
    process.exitCode = 2;
    return;
  }
  const url = new URL(adminUrl);
  url.pathname = `/${DATABASE}`;
  const databaseUrl = url.toString();
  const marker = `${GENERATOR}; cases=${CASES}; today=${TODAY}`;

  let created = false;
  const cleanup = async () => {
    if (created && !KEEP) {
      created = false;
      await withClient(adminUrl, (client) =>
        client.query(`drop database if exists ${DATABASE} with (force)`),
      ).catch((error: Error) => console.error(`Could not drop database ${DATABASE}: ${error.message}`));
    }
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      void cleanup().finally(() => process.exit(130));
    });

  try {
    let existing: { comment: string | null } | undefined;
    try {
      existing = await withClient(adminUrl, async (client) => {
        const found = await client.query<{ comment: string | null }>(
          `select shobj_description(oid, 'pg_database') as comment from pg_database where datname = $1`,
          [DATABASE],
        );
        return found.rows[0];
      });
    } catch (error) {
      console.error(
        `Cannot reach PostgreSQL at BENCH_DATABASE_URL (${(error as Error).message}).\n${START_POSTGRES}`,
      );
      process.exitCode = 2;
      return;
    }
    const reuse = KEEP && existing?.comment === marker;
    created = true;
    if (!reuse) {
      await withClient(adminUrl, async (client) => {
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
           'effective_cache_size', 'max_parallel_workers_per_gather', 'fsync', 'jit') order by name`,
      );
      console.log(`PostgreSQL: database ${DATABASE} on ${url.host}`);
      console.log(
        `  ${settings.rows.map((row) => `${row.name}=${row.setting}${row.unit ?? ''}`).join(', ')}`,
      );

      if (reuse) {
        console.log(`Cases: reusing the kept database (BENCH_KEEP=1, ${marker})`);
        const narrow = await client.query<{ rows: string }>('select count(*) as rows from case_outcome');
        if (Number(narrow.rows[0]?.rows ?? 0) === 0) {
          console.log('  filling case_outcome from the kept cases …');
          await fillCaseOutcomes(client);
        }
      } else {
        console.log(
          `Generating ${count(CASES)} cases (seed ${SEED}, meldingen ${FIRST_YEAR}–${LAST_MELDING.slice(0, 4)}, counted on ${TODAY}) …`,
        );
        const generated = await generate(client, databaseUrl);
        console.log(
          `Generated ${count(generated.cases)} cases of ${count(generated.households)} households (${(generated.cases / generated.households).toFixed(2)} cases per household), ${count(generated.events)} events (${(generated.events / generated.cases).toFixed(1)} per case) in ${generated.seconds.toFixed(1)} s (${generated.phases})`,
        );
        await client.query(`comment on database ${DATABASE} is '${marker}'`);
      }
      const size = (
        await client.query<{
          cases: string;
          events: string;
          households: string;
          heap: string;
          toast: string;
          indexes: string;
          total: string;
        }>(
          `select (select count(*) from casus where superseded_at is null) as cases,
             (select sum(jsonb_array_length(events)) from casus where superseded_at is null) as events,
             (select count(distinct household) from casus) as households,
             pg_relation_size('casus') as heap,
             coalesce(pg_total_relation_size(nullif(c.reltoastrelid, 0)), 0) as toast,
             pg_indexes_size('casus') as indexes, pg_total_relation_size('casus') as total
           from pg_class c where c.oid = 'casus'::regclass`,
        )
      ).rows[0];
      if (size)
        console.log(
          `Table casus: ${count(Number(size.cases))} current cases, ${count(Number(size.events))} events, ${count(Number(size.households))} households; ${mb(Number(size.total))} MB (heap ${mb(Number(size.heap))} MB, TOAST ${mb(Number(size.toast))} MB, indexes ${mb(Number(size.indexes))} MB)`,
        );
      const narrow = (
        await client.query<{ rows: string; total: string }>(
          `select (select count(*) from case_outcome) as rows, pg_total_relation_size('case_outcome') as total`,
        )
      ).rows[0];
      if (narrow)
        console.log(
          `Table case_outcome (what the counts scan): ${count(Number(narrow.rows))} rows, ${mb(Number(narrow.total))} MB`,
        );
      console.log('');
      const total = await measure(databaseUrl, client);
      console.log('');
      console.log(
        `Result: gestopt_12m by intervention × region × year over ${count(Number(size?.cases ?? 0))} cases (${mb(Number(size?.total ?? 0))} MB): p50 ${ms(total.p50)} ms, p95 ${ms(total.p95)} ms, max ${ms(total.max)} ms; target ≤ ${TARGET_MS} ms ${total.p95 <= TARGET_MS ? 'met' : 'NOT MET'}`,
      );
    });
    if (KEEP)
      console.log(`Kept database ${DATABASE} (BENCH_KEEP=1); drop it with: drop database ${DATABASE}`);
  } finally {
    await cleanup();
  }
}

await main();
