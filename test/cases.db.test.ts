/**
 * The case register end to end, on both engines: pseudonymisation at the door (no supplier identifier stored
 * anywhere), the personal-data refusal through the API and the command line, all-or-nothing imports with a dry
 * run, versions and undo, who may read case-level data (service layer and row-level security, every read
 * audited), outcome counts against hand-computed cases and against the pure functions, protected outcome
 * tables, follow-up lists under a region's schedule, and the refusal of a different pseudonym key.
 */
import { execFile } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Db, selectRows } from '../src/server/db/client.ts';
import { openConfiguredDatabase } from '../src/server/db/open.ts';
import { users } from '../src/server/db/schema/index.ts';
import { withScope } from '../src/server/db/scope.ts';
import {
  createOrganisation,
  createUser,
  hashPassword,
  updateSettings,
} from '../src/server/modules/access/access.service.ts';
import type { RequestContext } from '../src/server/modules/audit/audit.service.ts';
import { type CaseEvent, shortPseudonym } from '../src/server/modules/cases/cases.domain.ts';
import {
  type CaseImportReport,
  importCases,
  undoCaseImport,
} from '../src/server/modules/cases/cases.import.ts';
import {
  buildOutcomeTable,
  type CaseSummary,
  caseAnswer,
  OUTCOME_MEASURES,
  type OutcomeCount,
  type OutcomeMeasure,
  outcomeRule,
  summariseCase,
} from '../src/server/modules/cases/cases.outcomes.ts';
import { isValidBsn } from '../src/server/modules/cases/cases.privacy.ts';
import { saveSchedule } from '../src/server/modules/cases/cases.schedule.ts';
import {
  followUpList,
  lateFollowUpCounts,
  listCases,
  outcomeCounts,
  outcomeTable,
  processFigures,
  rebuildOutcomeRollup,
} from '../src/server/modules/cases/cases.service.ts';
import { roundToBase } from '../src/server/modules/disclosure/disclosure.domain.ts';
import type { OrganisationKind, Role } from '../src/shared/access.ts';
import { CASE_CSV_COLUMNS, type CaseCsvColumn } from '../src/shared/cases.ts';
import {
  CLI_CONTEXT,
  requestAs,
  signInOverHttp,
  TEST_PASSWORD,
  type TestSession,
} from './support/accounts.ts';
import { createTestApp, TEST_PSEUDONYM_KEY, type TestApp } from './support/app.ts';
import { TEST_ENGINES } from './support/database.ts';

/** The day of counting for the hand-computed cases. */
const TODAY = '2026-06-30';
const BOUNDARY = 'ketenzichtcasusgrens';
/** Passes the elfproef: 7·9 + 3·8 + 0·7 + 4·6 + 1·5 + 9·4 + 5·3 + 6·2 − 3 = 176 = 16 × 11. */
const BSN = '730419563';

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'ketenzicht-cases-test-'));
});
afterAll(async () => rm(scratch, { recursive: true, force: true }));

// ---- Extracts ----

type Row = Partial<Record<CaseCsvColumn | 'naam', string>>;

function csvText(rows: readonly Row[], header: readonly string[] = CASE_CSV_COLUMNS): string {
  const line = (row: Row) => header.map((column) => row[column as keyof Row] ?? '').join(';');
  return `${[header.join(';'), ...rows.map(line)].join('\n')}\n`;
}

let fileCounter = 0;
async function fileWith(content: string, name: string): Promise<string> {
  const file = path.join(scratch, `${++fileCounter}-${name}`);
  await writeFile(file, content);
  return file;
}

type CaseSpec = {
  casus: string;
  household: string;
  gemeente?: string;
  melding: string;
  assessed?: [date: string, veiligheid: 'acuut' | 'structureel' | 'geen'];
  decision?: [date: string, besluit: string];
  handover?: [date: string, team: number];
  directors?: Array<[date: string, team: number]>;
  intervention?: [date: string, code: string];
  interventionEnd?: [date: string, code: string];
  /** Date, violence since the last measurement, safety status. */
  measurements?: Array<[date: string, geweld: 'ja' | 'nee' | 'onbekend', status: string]>;
  closure?: [date: string, reden: string];
};

/** The rows of one case, in an order a supplier's export might use (not sorted by date). */
function caseRows(spec: CaseSpec): Row[] {
  const base = { casus_id: spec.casus, huishouden_id: spec.household };
  const rows: Row[] = [
    {
      ...base,
      gebeurtenis: 'melding',
      datum: spec.melding,
      gemeente: spec.gemeente ?? 'GM0363',
      melder: 'niet_beroepsmatig',
      aard_geweld: 'partnergeweld|kindermishandeling',
    },
  ];
  if (spec.assessed)
    rows.push({
      ...base,
      gebeurtenis: 'veiligheidsbeoordeling',
      datum: spec.assessed[0],
      veiligheid: spec.assessed[1],
    });
  if (spec.decision)
    rows.push({ ...base, gebeurtenis: 'besluit', datum: spec.decision[0], besluit: spec.decision[1] });
  if (spec.handover)
    rows.push({
      ...base,
      gebeurtenis: 'overdracht',
      datum: spec.handover[0],
      team: String(spec.handover[1]),
    });
  for (const [date, team] of spec.directors ?? [])
    rows.push({ ...base, gebeurtenis: 'regisseur', datum: date, team: String(team) });
  if (spec.intervention)
    rows.push({
      ...base,
      gebeurtenis: 'interventie_start',
      datum: spec.intervention[0],
      interventie: spec.intervention[1],
      primair: 'ja',
    });
  if (spec.interventionEnd)
    rows.push({
      ...base,
      gebeurtenis: 'interventie_einde',
      datum: spec.interventionEnd[0],
      interventie: spec.interventionEnd[1],
    });
  for (const [date, geweld, status] of spec.measurements ?? [])
    rows.push({
      ...base,
      gebeurtenis: 'meting',
      datum: date,
      bron: 'lokaal_team',
      geweld,
      veiligheidsstatus: status,
      voorwaarden: 'ja',
    });
  if (spec.closure)
    rows.push({ ...base, gebeurtenis: 'afsluiting', datum: spec.closure[0], reden: spec.closure[1] });
  return rows;
}

function hmacHex(text: string): string {
  return createHmac('sha256', TEST_PSEUDONYM_KEY).update(text).digest('hex');
}
/** Computed here from the documented inputs, not with the code under test. */
const householdOf = (id: string) => hmacHex(`huishouden\u0000${id}`);
const caseKeyOf = (supplier: number | null, id: string) => hmacHex(`casus\u0000${supplier ?? 0}\u0000${id}`);

