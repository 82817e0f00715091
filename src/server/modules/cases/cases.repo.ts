/**
 * Data access for the case register that is not about one import: the intervention catalogue (shipped file →
 * database), what checking an extract needs (codes, teams), regions of gemeenten, and follow-up schedules.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import {
  DEFAULT_FOLLOW_UP_SCHEDULE,
  type FollowUpMoment,
  RECOGNITION_LEVELS,
} from '../../../shared/cases.ts';
import { type Db, selectRows, textArray } from '../../db/client.ts';
import { plainText } from '../../http/common.schemas.ts';
import { PATHS } from '../../paths.ts';
import type { ExtractContext } from './cases.extract.ts';

export const INTERVENTIONS_FILE = path.join(PATHS.referenceData, 'interventions.json');
const INTERVENTIONS_DATASET = 'intervention-catalogue';

const code = z
  .string()
  .regex(/^[a-z][a-z0-9_]{1,62}$/, 'Gebruik kleine letters, cijfers en _, beginnend met een letter');

export const interventionSchema = z.strictObject({
  code,
  name: plainText('de naam', 200),
  targetGroup: plainText('de doelgroep', 300),
  violenceTypes: z.array(code).max(20),
  recognitionLevel: z.enum(RECOGNITION_LEVELS),
  provider: plainText('de aanbieder', 200),
  url: z
    .url({ protocol: /^https?$/, error: 'Vul een http(s)-adres in' })
    .max(500)
    .nullable(),
  description: z.union([plainText('de beschrijving', 2000), z.literal('')]).default(''),
});
export type InterventionInput = z.infer<typeof interventionSchema>;

export async function readShippedInterventions(): Promise<{
  entries: InterventionInput[];
  checksum: string;
}> {
  const text = await readFile(INTERVENTIONS_FILE, 'utf8');
  const entries = z.array(interventionSchema).parse(JSON.parse(text));
  return { entries, checksum: createHash('sha256').update(text).digest('hex') };
}

/** Upserts the shipped interventions when the file changed; entries a beheerder added or edited stay as they are. */
export async function loadShippedInterventions(db: Db): Promise<boolean> {
  const { entries, checksum } = await readShippedInterventions();
  const [current] = await selectRows<{ checksum: string }>(
    db,
    sql`select checksum from reference_data_load where dataset = ${INTERVENTIONS_DATASET}`,
  );
  if (current?.checksum === checksum) return false;
  await db.transaction(async (tx) => {
    for (const [index, entry] of entries.entries()) {
      await tx.execute(sql`insert into intervention (code, name, target_group, violence_types, recognition_level,
          provider, url, description, origin, sort_order)
        values (${entry.code}, ${entry.name}, ${entry.targetGroup}, ${textArray(entry.violenceTypes)}::text[],
          ${entry.recognitionLevel}, ${entry.provider}, ${entry.url}, ${entry.description}, 'shipped', ${index})
        on conflict (code) do update set name = excluded.name, target_group = excluded.target_group,
          violence_types = excluded.violence_types, recognition_level = excluded.recognition_level,
          provider = excluded.provider, url = excluded.url, description = excluded.description,
          sort_order = excluded.sort_order, updated_at = now()
        where intervention.origin = 'shipped'`);
    }
    await tx.execute(sql`insert into reference_data_load (dataset, checksum, rows)
      values (${INTERVENTIONS_DATASET}, ${checksum}, ${entries.length})
      on conflict (dataset) do update set checksum = excluded.checksum, rows = excluded.rows, loaded_at = now()`);
  });
  return true;
}

export type InterventionRow = InterventionInput & { origin: 'shipped' | 'beheerder' };

export async function listInterventions(db: Db): Promise<InterventionRow[]> {
  return selectRows<InterventionRow>(
    db,
    sql`select code, name, target_group as "targetGroup", violence_types as "violenceTypes",
        recognition_level as "recognitionLevel", provider, url, description, origin
        from intervention order by sort_order, name`,
  );
}

export async function saveIntervention(db: Db, entry: InterventionInput): Promise<'added' | 'changed'> {
  const [row] = await selectRows<{ inserted: boolean }>(
    db,
    sql`insert into intervention (code, name, target_group, violence_types, recognition_level, provider, url,
        description, origin, sort_order)
      values (${entry.code}, ${entry.name}, ${entry.targetGroup}, ${textArray(entry.violenceTypes)}::text[],
        ${entry.recognitionLevel}, ${entry.provider}, ${entry.url}, ${entry.description}, 'beheerder',
        (select coalesce(max(sort_order), 0) + 1 from intervention))
      on conflict (code) do update set name = excluded.name, target_group = excluded.target_group,
        violence_types = excluded.violence_types, recognition_level = excluded.recognition_level,
        provider = excluded.provider, url = excluded.url, description = excluded.description,
        origin = 'beheerder', updated_at = now()
      returning (xmax = 0) as inserted`,
  );
  return row?.inserted ? 'added' : 'changed';
}

