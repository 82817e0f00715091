/** Drizzle queries of the geography module, nothing else: no defaults, no HTTP, no formatting. */
import { and, asc, eq, gt, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import { type AreaLevel, NETHERLANDS_CODE } from '../../../shared/geography.ts';
import { type Db, selectRows } from '../../db/client.ts';
import { type Area, areaMemberships, areas, municipalMergers, populations } from '../../db/schema/index.ts';
import type { IsoDate } from './geography.domain.ts';

const validOn = (
  table: { validFrom: typeof areas.validFrom; validTo: typeof areas.validTo } | typeof areaMemberships,
  date: IsoDate,
) => and(lte(table.validFrom, date), or(isNull(table.validTo), gt(table.validTo, date)));

/**
 * The same rule in raw SQL: the row aliased `alias` is valid on `date` (an ISO date, or an SQL expression such
 * as a column). One definition, so every query agrees on what "valid on a date" means.
 */
const validOnSql = (alias: string, date: IsoDate | SQL) => {
  const from = sql.raw(`${alias}.valid_from`);
  const to = sql.raw(`${alias}.valid_to`);
  return sql`(${from} <= ${date} and (${to} is null or ${to} > ${date}))`;
};
const referenceDateColumn = sql.raw('p.reference_date');

/** Escapes LIKE wildcards so a search for "50%" means the text "50%". */
const likeContains = (text: string) => `%${text.replace(/[\\%_]/g, (match) => `\\${match}`)}%`;

export function createGeographyRepo(db: Db) {
  return {
    async findByCode(code: string): Promise<Area | undefined> {
      const [row] = await db.select().from(areas).where(eq(areas.code, code));
      return row;
    },

    /** Areas of a level valid on `date`, optionally members of `parentCode` and matching a normalised search. */
    async findAreas(filter: { level: AreaLevel; date: IsoDate; parentCode?: string; search?: string }) {
      const conditions = [eq(areas.level, filter.level), validOn(areas, filter.date)];
      if (filter.search) conditions.push(sql`${areas.searchName} like ${likeContains(filter.search)}`);
      if (filter.parentCode) {
        conditions.push(
          sql`exists (select 1 from ${areaMemberships} m where m.child_code = ${areas.code}
                and m.parent_code = ${filter.parentCode} and ${validOnSql('m', filter.date)})`,
        );
      }
      return db
        .select()
        .from(areas)
        .where(and(...conditions))
        .orderBy(asc(areas.code));
    },

    /** Parents (provincie, Veilig Thuis-regio) of a gemeente on `date`. */
    async findParents(childCode: string, date: IsoDate) {
      return db
        .select({ code: areas.code, name: areas.name, level: areas.level })
        .from(areaMemberships)
        .innerJoin(areas, eq(areas.code, areaMemberships.parentCode))
        .where(and(eq(areaMemberships.childCode, childCode), validOn(areaMemberships, date)))
        .orderBy(asc(areas.level));
    },

    /** Gemeenten that are members of `parentCode` on `date`. */
    async findMembers(parentCode: string, date: IsoDate) {
      return db
        .select()
        .from(areaMemberships)
        .innerJoin(areas, eq(areas.code, areaMemberships.childCode))
        .where(
          and(
            eq(areaMemberships.parentCode, parentCode),
            validOn(areaMemberships, date),
            validOn(areas, date),
          ),
        )
        .then((rows) => rows.map((row) => row.area));
    },

    /** The latest population reference date on record, if any. */
    async latestPopulationDate(): Promise<IsoDate | null> {
      const [row] = await db
        .select({ latest: sql<string | null>`max(${populations.referenceDate})::text` })
        .from(populations);
      return row?.latest ?? null;
    },

    /**
     * Inhabitants on `referenceDate` of every area of `level`. Gemeenten come from the population table; region,
     * province and national figures are sums of the gemeenten that belonged to them on that date.
     */
    async populationsOfLevel(level: AreaLevel, referenceDate: IsoDate): Promise<Map<string, number>> {
      const result = await selectRows<{ code: string; inhabitants: number }>(
        db,
        level === 'gemeente'
          ? sql`select area_code as code, inhabitants from population where reference_date = ${referenceDate}`
          : level === 'land'
            ? sql`select ${NETHERLANDS_CODE}::text as code, sum(p.inhabitants)::int as inhabitants
                  from population p join area g on g.code = p.area_code
                  where p.reference_date = ${referenceDate} and ${validOnSql('g', referenceDate)}
                  having count(*) > 0`
            : sql`select m.parent_code as code, sum(p.inhabitants)::int as inhabitants
                  from area_membership m
                  join area parent on parent.code = m.parent_code and parent.level = ${level}
                  join area g on g.code = m.child_code
                  join population p on p.area_code = m.child_code and p.reference_date = ${referenceDate}
                  where ${validOnSql('m', referenceDate)} and ${validOnSql('g', referenceDate)}
                  group by m.parent_code`,
      );
      return new Map(result.map((row) => [row.code, Number(row.inhabitants)]));
    },

    /** Inhabitants of one area on every reference date on record (summed from gemeenten for aggregates). */
    async populationSeries(area: Pick<Area, 'code' | 'level'>) {
      const result = await selectRows<{ reference_date: string; inhabitants: number }>(
        db,
        area.level === 'gemeente'
          ? sql`select reference_date::text, inhabitants from population where area_code = ${area.code}
                order by reference_date`
          : area.level === 'land'
            ? sql`select p.reference_date::text, sum(p.inhabitants)::int as inhabitants
                  from population p join area g on g.code = p.area_code
                  where ${validOnSql('g', referenceDateColumn)}
                  group by p.reference_date order by p.reference_date`
            : sql`select p.reference_date::text, sum(p.inhabitants)::int as inhabitants
                  from area_membership m
                  join area g on g.code = m.child_code
                  join population p on p.area_code = m.child_code
                  where m.parent_code = ${area.code} and ${validOnSql('m', referenceDateColumn)}
                    and ${validOnSql('g', referenceDateColumn)}
                  group by p.reference_date order by p.reference_date`,
      );
      return result.map((row) => ({
        referenceDate: row.reference_date,
        inhabitants: Number(row.inhabitants),
      }));
    },

    /** Mergers in which `code` took part, as the old or as the new gemeente. */
    async findMergersOf(code: string) {
      return db
        .select()
        .from(municipalMergers)
        .where(or(eq(municipalMergers.oldCode, code), eq(municipalMergers.newCode, code)))
        .orderBy(asc(municipalMergers.effectiveDate), asc(municipalMergers.oldCode));
    },

    async listMergers() {
      return db
        .select()
        .from(municipalMergers)
        .orderBy(asc(municipalMergers.effectiveDate), asc(municipalMergers.oldCode));
    },
  };
}

export type GeographyRepo = ReturnType<typeof createGeographyRepo>;
