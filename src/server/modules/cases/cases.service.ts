/**
 * Reading the case register. Case-level reads (register, household timeline, follow-up list) are for members
 * with the casusregie or aanleverancier role of an organisation involved in the case, run under row-level
 * security as those organisations, and are audited one entry per read. Outcome figures are aggregates over all
 * cases, computed by one SQL scan of the case summaries and protected before they leave.
 */
import { sql } from 'drizzle-orm';
import type { FollowUpMoment } from '../../../shared/cases.ts';
import { type Db, integerArray, selectRows } from '../../db/client.ts';
import { withScope } from '../../db/scope.ts';
import { ForbiddenError, NotFoundError } from '../../errors.ts';
import type { Actor } from '../access/access.domain.ts';
import { type RequestContext, recordAudit } from '../audit/audit.service.ts';
import { type ProtectionRule, protectCounts, roundToBase } from '../disclosure/disclosure.domain.ts';
import {
  type CaseEvent,
  type FollowUpStatus,
  followUpStatuses,
  type MeasurementEvent,
  pseudonymPrefix,
  shortPseudonym,
} from './cases.domain.ts';
import {
  type Answer,
  buildOutcomeTable,
  type OutcomeCount,
  type OutcomeGrouping,
  type OutcomeMeasure,
  type OutcomeTable,
  resolveOutcome,
} from './cases.outcomes.ts';
import { schedulesFor } from './cases.repo.ts';

// ---- Who may read cases ----

/** Organisations whose cases this actor may read: casusregie or aanleverancier memberships. Null: all (CLI). */
export function caseReadingOrganisations(
  actor: Actor,
  roles: ReadonlyArray<'casusregie' | 'aanleverancier'>,
): number[] | null {
  if (actor.kind === 'cli') return null;
  if (actor.kind !== 'user') return [];
  return [
    ...new Set(
      actor.memberships
        .filter(
          (membership) =>
            (roles as readonly string[]).includes(membership.role) &&
            // Cases belong to the chain around the family: Veilig Thuis and local teams, not police or gemeente.
            (membership.organisationKind === 'veilig_thuis' || membership.organisationKind === 'lokaal_team'),
        )
        .map((membership) => membership.organisationId),
    ),
  ];
}

async function asCaseReader<T>(
  db: Db,
  context: RequestContext,
  roles: ReadonlyArray<'casusregie' | 'aanleverancier'>,
  work: (tx: Db, organisations: number[] | null) => Promise<T>,
): Promise<T> {
  const organisations = caseReadingOrganisations(context.actor, roles);
  if (organisations !== null && organisations.length === 0)
    throw new ForbiddenError(
      roles.length === 1
        ? 'Casusgegevens zijn alleen zichtbaar voor medewerkers met de rol casusregie van een betrokken team.'
        : 'Casusgegevens zijn alleen zichtbaar voor de aanleverende organisatie en de betrokken teams (rol casusregie of aanleverancier).',
    );
  if (organisations === null) return db.transaction((tx) => work(tx as unknown as Db, null));
  return withScope(
    db,
    {
      userId: context.actor.kind === 'user' ? context.actor.userId : null,
      isAdmin: false,
      organisationIds: organisations,
    },
    (tx) => work(tx, organisations),
  );
}

// ---- Register ----

export type CaseFilter = {
  gemeente?: string;
  region?: string;
  team?: number;
  year?: number;
  decision?: string;
  intervention?: string;
  state?: 'lopend' | 'gesloten';
  household?: string;
  limit: number;
  offset: number;
};

export type CaseListItem = {
  pseudonym: string;
  household: string;
  gemeente: string;
  gemeenteName: string;
  region: string | null;
  meldingDate: string;
  safetyAssessment: string | null;
  decision: string | null;
  handoverDate: string | null;
  receivingTeam: string | null;
  primaryIntervention: string | null;
  closureDate: string | null;
  stopped12: string | null;
  version: number;
};