/** Everything checking an extract needs from the database. */
export async function extractContext(db: Db, today: string): Promise<ExtractContext> {
  const [gemeenten, values, interventionCodes, teams] = await Promise.all([
    selectRows<{ code: string }>(db, sql`select code from area where level = 'gemeente'`),
    selectRows<{ dimension_code: string; code: string }>(
      db,
      sql`select dimension_code, code from dimension_value where dimension_code in ('melder', 'aard_geweld')`,
    ),
    selectRows<{ code: string }>(db, sql`select code from intervention`),
    // Only teams of the chain around the family may receive or direct a case: they get to read it.
    selectRows<{ id: number; name: string }>(
      db,
      sql`select id, name from organisation where kind in ('veilig_thuis', 'lokaal_team')`,
    ),
  ]);
  return {
    gemeenten: new Set(gemeenten.map((row) => row.code)),
    melderCodes: new Set(values.filter((row) => row.dimension_code === 'melder').map((row) => row.code)),
    violenceTypeCodes: new Set(
      values.filter((row) => row.dimension_code === 'aard_geweld').map((row) => row.code),
    ),
    interventionCodes: new Set(interventionCodes.map((row) => row.code)),
    teams: {
      byId: new Map(teams.map((row) => [row.id, row.name])),
      byName: new Map(teams.map((row) => [row.name.toLocaleLowerCase('nl-NL'), row.id])),
    },
    today,
  };
}

/**
 * The Veilig Thuis-regio of each gemeente on a date: the division on record then, else the first one on record
 * (the division is known from 2025; earlier cases count with the region their gemeente joined first).
 */
export async function regionsOf(
  db: Db,
  items: ReadonlyArray<{ gemeente: string; date: string }>,
): Promise<Array<string | null>> {
  const codes = [...new Set(items.map((item) => item.gemeente))];
  if (codes.length === 0) return [];
  const rows = await selectRows<{
    child_code: string;
    parent_code: string;
    valid_from: string;
    valid_to: string | null;
  }>(
    db,
    sql`select child_code, parent_code, valid_from::text, valid_to::text from area_membership
        where parent_level = 'veiligthuisregio' and child_code = any(${textArray(codes)}::text[]) order by valid_from`,
  );
  const byGemeente = new Map<string, typeof rows>();
  for (const row of rows) {
    const list = byGemeente.get(row.child_code) ?? [];
    list.push(row);
    byGemeente.set(row.child_code, list);
  }
  return items.map((item) => {
    const list = byGemeente.get(item.gemeente) ?? [];
    const valid = list.find(
      (row) => row.valid_from <= item.date && (row.valid_to === null || item.date < row.valid_to),
    );
    return (valid ?? list[0])?.parent_code ?? null;
  });
}

const momentsSchema = z.array(
  z.strictObject({ months: z.number().int(), daysBefore: z.number().int(), daysAfter: z.number().int() }),
);

/** Schedule per region; regions without their own use the default (+3 and +12 months). */
export async function schedulesFor(
  db: Db,
  regions: ReadonlyArray<string | null>,
): Promise<(region: string | null) => readonly FollowUpMoment[]> {
  const wanted = regions.filter((region): region is string => region !== null);
  const rows =
    wanted.length === 0
      ? []
      : await selectRows<{ region: string; moments: unknown }>(
          db,
          sql`select region, moments from follow_up_schedule where region = any(${textArray(wanted)}::text[])`,
        );
  const byRegion = new Map(rows.map((row) => [row.region, momentsSchema.parse(row.moments)]));
  return (region) => (region !== null ? byRegion.get(region) : undefined) ?? DEFAULT_FOLLOW_UP_SCHEDULE;
}

export type RegionSchedule = { region: string; name: string; moments: FollowUpMoment[]; own: boolean };

export async function listSchedules(db: Db): Promise<RegionSchedule[]> {
  const rows = await selectRows<{ code: string; name: string; moments: unknown }>(
    db,
    sql`select area.code, area.name, schedule.moments from area
        left join follow_up_schedule schedule on schedule.region = area.code
        where area.level = 'veiligthuisregio' order by area.code`,
  );
  return rows.map((row) => ({
    region: row.code,
    name: row.name,
    moments: row.moments ? momentsSchema.parse(row.moments) : [...DEFAULT_FOLLOW_UP_SCHEDULE],
    own: row.moments !== null,
  }));
}
