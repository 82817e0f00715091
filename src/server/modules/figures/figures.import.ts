/**
 * The import pipeline: read a file row by row, validate every row, copy valid rows into a staging table, check
 * the file as a whole (duplicate keys, breakdown parts above their total), compare with the figures in the
 * database, and then either report (dry run) or record new versions, all in one transaction. A file with errors
 * changes nothing; a crash or kill before the commit leaves the database as it was.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sql } from 'drizzle-orm';
import type { ImportFormat, ObservationStatus } from '../../../shared/figures.ts';
import { type Db, selectRows } from '../../db/client.ts';
import { ConflictError, ForbiddenError, NotFoundError } from '../../errors.ts';
import { actorLabel, deliversFigures, isAdmin } from '../access/access.domain.ts';
import { type RequestContext, recordAudit } from '../audit/audit.service.ts';
import { REFERENCE_EPOCH } from '../geography/geography.domain.ts';
import {
  type ImportProblem,
  type RawObservation,
  type ValidationContext,
  type ValidObservation,
  validateObservation,
} from './figures.domain.ts';
import {
  type ColumnMapping,
  decimalStyleOf,
  type FileFacts,
  ImportFileError,
  inspectFile,
  openRowSource,
  type ReaderFindings,
} from './figures.formats.ts';
import { loadCatalogueMaps, loadCbsTables, loadGeographyFacts } from './figures.repo.ts';

/** Problems kept for the report; the counts are always complete. */
export const REPORTED_PROBLEMS = 500;
/** A file this wrong is not worth reading further: the report says reading stopped. */
export const STOP_AFTER_ERRORS = 5000;
const CHUNK_ROWS = 20_000;
const SAMPLE_CHANGES = 200;

export type ImportRequest = {
  path: string;
  fileName: string;
  format?: ImportFormat;
  mapping?: ColumnMapping;
  dryRun: boolean;
  onProgress?: (progress: { phase: 'lezen' | 'vergelijken' | 'opslaan'; rows: number }) => void;
};

export type ChangeSample = {
  row: number | null;
  indicator: string;
  area: string;
  period: string;
  breakdown: string;
  oldValue: number | null;
  newValue: number;
  oldStatus: ObservationStatus | null;
  newStatus: ObservationStatus;
};

export type ImportReport = {
  outcome: 'geweigerd' | 'proefimport' | 'geimporteerd' | 'ongewijzigd';
  importId: number | null;
  fileName: string;
  file: Pick<FileFacts, 'size' | 'sha256' | 'format' | 'encoding' | 'delimiter'> | null;
  findings: ReaderFindings | null;
  /** Figures read from the file (a CBS row with several measures gives several). */
  rows: number;
  errors: number;
  warnings: number;
  /** True when reading stopped early because of too many errors. */
  stoppedEarly: boolean;
  problems: ImportProblem[];
  added: number;
  changed: number;
  unchanged: number;
  changes: ChangeSample[];
  /** An earlier import of a file with the same content, when there is one. */
  sameFileAs: { id: number; at: string } | null;
};

type SessionClient = {
  query(text: string, params?: unknown[], options?: { blob?: Blob }): Promise<unknown>;
};

/**
 * The driver connection under a Drizzle transaction, for COPY. Both drivers keep it as `session.client`
 * (a pg PoolClient, or a PGlite transaction); checked here so a Drizzle upgrade fails loudly, not silently.
 */
function connectionOf(tx: Db): { kind: 'pg' | 'pglite'; client: SessionClient } {
  const client = (tx as unknown as { session?: { client?: SessionClient & { release?: unknown } } }).session
    ?.client;
  if (!client || typeof client.query !== 'function')
    throw new Error('No driver connection under the transaction');
  return { kind: typeof client.release === 'function' ? 'pg' : 'pglite', client };
}

function copyText(rows: readonly ValidObservation[]): string {
  let text = '';
  for (const row of rows) {
    text += `${row.row}\t${escapeCopy(row.indicator)}\t${escapeCopy(row.area)}\t${row.period}\t${escapeCopy(row.breakdown)}\t${row.value}\t${row.status}\n`;
  }
  return text;
}

function escapeCopy(text: string): string {
  return /[\\\t\n\r]/.test(text)
    ? text.replaceAll('\\', '\\\\').replaceAll('\t', '\\t').replaceAll('\n', '\\n').replaceAll('\r', '\\r')
    : text;
}