export async function listCases(
  db: Db,
  context: RequestContext,
  filter: CaseFilter,
): Promise<{ total: number; items: CaseListItem[] }> {
  const today = new Date().toISOString().slice(0, 10);
  return asCaseReader(db, context, ['casusregie', 'aanleverancier'], async (tx) => {
    const conditions = [sql`c.superseded_at is null`, sql`not c.withdrawn`];
    if (filter.gemeente) conditions.push(sql`c.gemeente = ${filter.gemeente}`);
    if (filter.region) conditions.push(sql`c.region = ${filter.region}`);
    if (filter.team !== undefined)
      conditions.push(sql`${filter.team}::integer = any(c.involved_organisation_ids)`);
    if (filter.year !== undefined) conditions.push(sql`extract(year from c.melding_date) = ${filter.year}`);
    if (filter.decision) conditions.push(sql`c.decision = ${filter.decision}`);
    if (filter.intervention) conditions.push(sql`c.primary_intervention = ${filter.intervention}`);
    if (filter.state === 'lopend') conditions.push(sql`c.closure_date is null`);
    if (filter.state === 'gesloten') conditions.push(sql`c.closure_date is not null`);
    if (filter.household) {
      const prefix = pseudonymPrefix(filter.household);
      conditions.push(prefix ? sql`c.household like ${`${prefix}%`}` : sql`false`);
    }
    const where = sql.join(conditions, sql` and `);
    const [count] = await selectRows<{ total: number }>(
      tx,
      sql`select count(*)::integer as total from casus c where ${where}`,
    );
    const rows = await selectRows<{
      case_key: string;
      household: string;
      gemeente: string;
      gemeente_name: string | null;
      region: string | null;
      melding_date: string;
      safety_assessment: string | null;
      decision: string | null;
      handover_date: string | null;
      team_name: string | null;
      primary_intervention: string | null;
      closure_date: string | null;
      stopped_12: string | null;
      window_12_end: string | null;
      version: number;
    }>(
      tx,
      sql`select c.case_key, c.household, c.gemeente, a.name as gemeente_name, c.region, c.melding_date::text,
            c.safety_assessment, c.decision, c.handover_date::text, o.name as team_name, c.primary_intervention,
            c.closure_date::text, c.stopped_12, c.window_12_end::text, c.version
          from casus c left join area a on a.code = c.gemeente left join organisation o on o.id = c.receiving_team_id
          where ${where} order by c.melding_date desc, c.case_key limit ${filter.limit} offset ${filter.offset}`,
    );
    await recordAudit(tx, context, {
      action: 'casus.lijst',
      result: 'success',
      objectType: 'casus',
      details: { filter, shown: rows.length, total: count?.total ?? 0 },
    });
    return {
      total: count?.total ?? 0,
      items: rows.map((row) => ({
        pseudonym: shortPseudonym(row.case_key),
        household: shortPseudonym(row.household),
        gemeente: row.gemeente,
        gemeenteName: row.gemeente_name ?? row.gemeente,
        region: row.region,
        meldingDate: row.melding_date,
        safetyAssessment: row.safety_assessment,
        decision: row.decision,
        handoverDate: row.handover_date,
        receivingTeam: row.team_name,
        primaryIntervention: row.primary_intervention,
        closureDate: row.closure_date,
        // As on the day of reading: after its window an open answer is unknown, before it too young.
        stopped12: resolveOutcome(row.stopped_12 as Answer, row.window_12_end, today),
        version: row.version,
      })),
    };
  });
}

// ---- Household timeline ----

export type TimelineEntry = CaseEvent & { case: string; teamName?: string | null };

export type HouseholdTimeline = {
  household: string;
  cases: Array<{
    pseudonym: string;
    gemeente: string;
    gemeenteName: string;
    meldingDate: string;
    closureDate: string | null;
    supplier: string | null;
    version: number;
    followUps: FollowUpStatus[];
  }>;
  events: TimelineEntry[];
};

