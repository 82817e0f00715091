/**
 * Logical backup and restore, the same on PGlite and PostgreSQL (so a backup of the embedded database can also
 * move an installation to a server). A backup is gzipped JSON lines: a header with the schema version, then per
 * table a header line and one line per row (`to_jsonb` of the row, so every type keeps its exact text form).
 * Restore replaces everything in one transaction: it succeeds completely or leaves the database as it was.
 * Sessions, one-time links and the sign-in throttle are not backed up: a restore signs everybody out.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { type Db, selectRows } from '../../db/client.ts';
import { UserError } from '../../errors.ts';
import { APP_VERSION } from '../../version.ts';
import { type RequestContext, recordAudit } from '../audit/audit.service.ts';

export const BACKUP_FORMAT = 'ketenzicht-backup';
export const BACKUP_FORMAT_VERSION = 1;
/** Short-lived security state: never restored, so an old backup cannot revive a session or a reset link. */
const NOT_BACKED_UP = new Set(['session', 'one_time_token', 'sign_in_throttle']);
const INSERT_BATCH = 2_000;

type Header = {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  appVersion: string;
  createdAt: string;
  engine: string;
  /** Hashes of the applied migrations, oldest first: the schema the rows fit. */
  migrations: string[];
  tables: string[];
};

export type BackupSummary = { tables: number; rows: number; bytes?: number };

async function appliedMigrations(db: Db): Promise<string[]> {
  const rows = await selectRows<{ hash: string }>(
    db,
    sql`select hash from drizzle.__drizzle_migrations order by created_at, id`,
  );
  return rows.map((row) => row.hash);
}

/** Tables of the public schema, parents before children (foreign keys), so rows can be inserted in this order. */
async function tablesInDependencyOrder(db: Db): Promise<string[]> {
  const tables = (
    await selectRows<{ name: string }>(
      db,
      sql`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = 'public' and c.relkind in ('r', 'p') order by c.relname`,
    )
  ).map((row) => row.name);
  const edges = await selectRows<{ child: string; parent: string }>(
    db,
    sql`select c.relname as child, p.relname as parent from pg_constraint k
          join pg_class c on c.oid = k.conrelid join pg_class p on p.oid = k.confrelid
          join pg_namespace n on n.oid = c.relnamespace
        where k.contype = 'f' and n.nspname = 'public' and c.relname <> p.relname`,
  );
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (ordered.length < tables.length) {
    const ready = tables.filter(
      (table) => !placed.has(table) && edges.every((edge) => edge.child !== table || placed.has(edge.parent)),
    );
    if (ready.length === 0) throw new Error('foreign keys form a cycle; cannot order tables for backup');
    for (const table of ready) {
      placed.add(table);
      ordered.push(table);
    }
  }
  return ordered;
}

const identifier = (name: string) => sql.raw(`"${name.replaceAll('"', '""')}"`);