const COPY_STAGING =
  'COPY import_staging (row_no, indicator_code, area_code, period, breakdown, value, status) FROM STDIN';

async function copyIntoStaging(tx: Db, rows: readonly ValidObservation[]): Promise<void> {
  if (rows.length === 0) return;
  const { kind, client } = connectionOf(tx);
  const text = copyText(rows);
  if (kind === 'pglite') {
    await client.query(COPY_STAGING.replace('STDIN', "'/dev/blob'"), [], { blob: new Blob([text]) });
    return;
  }
  const { from: copyFrom } = await import('pg-copy-streams');
  await pipeline(
    Readable.from([text]),
    client.query(copyFrom(COPY_STAGING) as never) as unknown as NodeJS.WritableStream,
  );
}

/** Refuses actors who deliver no figures: only beheerders and aanleveranciers import. */
export function assertMayImport(actor: RequestContext['actor']): void {
  if (deliversFigures(actor)) return;
  if (actor.kind !== 'user') throw new ForbiddenError('Meld u aan om cijfers te importeren.');
  throw new ForbiddenError(
    'Alleen een beheerder of aanleverancier kan cijfers importeren. Vraag een beheerder om de rol aanleverancier.',
  );
}

/** Which areas the actor may deliver figures for: all (beheerder, command line) or those of their organisations. */
async function deliveryScope(
  db: Db,
  context: RequestContext,
): Promise<{ mayDeliver: (code: string) => boolean; text: string }> {
  const actor = context.actor;
  assertMayImport(actor);
  if (isAdmin(actor) || actor.kind !== 'user') return { mayDeliver: () => true, text: 'alle gebieden' };
  const supplying = actor.memberships.filter((membership) => membership.role === 'aanleverancier');
  if (supplying.some((membership) => membership.organisationKind === 'landelijk'))
    return { mayDeliver: () => true, text: 'alle gebieden' };
  const own = supplying
    .map((membership) => membership.areaCode)
    .filter((code): code is string => code !== null);
  const members = await selectRows<{ child_code: string }>(
    db,
    sql`select distinct child_code from area_membership where parent_code = any(${`{${own.join(',')}}`}::text[])`,
  );
  const allowed = new Set([...own, ...members.map((row) => row.child_code)]);
  return {
    mayDeliver: (code) => allowed.has(code),
    text: own.length > 0 ? own.join(', ') : 'geen gebied (uw organisatie heeft geen gebied)',
  };
}

function emptyReport(fileName: string): ImportReport {
  return {
    outcome: 'geweigerd',
    importId: null,
    fileName,
    file: null,
    findings: null,
    rows: 0,
    errors: 0,
    warnings: 0,
    stoppedEarly: false,
    problems: [],
    added: 0,
    changed: 0,
    unchanged: 0,
    changes: [],
    sameFileAs: null,
  };
}

/** Thrown inside the transaction to roll it back while keeping the report. */
class Refusal extends Error {
  constructor(readonly report: ImportReport) {
    super('refused');
  }
}