/** All cases of one household the reader may see, their events merged in date order. */
export async function householdTimeline(
  db: Db,
  context: RequestContext,
  household: string,
  today: string,
): Promise<HouseholdTimeline> {
  const prefix = pseudonymPrefix(household);
  if (!prefix)
    throw new NotFoundError('Dit is geen geldig pseudoniem: gebruik de 12 tekens zoals XXXX-XXXX-XXXX.');
  const result = await asCaseReader(
    db,
    context,
    ['casusregie'],
    async (tx): Promise<HouseholdTimeline | NotFoundError> => {
      const rows = await selectRows<{
        case_key: string;
        household: string;
        gemeente: string;
        gemeente_name: string | null;
        region: string | null;
        melding_date: string;
        closure_date: string | null;
        handover_date: string | null;
        supplier: string | null;
        version: number;
        events: CaseEvent[];
      }>(
        tx,
        sql`select c.case_key, c.household, c.gemeente, a.name as gemeente_name, c.region, c.melding_date::text,
            c.closure_date::text, c.handover_date::text, o.name as supplier, c.version, c.events
          from casus c left join area a on a.code = c.gemeente left join organisation o on o.id = c.supplier_id
          where c.superseded_at is null and not c.withdrawn and c.household like ${`${prefix}%`}
          order by c.melding_date`,
      );
      const households = new Set(rows.map((row) => row.household));
      await recordAudit(tx, context, {
        action: 'casus.tijdlijn',
        result: rows.length > 0 && households.size === 1 ? 'success' : 'failure',
        objectType: 'huishouden',
        objectId: shortPseudonym(prefix.padEnd(12, '0')),
        details: { cases: rows.length },
      });
      // The attempt is recorded even when nothing is shown: the refusal is returned, not thrown, so the
      // transaction that holds the audit entry commits.
      if (rows.length === 0)
        return new NotFoundError(
          'Geen casussen gevonden voor dit huishouden die u mag inzien. Controleer het pseudoniem; u ziet alleen casussen waarbij uw team betrokken is.',
        );
      if (households.size > 1)
        return new NotFoundError(
          'Dit begin van een pseudoniem past bij meer dan één huishouden: typ meer tekens.',
        );
      const teamIds = new Set<number>();
      for (const row of rows) {
        for (const event of row.events) if ('teamId' in event) teamIds.add(event.teamId);
      }
      const teams = await teamNames(tx, [...teamIds]);
      const schedules = await schedulesFor(
        tx,
        rows.map((row) => row.region),
      );
      const events: TimelineEntry[] = [];
      for (const row of rows) {
        for (const event of row.events)
          events.push({
            ...event,
            case: shortPseudonym(row.case_key),
            ...('teamId' in event ? { teamName: teams.get(event.teamId) ?? null } : {}),
          });
      }
      events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
      return {
        household: shortPseudonym(rows[0]?.household ?? prefix),
        cases: rows.map((row) => ({
          pseudonym: shortPseudonym(row.case_key),
          gemeente: row.gemeente,
          gemeenteName: row.gemeente_name ?? row.gemeente,
          meldingDate: row.melding_date,
          closureDate: row.closure_date,
          supplier: row.supplier,
          version: row.version,
          followUps: row.handover_date
            ? followUpStatuses(
                row.handover_date,
                schedules(row.region),
                row.events.filter((event) => event.kind === 'meting'),
                row.closure_date,
                today,
              )
            : [],
        })),
        events,
      };
    },
  );
  if (result instanceof NotFoundError) throw result;
  return result;
}

async function teamNames(db: Db, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await selectRows<{ id: number; name: string }>(
    db,
    sql`select id, name from organisation where id = any(${integerArray(ids)}::integer[])`,
  );
  return new Map(rows.map((row) => [row.id, row.name]));
}

// ---- Follow-ups due and overdue ----

export type FollowUpItem = {
  case: string;
  household: string;
  gemeente: string;
  gemeenteName: string;
  region: string | null;
  team: string | null;
  teamId: number | null;
  handoverDate: string;
  months: number;
  due: string;
  windowStart: string;
  windowEnd: string;
  state: 'open' | 'te_laat';
  daysLate: number;
};

export type FollowUpFilter = {
  team?: number;
  gemeente?: string;
  region?: string;
  state?: 'open' | 'te_laat';
};

/** Follow-ups to do now or overdue, latest first: the working list of a team. */
export async function followUpList(
  db: Db,
  context: RequestContext,
  filter: FollowUpFilter,
  today: string,
): Promise<{ items: FollowUpItem[]; open: number; late: number }> {
  return asCaseReader(db, context, ['casusregie', 'aanleverancier'], async (tx) => {
    const items = await openFollowUps(tx, filter, today);
    await recordAudit(tx, context, {
      action: 'casus.vervolgmetingen',
      result: 'success',
      objectType: 'casus',
      details: { filter, shown: items.length },
    });
    return {
      items,
      open: items.filter((item) => item.state === 'open').length,
      late: items.filter((item) => item.state === 'te_laat').length,
    };
  });
}

