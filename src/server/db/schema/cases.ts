import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { RECOGNITION_LEVELS } from '../../../shared/cases.ts';
import { createdAt } from './columns.ts';

const quoted = (values: readonly string[]) => values.map((value) => `'${value}'`).join(', ');
const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = (name: string) => date(name, { mode: 'string' });

/** The intervention catalogue: shipped entries, kept up to date by beheerders. */
export const interventions = pgTable(
  'intervention',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    targetGroup: text('target_group').notNull(),
    violenceTypes: text('violence_types').array().notNull(),
    recognitionLevel: text('recognition_level', { enum: RECOGNITION_LEVELS }).notNull(),
    provider: text('provider').notNull(),
    url: text('url'),
    description: text('description').notNull().default(''),
    origin: text('origin', { enum: ['shipped', 'beheerder'] }).notNull(),
    sortOrder: integer('sort_order').notNull(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
  },
  () => [
    check('intervention_recognition_known', sql.raw(`recognition_level in (${quoted(RECOGNITION_LEVELS)})`)),
  ],
);

/** One case extract brought in (or the undo of one): what the file was, who supplied it, what it did. */
export const caseImports = pgTable('case_import', {
  id: serial('id').primaryKey(),
  kind: text('kind', { enum: ['import', 'undo'] }).notNull(),
  fileName: text('file_name').notNull(),
  fileSize: integer('file_size').notNull(),
  fileSha256: text('file_sha256').notNull(),
  /** The supplying organisation; null when a beheerder brought it in on the command line without one. */
  supplierId: integer('supplier_id'),
  actorUserId: uuid('actor_user_id'),
  actorLabel: text('actor_label').notNull(),
  at: instant('at').notNull().defaultNow(),
  rows: integer('rows').notNull(),
  cases: integer('cases').notNull(),
  added: integer('added').notNull(),
  changed: integer('changed').notNull(),
  unchanged: integer('unchanged').notNull(),
  synthetic: boolean('synthetic').notNull().default(false),
  undoOf: integer('undo_of'),
  undoneBy: integer('undone_by'),
});

/**
 * A case (casus) in versions: a later extract with the same case replaces its events by a new version and
 * closes the previous one, as figures do. The events are the case's timeline (JSON, codes and dates only); the
 * columns beside them are its summary (`summariseCase`), kept so outcome counts are one scan. Identifiers are
 * keyed hashes (`cases.domain.ts`); the supplier's own are never stored.
 */
export const cases = pgTable(
  'casus',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    caseKey: text('case_key').notNull(),
    version: integer('version').notNull(),
    household: text('household').notNull(),
    supplierId: integer('supplier_id'),
    /** Supplier and every receiving or directing team: who may see the case. */
    involvedOrganisationIds: integer('involved_organisation_ids').array().notNull(),
    gemeente: text('gemeente').notNull(),
    /** The Veilig Thuis-regio of the gemeente at the melding (its division on record then). */
    region: text('region'),
    meldingDate: day('melding_date').notNull(),
    melder: text('melder').notNull(),
    violenceTypes: text('violence_types').array().notNull(),
    safetyAssessment: text('safety_assessment'),
    assessmentDate: day('assessment_date'),
    decision: text('decision'),
    decisionDate: day('decision_date'),
    handoverDate: day('handover_date'),
    receivingTeamId: integer('receiving_team_id'),
    handoverCount: smallint('handover_count').notNull(),
    directorCount: smallint('director_count').notNull(),
    planDate: day('plan_date'),
    closureDate: day('closure_date'),
    closureReason: text('closure_reason'),
    primaryIntervention: text('primary_intervention'),
    cohortYear: smallint('cohort_year'),
    stopped12: text('stopped_12'),
    safe3: text('safe_3'),
    safe12: text('safe_12'),
    window3End: day('window_3_end'),
    window12End: day('window_12_end'),
    recurrence12: text('recurrence_12'),
    recurrenceWindowEnd: day('recurrence_window_end'),
    workingDaysToAssessment: integer('working_days_to_assessment'),
    daysToHandover: integer('days_to_handover'),
    daysFromHandoverToPlan: integer('days_from_handover_to_plan'),
    events: jsonb('events').notNull(),
    importId: integer('import_id').notNull(),
    recordedAt: instant('recorded_at').notNull(),
    supersededAt: instant('superseded_at'),
    /** A version that says "no case any more" (after undoing the import that first delivered it). */
    withdrawn: boolean('withdrawn').notNull().default(false),
  },
  (table) => [
    uniqueIndex('casus_current_key').on(table.caseKey).where(sql`${table.supersededAt} is null`),
    index('casus_history').on(table.caseKey, table.version),
    index('casus_household').on(table.household).where(sql`${table.supersededAt} is null`),
    index('casus_involved')
      .using('gin', table.involvedOrganisationIds)
      .where(sql`${table.supersededAt} is null`),
    index('casus_import').on(table.importId),
  ],
);

/** Settings of the case register per Veilig Thuis-regio: the follow-up schedule. */
export const followUpSchedules = pgTable('follow_up_schedule', {
  region: text('region').primaryKey(),
  /** [{months, daysBefore, daysAfter}], checked by `scheduleProblem`. */
  moments: jsonb('moments').notNull(),
  updatedAt: instant('updated_at').notNull().defaultNow(),
  updatedBy: text('updated_by').notNull(),
  createdAt: createdAt(),
});

/**
 * The input of the outcome counts: one narrow row per current case, kept beside `casus` by the import (per
 * household, with the summary). Counting scans this instead of the wide case rows with their events, which is
 * what keeps outcome tables over millions of cases fast (ADR 0007, `npm run bench:outcomes`).
 */
export const caseOutcomes = pgTable(
  'case_outcome',
  {
    caseId: bigint('case_id', { mode: 'number' }).primaryKey(),
    gemeente: text('gemeente').notNull(),
    region: text('region'),
    /** The primary intervention, or 'geen'. */
    intervention: text('intervention').notNull(),
    safety: text('safety'),
    cohortYear: smallint('cohort_year'),
    meldingYear: smallint('melding_year').notNull(),
    recurrenceYear: smallint('recurrence_year'),
    stopped12: text('stopped_12'),
    safe3: text('safe_3'),
    safe12: text('safe_12'),
    window3End: day('window_3_end'),
    window12End: day('window_12_end'),
    recurrence12: text('recurrence_12'),
    recurrenceWindowEnd: day('recurrence_window_end'),
    assessedInTime: boolean('assessed_in_time'),
    oneDirector: boolean('one_director'),
  },
  (table) => [index('case_outcome_region').on(table.region)],
);

/**
 * Outcome counts rolled up per measure × intervention × region × year × safety assessment, rebuilt with the
 * register figures (after every import, and daily). An answer that is still open is kept with the day its
 * window ends (`pending_until`), so the rollup serves any later day exactly; counting reads it instead of
 * scanning every case when it is as new as the data (`cases.service.ts`).
 */
export const caseOutcomeRollup = pgTable(
  'case_outcome_rollup',
  {
    measure: text('measure').notNull(),
    intervention: text('intervention').notNull(),
    region: text('region'),
    year: smallint('year'),
    safety: text('safety'),
    answer: text('answer'),
    pendingUntil: day('pending_until'),
    cases: integer('cases').notNull(),
  },
  (table) => [index('case_outcome_rollup_measure').on(table.measure, table.region)],
);