/** Writes a backup of the whole database to `file` (via a temporary file, so a failed backup leaves nothing). */
export async function writeBackup(
  db: Db,
  engine: string,
  file: string,
  context?: RequestContext,
): Promise<BackupSummary> {
  const partial = `${file}.partial`;
  let rows = 0;
  let tables: string[] = [];
  // One snapshot for all tables: a backup taken while the server writes is still consistent.
  const lines = await db.transaction(
    async (tx) => {
      tables = (await tablesInDependencyOrder(tx)).filter((table) => !NOT_BACKED_UP.has(table));
      const header: Header = {
        format: BACKUP_FORMAT,
        formatVersion: BACKUP_FORMAT_VERSION,
        appVersion: APP_VERSION,
        createdAt: new Date().toISOString(),
        engine,
        migrations: await appliedMigrations(tx),
        tables,
      };
      const out: string[] = [JSON.stringify(header)];
      for (const table of tables) {
        const data = await selectRows<{ row: unknown }>(
          tx,
          sql`select to_jsonb(t) as row from ${identifier(table)} t`,
        );
        out.push(JSON.stringify({ table, rows: data.length }));
        for (const { row } of data) out.push(JSON.stringify(typeof row === 'string' ? JSON.parse(row) : row));
        rows += data.length;
      }
      return out;
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
  try {
    await pipeline(
      (async function* () {
        for (const line of lines) yield `${line}\n`;
      })(),
      createGzip(),
      // Backups hold password hashes, e-mail addresses and the audit log: readable by the owner only.
      createWriteStream(partial, { mode: 0o600 }),
    );
    await rename(partial, file);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  // A backup is a copy of everything, personal data included: who made it is on record.
  if (context)
    await db.transaction((tx) =>
      recordAudit(tx, context, { action: 'system.backup', result: 'success', details: { file, rows } }),
    );
  return { tables: tables.length, rows };
}

type ParsedBackup = { header: Header; tables: Map<string, unknown[]> };

/** Reads and checks a whole backup before anything in the database changes. */
export async function readBackup(file: string): Promise<ParsedBackup> {
  const lines = createInterface({
    input: createReadStream(file).pipe(createGunzip()),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  let header: Header | undefined;
  const tables = new Map<string, unknown[]>();
  let current: { table: string; expected: number; rows: unknown[] } | undefined;
  let lineNumber = 0;
  const problem = (what: string) =>
    new UserError(
      `${file}, regel ${lineNumber}: ${what}. Dit is geen volledige Ketenzicht-back-up; er is niets veranderd.`,
    );
  try {
    for await (const line of lines) {
      lineNumber++;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        throw problem('geen geldige JSON');
      }
      if (!header) {
        const candidate = value as Partial<Header>;
        if (candidate.format !== BACKUP_FORMAT) throw problem('geen Ketenzicht-back-up (kop ontbreekt)');
        if (candidate.formatVersion !== BACKUP_FORMAT_VERSION)
          throw problem(`back-upformaat ${candidate.formatVersion} wordt niet ondersteund`);
        header = candidate as Header;
        continue;
      }
      if (!current || current.rows.length === current.expected) {
        if (current) tables.set(current.table, current.rows);
        const section = value as { table?: unknown; rows?: unknown };
        if (
          typeof section.table !== 'string' ||
          typeof section.rows !== 'number' ||
          !header.tables.includes(section.table)
        )
          throw problem('onverwachte tabelkop');
        current = { table: section.table, expected: section.rows, rows: [] };
        continue;
      }
      current.rows.push(value);
    }
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(
      `${file}: het bestand is geen leesbare back-up (${(error as Error).message}). Er is niets veranderd.`,
    );
  }
  if (current) tables.set(current.table, current.rows);
  if (!header) throw new UserError(`${file}: het bestand is leeg. Er is niets veranderd.`);
  if (current && current.rows.length !== current.expected)
    throw new UserError(
      `${file}: het bestand is afgebroken (tabel ${current.table} is onvolledig). Er is niets veranderd.`,
    );
  const missing = header.tables.filter((table) => !tables.has(table));
  if (missing.length)
    throw new UserError(
      `${file}: het bestand is afgebroken (tabellen ontbreken: ${missing.join(', ')}). Er is niets veranderd.`,
    );
  return { header, tables };
}

/**
 * Replaces the database contents with the backup, in one transaction. The backup must fit this version's schema.
 * The audit log is replaced too (it is part of the backup); the restore itself is then recorded in it.
 */
export async function restoreBackup(db: Db, context: RequestContext, file: string): Promise<BackupSummary> {
  const backup = await readBackup(file);
  const current = await appliedMigrations(db);
  const sameSchema =
    current.length === backup.header.migrations.length &&
    current.every((hash, index) => hash === backup.header.migrations[index]);
  if (!sameSchema)
    throw new UserError(
      `${file} is gemaakt met een ander databaseschema (Ketenzicht ${backup.header.appVersion}, ${backup.header.migrations.length} migraties; ` +
        `deze database heeft er ${current.length}). Herstel de back-up met dezelfde versie van Ketenzicht. Er is niets veranderd.`,
    );
  const tables = await tablesInDependencyOrder(db);
  const forbidden = backup.header.tables.filter((table) => NOT_BACKED_UP.has(table));
  if (forbidden.length)
    throw new UserError(
      `${file} bevat ${forbidden.join(', ')}, die nooit in een back-up staan. Er is niets veranderd.`,
    );
  const unknown = backup.header.tables.filter((table) => !tables.includes(table));
  if (unknown.length)
    throw new UserError(`${file}: onbekende tabellen ${unknown.join(', ')}. Er is niets veranderd.`);
  let rows = 0;
  await db.transaction(async (tx) => {
    const previousAudit =
      (await selectRows<{ n: number }>(tx, sql`select count(*)::int as n from audit_log`))[0]?.n ?? 0;
    // The append-only triggers guard the log against the application; a restore by the operator replaces it whole.
    await tx.execute(sql`alter table audit_log disable trigger user`);
    await tx.execute(
      sql.raw(`truncate table ${tables.map((table) => `"${table}"`).join(', ')} restart identity cascade`),
    );
    for (const table of tables) {
      const data = backup.tables.get(table) ?? [];
      for (let start = 0; start < data.length; start += INSERT_BATCH) {
        const batch = JSON.stringify(data.slice(start, start + INSERT_BATCH));
        await tx.execute(
          sql`insert into ${identifier(table)} select * from jsonb_populate_recordset(null::${identifier(table)}, ${batch}::jsonb)`,
        );
      }
      rows += data.length;
    }
    await resetSequences(tx);
    await tx.execute(sql`alter table audit_log enable trigger user`);
    await recordAudit(tx, context, {
      action: 'system.restore',
      result: 'success',
      details: {
        file,
        backupCreatedAt: backup.header.createdAt,
        backupEngine: backup.header.engine,
        rows,
        auditEntriesBeforeRestore: previousAudit,
      },
    });
  });
  return { tables: backup.header.tables.length, rows };
}

/** After inserting rows with their ids, serial counters continue after the highest id. */
async function resetSequences(tx: Db): Promise<void> {
  const serials = await selectRows<{ table_name: string; column_name: string; sequence: string }>(
    tx,
    sql`select table_name, column_name, pg_get_serial_sequence(quote_ident(table_name), column_name) as sequence
        from information_schema.columns
        where table_schema = 'public' and pg_get_serial_sequence(quote_ident(table_name), column_name) is not null`,
  );
  for (const serial of serials) {
    await tx.execute(
      sql`select setval(${serial.sequence}, coalesce((select max(${identifier(serial.column_name)}) from ${identifier(serial.table_name)}), 1),
                        (select max(${identifier(serial.column_name)}) from ${identifier(serial.table_name)}) is not null)`,
    );
  }
}