/** The open and late follow-ups among the cases `tx` can see (all of them for the system). */
export async function openFollowUps(tx: Db, filter: FollowUpFilter, today: string): Promise<FollowUpItem[]> {
  const conditions = [
    sql`c.superseded_at is null`,
    sql`not c.withdrawn`,
    sql`c.handover_date is not null`,
    // A case closed before a window opened has nothing left to measure (vervallen), but a closed case still
    // gets its follow-ups: violence often returns after closure.
  ];
  if (filter.team !== undefined) conditions.push(sql`c.receiving_team_id = ${filter.team}`);
  if (filter.gemeente) conditions.push(sql`c.gemeente = ${filter.gemeente}`);
  if (filter.region) conditions.push(sql`c.region = ${filter.region}`);
  const rows = await selectRows<{
    case_key: string;
    household: string;
    gemeente: string;
    gemeente_name: string | null;
    region: string | null;
    team_id: number | null;
    team_name: string | null;
    handover_date: string;
    closure_date: string | null;
    events: CaseEvent[];
  }>(
    tx,
    sql`select c.case_key, c.household, c.gemeente, a.name as gemeente_name, c.region, c.receiving_team_id as team_id,
          o.name as team_name, c.handover_date::text, c.closure_date::text, c.events
        from casus c left join area a on a.code = c.gemeente left join organisation o on o.id = c.receiving_team_id
        where ${sql.join(conditions, sql` and `)}`,
  );
  const schedules = await schedulesFor(tx, [...new Set(rows.map((row) => row.region))]);
  const items: FollowUpItem[] = [];
  for (const row of rows) {
    const statuses = followUpStatuses(
      row.handover_date,
      schedules(row.region) as FollowUpMoment[],
      row.events.filter((event) => event.kind === 'meting'),
      row.closure_date,
      today,
    );
    for (const status of statuses) {
      if (status.state !== 'open' && status.state !== 'te_laat') continue;
      if (filter.state && status.state !== filter.state) continue;
      items.push({
        case: shortPseudonym(row.case_key),
        household: shortPseudonym(row.household),
        gemeente: row.gemeente,
        gemeenteName: row.gemeente_name ?? row.gemeente,
        region: row.region,
        team: row.team_name,
        teamId: row.team_id,
        handoverDate: row.handover_date,
        months: status.months,
        due: status.due,
        windowStart: status.windowStart,
        windowEnd: status.windowEnd,
        state: status.state,
        daysLate: status.daysLate,
      });
    }
  }
  items.sort((a, b) => b.daysLate - a.daysLate || (a.windowEnd < b.windowEnd ? -1 : 1));
  return items;
}

// ---- Outcome figures (aggregates) ----

export type OutcomeQuery = {
  measure: OutcomeMeasure;
  today: string;
  year?: number;
  region?: string;
  gemeente?: string;
};

/**
 * How each measure reads from `case_outcome`: the stored answer, the day its window ends (null: the measure has
 * no window), the year the case counts in, and what an open answer becomes once the window has passed
 * (outcomes: unknown; recurrence: no new melding came). The SQL twin of `caseAnswer` (cases.outcomes.ts); a
 * database test checks both give the same answers.
 */
const MEASURE_COLUMNS: Record<
  OutcomeMeasure,
  { answer: string; window: string | null; year: string; lapsed: string }
> = {
  gestopt_12m: { answer: 'stopped_12', window: 'window_12_end', year: 'cohort_year', lapsed: 'onbekend' },
  veilig_3m: { answer: 'safe_3', window: 'window_3_end', year: 'cohort_year', lapsed: 'onbekend' },
  veilig_12m: { answer: 'safe_12', window: 'window_12_end', year: 'cohort_year', lapsed: 'onbekend' },
  hermelding_12m: {
    answer: 'recurrence_12',
    window: 'recurrence_window_end',
    year: 'recurrence_year',
    lapsed: 'nee',
  },
  veiligheidsbeoordeling_tijdig: {
    answer: "case when assessed_in_time then 'ja' when not assessed_in_time then 'nee' end",
    window: null,
    year: 'melding_year',
    lapsed: 'onbekend',
  },
  een_regisseur: {
    answer: "case when one_director then 'ja' when not one_director then 'nee' end",
    window: null,
    year: 'cohort_year',
    lapsed: 'onbekend',
  },
};

function checkedDay(day: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error('day must be an ISO date');
  return day;
}