export async function importFigures(
  db: Db,
  context: RequestContext,
  request: ImportRequest,
): Promise<ImportReport> {
  const report = emptyReport(request.fileName);
  try {
    const scope = await deliveryScope(db, context);
    const facts = await inspectFile(request.path, request.fileName, request.format);
    report.file = {
      size: facts.size,
      sha256: facts.sha256,
      format: facts.format,
      encoding: facts.encoding,
      delimiter: facts.delimiter,
    };
    const [catalogue, geography, cbsTables] = await Promise.all([
      loadCatalogueMaps(db),
      loadGeographyFacts(db),
      facts.format.startsWith('cbs') ? loadCbsTables() : Promise.resolve([]),
    ]);
    const validation: ValidationContext = {
      indicators: catalogue.indicators,
      dimensions: catalogue.dimensions,
      areas: geography.areas,
      successorsOf: geography.successorsOf,
      decimalStyle: decimalStyleOf(facts.format, facts.delimiter),
      mayDeliver: scope.mayDeliver,
      divisionKnownFrom: REFERENCE_EPOCH,
      deliveryScopeText: scope.text,
    };
    const source = await openRowSource(request.path, {
      fileName: request.fileName,
      facts,
      mapping: request.mapping ?? {},
      dimensionCodes: new Set(catalogue.dimensions.keys()),
      areaCodeForName: geography.areaCodeForName,
      cbsTables,
    });
    report.findings = source.findings;

    const result = await db.transaction(async (tx) => {
      // Sorting and hashing a million keys wants more than the default 4 MB; JIT compilation costs more than it
      // saves on these short statements. Both only for this transaction.
      await tx.execute(sql`select set_config('work_mem', '64MB', true), set_config('jit', 'off', true)`);
      // Codes compare byte-wise ("C"), as the observation table's key columns do (ADR 0005).
      await tx.execute(sql`create temp table import_staging (
        row_no integer not null, indicator_code text collate "C" not null, area_code text collate "C" not null,
        period text collate "C" not null, breakdown text collate "C" not null, value double precision not null,
        status text not null) on commit drop`);
      await readIntoStaging(tx, source.rows, validation, report, request);
      if (report.errors > 0) throw new Refusal(report);
      // Fresh statistics, so the checks and the diff are planned for the file's real size.
      await tx.execute(sql`analyze import_staging`);
      await checkStaging(tx, catalogue.additive, report);
      if (report.errors > 0) throw new Refusal(report);
      request.onProgress?.({ phase: 'vergelijken', rows: report.rows });
      await compareWithDatabase(tx, report);
      report.sameFileAs = await earlierImportOf(tx, facts.sha256);
      if (request.dryRun) {
        report.outcome = 'proefimport';
        throw new Refusal(report);
      }
      if (report.added + report.changed === 0) {
        report.outcome = 'ongewijzigd';
        await recordAudit(tx, context, importAudit(report, 'success'));
        return report;
      }
      request.onProgress?.({ phase: 'opslaan', rows: report.rows });
      report.importId = await recordVersions(tx, context, report, facts, request.format ?? facts.format);
      // After a large import the planner needs to know the table grew, or the next diff sorts it whole.
      if (report.added + report.changed >= 50_000) await tx.execute(sql`analyze observation`);
      report.outcome = 'geimporteerd';
      await recordAudit(tx, context, importAudit(report, 'success'));
      return report;
    });
    return result;
  } catch (error) {
    if (error instanceof ImportFileError) {
      report.findings ??= error.findings;
      report.errors += Math.max(1, error.problems.length);
      report.problems.push(
        ...(error.problems.length > 0
          ? error.problems
          : [{ severity: 'fout' as const, row: null, column: null, value: null, message: error.message }]),
      );
    } else if (!(error instanceof Refusal)) throw error;
    if (report.outcome === 'geweigerd' || report.outcome === 'proefimport') {
      await db.transaction((tx) =>
        recordAudit(tx, context, importAudit(report, report.outcome === 'geweigerd' ? 'failure' : 'success')),
      );
    }
    return report;
  }
}

function importAudit(report: ImportReport, result: 'success' | 'failure') {
  return {
    action: report.outcome === 'proefimport' ? 'figures.import.dry-run' : 'figures.import',
    result,
    objectType: 'import_batch',
    ...(report.importId !== null ? { objectId: report.importId } : {}),
    details: {
      fileName: report.fileName,
      sha256: report.file?.sha256 ?? null,
      format: report.file?.format ?? null,
      outcome: report.outcome,
      rows: report.rows,
      errors: report.errors,
      added: report.added,
      changed: report.changed,
    },
  } as const;
}

