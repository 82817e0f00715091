import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core';
import { AREA_LEVELS, PARENT_LEVELS } from '../../../shared/geography.ts';
import { createdAt, isoDate } from './columns.ts';

const levelList = AREA_LEVELS.map((level) => `'${level}'`).join(', ');
const parentLevelList = PARENT_LEVELS.map((level) => `'${level}'`).join(', ');

/**
 * An area of the CBS geography (land, provincie, Veilig Thuis-regio, gemeente). Areas are valid from a date
 * until a date (exclusive); a merged gemeente keeps its row with `valid_to` set so old figures stay readable.
 */
export const areas = pgTable(
  'area',
  {
    code: text('code').primaryKey(),
    level: text('level', { enum: AREA_LEVELS }).notNull(),
    name: text('name').notNull(),
    /** Lower-cased name without diacritics, for searching ("sudwest" finds Súdwest-Fryslân). */
    searchName: text('search_name').notNull(),
    validFrom: isoDate('valid_from').notNull(),
    /** First day the area no longer exists; null while it exists. */
    validTo: isoDate('valid_to'),
    createdAt: createdAt(),
  },
  (table) => [
    check('area_level_known', sql.raw(`level in (${levelList})`)),
    check('area_validity_ordered', sql`${table.validTo} is null or ${table.validTo} > ${table.validFrom}`),
    index('area_level_idx').on(table.level),
  ],
);

/**
 * A gemeente's membership of a provincie or Veilig Thuis-regio over a period. Dated, because regions are
 * redrawn and gemeenten merge; at most one membership per parent level on any date (checked by the loader
 * and the geography invariants test).
 */
export const areaMemberships = pgTable(
  'area_membership',
  {
    id: serial('id').primaryKey(),
    childCode: text('child_code')
      .notNull()
      .references(() => areas.code),
    parentCode: text('parent_code')
      .notNull()
      .references(() => areas.code),
    parentLevel: text('parent_level', { enum: PARENT_LEVELS }).notNull(),
    validFrom: isoDate('valid_from').notNull(),
    validTo: isoDate('valid_to'),
  },
  (table) => [
    check('area_membership_parent_level_known', sql.raw(`parent_level in (${parentLevelList})`)),
    check(
      'area_membership_validity_ordered',
      sql`${table.validTo} is null or ${table.validTo} > ${table.validFrom}`,
    ),
    unique('area_membership_child_level_from').on(table.childCode, table.parentLevel, table.validFrom),
    index('area_membership_parent_idx').on(table.parentCode, table.validFrom),
  ],
);

/**
 * Inhabitants of a gemeente on a reference date (1 January). Only gemeenten are stored: region, province and
 * national populations are sums computed when read, so they can never disagree with their parts.
 */
export const populations = pgTable(
  'population',
  {
    areaCode: text('area_code')
      .notNull()
      .references(() => areas.code),
    referenceDate: isoDate('reference_date').notNull(),
    inhabitants: integer('inhabitants').notNull(),
    source: text('source').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.areaCode, table.referenceDate] }),
    check('population_not_negative', sql`${table.inhabitants} >= 0`),
    check('population_on_first_of_january', sql`extract(doy from ${table.referenceDate}) = 1`),
  ],
);

/**
 * A municipal merger (herindeling) or split: on `effective_date` the old gemeente's territory (or the share
 * given) passes to the new one. Figures on old codes are mapped onto today's division with these rows.
 */
export const municipalMergers = pgTable(
  'municipal_merger',
  {
    id: serial('id').primaryKey(),
    oldCode: text('old_code').notNull(),
    oldName: text('old_name').notNull(),
    newCode: text('new_code').notNull(),
    newName: text('new_name').notNull(),
    effectiveDate: isoDate('effective_date').notNull(),
    /** Share of the old gemeente's inhabitants that went to the new one: 1 for a whole merger. */
    populationShare: numeric('population_share', { precision: 7, scale: 6, mode: 'number' }),
    /** True when the merger created `new_code`; false when an existing gemeente took the old one in. */
    isNewCodeCreated: boolean('new_code_is_new').notNull().default(false),
    source: text('source').notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    unique('municipal_merger_old_new_date').on(table.oldCode, table.newCode, table.effectiveDate),
    check('municipal_merger_codes_differ', sql`${table.oldCode} <> ${table.newCode}`),
    check(
      'municipal_merger_share_range',
      sql`${table.populationShare} is null or (${table.populationShare} > 0 and ${table.populationShare} <= 1)`,
    ),
  ],
);

/** Which version of each shipped reference dataset is loaded, so first start loads it once. */
export const referenceDataLoads = pgTable('reference_data_load', {
  dataset: text('dataset').primaryKey(),
  checksum: text('checksum').notNull(),
  rows: integer('rows').notNull(),
  loadedAt: timestamp('loaded_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

export type Area = typeof areas.$inferSelect;
export type NewArea = typeof areas.$inferInsert;
export type AreaMembership = typeof areaMemberships.$inferSelect;
export type NewAreaMembership = typeof areaMemberships.$inferInsert;
export type Population = typeof populations.$inferSelect;
export type MunicipalMerger = typeof municipalMergers.$inferSelect;
export type NewMunicipalMerger = typeof municipalMergers.$inferInsert;