/** The answer of a case on `today`, from `case_outcome` (day validated, so it can be written into the SQL). */
function resolvedAnswer(measure: OutcomeMeasure, today: string) {
  const { answer, window, lapsed } = MEASURE_COLUMNS[measure];
  if (window === null) return sql.raw(answer);
  return sql.raw(
    `case when ${window} is null then null when ${answer} is not null then ${answer} when ${window} < '${checkedDay(today)}'::date then '${lapsed}' else 'te_jong' end`,
  );
}

/** What identifies the data the rollup was built from: every import and undo, and every schedule change. */
async function registerVersion(db: Db): Promise<string> {
  const [row] = await selectRows<{ version: string }>(
    db,
    sql`select (select coalesce(max(id), 0) || ':' || count(*) from case_import) || ':' ||
               coalesce((select max(updated_at)::text from follow_up_schedule), '') as version`,
  );
  return row?.version ?? '';
}

const ROLLUP_SETTING = 'caseOutcomeRollup';

/**
 * Rebuilds `case_outcome_rollup` from `case_outcome` as of `builtOn`: answers decided by then are counted as
 * they are; open ones keep the day their window ends, so any day from `builtOn` on is counted exactly.
 */
export async function rebuildOutcomeRollup(db: Db, builtOn: string): Promise<void> {
  const day = checkedDay(builtOn);
  await db.transaction(async (tx) => {
    const version = await registerVersion(tx);
    await tx.execute(sql`delete from case_outcome_rollup`);
    for (const [measure, { answer, window, year, lapsed }] of Object.entries(MEASURE_COLUMNS)) {
      const decided =
        window === null
          ? sql.raw(answer)
          : sql.raw(
              `case when ${answer} is not null then ${answer} when ${window} < '${day}'::date then '${lapsed}' end`,
            );
      const pending =
        window === null
          ? sql.raw('null::date')
          : sql.raw(`case when ${answer} is null and ${window} >= '${day}'::date then ${window} end`);
      const applies = window === null ? sql.raw(`${answer} is not null`) : sql.raw(`${window} is not null`);
      await tx.execute(sql`insert into case_outcome_rollup (measure, intervention, region, year, safety, answer, pending_until, cases)
        select ${measure}, intervention, region, ${sql.raw(year)}, safety, ${decided}, ${pending}, count(*)
        from case_outcome where ${applies} group by 2, 3, 4, 5, 6, 7`);
    }
    await tx.execute(sql`insert into setting (key, value) values (${ROLLUP_SETTING}, ${JSON.stringify({ version, builtOn: day })}::jsonb)
      on conflict (key) do update set value = excluded.value, updated_at = now()`);
  });
}

/** Whether the rollup may answer for `today`: built from the data as it is now, on or before that day. */
async function rollupServes(db: Db, today: string): Promise<boolean> {
  const [stored] = await selectRows<{ value: { version?: string; builtOn?: string } }>(
    db,
    sql`select value from setting where key = ${ROLLUP_SETTING}`,
  );
  const builtOn = stored?.value.builtOn;
  if (!builtOn || builtOn > today) return false;
  return stored.value.version === (await registerVersion(db));
}

/**
 * Current cases by primary intervention × region × year × safety assessment × answer, and by gemeente too when
 * asked for (`byGemeente`, or a gemeente filter). Without gemeente it reads the rollup when that is as new as
 * the data; otherwise it scans `case_outcome` (one narrow row per case), with room in memory for the grouping.
 */