async function readIntoStaging(
  tx: Db,
  rows: AsyncGenerator<RawObservation>,
  validation: ValidationContext,
  report: ImportReport,
  request: ImportRequest,
): Promise<void> {
  let chunk: ValidObservation[] = [];
  // One COPY in flight while the next chunk is read and validated: the database works while JavaScript parses.
  let inFlight: Promise<void> = Promise.resolve();
  const flush = async (ready: ValidObservation[]) => {
    await inFlight;
    inFlight = copyIntoStaging(tx, ready);
    inFlight.catch(() => undefined); // awaited below; this only keeps it from counting as unhandled meanwhile
  };
  try {
    await readRows();
  } finally {
    await inFlight;
  }
  async function readRows() {
    for await (const raw of rows) {
      report.rows++;
      const result = validateObservation(raw, validation);
      if (result.observation === null) {
        report.errors += result.problems.length;
        for (const found of result.problems)
          if (report.problems.length < REPORTED_PROBLEMS) report.problems.push(found);
        if (report.errors >= STOP_AFTER_ERRORS) {
          report.stoppedEarly = true;
          break;
        }
        continue;
      }
      // After the first error the rest is only checked, not copied: the import will be refused anyway.
      if (report.errors > 0) continue;
      chunk.push(result.observation);
      if (chunk.length >= CHUNK_ROWS) {
        await flush(chunk);
        chunk = [];
        request.onProgress?.({ phase: 'lezen', rows: report.rows });
      }
    }
    if (report.errors === 0) await flush(chunk);
  }
  if (report.rows === 0) {
    report.errors++;
    report.problems.push({
      severity: 'fout',
      row: null,
      column: null,
      value: null,
      message:
        'Het bestand bevat geen cijfers (alleen een kopregel, of alleen onbekende waarden). Kies het bestand met de cijfers.',
    });
  }
}

/** Checks over the whole file: the same figure twice, and breakdown parts that add up to more than their total. */
async function checkStaging(tx: Db, additive: readonly string[], report: ImportReport): Promise<void> {
  const duplicates = await selectRows<{
    indicator_code: string;
    area_code: string;
    period: string;
    breakdown: string;
    rows: number[];
    total: number;
  }>(
    tx,
    sql`select indicator_code, area_code, period, breakdown, (array_agg(row_no order by row_no))[1:5] as rows,
          count(*) over () as total
        from import_staging group by indicator_code, area_code, period, breakdown having count(*) > 1 limit 100`,
  );
  for (const duplicate of duplicates) {
    const rows = duplicate.rows.map(Number);
    report.errors++;
    if (report.problems.length < REPORTED_PROBLEMS)
      report.problems.push({
        severity: 'fout',
        row: rows[1] ?? null,
        column: null,
        value: `${duplicate.indicator_code} ${duplicate.area_code} ${duplicate.period}${duplicate.breakdown ? ` ${duplicate.breakdown}` : ''}`,
        message: `Dit cijfer staat meer dan eens in het bestand (regels ${rows.join(', ')}). Houd één regel per indicator, gebied, periode en uitsplitsing.`,
      });
  }
  if (duplicates.length > 0) report.errors += Number(duplicates[0]?.total ?? 0) - duplicates.length;
  if (report.errors > 0) return;
  const excess = await selectRows<{
    indicator_code: string;
    area_code: string;
    period: string;
    dimension: string;
    parts_sum: number;
    total: number;
    row_no: number;
  }>(
    tx,
    sql`with parts as (
          select indicator_code, area_code, period, split_part(breakdown, '=', 1) as dimension, sum(value) as parts_sum
          from import_staging
          where breakdown <> '' and position('|' in breakdown) = 0
            and indicator_code = any(${`{${additive.join(',')}}`}::text[])
          group by 1, 2, 3, 4)
        select p.indicator_code, p.area_code, p.period, p.dimension, p.parts_sum, t.value as total, t.row_no
        from parts p join import_staging t using (indicator_code, area_code, period)
        where t.breakdown = '' and p.parts_sum > t.value + 1e-9
        order by t.row_no limit 1000`,
  );
  for (const found of excess) {
    report.warnings++;
    if (report.problems.length < REPORTED_PROBLEMS)
      report.problems.push({
        severity: 'waarschuwing',
        row: Number(found.row_no),
        column: null,
        value: String(found.total),
        message: `De uitsplitsing naar ${found.dimension} telt op tot ${Number(found.parts_sum)}, meer dan het totaal ${Number(found.total)} (${found.indicator_code}, ${found.area_code}, ${found.period}). Dat kan kloppen als één melding onder meer soorten valt; controleer anders de cijfers.`,
      });
  }
}

