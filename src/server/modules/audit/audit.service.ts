/**
 * The audit log (BIO 8.15.01: action, object, result, origin, actor, time). Entries are written in the same
 * transaction as the change they record where there is one, so a change without its entry cannot exist.
 */
import { and, count, desc, eq, ilike, type SQL, sql } from 'drizzle-orm';
import type { AuditResult } from '../../../shared/access.ts';
import type { Db } from '../../db/client.ts';
import { auditLog } from '../../db/schema/index.ts';
import { withScope } from '../../db/scope.ts';
import { type Actor, actorLabel, databaseScopeOf } from '../access/access.domain.ts';

/** Who acts and from where; every service call that changes or reveals something gets one. */
export type RequestContext = { actor: Actor; origin: string };

export type AuditEntry = {
  action: string;
  result: AuditResult;
  objectType?: string;
  objectId?: string | number;
  details?: Record<string, unknown>;
};

export async function recordAudit(tx: Db, context: RequestContext, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    action: entry.action,
    result: entry.result,
    objectType: entry.objectType ?? null,
    objectId: entry.objectId === undefined ? null : String(entry.objectId),
    origin: context.origin,
    actorUserId: context.actor.kind === 'user' ? context.actor.userId : null,
    actorLabel: actorLabel(context.actor),
    details: entry.details ?? null,
  });
}

/** Records an entry on its own (sign-in attempts, refusals), as the application role. */
export async function recordAuditAlone(db: Db, context: RequestContext, entry: AuditEntry): Promise<void> {
  await withScope(db, databaseScopeOf(context.actor), (tx) => recordAudit(tx, context, entry));
}

export type AuditFilter = {
  from?: string | undefined;
  to?: string | undefined;
  action?: string | undefined;
  actor?: string | undefined;
  result?: AuditResult | undefined;
  objectType?: string | undefined;
  objectId?: string | undefined;
};

export type AuditRow = typeof auditLog.$inferSelect;

function whereOf(filter: AuditFilter): SQL | undefined {
  const conditions: SQL[] = [];
  // Days are Dutch days: "up to and including 3 March" ends at midnight in Amsterdam, not in UTC.
  if (filter.from)
    conditions.push(sql`${auditLog.at} >= (${filter.from}::date::timestamp at time zone 'Europe/Amsterdam')`);
  if (filter.to)
    conditions.push(
      sql`${auditLog.at} < ((${filter.to}::date + 1)::timestamp at time zone 'Europe/Amsterdam')`,
    );
  if (filter.action) conditions.push(eq(auditLog.action, filter.action));
  if (filter.result) conditions.push(eq(auditLog.result, filter.result));
  if (filter.objectType) conditions.push(eq(auditLog.objectType, filter.objectType));
  if (filter.objectId) conditions.push(eq(auditLog.objectId, filter.objectId));
  if (filter.actor) conditions.push(ilike(auditLog.actorLabel, `%${escapeLike(filter.actor)}%`));
  return conditions.length ? and(...conditions) : undefined;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/** Newest first. Reading the log is itself recorded: who looked at the log is part of the log. */
export async function searchAudit(
  db: Db,
  context: RequestContext,
  filter: AuditFilter,
  page: { limit: number; offset: number },
): Promise<{ total: number; entries: AuditRow[] }> {
  return withScope(db, databaseScopeOf(context.actor), async (tx) => {
    const where = whereOf(filter);
    const [totals] = await tx.select({ total: count() }).from(auditLog).where(where);
    const entries = await tx
      .select()
      .from(auditLog)
      .where(where)
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(page.limit)
      .offset(page.offset);
    await recordAudit(tx, context, { action: 'audit.search', result: 'success', details: { ...filter } });
    return { total: totals?.total ?? 0, entries };
  });
}

export const AUDIT_EXPORT_LIMIT = 100_000;

export async function exportAudit(db: Db, context: RequestContext, filter: AuditFilter): Promise<AuditRow[]> {
  return withScope(db, databaseScopeOf(context.actor), async (tx) => {
    const rows = await tx
      .select()
      .from(auditLog)
      .where(whereOf(filter))
      .orderBy(auditLog.at, auditLog.id)
      .limit(AUDIT_EXPORT_LIMIT);
    await recordAudit(tx, context, {
      action: 'audit.export',
      result: 'success',
      details: { ...filter, rows: rows.length },
    });
    return rows;
  });
}

export const AUDIT_CSV_COLUMNS = [
  'tijdstip',
  'actie',
  'resultaat',
  'objecttype',
  'object',
  'actor',
  'actor_id',
  'herkomst',
  'details',
] as const;

/** CSV for spreadsheets; cells that a spreadsheet would run as a formula are neutralised. */
export function auditCsv(rows: AuditRow[]): string {
  const lines = [AUDIT_CSV_COLUMNS.join(';')];
  for (const row of rows) {
    lines.push(
      [
        row.at.toISOString(),
        row.action,
        row.result,
        row.objectType ?? '',
        row.objectId ?? '',
        row.actorLabel,
        row.actorUserId ?? '',
        row.origin,
        row.details ? JSON.stringify(row.details) : '',
      ]
        .map(csvCell)
        .join(';'),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