export async function outcomeCounts(
  db: Db,
  query: OutcomeQuery & {
    byGemeente?: boolean;
    /** false: always scan the cases (the benchmark compares both ways). */
    useRollup?: boolean;
  },
): Promise<OutcomeCount[]> {
  const today = checkedDay(query.today);
  const { year } = MEASURE_COLUMNS[query.measure];
  const withGemeente = query.byGemeente === true || query.gemeente !== undefined;
  if (!withGemeente && query.useRollup !== false && (await rollupServes(db, today))) {
    const { lapsed } = MEASURE_COLUMNS[query.measure];
    const conditions = [sql`measure = ${query.measure}`];
    if (query.region) conditions.push(sql`region = ${query.region}`);
    if (query.year !== undefined) conditions.push(sql`year = ${query.year}`);
    return selectRows<OutcomeCount>(
      db,
      sql`select intervention, region, '' as gemeente, year::integer as year, safety,
            coalesce(answer, case when pending_until < ${today}::date then ${lapsed} else 'te_jong' end) as answer,
            sum(cases)::integer as cases
          from case_outcome_rollup where ${sql.join(conditions, sql` and `)}
          group by 1, 2, 3, 4, 5, 6`,
    );
  }
  const answer = resolvedAnswer(query.measure, today);
  const conditions = [sql`${answer} is not null`];
  if (query.region) conditions.push(sql`region = ${query.region}`);
  if (query.gemeente) conditions.push(sql`gemeente = ${query.gemeente}`);
  if (query.year !== undefined) conditions.push(sql`${sql.raw(year)} = ${query.year}`);
  const gemeente = withGemeente ? sql.raw('gemeente') : sql.raw(`''`);
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local work_mem = '64MB'`);
    return selectRows<OutcomeCount>(
      tx,
      sql`select intervention, region, ${gemeente} as gemeente, ${sql.raw(year)}::integer as year, safety,
            ${answer} as answer, count(*)::integer as cases
          from case_outcome where ${sql.join(conditions, sql` and `)}
          group by 1, 2, 3, 4, 5, 6`,
    );
  });
}

export async function outcomeTable(
  db: Db,
  query: OutcomeQuery & { by: OutcomeGrouping },
  rule: ProtectionRule | null,
): Promise<OutcomeTable> {
  return buildOutcomeTable(
    await outcomeCounts(db, { ...query, byGemeente: query.by === 'gemeente' }),
    query.by,
    rule,
  );
}

/** Whether synthetic demo cases are in the register: pages then say their figures are not real. */
export async function hasSyntheticCases(db: Db): Promise<boolean> {
  const [row] = await selectRows<{ present: boolean }>(
    db,
    sql`select exists (select 1 from casus c join case_import i on i.id = c.import_id
          where c.superseded_at is null and not c.withdrawn and i.synthetic) as present`,
  );
  return Boolean(row?.present);
}

// ---- Process figures: lead times and handovers ----

export type ProcessRow = {
  key: string;
  /** Cases handed over in the group (the cohort: year of handover). */
  handedOver: number | null;
  medianDaysToHandover: number | null;
  /** Cases with a plan, and the median days from handover to plan. */
  withPlan: number | null;
  medianDaysHandoverToPlan: number | null;
  households: number | null;
  /** Handovers per household over the group's cases ("heen en weer geschoven" when above 1). */
  handoversPerHousehold: number | null;
  householdsHandedOverMoreThanOnce: number | null;
};

/**
 * Lead times and handovers per region, gemeente or primary intervention for handed-over cases: the median days
 * from melding to handover and from handover to plan, and handovers per household. A count below the
 * protection threshold is hidden, and so is a median or mean made from fewer cases.
 */
export async function processFigures(
  db: Db,
  query: { by: OutcomeGrouping; year?: number; region?: string },
  rule: ProtectionRule,
): Promise<{ rows: ProcessRow[]; total: ProcessRow }> {
  const threshold = rule.threshold;
  const key =
    query.by === 'interventie'
      ? sql.raw(`coalesce(primary_intervention, 'geen')`)
      : query.by === 'regio'
        ? sql.raw(`coalesce(region, 'onbekend')`)
        : sql.raw('gemeente');
  const conditions = [sql`superseded_at is null`, sql`not withdrawn`, sql`handover_date is not null`];
  if (query.year !== undefined) conditions.push(sql`cohort_year = ${query.year}`);
  if (query.region) conditions.push(sql`region = ${query.region}`);
  const rows = await selectRows<{
    key: string | null;
    handed_over: number;
    median_to_handover: number | null;
    with_plan: number;
    median_to_plan: number | null;
    households: number;
    handovers: number;
    more_than_once: number;
  }>(
    db,
    sql`with cases as (
          select ${key} as key, household, handover_count, days_to_handover, days_from_handover_to_plan
          from casus where ${sql.join(conditions, sql` and `)}
        ), per_household as (
          select key, household, sum(handover_count) as handovers from cases group by grouping sets ((key, household), (household))
        )
        select c.key, count(*)::integer as handed_over,
          percentile_cont(0.5) within group (order by c.days_to_handover)::float8 as median_to_handover,
          count(c.days_from_handover_to_plan)::integer as with_plan,
          percentile_cont(0.5) within group (order by c.days_from_handover_to_plan)::float8 as median_to_plan,
          (select count(*)::integer from per_household h where h.key is not distinct from c.key) as households,
          (select coalesce(sum(h.handovers), 0)::integer from per_household h where h.key is not distinct from c.key) as handovers,
          (select count(*)::integer from per_household h where h.key is not distinct from c.key and h.handovers > 1) as more_than_once
        from cases c group by grouping sets ((c.key), ())`,
  );
  const groups = rows
    .filter((row) => row.key !== null)
    .sort((a, b) => String(a.key).localeCompare(String(b.key)));
  const empty = {
    key: null,
    handed_over: 0,
    median_to_handover: null,
    with_plan: 0,
    median_to_plan: null,
    households: 0,
    handovers: 0,
    more_than_once: 0,
  };
  const total = rows.find((row) => row.key === null) ?? empty;
  // Cases add up from the groups to the total, so hidden counts are protected against subtraction as well. A
  // household can have cases in two groups, so household counts need not add up: those are hidden when small.
  const protect = (field: 'handed_over' | 'with_plan') =>
    protectCounts(
      [...groups, total].map((row) => ({ id: String(row.key ?? '*'), value: row[field] })),
      [{ total: '*', parts: groups.map((row) => String(row.key)) }],
      rule,
    );
  const handedOver = protect('handed_over');
  const withPlan = protect('with_plan');
  const small = (count: number) => count > 0 && count < threshold;
  const rounded = (count: number) => (rule.roundTo ? roundToBase(count, rule.roundTo) : count);
  const toRow = (row: (typeof rows)[number], name: string): ProcessRow => {
    const cases = handedOver.get(name)?.value ?? null;
    const planned = withPlan.get(name)?.value ?? null;
    return {
      key: name,
      handedOver: cases,
      medianDaysToHandover: cases !== null && row.handed_over >= threshold ? row.median_to_handover : null,
      withPlan: planned,
      medianDaysHandoverToPlan: planned !== null && row.with_plan >= threshold ? row.median_to_plan : null,
      households: small(row.households) ? null : rounded(row.households),
      // Two decimals, as shown: more would let the exact counts be worked back from the ratio.
      handoversPerHousehold:
        row.households >= threshold ? Math.round((100 * row.handovers) / row.households) / 100 : null,
      householdsHandedOverMoreThanOnce: small(row.more_than_once) ? null : rounded(row.more_than_once),
    };
  };
  return { rows: groups.map((row) => toRow(row, row.key as string)), total: toRow(total, '*') };
}

/**
 * Late follow-ups per gemeente and year of the due date, over every handed-over case: read in pages of a few
 * thousand cases with only their measurements, so memory stays flat however large the register grows.
 */
export async function lateFollowUpCounts(
  db: Db,
  today: string,
): Promise<Array<{ gemeente: string; year: number; count: number }>> {
  const PAGE = 5_000;
  const counts = new Map<string, number>();
  let after = 0;
  for (;;) {
    const rows = await selectRows<{
      id: number;
      gemeente: string;
      region: string | null;
      handover_date: string;
      closure_date: string | null;
      measurements: MeasurementEvent[];
    }>(
      db,
      sql`select id, gemeente, region, handover_date::text, closure_date::text,
            coalesce((select jsonb_agg(event) from jsonb_array_elements(events) event where event->>'kind' = 'meting'), '[]'::jsonb)
              as measurements
          from casus
          where superseded_at is null and not withdrawn and handover_date is not null and id > ${after}
          order by id limit ${PAGE}`,
    );
    if (rows.length === 0) break;
    const schedules = await schedulesFor(db, [...new Set(rows.map((row) => row.region))]);
    for (const row of rows) {
      for (const status of followUpStatuses(
        row.handover_date,
        schedules(row.region),
        row.measurements,
        row.closure_date,
        today,
      )) {
        if (status.state !== 'te_laat') continue;
        const key = `${row.gemeente}|${status.due.slice(0, 4)}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }
    after = (rows.at(-1) as { id: number }).id;
    if (rows.length < PAGE) break;
  }
  return [...counts].map(([key, count]) => {
    const [gemeente, year] = key.split('|') as [string, string];
    return { gemeente, year: Number(year), count };
  });
}
