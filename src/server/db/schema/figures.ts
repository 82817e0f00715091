import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  AGGREGATIONS,
  IMPORT_FORMATS,
  INDICATOR_SOURCES,
  OBSERVATION_STATUSES,
  UNITS,
} from '../../../shared/figures.ts';
import { createdAt } from './columns.ts';

const quoted = (values: readonly string[]) => values.map((value) => `'${value}'`).join(', ');
const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** A breakdown dimension (aard van het geweld, melder, leeftijd, geslacht). */
export const dimensions = pgTable('dimension', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  /** Whether the values add up to the total (one melder per melding) or may overlap (several kinds of violence). */
  partsAddUp: boolean('parts_add_up').notNull().default(false),
});

export const dimensionValues = pgTable(
  'dimension_value',
  {
    dimensionCode: text('dimension_code')
      .notNull()
      .references(() => dimensions.code),
    code: text('code').notNull(),
    name: text('name').notNull(),
    sortOrder: smallint('sort_order').notNull(),
  },
  (table) => [primaryKey({ columns: [table.dimensionCode, table.code] })],
);

/** What is measured. `origin` says whether it came with Ketenzicht (`shipped`) or a beheerder added it. */
export const indicators = pgTable(
  'indicator',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    definition: text('definition').notNull(),
    source: text('source', { enum: INDICATOR_SOURCES }).notNull(),
    unit: text('unit', { enum: UNITS }).notNull(),
    periodTypes: text('period_types').array().notNull(),
    aggregation: text('aggregation', { enum: AGGREGATIONS }).notNull(),
    higherIsBetter: boolean('higher_is_better'),
    breakdowns: text('breakdowns').array().notNull(),
    formula: jsonb('formula'),
    /** Small-number protection of this indicator ({threshold, roundTo}); null: the default for its kind. */
    disclosure: jsonb('disclosure'),
    origin: text('origin', { enum: ['shipped', 'beheerder'] }).notNull(),
    sortOrder: integer('sort_order').notNull(),
    createdAt: createdAt(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
  },
  (table) => [
    check('indicator_source_known', sql.raw(`source in (${quoted(INDICATOR_SOURCES)})`)),
    check('indicator_unit_known', sql.raw(`unit in (${quoted(UNITS)})`)),
    check('indicator_aggregation_known', sql.raw(`aggregation in (${quoted(AGGREGATIONS)})`)),
    check('indicator_origin_known', sql`${table.origin} in ('shipped', 'beheerder')`),
  ],
);

/**
 * One import of a file (or the undo of one). Keeps what the file was (name, size, SHA-256), who brought it in,
 * when, and what it did. Observations point at the import that recorded them.
 */
export const imports = pgTable(
  'import_batch',
  {
    id: serial('id').primaryKey(),
    kind: text('kind', { enum: ['import', 'undo'] }).notNull(),
    fileName: text('file_name').notNull(),
    fileSize: bigint('file_size', { mode: 'number' }).notNull(),
    fileSha256: text('file_sha256').notNull(),
    format: text('format', { enum: IMPORT_FORMATS }).notNull(),
    actorUserId: uuid('actor_user_id'),
    actorLabel: text('actor_label').notNull(),
    at: instant('at').notNull().defaultNow(),
    rows: integer('rows').notNull(),
    added: integer('added').notNull(),
    changed: integer('changed').notNull(),
    unchanged: integer('unchanged').notNull(),
    skipped: integer('skipped').notNull().default(0),
    warnings: integer('warnings').notNull().default(0),
    /** For an undo: the import it undid. */
    undoOf: integer('undo_of'),
    /** Set on an import when it was undone. */
    undoneBy: integer('undone_by'),
    details: jsonb('details'),
  },
  (table) => [
    check('import_batch_kind_known', sql`${table.kind} in ('import', 'undo')`),
    check('import_batch_format_known', sql.raw(`format in (${quoted(IMPORT_FORMATS)})`)),
    index('import_batch_sha256').on(table.fileSha256),
  ],
);

/**
 * A figure: indicator × area × period × breakdown, in versions. A correction adds a version and closes the
 * previous one (`superseded_at`); nothing is overwritten, so "as known on date D" reads the version that was
 * current then. An undo adds versions too (restoring the earlier value, or a `withdrawn` marker). No foreign
 * keys to area and indicator: the import pipeline validates every row against both before writing, and the
 * per-row checks would double the cost of a large import (ADR 0005).
 */
export const observations = pgTable(
  'observation',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    indicatorCode: text('indicator_code').notNull(),
    areaCode: text('area_code').notNull(),
    period: text('period').notNull(),
    breakdown: text('breakdown').notNull().default(''),
    value: doublePrecision('value'),
    status: text('status', { enum: OBSERVATION_STATUSES }).notNull(),
    version: integer('version').notNull(),
    importId: integer('import_id').notNull(),
    recordedAt: instant('recorded_at').notNull(),
    supersededAt: instant('superseded_at'),
    /** A version that says "no figure any more" (after undoing the import that first delivered it). */
    withdrawn: boolean('withdrawn').notNull().default(false),
  },
  (table) => [
    check('observation_status_known', sql.raw(`status in (${quoted(OBSERVATION_STATUSES)})`)),
    check('observation_value_or_withdrawn', sql`(${table.value} is null) = ${table.withdrawn}`),
    uniqueIndex('observation_current_key')
      .on(table.indicatorCode, table.period, table.areaCode, table.breakdown)
      .where(sql`${table.supersededAt} is null`),
    index('observation_key_history').on(
      table.indicatorCode,
      table.areaCode,
      table.period,
      table.breakdown,
      table.version,
    ),
    index('observation_import').on(table.importId),
  ],
);