function multipart(content: string, fileName: string): Buffer {
  return Buffer.concat([
    Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n`,
    ),
    Buffer.from(content),
    Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
  ]);
}

// ---- Organisations and users ----

type Org = { id: number; name: string; kind: OrganisationKind; areaCode: string | null };
type TestUser = { id: string; email: string; org: Org; role: Role };
type Fixture = {
  vt: Org;
  team: Org;
  otherTeam: Org;
  /** Aanleverancier of the Veilig Thuis organisation. */
  supplier: TestUser;
  teamRegie: TestUser;
  otherRegie: TestUser;
  admin: TestUser;
};

let sharedHash: Promise<string> | undefined;

async function seed(db: Db): Promise<Fixture> {
  const org = async (kind: OrganisationKind, name: string, areaCode: string | null): Promise<Org> => {
    const created = await createOrganisation(db, CLI_CONTEXT, { kind, name, areaCode });
    return { id: created.id, name: created.name, kind, areaCode };
  };
  const vt = await org('veilig_thuis', 'Veilig Thuis Amsterdam-Amstelland', 'VT01');
  const team = await org('lokaal_team', 'Wijkteam Amsterdam-Noord', 'GM0363');
  const otherTeam = await org('lokaal_team', 'Buurtteam Utrecht-Zuid', 'GM0344');
  const office = await org('landelijk', 'Functioneel beheer Ketenzicht', null);
  sharedHash ??= hashPassword(TEST_PASSWORD);
  const passwordHash = await sharedHash;
  const user = async (email: string, member: Org, role: Role): Promise<TestUser> => {
    const { user: created } = await createUser(db, CLI_CONTEXT, {
      email,
      displayName: email,
      organisationId: member.id,
      role,
    });
    await db.update(users).set({ passwordHash }).where(eq(users.id, created.id));
    return { id: created.id, email, org: member, role };
  };
  return {
    vt,
    team,
    otherTeam,
    supplier: await user('aanlevering@vt-aa.example', vt, 'aanleverancier'),
    teamRegie: await user('regie@wijkteam-noord.example', team, 'casusregie'),
    otherRegie: await user('regie@buurtteam-zuid.example', otherTeam, 'casusregie'),
    admin: await user('beheer@ketenzicht.example', office, 'beheerder'),
  };
}

function contextOf(user: TestUser): RequestContext {
  return {
    actor: {
      kind: 'user',
      userId: user.id,
      email: user.email,
      displayName: user.email,
      memberships: [
        {
          organisationId: user.org.id,
          organisationName: user.org.name,
          organisationKind: user.org.kind,
          areaCode: user.org.areaCode,
          role: user.role,
        },
      ],
    },
    origin: 'test',
  };
}

// ---- Database probes ----

type Snapshot = { cases: number; imports: number; keys: number; digest: string };

/** What the register holds, to prove a refused import changed nothing. */
async function snapshot(db: Db): Promise<Snapshot> {
  const [state] = await selectRows<Snapshot>(
    db,
    sql`select (select count(*)::int from casus) as cases, (select count(*)::int from case_import) as imports,
          (select count(*)::int from setting where key = 'pseudonymKeyFingerprint') as keys,
          (select md5(coalesce(string_agg(concat_ws(',', id, case_key, version, superseded_at, withdrawn, events::text), ';' order by id), ''))
             from casus) as digest`,
  );
  return state as Snapshot;
}

type Version = { version: number; superseded: string | null; withdrawn: boolean; events: CaseEvent[] };

async function versionsOf(db: Db, caseKey: string): Promise<Version[]> {
  return selectRows<Version>(
    db,
    sql`select version, superseded_at::text as superseded, withdrawn, events from casus
        where case_key = ${caseKey} order by version`,
  );
}

async function auditRows(db: Db, actions: string[]) {
  return selectRows<{ action: string; result: string; actor_user_id: string | null; actor_label: string }>(
    db,
    sql`select action, result, actor_user_id::text, actor_label from audit_log
        where action in (${sql.join(
          actions.map((action) => sql`${action}`),
          sql`, `,
        )}) order by id`,
  );
}

async function eventually<T>(probe: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const value = await probe();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

// ---- The hand-computed outcome set ----

/**
 * Eleven cases, each in its own gemeente (so a count per gemeente is the answer of one case). Default schedule:
 * +3 months (window −14/+30 days) and +12 months (−30/+60). On TODAY (2026-06-30), violence stopped at 12 months:
 * - A: 12-month measurement 2025-03-03 says no violence → ja
 * - B: measurement 2025-05-12 no violence; the household's new melding B2 (2025-08-01) came after it → ja
 * - C: measurement 2025-04-02 no violence, but C2 (same household) was reported on 2024-11-15, between handover and
 *   that measurement → nee
 * - D: measurement 2025-06-01 reports violence → nee
 * - E: measurement 2025-07-02 says onbekend → onbekend
 * - F: no measurement in the window (2025-07-02 … 2025-09-30; one on 2025-10-15 is too late) → onbekend
 * - G: handover 2025-09-01, window ends 2026-10-31 → too young (censored)
 * - H: handover 2026-01-15, window ends 2027-03-16 → too young
 * - I: handover 2025-06-01, measurement 2026-06-02 (in the window, which is still open) no violence → ja
 * - B2, C2: never handed over → not counted.
 */
function outcomeSet(team: number, otherTeam: number): Row[] {
  const specs: CaseSpec[] = [
    {
      casus: 'CA',
      household: 'HH-A',
      gemeente: 'GM0363',
      melding: '2024-02-20',
      assessed: ['2024-02-23', 'structureel'],
      decision: ['2024-02-26', 'overdracht'],
      handover: ['2024-03-01', team],
      directors: [['2024-03-01', team]],
      intervention: ['2024-03-05', 'wijkteam_begeleiding'],
      measurements: [
        ['2025-03-03', 'nee', 'veilig'],
        ['2024-06-03', 'ja', 'onveilig'],
      ],
    },
    {
      casus: 'CB',
      household: 'HH-B',
      gemeente: 'GM0362',
      melding: '2024-04-29',
      assessed: ['2024-05-10', 'acuut'],
      decision: ['2024-05-10', 'overdracht'],
      handover: ['2024-05-10', team],
      intervention: ['2024-05-20', 'wijkteam_begeleiding'],
      measurements: [['2025-05-12', 'nee', 'veilig']],
    },
    {
      casus: 'CB2',
      household: 'HH-B',
      gemeente: 'GM0384',
      melding: '2025-08-01',
      assessed: ['2025-08-05', 'geen'],
      decision: ['2025-08-05', 'geen_vervolg'],
      closure: ['2025-08-20', 'overig'],
    },
    {
      casus: 'CC',
      household: 'HH-C',
      gemeente: 'GM0437',
      melding: '2024-03-25',
      assessed: ['2024-03-27', 'structureel'],
      decision: ['2024-03-28', 'overdracht'],
      handover: ['2024-04-01', team],
      directors: [
        ['2024-04-01', team],
        ['2024-09-01', otherTeam],
      ],
      intervention: ['2024-04-10', 'systeemtherapie'],
      measurements: [['2025-04-02', 'nee', 'veilig']],
    },
    {
      casus: 'CC2',
      household: 'HH-C',
      gemeente: 'GM0358',
      melding: '2024-11-15',
      assessed: ['2024-11-18', 'acuut'],
      decision: ['2024-11-20', 'onderzoek'],
    },
    {
      casus: 'CD',
      household: 'HH-D',
      gemeente: 'GM0451',
      melding: '2024-05-27',
      assessed: ['2024-05-29', 'structureel'],
      decision: ['2024-05-30', 'overdracht'],
      handover: ['2024-06-01', team],
      intervention: ['2024-06-10', 'wijkteam_begeleiding'],
      interventionEnd: ['2024-12-01', 'wijkteam_begeleiding'],
      measurements: [
        ['2024-09-02', 'nee', 'veilig'],
        ['2025-06-01', 'ja', 'onveilig'],
      ],
    },
    {
      casus: 'CE',
      household: 'HH-E',
      gemeente: 'GM0344',
      melding: '2024-06-24',
      assessed: ['2024-06-26', 'geen'],
      decision: ['2024-06-27', 'overdracht'],
      handover: ['2024-07-01', team],
      measurements: [['2025-07-02', 'onbekend', 'onbekend']],
    },
    {
      casus: 'CF',
      household: 'HH-F',
      gemeente: 'GM0599',
      melding: '2024-07-22',
      assessed: ['2024-07-24', 'acuut'],
      decision: ['2024-07-29', 'overdracht'],
      handover: ['2024-08-01', team],
      intervention: ['2024-08-12', 'systeemtherapie'],
      measurements: [
        ['2024-11-01', 'nee', 'veilig'],
        ['2025-10-15', 'nee', 'veilig'],
      ],
      closure: ['2025-02-01', 'doelen_bereikt'],
    },
    {
      casus: 'CG',
      household: 'HH-G',
      gemeente: 'GM0518',
      melding: '2025-08-18',
      assessed: ['2025-08-20', 'structureel'],
      decision: ['2025-08-25', 'overdracht'],
      handover: ['2025-09-01', team],
      intervention: ['2025-09-08', 'wijkteam_begeleiding'],
      measurements: [['2025-12-01', 'nee', 'veilig']],
    },
    {
      casus: 'CH',
      household: 'HH-H',
      gemeente: 'GM0014',
      melding: '2026-01-05',
      decision: ['2026-01-12', 'overdracht'],
      handover: ['2026-01-15', team],
      measurements: [['2026-04-15', 'nee', 'veilig']],
    },
    {
      casus: 'CI',
      household: 'HH-I',
      gemeente: 'GM0034',
      melding: '2025-05-19',
      assessed: ['2025-05-21', 'acuut'],
      decision: ['2025-05-26', 'overdracht'],
      handover: ['2025-06-01', team],
      directors: [['2025-06-01', team]],
      intervention: ['2025-06-10', 'systeemtherapie'],
      measurements: [['2026-06-02', 'nee', 'veilig']],
    },
  ];
  return specs.flatMap(caseRows);
}

/** 95% Wilson interval, written out here rather than imported. */
function wilson(yes: number, n: number): { low: number; high: number } | null {
  if (n === 0) return null;
  const z = 1.959964;
  const p = yes / n;
  const denominator = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / denominator;
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

type Tally = {
  yes: number | null;
  known: number | null;
  unknown: number | null;
  censored: number | null;
  share: number | null;
  interval: { low: number; high: number } | null;
};

function expectTally(actual: Tally, yes: number, known: number, unknown: number, censored: number): void {
  expect({
    yes: actual.yes,
    known: actual.known,
    unknown: actual.unknown,
    censored: actual.censored,
  }).toEqual({
    yes,
    known,
    unknown,
    censored,
  });
  if (known === 0) {
    expect(actual.share).toBeNull();
    expect(actual.interval).toBeNull();
    return;
  }
  expect(actual.share).toBeCloseTo(yes / known, 10);
  const interval = wilson(yes, known);
  expect(actual.interval?.low).toBeCloseTo(interval?.low as number, 6);
  expect(actual.interval?.high).toBeCloseTo(interval?.high as number, 6);
}

function sumCounts(counts: readonly OutcomeCount[]) {
  const total = { ja: 0, nee: 0, onbekend: 0, te_jong: 0 };
  for (const count of counts) total[count.answer] += count.cases;
  return total;
}

// ---------------------------------------------------------------------------------------------------------

describe.each(TEST_ENGINES)('case register on %s', (engine) => {
  let test: TestApp;
  let db: Db;
  let fx: Fixture;

  beforeEach(async () => {
    test = await createTestApp(engine);
    db = test.database.db;
    fx = await seed(db);
  });
  afterEach(async () => test?.close());

  const importRows = async (
    rows: readonly Row[],
    options: {
      supplierId?: number | null;
      dryRun?: boolean;
      today?: string;
      key?: Buffer;
      name?: string;
      header?: readonly string[];
    } = {},
  ): Promise<CaseImportReport> => {
    const name = options.name ?? 'aanlevering.csv';
    const file = await fileWith(csvText(rows, options.header), name);
    return importCases(db, CLI_CONTEXT, async () => options.key ?? TEST_PSEUDONYM_KEY, {
      path: file,
      fileName: name,
      dryRun: options.dryRun ?? false,
      supplierId: options.supplierId === undefined ? fx.vt.id : options.supplierId,
      today: options.today ?? TODAY,
    });
  };

  const upload = (session: TestSession, content: string, fileName: string, query = '?dryRun=false') =>
    test.app.inject({
      method: 'POST',
      url: `/api/cases/imports${query}`,
      payload: multipart(content, fileName),
      headers: {
        'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
        cookie: session.cookie,
        'x-csrf-token': session.csrfToken,
      },
    });

  /** Three cases Veilig Thuis handed over to the team in 2024: two stopped at 12 months, one did not. */
  const handedOverIn2024 = (): Row[] => [
    ...caseRows({
      casus: 'VT-2024-101',
      household: 'GZ-9001',
      melding: '2024-01-08',
      assessed: ['2024-01-12', 'structureel'],
      decision: ['2024-01-15', 'overdracht'],
      handover: ['2024-01-16', fx.team.id],
      directors: [['2024-01-16', fx.team.id]],
      intervention: ['2024-02-01', 'wijkteam_begeleiding'],
      measurements: [['2025-01-16', 'nee', 'veilig']],
    }),
    ...caseRows({
      casus: 'VT-2024-102',
      household: 'GZ-9002',
      melding: '2024-02-26',
      assessed: ['2024-02-28', 'acuut'],
      decision: ['2024-03-01', 'overdracht'],
      handover: ['2024-03-04', fx.team.id],
      measurements: [['2025-03-10', 'nee', 'veilig']],
    }),
    ...caseRows({
      casus: 'VT-2024-103',
      household: 'GZ-9003',
      melding: '2024-04-29',
      assessed: ['2024-05-02', 'structureel'],
      decision: ['2024-05-03', 'overdracht'],
      handover: ['2024-05-06', fx.team.id],
      measurements: [['2025-05-01', 'ja', 'onveilig']],
    }),
  ];

  // ---- 1. Pseudonymisation ----

  it('pseudonymises at the door: no supplier identifier anywhere, household = HMAC, linked across suppliers', async () => {
    const casusId = 'VTZAAK-8841';
    const householdId = 'GEZIN-5523-KX';
    const session = await signInOverHttp(test.app, fx.supplier.email);
    const fromVt = caseRows({
      casus: casusId,
      household: householdId,
      melding: '2024-02-01',
      assessed: ['2024-02-06', 'structureel'],
      decision: ['2024-02-08', 'overdracht'],
      handover: ['2024-02-12', fx.team.id],
      measurements: [['2025-02-12', 'nee', 'veilig']],
    });
    const response = await upload(session, csvText(fromVt), 'aanlevering-vt.csv');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      outcome: 'geimporteerd',
      supplier: { id: fx.vt.id },
      added: 1,
      households: 1,
    });
    // The local team numbers its own cases: the same casus_id, but its own case, for the same household.
    const fromTeam = await importRows(
      caseRows({
        casus: casusId,
        household: householdId,
        melding: '2024-11-04',
        assessed: ['2024-11-06', 'acuut'],
      }),
      { supplierId: fx.team.id, name: 'aanlevering-wijkteam.csv' },
    );
    expect(fromTeam).toMatchObject({ outcome: 'geimporteerd', added: 1, households: 1 });

    const rows = await selectRows<{
      case_key: string;
      household: string;
      supplier_id: number;
      recurrence_12: string | null;
      stopped_12: string | null;
    }>(
      db,
      sql`select case_key, household, supplier_id, recurrence_12, stopped_12 from casus
          where superseded_at is null order by melding_date`,
    );
    expect(rows.map((row) => row.household)).toEqual([householdOf(householdId), householdOf(householdId)]);
    expect(rows.map((row) => row.supplier_id)).toEqual([fx.vt.id, fx.team.id]);
    expect(rows.map((row) => row.case_key)).toEqual([
      caseKeyOf(fx.vt.id, casusId),
      caseKeyOf(fx.team.id, casusId),
    ]);
    expect(rows[0]?.case_key).not.toBe(rows[1]?.case_key);
    // Linked: the team's melding (2024-11-04) is a new melding for the household within 12 months of the
    // handover and before the 12-month measurement, so the first case recurred and its violence did not stop.
    expect(rows[0]).toMatchObject({ recurrence_12: 'ja', stopped_12: 'nee' });

    const tables = await selectRows<{ schema: string; name: string }>(
      db,
      sql`select table_schema as schema, table_name as name from information_schema.tables
          where table_schema not in ('pg_catalog', 'information_schema') order by 1, 2`,
    );
    expect(tables.map((table) => table.name)).toEqual(
      expect.arrayContaining(['casus', 'case_import', 'audit_log', 'setting', 'observation']),
    );
    const dumps = new Map<string, string>();
    for (const table of tables) {
      const dump = await selectRows<{ t: string }>(
        db,
        sql.raw(`select t::text as t from "${table.schema}"."${table.name}" t`),
      );
      dumps.set(
        table.name,
        dump
          .map((row) => row.t)
          .join('\n')
          .toLowerCase(),
      );
    }
    // The dump does see text: the team's name is in its table, the household pseudonym in the register.
    expect(dumps.get('organisation')).toContain('wijkteam amsterdam-noord');
    expect(dumps.get('casus')).toContain(householdOf(householdId));
    for (const [name, text] of dumps) {
      expect(text.includes(casusId.toLowerCase()), `casus_id in ${name}`).toBe(false);
      expect(text.includes(householdId.toLowerCase()), `huishouden_id in ${name}`).toBe(false);
    }
  });

  // ---- 2. Personal data refused ----

  it('refuses personal data through the API and importCases, naming the column, never the value; writes nothing', async () => {
    expect(isValidBsn(BSN)).toBe(true);
    await importRows(handedOverIn2024());
    const before = await snapshot(db);
    expect(before.cases).toBe(3);
    const session = await signInOverHttp(test.app, fx.supplier.email);
    const email = 'r.devries@wijkteam-noord.example';
    const base = caseRows({
      casus: 'VT-2024-777',
      household: 'GZ-7777',
      melding: '2024-03-04',
      decision: ['2024-03-06', 'overdracht'],
      handover: ['2024-03-08', fx.team.id],
    });
    const files: Array<{
      name: string;
      rows: Row[];
      header?: readonly string[];
      column: string;
      kind: string;
      secret: string;
      says: string;
    }> = [
      {
        name: 'bsn.csv',
        rows: base.map((row) => ({ ...row, huishouden_id: BSN })),
        column: 'huishouden_id',
        kind: 'bsn',
        secret: BSN,
        says: 'BSN',
      },
      {
        name: 'email.csv',
        rows: base.map((row) => (row.gebeurtenis === 'overdracht' ? { ...row, team: email } : row)),
        column: 'team',
        kind: 'email',
        secret: email,
        says: 'e-mailadres',
      },
      {
        name: 'naam.csv',
        rows: base.map((row) => ({ ...row, naam: 'Fatima el Amrani' })),
        header: [...CASE_CSV_COLUMNS, 'naam'],
        column: 'naam',
        kind: 'naam',
        secret: 'Amrani',
        says: 'persoonsgegevens (naam)',
      },
    ];
    for (const file of files) {
      const content = csvText(file.rows, file.header);
      const response = await upload(session, content, file.name);
      expect(response.statusCode, file.name).toBe(422);
      const report = response.json() as CaseImportReport;
      expect(report).toMatchObject({ outcome: 'geweigerd', importId: null, added: 0 });
      expect(report.personalData).toContainEqual(
        expect.objectContaining({ column: file.column, kind: file.kind }),
      );
      const problem = report.problems.find((candidate) => candidate.column === file.column);
      expect(problem?.message, file.name).toContain(file.says);
      expect(problem?.value).toBeNull();
      expect(response.body.includes(file.secret), `${file.name} echoes the value`).toBe(false);

      const direct = await importRows(file.rows, { header: file.header, name: file.name });
      expect(direct).toMatchObject({ outcome: 'geweigerd', importId: null });
      expect(direct.personalData.map((finding) => finding.column)).toContain(file.column);
      expect(JSON.stringify(direct).includes(file.secret)).toBe(false);
      expect(await snapshot(db), file.name).toEqual(before);
    }
  });

  // ---- 3. All or nothing, dry run, versions ----

  const twoCases = (): Row[] => [
    ...caseRows({
      casus: 'X1',
      household: 'HH-X1',
      melding: '2024-03-04',
      assessed: ['2024-03-06', 'structureel'],
      decision: ['2024-03-08', 'overdracht'],
      handover: ['2024-03-11', fx.team.id],
    }),
    ...caseRows({
      casus: 'X2',
      household: 'HH-X2',
      melding: '2024-04-02',
      assessed: ['2024-04-04', 'acuut'],
      decision: ['2024-04-05', 'overdracht'],
      handover: ['2024-04-08', fx.team.id],
    }),
  ];
  /** X1 again, now with its 12-month measurement: a corrected re-delivery. */
  const corrected = (): Row[] => [
    ...twoCases(),
    {
      casus_id: 'X1',
      huishouden_id: 'HH-X1',
      gebeurtenis: 'meting',
      datum: '2025-03-12',
      bron: 'veilig_thuis',
      geweld: 'nee',
      veiligheidsstatus: 'veilig',
      voorwaarden: 'ja',
    },
  ];

  it('changes nothing for a file with one bad row or a dry run; re-import is unchanged; a correction is version 2', async () => {
    const empty = await snapshot(db);
    expect(empty).toMatchObject({ cases: 0, imports: 0, keys: 0 });
    const good = twoCases();
    const bad: Row[] = [
      ...good,
      {
        casus_id: 'X3',
        huishouden_id: 'HH-X3',
        gebeurtenis: 'melding',
        datum: '2024-05-01',
        gemeente: 'GM9999',
        melder: 'niet_beroepsmatig',
        aard_geweld: 'partnergeweld',
      },
    ];
    const refused = await importRows(bad);
    expect(refused).toMatchObject({ outcome: 'geweigerd', errors: 1, importId: null, added: 0 });
    expect(refused.problems).toContainEqual(
      expect.objectContaining({ severity: 'fout', row: bad.length + 1, column: 'gemeente' }),
    );
    expect(await snapshot(db)).toEqual(empty);

    const dry = await importRows(good, { dryRun: true });
    expect(dry).toMatchObject({
      outcome: 'proefimport',
      importId: null,
      cases: 2,
      households: 2,
      added: 2,
      changed: 0,
      unchanged: 0,
    });
    // Not even the key's fingerprint is recorded by a dry run.
    expect(await snapshot(db)).toEqual(empty);

    const first = await importRows(good);
    expect(first).toMatchObject({ outcome: 'geimporteerd', added: 2, changed: 0, unchanged: 0 });
    expect(first.importId).toEqual(expect.any(Number));
    const afterFirst = await snapshot(db);
    expect(afterFirst).toMatchObject({ cases: 2, imports: 1, keys: 1 });

    const again = await importRows(good);
    expect(again).toMatchObject({
      outcome: 'ongewijzigd',
      importId: null,
      added: 0,
      changed: 0,
      unchanged: 2,
    });
    expect(await snapshot(db)).toEqual(afterFirst);

    const second = await importRows(corrected());
    expect(second).toMatchObject({ outcome: 'geimporteerd', added: 0, changed: 1, unchanged: 1 });
    const versions = await versionsOf(db, caseKeyOf(fx.vt.id, 'X1'));
    expect(versions.map((version) => version.version)).toEqual([1, 2]);
    expect(versions[0]?.superseded).not.toBeNull();
    expect(versions[1]?.superseded).toBeNull();
    expect(versions[0]?.events.some((event) => event.kind === 'meting')).toBe(false);
    expect(versions[1]?.events.filter((event) => event.kind === 'meting')).toEqual([
      {
        kind: 'meting',
        date: '2025-03-12',
        source: 'veilig_thuis',
        violence: 'nee',
        safety: 'veilig',
        conditionsMet: 'ja',
      },
    ]);
    expect((await versionsOf(db, caseKeyOf(fx.vt.id, 'X2'))).map((version) => version.version)).toEqual([1]);
  });

  // ---- 4. Undo ----

  it('counts a case once when a re-delivery moves it to another household, and undo moves it back', async () => {
    const spec = {
      casus: 'M1',
      melding: '2024-03-04',
      handover: ['2024-03-11', fx.team.id] as [string, number],
    };
    await importRows(caseRows({ ...spec, household: 'HH-OUD' }));
    const moved = await importRows(caseRows({ ...spec, household: 'HH-NIEUW' }));
    expect(moved).toMatchObject({ outcome: 'geimporteerd', changed: 1 });
    const outcomeRows = async () =>
      selectRows<{ household: string }>(
        db,
        sql`select c.household from case_outcome o join casus c on c.id = o.case_id`,
      );
    const household = (id: string) =>
      createHmac('sha256', TEST_PSEUDONYM_KEY).update(`huishouden\u0000${id}`).digest('hex');
    expect(await outcomeRows()).toEqual([{ household: household('HH-NIEUW') }]);
    await undoCaseImport(db, CLI_CONTEXT, moved.importId as number);
    expect(await outcomeRows()).toEqual([{ household: household('HH-OUD') }]);
  });

  it('undoes an earlier import after the later one that changed its cases is undone', async () => {
    const first = await importRows(twoCases());
    const second = await importRows(corrected());
    await undoCaseImport(db, CLI_CONTEXT, second.importId as number);
    const undone = await undoCaseImport(db, CLI_CONTEXT, first.importId as number);
    expect(undone).toMatchObject({ restored: 0, withdrawn: 2 });
    const versions = await versionsOf(db, caseKeyOf(fx.vt.id, 'X1'));
    expect(
      versions.map((version) => [version.version, version.superseded === null, version.withdrawn]),
    ).toEqual([
      [1, false, false],
      [2, false, false],
      [3, false, false],
      [4, true, true],
    ]);
    expect((await listCases(db, CLI_CONTEXT, { limit: 100, offset: 0 })).total).toBe(0);
    await expect(undoCaseImport(db, CLI_CONTEXT, first.importId as number)).rejects.toThrow(
      /al teruggedraaid/,
    );
  });

  it('undoes a correction by restoring version 1 as version 3, and a first delivery by withdrawing its cases', async () => {
    const first = await importRows(twoCases());
    const second = await importRows(corrected());
    expect(second.outcome).toBe('geimporteerd');
    // The second delivery changed X1: the first cannot be undone while the second stands.
    await expect(undoCaseImport(db, CLI_CONTEXT, first.importId as number)).rejects.toThrow(
      /Draai eerst die latere aanlevering terug/,
    );
    const undone = await undoCaseImport(db, CLI_CONTEXT, second.importId as number);
    expect(undone).toMatchObject({ importId: second.importId, restored: 1, withdrawn: 0 });
    const versions = await versionsOf(db, caseKeyOf(fx.vt.id, 'X1'));
    expect(
      versions.map((version) => [version.version, version.superseded === null, version.withdrawn]),
    ).toEqual([
      [1, false, false],
      [2, false, false],
      [3, true, false],
    ]);
    expect(versions[2]?.events).toEqual(versions[0]?.events);

    const third = await importRows(
      [
        ...caseRows({
          casus: 'Y1',
          household: 'HH-Y1',
          melding: '2024-06-03',
          decision: ['2024-06-05', 'overdracht'],
          handover: ['2024-06-07', fx.team.id],
          measurements: [['2025-06-09', 'nee', 'veilig']],
        }),
        ...caseRows({
          casus: 'Y2',
          household: 'HH-Y2',
          melding: '2024-06-10',
          decision: ['2024-06-12', 'overdracht'],
          handover: ['2024-06-14', fx.team.id],
          measurements: [['2025-06-16', 'ja', 'onveilig']],
        }),
      ],
      { name: 'derde.csv' },
    );
    expect(third).toMatchObject({ outcome: 'geimporteerd', added: 2 });
    const listed = async () => (await listCases(db, CLI_CONTEXT, { limit: 100, offset: 0 })).total;
    const counted = async () =>
      sumCounts(await outcomeCounts(db, { byGemeente: true, measure: 'gestopt_12m', today: TODAY }));
    expect(await listed()).toBe(4);
    // X1 and X2 have no 12-month measurement (unknown); Y1 stopped, Y2 did not.
    expect(await counted()).toEqual({ ja: 1, nee: 1, onbekend: 2, te_jong: 0 });

    const withdrawn = await undoCaseImport(db, CLI_CONTEXT, third.importId as number);
    expect(withdrawn).toMatchObject({ restored: 0, withdrawn: 2 });
    expect(await listed()).toBe(2);
    expect(await counted()).toEqual({ ja: 0, nee: 0, onbekend: 2, te_jong: 0 });
    const y1 = await versionsOf(db, caseKeyOf(fx.vt.id, 'Y1'));
    expect(y1.map((version) => [version.version, version.superseded === null, version.withdrawn])).toEqual([
      [1, false, false],
      [2, true, true],
    ]);
  });

  // ---- 5. Access ----

  it('shows cases only to casusregie of an involved team, refuses a beheerder, and audits every read', async () => {
    const supplier = await signInOverHttp(test.app, fx.supplier.email);
    const imported = await upload(supplier, csvText(handedOverIn2024()), 'aanlevering-2024.csv');
    expect(imported.statusCode, imported.body).toBe(200);
    const household = shortPseudonym(householdOf('GZ-9001'));
    const timelineUrl = `/api/cases/households/${household}`;

    const own = await signInOverHttp(test.app, fx.teamRegie.email);
    const list = await requestAs(test.app, own, 'GET', '/api/cases');
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().total).toBe(3);
    expect(
      list
        .json()
        .items.map((item: { household: string }) => item.household)
        .sort(),
    ).toEqual(['GZ-9001', 'GZ-9002', 'GZ-9003'].map((id) => shortPseudonym(householdOf(id))).sort());
    expect(list.json().items[0]).toMatchObject({
      gemeente: 'GM0363',
      region: 'VT01',
      receivingTeam: fx.team.name,
    });
    const timeline = await requestAs(test.app, own, 'GET', timelineUrl);
    expect(timeline.statusCode, timeline.body).toBe(200);
    const body = timeline.json();
    expect(body.household).toBe(household);
    expect(body.cases).toHaveLength(1);
    expect(body.events.map((event: { kind: string }) => event.kind)).toEqual([
      'melding',
      'veiligheidsbeoordeling',
      'besluit',
      'overdracht',
      'regisseur',
      'interventie_start',
      'meting',
    ]);
    expect(body.events.find((event: { kind: string }) => event.kind === 'overdracht')).toMatchObject({
      teamId: fx.team.id,
      teamName: fx.team.name,
    });

    const other = await signInOverHttp(test.app, fx.otherRegie.email);
    const otherList = await requestAs(test.app, other, 'GET', '/api/cases');
    expect(otherList.statusCode).toBe(200);
    expect(otherList.json()).toEqual({ total: 0, items: [] });
    const otherTimeline = await requestAs(test.app, other, 'GET', timelineUrl);
    expect(otherTimeline.statusCode).toBe(404);
    expect(otherTimeline.json().message).toContain('Geen casussen gevonden voor dit huishouden');

    const admin = await signInOverHttp(test.app, fx.admin.email);
    for (const url of ['/api/cases', timelineUrl]) {
      const refused = await requestAs(test.app, admin, 'GET', url);
      expect(refused.statusCode, url).toBe(403);
      expect(refused.json().message).toContain('casusregie');
    }
    // The supplier may list its own cases, but the timeline is for casusregie only.
    expect((await requestAs(test.app, supplier, 'GET', '/api/cases')).json().total).toBe(3);
    expect((await requestAs(test.app, supplier, 'GET', timelineUrl)).statusCode).toBe(403);

    const reads = await auditRows(db, ['casus.lijst', 'casus.tijdlijn']);
    const by = (user: TestUser) =>
      reads
        .filter((row) => row.actor_user_id === user.id)
        .map((row) => [row.action, row.result, row.actor_label]);
    expect(by(fx.teamRegie)).toEqual([
      ['casus.lijst', 'success', fx.teamRegie.email],
      ['casus.tijdlijn', 'success', fx.teamRegie.email],
    ]);
    // The probe by pseudonym that found nothing is on record too.
    expect(by(fx.otherRegie)).toEqual([
      ['casus.lijst', 'success', fx.otherRegie.email],
      ['casus.tijdlijn', 'failure', fx.otherRegie.email],
    ]);
    const denied = await eventually(
      () => auditRows(db, ['access.denied']),
      (rows) => rows.filter((row) => row.actor_user_id === fx.admin.id).length >= 2,
    );
    expect(denied.filter((row) => row.actor_user_id === fx.admin.id)).toHaveLength(2);

    // Row-level security, the second wall: as the unrelated team, the table itself is empty.
    const countAs = (organisationIds: number[]) =>
      withScope(db, { userId: null, isAdmin: false, organisationIds }, async (tx) => {
        const [row] = await selectRows<{ n: number }>(tx, sql`select count(*)::int as n from casus`);
        return row?.n;
      });
    expect(await countAs([fx.otherTeam.id])).toBe(0);
    expect(await countAs([fx.team.id])).toBe(3);
    expect(await countAs([fx.vt.id])).toBe(3);
  });

  // ---- 6. Outcomes ----

  it('counts violence stopped at 12 months exactly as computed by hand, censoring the too young', async () => {
    const report = await importRows(outcomeSet(fx.team.id, fx.otherTeam.id));
    expect(report).toMatchObject({ outcome: 'geimporteerd', added: 11, households: 9, warnings: 0 });
    const counts = await outcomeCounts(db, { byGemeente: true, measure: 'gestopt_12m', today: TODAY });
    // A, B, I stopped; C (new melding) and D (violence) did not; E, F unknown; G, H too young.
    expect(sumCounts(counts)).toEqual({ ja: 3, nee: 2, onbekend: 2, te_jong: 2 });
    const answerIn = (gemeente: string) => counts.filter((count) => count.gemeente === gemeente);
    expect(
      Object.fromEntries(
        [
          'GM0363',
          'GM0362',
          'GM0437',
          'GM0451',
          'GM0344',
          'GM0599',
          'GM0518',
          'GM0014',
          'GM0034',
          'GM0384',
          'GM0358',
        ].map((code) => [code, answerIn(code).map((count) => count.answer)]),
      ),
    ).toEqual({
      GM0363: ['ja'],
      GM0362: ['ja'],
      GM0437: ['nee'],
      GM0451: ['nee'],
      GM0344: ['onbekend'],
      GM0599: ['onbekend'],
      GM0518: ['te_jong'],
      GM0014: ['te_jong'],
      GM0034: ['ja'],
      GM0384: [],
      GM0358: [],
    });

    const byIntervention = buildOutcomeTable(counts, 'interventie', null);
    expect(byIntervention.rows.map((row) => row.key)).toEqual([
      'geen',
      'systeemtherapie',
      'wijkteam_begeleiding',
    ]);
    const row = (key: string) => byIntervention.rows.find((candidate) => candidate.key === key);
    expectTally(row('wijkteam_begeleiding')?.tally as Tally, 2, 3, 0, 1); // A, B ja; D nee; G too young
    expectTally(row('systeemtherapie')?.tally as Tally, 1, 2, 1, 0); // I ja; C nee; F unknown
    expectTally(row('geen')?.tally as Tally, 0, 0, 1, 1); // E unknown; H too young
    expectTally(byIntervention.total.tally as Tally, 3, 5, 2, 2);
    // Case mix: the split by safety assessment (H has none: onbekend).
    const mix = row('wijkteam_begeleiding')?.caseMix;
    expectTally(mix?.structureel as Tally, 1, 2, 0, 1); // A, D, G
    expectTally(mix?.acuut as Tally, 1, 1, 0, 0); // B
    expectTally(mix?.geen as Tally, 0, 0, 0, 0);
    expectTally(row('systeemtherapie')?.caseMix.acuut as Tally, 1, 1, 1, 0); // I, F
    expectTally(row('geen')?.caseMix.onbekend as Tally, 0, 0, 0, 1); // H
    expectTally(row('geen')?.caseMix.geen as Tally, 0, 0, 1, 0); // E
    expect(byIntervention.rows.every((candidate) => !candidate.hidden)).toBe(true);

    const byRegion = buildOutcomeTable(counts, 'regio', null);
    expect(byRegion.rows.map((candidate) => candidate.key)).toEqual([
      'VT01',
      'VT03',
      'VT08',
      'VT09',
      'VT18',
      'VT20',
    ]);
    const region = (key: string) => byRegion.rows.find((candidate) => candidate.key === key)?.tally as Tally;
    expectTally(region('VT01'), 2, 4, 0, 0); // A, B, C, D
    expectTally(region('VT03'), 1, 1, 0, 0); // I (Almere)
    expectTally(region('VT08'), 0, 0, 0, 1); // H (Groningen)
    expectTally(region('VT09'), 0, 0, 0, 1); // G ('s-Gravenhage)
    expectTally(region('VT18'), 0, 0, 1, 0); // F (Rotterdam)
    expectTally(region('VT20'), 0, 0, 1, 0); // E (Utrecht)

    // The 2024 cohort (year of handover): A–F.
    const cohort = await outcomeTable(
      db,
      { measure: 'gestopt_12m', by: 'interventie', today: TODAY, year: 2024 },
      null,
    );
    expectTally(cohort.total.tally as Tally, 2, 4, 2, 0);
    // Within VT01 only.
    const vt01 = await outcomeTable(
      db,
      { measure: 'gestopt_12m', by: 'gemeente', today: TODAY, region: 'VT01' },
      null,
    );
    expect(vt01.rows.map((candidate) => candidate.key)).toEqual(['GM0362', 'GM0363', 'GM0437', 'GM0451']);

    // Safe at 3 months: D, F, G, H safe; A unsafe; B, C, E, I had no measurement in a window that has passed.
    expect(
      sumCounts(await outcomeCounts(db, { byGemeente: true, measure: 'veilig_3m', today: TODAY })),
    ).toEqual({
      ja: 4,
      nee: 1,
      onbekend: 4,
      te_jong: 0,
    });
    // A new melding within 12 months of handover (or closure): only C. B2, G, H are within their 12 months
    // still; C2 was neither handed over nor closed.
    expect(
      sumCounts(await outcomeCounts(db, { byGemeente: true, measure: 'hermelding_12m', today: TODAY })),
    ).toEqual({
      ja: 1,
      nee: 6,
      onbekend: 0,
      te_jong: 3,
    });
    // One director among the handed-over cases: A and I (C had two; the others none on record).
    expect(
      sumCounts(await outcomeCounts(db, { byGemeente: true, measure: 'een_regisseur', today: TODAY })),
    ).toEqual({
      ja: 2,
      nee: 7,
      onbekend: 0,
      te_jong: 0,
    });
    // Two years on, G and H are past their windows without a 12-month measurement: unknown, never "no".
    expect(
      sumCounts(await outcomeCounts(db, { byGemeente: true, measure: 'gestopt_12m', today: '2028-06-30' })),
    ).toEqual({
      ja: 3,
      nee: 2,
      onbekend: 4,
      te_jong: 0,
    });
  });

  it('gives lead times and handovers per household as computed by hand, hiding them below the threshold', async () => {
    const plan = (casus: string, household: string, date: string): Row => ({
      casus_id: casus,
      huishouden_id: household,
      gebeurtenis: 'plan',
      datum: date,
    });
    await importRows([
      // A: 10 days to handover, 10 days to plan. C: same household, 30 and 10. B: 20 days, no plan.
      ...caseRows({
        casus: 'PA',
        household: 'HH-P1',
        melding: '2024-01-01',
        handover: ['2024-01-11', fx.team.id],
      }),
      plan('PA', 'HH-P1', '2024-01-21'),
      ...caseRows({
        casus: 'PB',
        household: 'HH-P2',
        melding: '2024-02-01',
        handover: ['2024-02-21', fx.team.id],
      }),
      ...caseRows({
        casus: 'PC',
        household: 'HH-P1',
        melding: '2024-05-01',
        handover: ['2024-05-31', fx.team.id],
      }),
      plan('PC', 'HH-P1', '2024-06-10'),
    ]);
    const open = await processFigures(
      db,
      { by: 'regio', year: 2024 },
      { threshold: 1, roundTo: null, suppressZero: false },
    );
    expect(open.rows.map((row) => row.key)).toEqual(['VT01']);
    expect(open.total).toEqual({
      key: '*',
      handedOver: 3,
      medianDaysToHandover: 20,
      withPlan: 2,
      medianDaysHandoverToPlan: 10,
      households: 2,
      handoversPerHousehold: 1.5,
      householdsHandedOverMoreThanOnce: 1,
    });
    const protectedFigures = await processFigures(
      db,
      { by: 'regio', year: 2024 },
      { threshold: 5, roundTo: 5, suppressZero: false },
    );
    expect(protectedFigures.total).toMatchObject({
      handedOver: null,
      medianDaysToHandover: null,
      withPlan: null,
      medianDaysHandoverToPlan: null,
      households: null,
      handoversPerHousehold: null,
      householdsHandedOverMoreThanOnce: null,
    });
    expect(
      (
        await processFigures(
          db,
          { by: 'regio', year: 2023 },
          { threshold: 1, roundTo: null, suppressZero: false },
        )
      ).rows,
    ).toEqual([]);
  });

  it('counts from the rollup exactly what the scan of every case counts, on the day it is built and after', async () => {
    await importRows(outcomeSet(fx.team.id, fx.otherTeam.id));
    const builtOn = '2025-03-01';
    await rebuildOutcomeRollup(db, builtOn);
    const keyOf = (count: OutcomeCount) =>
      `${count.intervention}|${count.region}|${count.year}|${count.safety}|${count.answer}`;
    const folded = (counts: OutcomeCount[]) => {
      const totals = new Map<string, number>();
      for (const count of counts) totals.set(keyOf(count), (totals.get(keyOf(count)) ?? 0) + count.cases);
      return totals;
    };
    for (const measure of OUTCOME_MEASURES)
      for (const today of [builtOn, '2025-06-15', '2026-06-30', '2028-01-01']) {
        // With a gemeente split the scan runs; without it the rollup answers (built on or before today).
        const scanned = folded(await outcomeCounts(db, { byGemeente: true, measure, today }));
        const rolled = folded(await outcomeCounts(db, { measure, today }));
        expect(rolled, `${measure} on ${today}`).toEqual(scanned);
      }
    // Proof the rollup answered: with the per-case rows gone, the counts without a gemeente split stay.
    const fromRollup = folded(await outcomeCounts(db, { measure: 'gestopt_12m', today: '2026-06-30' }));
    expect(fromRollup.size).toBeGreaterThan(0);
    await db
      .transaction(async (tx) => {
        await tx.execute(sql`delete from case_outcome`);
        expect(folded(await outcomeCounts(tx, { measure: 'gestopt_12m', today: '2026-06-30' }))).toEqual(
          fromRollup,
        );
        expect(
          await outcomeCounts(tx, { byGemeente: true, measure: 'gestopt_12m', today: '2026-06-30' }),
        ).toEqual([]);
        tx.rollback();
      })
      .catch((error: Error) => {
        if (!/rollback/i.test(error.message)) throw error;
      });
    // A day before the rollup was built, or after new data came in, is counted from the cases themselves.
    const before = folded(await outcomeCounts(db, { measure: 'gestopt_12m', today: '2024-12-31' }));
    expect(before).toEqual(
      folded(await outcomeCounts(db, { byGemeente: true, measure: 'gestopt_12m', today: '2024-12-31' })),
    );
  });

  it('gives in SQL the answers of the pure caseAnswer(summariseCase(events)) for every case and measure', async () => {
    await importRows(outcomeSet(fx.team.id, fx.otherTeam.id));
    type Stored = {
      household: string;
      region: string | null;
      gemeente: string;
      events: CaseEvent[];
      safety_assessment: string | null;
      handover_date: string | null;
      receiving_team_id: number | null;
      closure_date: string | null;
      primary_intervention: string | null;
      cohort_year: number | null;
      stopped_12: string | null;
      safe_3: string | null;
      safe_12: string | null;
      window_3_end: string | null;
      window_12_end: string | null;
      recurrence_12: string | null;
      recurrence_window_end: string | null;
      working_days_to_assessment: number | null;
      days_to_handover: number | null;
      handover_count: number;
      director_count: number;
    };
    const rows = await selectRows<Stored>(
      db,
      sql`select household, region, gemeente, events, safety_assessment, handover_date::text, receiving_team_id,
            closure_date::text, primary_intervention, cohort_year, stopped_12, safe_3, safe_12, window_3_end::text,
            window_12_end::text, recurrence_12, recurrence_window_end::text, working_days_to_assessment,
            days_to_handover, handover_count, director_count
          from casus where superseded_at is null and not withdrawn`,
    );
    expect(rows).toHaveLength(11);
    // One case per gemeente: equal counts per gemeente are equal answers per case.
    expect(new Set(rows.map((row) => row.gemeente)).size).toBe(11);
    const meldingDate = (row: Stored) => row.events.find((event) => event.kind === 'melding')?.date as string;
    const summaries = new Map<Stored, CaseSummary>();
    for (const row of rows) {
      const others = rows
        .filter((other) => other !== row && other.household === row.household)
        .map(meldingDate);
      const summary = summariseCase(row.events, others);
      summaries.set(row, summary);
      expect(
        {
          safety_assessment: row.safety_assessment,
          handover_date: row.handover_date,
          receiving_team_id: row.receiving_team_id,
          closure_date: row.closure_date,
          primary_intervention: row.primary_intervention,
          cohort_year: row.cohort_year,
          stopped_12: row.stopped_12,
          safe_3: row.safe_3,
          safe_12: row.safe_12,
          window_3_end: row.window_3_end,
          window_12_end: row.window_12_end,
          recurrence_12: row.recurrence_12,
          recurrence_window_end: row.recurrence_window_end,
          working_days_to_assessment: row.working_days_to_assessment,
          days_to_handover: row.days_to_handover,
          handover_count: row.handover_count,
          director_count: row.director_count,
        },
        row.gemeente,
      ).toEqual({
        safety_assessment: summary.safetyAssessment,
        handover_date: summary.handoverDate,
        receiving_team_id: summary.receivingTeamId,
        closure_date: summary.closureDate,
        primary_intervention: summary.primaryIntervention,
        cohort_year: summary.cohortYear,
        stopped_12: summary.stopped12,
        safe_3: summary.safe3,
        safe_12: summary.safe12,
        window_3_end: summary.window3End,
        window_12_end: summary.window12End,
        recurrence_12: summary.recurrence12,
        recurrence_window_end: summary.recurrenceWindowEnd,
        working_days_to_assessment: summary.workingDaysToAssessment,
        days_to_handover: summary.daysToHandover,
        handover_count: summary.handoverCount,
        director_count: summary.directorTeamIds.length,
      });
    }
    const yearOf = (summary: CaseSummary, measure: OutcomeMeasure): number | null => {
      if (measure === 'hermelding_12m') {
        const from = summary.handoverDate ?? summary.closureDate;
        return from === null ? null : Number(from.slice(0, 4));
      }
      if (measure === 'veiligheidsbeoordeling_tijdig') return Number(summary.meldingDate.slice(0, 4));
      return summary.cohortYear;
    };
    const keyOf = (count: Omit<OutcomeCount, 'cases'>) =>
      [count.intervention, count.region, count.gemeente, count.year, count.safety, count.answer].join('|');
    let compared = 0;
    for (const today of ['2024-12-31', '2025-06-30', TODAY, '2026-10-31', '2028-01-01']) {
      for (const measure of OUTCOME_MEASURES) {
        const expected = new Map<string, number>();
        for (const [row, summary] of summaries) {
          const answer = caseAnswer(summary, measure, today);
          if (answer === null) continue;
          const key = keyOf({
            intervention: summary.primaryIntervention ?? 'geen',
            region: row.region,
            gemeente: summary.gemeente,
            year: yearOf(summary, measure),
            safety: summary.safetyAssessment,
            answer,
          });
          expected.set(key, (expected.get(key) ?? 0) + 1);
          compared += 1;
        }
        const actual = new Map(
          (await outcomeCounts(db, { byGemeente: true, measure, today })).map((count) => [
            keyOf(count),
            count.cases,
          ]),
        );
        expect(actual, `${measure} on ${today}`).toEqual(expected);
      }
    }
    expect(compared).toBeGreaterThan(200);
  });

  it('GET /api/outcomes hides counts below the installation threshold', async () => {
    await importRows(outcomeSet(fx.team.id, fx.otherTeam.id));
    const on = new Date().toISOString().slice(0, 10);
    const raw = await outcomeTable(db, { measure: 'gestopt_12m', by: 'interventie', today: on }, null);
    const get = async () => {
      const response = await test.app.inject({
        method: 'GET',
        url: '/api/outcomes?maat=gestopt_12m&per=interventie',
      });
      expect(response.statusCode, response.body).toBe(200);
      return response.json() as {
        computedOn: string;
        protection: { threshold: number };
        rows: Array<{ key: string; tally: Tally; caseMix: Record<string, Tally>; hidden: boolean }>;
        total: { key: string; tally: Tally; caseMix: Record<string, Tally>; hidden: boolean };
      };
    };

    await updateSettings(db, CLI_CONTEXT, { disclosureThreshold: 1 });
    const open = await get();
    expect(open.computedOn).toBe(on);
    expect(open.protection.threshold).toBe(1);
    // Nothing is small at threshold 1, but counts are always rounded to 5: the answer is the rounded table.
    const rounded = await outcomeTable(
      db,
      { measure: 'gestopt_12m', by: 'interventie', today: on },
      outcomeRule({ disclosureThreshold: 1, disclosureRoundTo: null }),
    );
    expect(open.rows).toEqual(JSON.parse(JSON.stringify(rounded.rows)));
    expect(open.total).toEqual(JSON.parse(JSON.stringify(rounded.total)));
    for (const row of open.rows)
      for (const value of [row.tally.yes, row.tally.unknown, row.tally.censored])
        expect(value === null || value % 5 === 0, `${row.key}: ${value}`).toBe(true);

    await updateSettings(db, CLI_CONTEXT, { disclosureThreshold: 3 });
    const guarded = await get();
    expect(guarded.protection.threshold).toBe(3);
    let hiddenCells = 0;
    const check = (published: Tally, original: Tally, where: string) => {
      for (const field of ['yes', 'known', 'unknown', 'censored'] as const) {
        const value = published[field];
        const before = original[field] as number;
        if (field !== 'known' && before > 0 && before < 3) expect(value, `${where} ${field}`).toBeNull();
        // Shown counts are the true ones rounded to 5 (known is the rounded yes plus the rounded no).
        if (value !== null && field !== 'known')
          expect(value, `${where} ${field}`).toBe(roundToBase(before, 5));
        if (value === null) hiddenCells += 1;
      }
      if (published.yes === null || published.known === null) {
        expect(published.share, where).toBeNull();
        expect(published.interval, where).toBeNull();
      } else if (published.known > 0)
        expect(published.share).toBeCloseTo(published.yes / published.known, 10);
    };
    for (const row of [...raw.rows, raw.total]) {
      const published =
        row.key === '*' ? guarded.total : guarded.rows.find((candidate) => candidate.key === row.key);
      expect(published, row.key).toBeDefined();
      if (!published) continue;
      check(published.tally, row.tally as Tally, row.key);
      const { yes, known, unknown, censored } = published.tally;
      expect(published.hidden, row.key).toBe([yes, known, unknown, censored].includes(null));
      for (const mix of ['acuut', 'structureel', 'geen', 'onbekend'])
        check(published.caseMix[mix] as Tally, row.caseMix[mix as 'acuut'] as Tally, `${row.key}/${mix}`);
    }
    expect(hiddenCells).toBeGreaterThan(0);
    // The answer says nothing that only the unprotected table says: e.g. systeemtherapie's single "ja" (I).
    expect(guarded.rows.find((candidate) => candidate.key === 'systeemtherapie')?.tally.yes).toBeNull();
  });

  it('publishes the register indicators after an import through the API', async () => {
    const session = await signInOverHttp(test.app, fx.supplier.email);
    const response = await upload(session, csvText(handedOverIn2024()), 'aanlevering-2024.csv');
    expect(response.statusCode, response.body).toBe(200);
    const indicators = await test.app.inject({ method: 'GET', url: '/api/indicators' });
    expect(indicators.json().items.map((item: { code: string }) => item.code)).toEqual(
      expect.arrayContaining(['reg_gestopt_12m', 'reg_status_12m_bekend', 'reg_gestopt_12m_pct']),
    );
    const admin = await signInOverHttp(test.app, fx.admin.email);
    const value = async (indicator: string) => {
      const observations = await requestAs(
        test.app,
        admin,
        'GET',
        `/api/observations?indicator=${indicator}&area=GM0363&period=2024JJ00`,
      );
      expect(observations.statusCode, observations.body).toBe(200);
      const items = observations.json().items as Array<{
        areaCode: string;
        period: string;
        value: number | null;
      }>;
      return items.find((item) => item.areaCode === 'GM0363' && item.period === '2024JJ00')?.value;
    };
    expect(await value('reg_gestopt_12m')).toBe(2);
    expect(await value('reg_status_12m_bekend')).toBe(3);

    // Undone through the API: the cases are withdrawn, and the figures drop to 0 rather than stay stale.
    const undone = await requestAs(
      test.app,
      session,
      'POST',
      `/api/cases/imports/${response.json().importId}/undo`,
    );
    expect(undone.statusCode, undone.body).toBe(200);
    expect(undone.json()).toMatchObject({ restored: 0, withdrawn: 3 });
    expect(await value('reg_gestopt_12m')).toBe(0);
    expect(await value('reg_status_12m_bekend')).toBe(0);
  });

  // ---- 7. Follow-ups ----

  it('lists overdue follow-ups with the days late, and follows a change of the region’s schedule', async () => {
    // Handed over 13 months + 70 days before TODAY (2026-06-30 − 13 months = 2025-05-30; − 70 days = 2025-03-21).
    await importRows([
      ...caseRows({
        casus: 'FU1',
        household: 'HH-FU1',
        melding: '2025-03-10',
        assessed: ['2025-03-12', 'structureel'],
        decision: ['2025-03-17', 'overdracht'],
        handover: ['2025-03-21', fx.team.id],
      }),
      ...caseRows({
        casus: 'FU2',
        household: 'HH-FU2',
        melding: '2026-03-02',
        decision: ['2026-03-16', 'overdracht'],
        handover: ['2026-03-20', fx.team.id],
      }),
    ]);
    const pick = (items: Awaited<ReturnType<typeof followUpList>>['items']) =>
      items.map((item) => [item.handoverDate, item.months, item.windowEnd, item.state, item.daysLate]);

    const list = await followUpList(db, CLI_CONTEXT, {}, TODAY);
    expect(list.items[0]).toMatchObject({
      household: shortPseudonym(householdOf('HH-FU1')),
      gemeente: 'GM0363',
      region: 'VT01',
      teamId: fx.team.id,
      team: fx.team.name,
      due: '2025-06-21',
      windowStart: '2025-06-07',
    });
    expect(list.items[1]).toMatchObject({ due: '2026-03-21', windowStart: '2026-02-19' });
    // +3: window ends 2025-07-21, 344 days before TODAY; +12: due 2026-03-21, window ends +60 = 2026-05-20, 41
    // days late. FU2's +3 window (2026-06-06 … 2026-07-20) is open now.
    expect(pick(list.items)).toEqual([
      ['2025-03-21', 3, '2025-07-21', 'te_laat', 344],
      ['2025-03-21', 12, '2026-05-20', 'te_laat', 41],
      ['2026-03-20', 3, '2026-07-20', 'open', 0],
    ]);
    expect([list.late, list.open]).toEqual([2, 1]);
    expect((await followUpList(db, contextOf(fx.teamRegie), {}, TODAY)).items).toHaveLength(3);
    expect((await followUpList(db, contextOf(fx.otherRegie), {}, TODAY)).items).toHaveLength(0);
    expect((await followUpList(db, CLI_CONTEXT, { state: 'te_laat' }, TODAY)).items).toHaveLength(2);
    // The overdue indicator counts the same late follow-ups, by gemeente and year of the due date.
    expect(await lateFollowUpCounts(db, TODAY)).toEqual(
      expect.arrayContaining([
        { gemeente: 'GM0363', year: 2025, count: 1 },
        { gemeente: 'GM0363', year: 2026, count: 1 },
      ]),
    );
    expect((await lateFollowUpCounts(db, TODAY)).reduce((sum, entry) => sum + entry.count, 0)).toBe(2);

    // The schedule API refuses a schedule without the 12-month moment, in Dutch.
    const admin = await signInOverHttp(test.app, fx.admin.email);
    const refused = await requestAs(test.app, admin, 'PUT', '/api/cases/schedules/VT01', {
      moments: [
        { months: 3, daysBefore: 14, daysAfter: 30 },
        { months: 6, daysBefore: 14, daysAfter: 30 },
      ],
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().message).toContain('meetmoment na 3 en na 12 maanden');
    const [stored] = await selectRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from follow_up_schedule`,
    );
    expect(stored?.n).toBe(0);

    // 12-month window to 90 days after: it ends 2026-06-19, 11 days before TODAY.
    const saved = await saveSchedule(db, CLI_CONTEXT, 'VT01', [
      { months: 12, daysBefore: 30, daysAfter: 90 },
      { months: 3, daysBefore: 14, daysAfter: 30 },
    ]);
    expect(saved).toEqual({ region: 'VT01', recomputed: 2 });
    expect(pick((await followUpList(db, CLI_CONTEXT, {}, TODAY)).items)).toEqual([
      ['2025-03-21', 3, '2025-07-21', 'te_laat', 344],
      ['2025-03-21', 12, '2026-06-19', 'te_laat', 11],
      ['2026-03-20', 3, '2026-07-20', 'open', 0],
    ]);
    const [summary] = await selectRows<{ window_12_end: string }>(
      db,
      sql`select window_12_end::text from casus where case_key = ${caseKeyOf(fx.vt.id, 'FU1')} and superseded_at is null`,
    );
    expect(summary?.window_12_end).toBe('2026-06-19');

    // 120 days after: the window (until 2026-07-19) is open again.
    await saveSchedule(db, CLI_CONTEXT, 'VT01', [
      { months: 3, daysBefore: 14, daysAfter: 30 },
      { months: 12, daysBefore: 30, daysAfter: 120 },
    ]);
    const widened = await followUpList(db, CLI_CONTEXT, {}, TODAY);
    expect(pick(widened.items)).toEqual([
      ['2025-03-21', 3, '2025-07-21', 'te_laat', 344],
      ['2025-03-21', 12, '2026-07-19', 'open', 0],
      ['2026-03-20', 3, '2026-07-20', 'open', 0],
    ]);
    expect([widened.late, widened.open]).toEqual([1, 2]);
  });

  // ---- 8. The pseudonym key ----

  it('refuses an import under a different pseudonym key, and writes nothing', async () => {
    expect((await importRows(twoCases())).outcome).toBe('geimporteerd');
    const before = await snapshot(db);
    const more = caseRows({ casus: 'Z1', household: 'HH-X1', melding: '2025-01-06' });
    const otherKey = Buffer.alloc(32, 9);
    for (const dryRun of [false, true])
      await expect(importRows(more, { key: otherKey, dryRun })).rejects.toThrow(
        /De pseudonimiseringssleutel is een andere dan waarmee eerdere aanleveringen zijn verwerkt/,
      );
    expect(await snapshot(db)).toEqual(before);
    // The original key still links: Z1 joins household HH-X1.
    expect(await importRows(more)).toMatchObject({ outcome: 'geimporteerd', added: 1 });
    const [linked] = await selectRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from casus where household = ${householdOf('HH-X1')} and superseded_at is null`,
    );
    expect(linked?.n).toBe(2);
  });
});

// ---------------------------------------------------------------------------------------------------------

describe('ketenzicht import-cases on the command line', () => {
  const run = promisify(execFile);
  const BIN = path.resolve('bin/ketenzicht.js');
  let folder: string;
  let dataDir: string;
  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'ketenzicht-cases-cli-'));
    dataDir = path.join(folder, 'data');
    const opened = await openConfiguredDatabase({ dataDir, databaseUrl: undefined });
    await opened.close();
  }, 120_000);
  afterAll(async () => rm(folder, { recursive: true, force: true }));

  it('exits non-zero on a BSN in huishouden_id, names the column and BSN, never prints the number', async () => {
    const file = path.join(folder, 'aanlevering-met-bsn.csv');
    await writeFile(
      file,
      csvText(
        caseRows({
          casus: 'VT-2024-555',
          household: BSN,
          melding: '2024-03-04',
          decision: ['2024-03-06', 'geen_vervolg'],
        }),
      ),
    );
    let result: { code: number; stdout: string; stderr: string };
    try {
      const { stdout, stderr } = await run(process.execPath, [BIN, 'import-cases', file], {
        env: {
          ...process.env,
          DATABASE_URL: '',
          KETENZICHT_DATA_DIR: dataDir,
          KETENZICHT_PSEUDONYM_KEY: TEST_PSEUDONYM_KEY.toString('hex'),
        },
        timeout: 60_000,
      });
      result = { code: 0, stdout, stderr };
    } catch (error) {
      result = error as { code: number; stdout: string; stderr: string };
    }
    const output = `${result.stdout}\n${result.stderr}`;
    expect(result.code, output).not.toBe(0);
    expect(output).toContain('huishouden_id');
    expect(output).toContain('BSN');
    expect(output).toContain('GEWEIGERD');
    expect(output.includes(BSN)).toBe(false);

    const opened = await openConfiguredDatabase({ dataDir, databaseUrl: undefined });
    try {
      const [state] = await selectRows<{ cases: number; imports: number }>(
        opened.database.db,
        sql`select (select count(*)::int from casus) as cases, (select count(*)::int from case_import) as imports`,
      );
      expect(state).toEqual({ cases: 0, imports: 0 });
    } finally {
      await opened.close();
    }
  });
});
