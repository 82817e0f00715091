/**
 * Data access for figures: the catalogue (shipped file → database, admin additions), what the import pipeline
 * needs to validate rows (catalogue maps, geography facts, CBS table mappings), and the import history.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { DEMO_FILE_NAME } from '../../../shared/figures.ts';
import { type Db, selectRows } from '../../db/client.ts';
import { dimensions, dimensionValues, indicators, referenceDataLoads } from '../../db/schema/index.ts';
import { PATHS } from '../../paths.ts';
import { normalizeForSearch } from '../geography/geography.domain.ts';
import {
  type Catalogue,
  catalogueSchema,
  type Dimension,
  findCatalogueProblems,
  type Indicator,
  indicatorSchema,
} from './figures.catalogue.ts';
import type { AreaFacts } from './figures.domain.ts';
import { type CbsTable, splitAreaLabel } from './figures.formats.ts';

export const CATALOGUE_FILE = path.join(PATHS.referenceData, 'indicators.json');
export const CBS_TABLES_FILE = path.join(PATHS.referenceData, 'cbs-tables.json');
const CATALOGUE_DATASET = 'indicator-catalogue';

export async function readShippedCatalogue(): Promise<{ catalogue: Catalogue; checksum: string }> {
  const text = await readFile(CATALOGUE_FILE, 'utf8');
  const catalogue = catalogueSchema.parse(JSON.parse(text));
  const problems = findCatalogueProblems(catalogue);
  if (problems.length > 0)
    throw new Error(
      `reference-data/indicators.json: ${problems.map((p) => `${p.code}: ${p.message}`).join('; ')}`,
    );
  return { catalogue, checksum: createHash('sha256').update(text).digest('hex') };
}

/**
 * Loads the shipped catalogue when it changed since the last load: dimensions, their values and the shipped
 * indicators are upserted; indicators a beheerder added are left alone; nothing is deleted (figures may refer).
 */
export async function loadShippedCatalogue(db: Db): Promise<boolean> {
  const { catalogue, checksum } = await readShippedCatalogue();
  const [current] = await selectRows<{ checksum: string }>(
    db,
    sql`select checksum from reference_data_load where dataset = ${CATALOGUE_DATASET}`,
  );
  if (current?.checksum === checksum) return false;
  await db.transaction(async (tx) => {
    for (const dimension of catalogue.dimensions) {
      await tx
        .insert(dimensions)
        .values({
          code: dimension.code,
          name: dimension.name,
          description: dimension.description,
          partsAddUp: dimension.partsAddUp ?? false,
        })
        .onConflictDoUpdate({
          target: dimensions.code,
          set: {
            name: dimension.name,
            description: dimension.description,
            partsAddUp: dimension.partsAddUp ?? false,
          },
        });
      await tx
        .insert(dimensionValues)
        .values(
          dimension.values.map((value, index) => ({
            dimensionCode: dimension.code,
            code: value.code,
            name: value.name,
            sortOrder: index,
          })),
        )
        .onConflictDoUpdate({
          target: [dimensionValues.dimensionCode, dimensionValues.code],
          set: { name: sql`excluded.name`, sortOrder: sql`excluded.sort_order` },
        });
    }
    const rows = catalogue.indicators.map((indicator, index) => ({
      ...indicatorRow(indicator),
      origin: 'shipped' as const,
      sortOrder: index,
    }));
    await tx
      .insert(indicators)
      .values(rows)
      .onConflictDoUpdate({
        target: indicators.code,
        set: {
          name: sql`excluded.name`,
          definition: sql`excluded.definition`,
          source: sql`excluded.source`,
          unit: sql`excluded.unit`,
          periodTypes: sql`excluded.period_types`,
          aggregation: sql`excluded.aggregation`,
          higherIsBetter: sql`excluded.higher_is_better`,
          breakdowns: sql`excluded.breakdowns`,
          formula: sql`excluded.formula`,
          disclosure: sql`excluded.disclosure`,
          origin: sql`excluded.origin`,
          sortOrder: sql`excluded.sort_order`,
          updatedAt: new Date(),
        },
      });
    await tx
      .insert(referenceDataLoads)
      .values({ dataset: CATALOGUE_DATASET, checksum, rows: rows.length })
      .onConflictDoUpdate({
        target: referenceDataLoads.dataset,
        set: { checksum, rows: rows.length, loadedAt: new Date() },
      });
  });
  return true;
}

