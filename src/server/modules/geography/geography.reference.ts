/**
 * Loads the reference geography shipped in `reference-data/` (CBS, CC BY 4.0) into the database: once on first
 * start, and again only when the shipped files change. All-or-nothing, in one transaction.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { AREA_CODE_PATTERNS } from '../../../shared/geography.ts';
import type { Db } from '../../db/client.ts';
import {
  areaMemberships,
  areas,
  municipalMergers,
  populations,
  referenceDataLoads,
} from '../../db/schema/index.ts';
import { UserError } from '../../errors.ts';
import { PATHS } from '../../paths.ts';
import {
  buildReferenceDivision,
  findMembershipProblems,
  MERGER_CSV_REQUIRED_COLUMNS,
  type ReferenceGemeente,
  type ReferenceMerger,
  type RowProblem,
  validateMergerRows,
} from './geography.domain.ts';

export const REFERENCE_DATA_DIR = PATHS.referenceData;

const FILES = {
  gemeenten: 'gemeenten_2025.csv',
  populations: 'gemeenten_inwoners_2026-01-01_cbs03759ned.json',
  mergers: 'herindelingen.csv',
} as const;

const DATASET = 'geography';
/** Bump when the loader's interpretation of the same files changes. */
const LOADER_VERSION = '2';

const populationFileSchema = z.object({
  source: z.string(),
  asOf: z.iso.date(),
  populations: z.record(z.string().regex(AREA_CODE_PATTERNS.gemeente), z.number().int().nonnegative()),
});

/** One row of gemeenten_2025.csv, checked, in the domain's words. */
const referenceGemeenteRow = z
  .object({
    gemeentecode: z.string().regex(AREA_CODE_PATTERNS.gemeente),
    gemeentenaam: z.string().min(1),
    provinciecode: z.string().regex(AREA_CODE_PATTERNS.provincie),
    provincienaam: z.string().min(1),
    veiligthuisregio_code: z.string().regex(AREA_CODE_PATTERNS.veiligthuisregio),
    veiligthuisregio_naam: z.string().min(1),
  })
  .transform(
    (row): ReferenceGemeente => ({
      code: row.gemeentecode,
      name: row.gemeentenaam,
      provinceCode: row.provinciecode,
      provinceName: row.provincienaam,
      regionCode: row.veiligthuisregio_code,
      regionName: row.veiligthuisregio_naam,
    }),
  );

export type ReferenceFiles = {
  gemeenten: ReferenceGemeente[];
  populations: { asOf: string; source: string; byCode: Record<string, number> };
  mergers: ReferenceMerger[];
  checksum: string;
};

export class MergerFileError extends UserError {
  readonly statusCode = 400;
  constructor(
    readonly file: string,
    readonly problems: RowProblem[],
  ) {
    super(
      `${file}: ${problems.length} fout(en):\n${problems
        .map(
          (problem) =>
            `  rij ${problem.row}, kolom ${problem.column} ("${problem.value}"): ${problem.message}`,
        )
        .join('\n')}`,
    );
  }
}