async function compareWithDatabase(tx: Db, report: ImportReport): Promise<void> {
  // One join of the file against the current figures, kept for the counts, the samples and the commit.
  await tx.execute(sql`create temp table import_diff on commit drop as
    select s.row_no, s.indicator_code, s.area_code, s.period, s.breakdown, s.value, s.status,
      o.id as current_id, o.version as current_version, o.value as old_value, o.status as old_status,
      case when o.id is null or o.withdrawn then 'added'
           when o.value <> s.value or o.status <> s.status then 'changed'
           else 'unchanged' end as change
    from import_staging s
    left join observation o on o.indicator_code = s.indicator_code and o.period = s.period
      and o.area_code = s.area_code and o.breakdown = s.breakdown and o.superseded_at is null`);
  const [counts] = await selectRows<{ added: number; changed: number; unchanged: number }>(
    tx,
    sql`select count(*) filter (where change = 'added')::int as added,
          count(*) filter (where change = 'changed')::int as changed,
          count(*) filter (where change = 'unchanged')::int as unchanged
        from import_diff`,
  );
  report.added = counts?.added ?? 0;
  report.changed = counts?.changed ?? 0;
  report.unchanged = counts?.unchanged ?? 0;
  const samples = await selectRows<{
    row_no: number;
    indicator_code: string;
    area_code: string;
    period: string;
    breakdown: string;
    old_value: number | null;
    value: number;
    old_status: ObservationStatus | null;
    status: ObservationStatus;
  }>(
    tx,
    sql`(select * from import_diff where change = 'changed' order by row_no limit ${SAMPLE_CHANGES})
        union all (select * from import_diff where change = 'added' order by row_no limit ${SAMPLE_CHANGES})`,
  );
  report.changes = samples.map((sample) => ({
    row: Number(sample.row_no),
    indicator: sample.indicator_code,
    area: sample.area_code,
    period: sample.period,
    breakdown: sample.breakdown,
    oldValue: sample.old_value === null ? null : Number(sample.old_value),
    newValue: Number(sample.value),
    oldStatus: sample.old_status,
    newStatus: sample.status,
  }));
}

async function earlierImportOf(tx: Db, sha256: string): Promise<{ id: number; at: string } | null> {
  const [earlier] = await selectRows<{ id: number; at: Date | string }>(
    tx,
    sql`select id, at from import_batch where file_sha256 = ${sha256} and kind = 'import' and undone_by is null
        order by id desc limit 1`,
  );
  return earlier ? { id: Number(earlier.id), at: new Date(earlier.at).toISOString() } : null;
}

async function recordVersions(
  tx: Db,
  context: RequestContext,
  report: ImportReport,
  facts: FileFacts,
  format: ImportFormat,
): Promise<number> {
  const [batch] = await selectRows<{ id: number }>(
    tx,
    sql`insert into import_batch (kind, file_name, file_size, file_sha256, format, actor_user_id, actor_label, rows,
          added, changed, unchanged, skipped, warnings, details)
        values ('import', ${report.fileName}, ${facts.size}, ${facts.sha256}, ${format},
          ${context.actor.kind === 'user' ? context.actor.userId : null}, ${actorLabel(context.actor)}, ${report.rows},
          ${report.added}, ${report.changed}, ${report.unchanged}, ${report.findings?.skipped ?? 0}, ${report.warnings},
          ${JSON.stringify({ encoding: facts.encoding, delimiter: facts.delimiter, mapping: report.findings?.mapping ?? {}, cbsTable: report.findings?.cbsTable ?? null })}::jsonb)
        returning id`,
  );
  const importId = Number(batch?.id);
  await tx.execute(sql`update observation o set superseded_at = now()
    from import_diff d where o.id = d.current_id and d.change <> 'unchanged'`);
  await tx.execute(sql`insert into observation
      (indicator_code, area_code, period, breakdown, value, status, version, import_id, recorded_at)
    select indicator_code, area_code, period, breakdown, value, status, coalesce(current_version, 0) + 1,
      ${importId}, now()
    from import_diff where change <> 'unchanged'`);
  return importId;
}

// ---------------------------------------------------------------------------------------------------------
// Undo

export type UndoResult = { importId: number; undoId: number; restored: number; withdrawn: number };

/**
 * Undoes an import by adding versions that restore what was current before it (or withdraw figures it
 * introduced). Refused when a later import changed the same figures: undo that one first.
 */