function indicatorRow(indicator: Indicator) {
  return {
    code: indicator.code,
    name: indicator.name,
    definition: indicator.definition,
    source: indicator.source,
    unit: indicator.unit,
    periodTypes: indicator.periodTypes,
    aggregation: indicator.aggregation,
    higherIsBetter: indicator.higherIsBetter,
    breakdowns: indicator.breakdowns,
    formula: indicator.formula,
    disclosure: indicator.disclosure ?? null,
  };
}

export type CatalogueRecord = Indicator & { origin: 'shipped' | 'beheerder' };

export async function listIndicators(db: Db): Promise<CatalogueRecord[]> {
  const rows = await db.select().from(indicators).orderBy(indicators.sortOrder, indicators.code);
  return rows.map((row) => ({
    code: row.code,
    name: row.name,
    definition: row.definition,
    source: row.source,
    unit: row.unit,
    periodTypes: row.periodTypes as Indicator['periodTypes'],
    aggregation: row.aggregation,
    higherIsBetter: row.higherIsBetter,
    breakdowns: row.breakdowns,
    formula: (row.formula as Indicator['formula']) ?? null,
    disclosure: (row.disclosure as Indicator['disclosure']) ?? null,
    origin: row.origin,
  }));
}

export async function listDimensions(db: Db): Promise<Dimension[]> {
  const rows = await selectRows<{
    code: string;
    name: string;
    description: string;
    partsAddUp: boolean;
    values: Array<{ code: string; name: string }>;
  }>(
    db,
    sql`select d.code, d.name, d.description, d.parts_add_up as "partsAddUp",
          coalesce(json_agg(json_build_object('code', v.code, 'name', v.name) order by v.sort_order)
            filter (where v.code is not null), '[]') as values
        from dimension d left join dimension_value v on v.dimension_code = d.code
        group by d.code order by d.code`,
  );
  return rows;
}

export async function insertIndicator(db: Db, indicator: Indicator): Promise<void> {
  const parsed = indicatorSchema.parse(indicator);
  const [{ next } = { next: 0 }] = await selectRows<{ next: number }>(
    db,
    sql`select coalesce(max(sort_order), 0) + 1 as next from indicator`,
  );
  await db
    .insert(indicators)
    .values({ ...indicatorRow(parsed), origin: 'beheerder', sortOrder: Number(next) });
}

export type CatalogueMaps = {
  indicators: Map<string, Indicator>;
  dimensions: Map<string, Set<string>>;
  /** Codes of additive (summable) stored indicators. */
  additive: string[];
};

export async function loadCatalogueMaps(db: Db): Promise<CatalogueMaps> {
  const [all, dims] = await Promise.all([listIndicators(db), listDimensions(db)]);
  return {
    indicators: new Map(all.map((indicator) => [indicator.code, indicator])),
    dimensions: new Map(
      dims.map((dimension) => [dimension.code, new Set(dimension.values.map((value) => value.code))]),
    ),
    additive: all
      .filter((indicator) => indicator.aggregation === 'sum' && !indicator.formula)
      .map((i) => i.code),
  };
}

export type GeographyFacts = {
  areas: Map<string, AreaFacts>;
  successorsOf(code: string): string[];
  areaCodeForName(label: string): string | undefined;
};

const LEVEL_PREFERENCE = ['gemeente', 'veiligthuisregio', 'provincie', 'land'] as const;