/** Parses a merger CSV (header required, comma-separated, UTF-8 with or without BOM). */
export function parseMergerCsv(text: string, fileName: string): ReferenceMerger[] {
  let records: Record<string, string>[];
  let header: string[] = [];
  try {
    records = parse(text, {
      columns: (names: string[]) => {
        header = names;
        return names;
      },
      bom: true,
      skip_empty_lines: true,
      trim: true,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new MergerFileError(fileName, [
      { row: 0, column: '-', value: '', message: `Het bestand is geen leesbare CSV: ${message}` },
    ]);
  }
  const required = MERGER_CSV_REQUIRED_COLUMNS;
  const missing = required.filter((column) => !header.includes(column));
  if (missing.length > 0) {
    throw new MergerFileError(fileName, [
      {
        row: 1,
        column: missing.join(', '),
        value: header.join(','),
        message: `Kolom(men) ontbreken in de kopregel: ${missing.join(', ')}. Gebruik de kopregel van reference-data/herindelingen.csv.`,
      },
    ]);
  }
  if (records.length === 0) {
    throw new MergerFileError(fileName, [
      {
        row: 2,
        column: '-',
        value: '',
        message: 'Het bestand bevat geen herindelingen: onder de kopregel staat niets.',
      },
    ]);
  }
  const result = validateMergerRows(records);
  if (!result.ok) throw new MergerFileError(fileName, result.problems);
  return result.mergers;
}

export type RawReferenceFiles = { texts: [string, string, string]; checksum: string };

async function readRawReferenceFiles(directory: string): Promise<RawReferenceFiles> {
  const texts = (await Promise.all(
    [FILES.gemeenten, FILES.populations, FILES.mergers].map((file) =>
      readFile(`${directory}${file}`, 'utf8'),
    ),
  )) as [string, string, string];
  const hash = createHash('sha256').update(LOADER_VERSION);
  for (const text of texts) hash.update(text);
  return { texts, checksum: hash.digest('hex') };
}

/**
 * Version of the reference geography this code would load: the shipped files and the loader's version. Equal
 * versions mean equal database content, which is what the seed image and the start-up check rely on.
 */
export async function referenceDataVersion(): Promise<string> {
  return (await readShippedReferenceFiles()).checksum;
}

/** The shipped files as text with their version, unparsed: all a start-up needs when nothing changed. */
export function readShippedReferenceFiles(): Promise<RawReferenceFiles> {
  return readRawReferenceFiles(REFERENCE_DATA_DIR);
}

function parseReferenceFiles({ texts, checksum }: RawReferenceFiles): ReferenceFiles {
  const [gemeentenText, populationText, mergersText] = texts;
  const rows: Record<string, string>[] = parse(gemeentenText, {
    columns: true,
    bom: true,
    skip_empty_lines: true,
  });
  const gemeenten = z.array(referenceGemeenteRow).parse(rows);
  const populationFile = populationFileSchema.parse(JSON.parse(populationText));
  return {
    gemeenten,
    populations: {
      asOf: populationFile.asOf,
      source: populationFile.source,
      byCode: populationFile.populations,
    },
    mergers: parseMergerCsv(mergersText, FILES.mergers),
    checksum,
  };
}

export type LoadResult =
  | { loaded: false }
  | { loaded: true; areas: number; memberships: number; populations: number; mergers: number };

/** Loads the shipped geography unless the same version is already loaded. */
export async function loadReferenceGeography(
  db: Db,
  shipped: Promise<RawReferenceFiles> = readShippedReferenceFiles(),
): Promise<LoadResult> {
  const raw = await shipped;
  const [current] = await db.select().from(referenceDataLoads).where(eq(referenceDataLoads.dataset, DATASET));
  // Compare checksums before parsing: on every start after the first this is all the work there is.
  if (current?.checksum === raw.checksum) return { loaded: false };
  const reference = parseReferenceFiles(raw);
  const division = buildReferenceDivision(reference.gemeenten, reference.mergers);
  const counts = {
    areas: division.areas.length,
    memberships: division.memberships.length,
    populations: Object.keys(reference.populations.byCode).length,
    mergers: reference.mergers.length,
  };

  const problems = findMembershipProblems(division, reference.populations.asOf);
  if (problems.length > 0) {
    throw new Error(
      `Reference geography is inconsistent: ${problems.map((p) => `${p.code} ${p.message}`).join('; ')}`,
    );
  }
  await db.transaction(async (tx) => {
    for (const record of division.areas) {
      await tx
        .insert(areas)
        .values(record)
        .onConflictDoUpdate({
          target: areas.code,
          set: {
            name: record.name,
            searchName: record.searchName,
            validFrom: record.validFrom,
            validTo: record.validTo,
          },
        });
    }
    // Memberships and CBS population are reference data only: replace them as a whole.
    await tx.delete(areaMemberships);
    await tx.insert(areaMemberships).values(division.memberships);
    // One population per gemeente and date: the shipped file replaces what was on record for its date.
    await tx.delete(populations).where(eq(populations.referenceDate, reference.populations.asOf));
    await tx.insert(populations).values(
      Object.entries(reference.populations.byCode).map(([areaCode, inhabitants]) => ({
        areaCode,
        inhabitants,
        referenceDate: reference.populations.asOf,
        source: reference.populations.source,
      })),
    );
    await upsertMergers(tx as unknown as Db, reference.mergers);
    await tx
      .insert(referenceDataLoads)
      .values({ dataset: DATASET, checksum: reference.checksum, rows: counts.areas })
      .onConflictDoUpdate({
        target: referenceDataLoads.dataset,
        set: { checksum: reference.checksum, rows: counts.areas, loadedAt: new Date() },
      });
  });
  return { loaded: true, ...counts };
}

/**
 * Adds mergers, updating rows with the same old code, new code and date. Never deletes: mergers an admin
 * loaded stay when the shipped reference data is reloaded.
 */
export async function upsertMergers(db: Db, mergers: readonly ReferenceMerger[]) {
  // One statement per batch, not one per row: an import holds its transaction (and on PGlite the whole
  // database) for as short a time as possible.
  const excluded = (column: string) => sql.raw(`excluded.${column}`);
  for (let start = 0; start < mergers.length; start += 1000) {
    await db
      .insert(municipalMergers)
      .values(mergers.slice(start, start + 1000) as ReferenceMerger[])
      .onConflictDoUpdate({
        target: [municipalMergers.oldCode, municipalMergers.newCode, municipalMergers.effectiveDate],
        set: {
          oldName: excluded('old_name'),
          newName: excluded('new_name'),
          populationShare: excluded('population_share'),
          isNewCodeCreated: excluded('new_code_is_new'),
          source: excluded('source'),
        },
      });
  }
}