export async function undoImport(db: Db, context: RequestContext, importId: number): Promise<UndoResult> {
  assertMayImport(context.actor);
  if (!isAdmin(context.actor)) {
    const own = await selectRows<{ actor_user_id: string | null }>(
      db,
      sql`select actor_user_id from import_batch where id = ${importId}`,
    );
    if (own.length === 0) throw new NotFoundError(`Import ${importId} bestaat niet.`);
    if (context.actor.kind !== 'user' || own[0]?.actor_user_id !== context.actor.userId)
      throw new ForbiddenError('Alleen een beheerder of wie de import deed kan die ongedaan maken.');
  }
  return db.transaction(async (tx) => {
    const [batch] = await selectRows<{
      id: number;
      kind: string;
      undone_by: number | null;
      file_name: string;
      file_sha256: string;
      format: ImportFormat;
      file_size: number;
    }>(
      tx,
      sql`select id, kind, undone_by, file_name, file_sha256, format, file_size from import_batch where id = ${importId} for update`,
    );
    if (!batch) throw new NotFoundError(`Import ${importId} bestaat niet.`);
    if (batch.kind !== 'import')
      throw new ConflictError('Dit is zelf een ongedaanmaking; importeer het bestand opnieuw.');
    if (batch.undone_by !== null) throw new ConflictError(`Import ${importId} is al ongedaan gemaakt.`);
    // Per figure of the import: its version from this import and the version current now.
    await tx.execute(sql`create temp table undo_plan on commit drop as
      select x.indicator_code, x.area_code, x.period, x.breakdown, x.version as x_version, c.id as current_id,
        c.version as current_version, c.import_id as current_import, cb.kind as current_kind
      from observation x
      join observation c on c.indicator_code = x.indicator_code and c.area_code = x.area_code
        and c.period = x.period and c.breakdown = x.breakdown and c.superseded_at is null
      join import_batch cb on cb.id = c.import_id
      where x.import_id = ${importId}`);
    // A later import that still stands changed some of these figures: undoing this one would silently undo
    // part of that one too. (A later import that was itself undone left an undo version: no conflict.)
    const later = await selectRows<{ current_import: number }>(
      tx,
      sql`select distinct current_import from undo_plan
          where current_import <> ${importId} and current_kind = 'import' order by 1 limit 5`,
    );
    if (later.length > 0)
      throw new ConflictError(
        `Latere import ${later.map((row) => row.current_import).join(', ')} heeft cijfers van import ${importId} al gewijzigd. Maak die eerst ongedaan.`,
      );
    const [undo] = await selectRows<{ id: number }>(
      tx,
      sql`insert into import_batch (kind, file_name, file_size, file_sha256, format, actor_user_id, actor_label, rows,
            added, changed, unchanged, undo_of)
          values ('undo', ${batch.file_name}, ${batch.file_size}, ${batch.file_sha256}, ${batch.format},
            ${context.actor.kind === 'user' ? context.actor.userId : null}, ${actorLabel(context.actor)}, 0, 0, 0, 0, ${importId})
          returning id`,
    );
    const undoId = Number(undo?.id);
    await tx.execute(
      sql`update observation set superseded_at = now() where id in (select current_id from undo_plan)`,
    );
    // The restored value is the version just before this import's, whatever happened after it.
    const [counts] = await selectRows<{ restored: number; withdrawn: number }>(
      tx,
      sql`with inserted as (
            insert into observation (indicator_code, area_code, period, breakdown, value, status, version, import_id,
              recorded_at, withdrawn)
            select u.indicator_code, u.area_code, u.period, u.breakdown, p.value, coalesce(p.status, 'definitief'),
              u.current_version + 1, ${undoId}, now(), p.value is null
            from undo_plan u
            left join observation p on p.indicator_code = u.indicator_code and p.area_code = u.area_code
              and p.period = u.period and p.breakdown = u.breakdown and p.version = u.x_version - 1
            returning withdrawn)
          select count(*) filter (where not withdrawn)::int as restored, count(*) filter (where withdrawn)::int as withdrawn
          from inserted`,
    );
    const restored = counts?.restored ?? 0;
    const withdrawn = counts?.withdrawn ?? 0;
    await tx.execute(sql`update import_batch set undone_by = ${undoId} where id = ${importId}`);
    await tx.execute(sql`update import_batch set rows = ${restored + withdrawn}, changed = ${restored},
      added = 0, details = ${JSON.stringify({ withdrawn })}::jsonb where id = ${undoId}`);
    await recordAudit(tx, context, {
      action: 'figures.import.undo',
      result: 'success',
      objectType: 'import_batch',
      objectId: importId,
      details: { undoId, restored, withdrawn },
    });
    return { importId, undoId, restored, withdrawn };
  });
}