export async function loadGeographyFacts(db: Db): Promise<GeographyFacts> {
  const [areaRows, mergerRows] = await Promise.all([
    selectRows<{
      code: string;
      name: string;
      level: AreaFacts['level'];
      valid_from: string;
      valid_to: string | null;
    }>(db, sql`select code, name, level, valid_from::text, valid_to::text from area`),
    selectRows<{ old_code: string; new_code: string; new_name: string }>(
      db,
      sql`select old_code, new_code, new_name from municipal_merger order by effective_date`,
    ),
  ]);
  const areas = new Map<string, AreaFacts>(
    areaRows.map((row) => [
      row.code,
      { code: row.code, name: row.name, level: row.level, validFrom: row.valid_from, validTo: row.valid_to },
    ]),
  );
  const successors = new Map<string, string[]>();
  for (const merger of mergerRows) {
    const list = successors.get(merger.old_code) ?? [];
    list.push(`${merger.new_code} ${merger.new_name}`);
    successors.set(merger.old_code, list);
  }
  // Names as CBS labels areas; a plain name prefers the gemeente, a suffix ("(PV)") names the level.
  const byName = new Map<string, AreaFacts[]>();
  for (const area of areas.values()) {
    const key = normalizeForSearch(area.name);
    byName.set(key, [...(byName.get(key) ?? []), area]);
  }
  return {
    areas,
    successorsOf: (code) => successors.get(code) ?? [],
    areaCodeForName(label) {
      const { name, level } = splitAreaLabel(label);
      const key = normalizeForSearch(name);
      if (key === 'nederland') return 'NL01';
      const candidates = (byName.get(key) ?? []).filter((area) => level === null || area.level === level);
      // The current area first: a name reused after a merger belongs to the gemeente that exists now.
      candidates.sort(
        (a, b) =>
          LEVEL_PREFERENCE.indexOf(a.level) - LEVEL_PREFERENCE.indexOf(b.level) ||
          (a.validTo === null ? -1 : 0) - (b.validTo === null ? -1 : 0),
      );
      return candidates[0]?.code;
    },
  };
}

let cbsTables: Promise<CbsTable[]> | undefined;

export function loadCbsTables(): Promise<CbsTable[]> {
  cbsTables ??= readFile(CBS_TABLES_FILE, 'utf8').then(
    (text) => (JSON.parse(text) as { tables: CbsTable[] }).tables,
  );
  return cbsTables;
}

/** Whether the demo's synthetic figures are in force (imported, not undone): every page then says so. */
export async function hasSyntheticData(db: Db): Promise<boolean> {
  const [row] = await selectRows<{ present: boolean }>(
    db,
    sql`select exists (select 1 from import_batch where file_name = ${DEMO_FILE_NAME} and kind = 'import'
          and undone_by is null) as present`,
  );
  return Boolean(row?.present);
}

export type ImportRecord = {
  id: number;
  kind: 'import' | 'undo';
  fileName: string;
  fileSize: number;
  fileSha256: string;
  format: string;
  actorLabel: string;
  at: string;
  rows: number;
  added: number;
  changed: number;
  unchanged: number;
  skipped: number;
  warnings: number;
  undoOf: number | null;
  undoneBy: number | null;
};

export async function listImports(
  db: Db,
  /** Only the imports (and undos) this user did; for aanleveranciers, who see their own work only. */
  options: { limit: number; offset: number; actorUserId?: string },
): Promise<{ items: ImportRecord[]; total: number }> {
  const mine = options.actorUserId ? sql`where actor_user_id = ${options.actorUserId}` : sql``;
  const rows = await selectRows<Record<string, unknown>>(
    db,
    sql`select id, kind, file_name, file_size, file_sha256, format, actor_label, at, rows, added, changed, unchanged,
          skipped, warnings, undo_of, undone_by, count(*) over () as total
        from import_batch ${mine} order by id desc limit ${options.limit} offset ${options.offset}`,
  );
  const total =
    rows.length > 0
      ? Number(rows[0]?.total)
      : ((await selectRows<{ n: number }>(db, sql`select count(*)::int as n from import_batch ${mine}`))[0]
          ?.n ?? 0);
  return {
    total: Number(total),
    items: rows.map((row) => ({
      id: Number(row.id),
      kind: row.kind as ImportRecord['kind'],
      fileName: String(row.file_name),
      fileSize: Number(row.file_size),
      fileSha256: String(row.file_sha256),
      format: String(row.format),
      actorLabel: String(row.actor_label),
      at: new Date(row.at as string).toISOString(),
      rows: Number(row.rows),
      added: Number(row.added),
      changed: Number(row.changed),
      unchanged: Number(row.unchanged),
      skipped: Number(row.skipped),
      warnings: Number(row.warnings),
      undoOf: row.undo_of === null ? null : Number(row.undo_of),
      undoneBy: row.undone_by === null ? null : Number(row.undone_by),
    })),
  };
}
