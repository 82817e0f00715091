/**
 * Importing a case extract: read and check the whole file (codes, dates, the shape of each case, and no personal
 * data anywhere), pseudonymise the identifiers, then record new case versions in one transaction, or nothing.
 * A dry run reports what would change. The supplier's identifiers exist only in memory during the import.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { parse as parseCsv } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import {
  CASES_UPLOAD_LIMIT,
  DEMO_CASES_FILE_NAME,
  SAFETY_ASSESSMENT_NORM_WORKING_DAYS,
} from '../../../shared/cases.ts';
import { type Db, integerArray, selectRows, textArray } from '../../db/client.ts';
import { ConflictError, ForbiddenError, NotFoundError, UserError } from '../../errors.ts';
import { decodeTextUpload } from '../../http/uploads.ts';
import { type Actor, actorLabel, isAdmin } from '../access/access.domain.ts';
import { type RequestContext, recordAudit } from '../audit/audit.service.ts';
import { detectDelimiter } from '../figures/figures.formats.ts';
import { type CaseEvent, caseKey, householdPseudonym, keyFingerprint } from './cases.domain.ts';
import { type CaseImportProblem, readCaseExtract } from './cases.extract.ts';
import type { PseudonymKeySource } from './cases.key.ts';
import { type CaseSummary, summariseCase } from './cases.outcomes.ts';
import { extractContext, regionsOf, schedulesFor } from './cases.repo.ts';

export type CaseImportRequest = {
  path: string;
  fileName: string;
  dryRun: boolean;
  /** The supplying organisation; required for users who supply for more than one. */
  supplierId?: number | null;
  today?: string;
};

export type CaseImportReport = {
  outcome: 'geweigerd' | 'proefimport' | 'geimporteerd' | 'ongewijzigd';
  importId: number | null;
  fileName: string;
  supplier: { id: number; name: string } | null;
  rows: number;
  cases: number;
  errors: number;
  warnings: number;
  problems: CaseImportProblem[];
  /** Columns refused because they hold personal data (the values are never repeated). */
  personalData: Array<{ column: string; kind: string; firstRow: number | null; count: number }>;
  added: number;
  changed: number;
  unchanged: number;
  households: number;
};

/** Suppliers: an aanleverancier (or casusregie) of a Veilig Thuis organisation or local team; or a beheerder. */
export function supplierChoices(actor: Actor): number[] {
  if (actor.kind !== 'user') return [];
  return actor.memberships
    .filter(
      (membership) =>
        (membership.role === 'aanleverancier' || membership.role === 'casusregie') &&
        (membership.organisationKind === 'veilig_thuis' || membership.organisationKind === 'lokaal_team'),
    )
    .map((membership) => membership.organisationId);
}

function resolveSupplier(actor: Actor, requested: number | null | undefined): number | null {
  const choices = [...new Set(supplierChoices(actor))];
  if (requested !== undefined && requested !== null) {
    if (choices.includes(requested) || isAdmin(actor)) return requested;
    throw new ForbiddenError(
      'U levert geen casussen aan voor deze organisatie. Kies een organisatie waarvoor u aanleverancier bent.',
    );
  }
  if (choices.length === 1) return choices[0] as number;
  if (choices.length > 1)
    throw new UserError(
      'U levert aan voor meer dan één organisatie: kies voor welke (veld "supplier", het organisatienummer).',
    );
  if (isAdmin(actor)) return null;
  throw new ForbiddenError(
    'Casussen aanleveren kan alleen een aanleverancier van een Veilig Thuis-organisatie of lokaal team, of een beheerder.',
  );
}

export function assertMaySupplyCases(actor: Actor): void {
  if (isAdmin(actor) || supplierChoices(actor).length > 0) return;
  throw new ForbiddenError(
    'Casussen aanleveren kan alleen een aanleverancier van een Veilig Thuis-organisatie of lokaal team, of een beheerder.',
  );
}

const KEY_FINGERPRINT_SETTING = 'pseudonymKeyFingerprint';

/** Refuses a key other than the one earlier extracts were pseudonymised with: links would silently break. */
async function checkKey(tx: Db, fingerprint: string, record: boolean): Promise<void> {
  const [stored] = await selectRows<{ value: unknown }>(
    tx,
    sql`select value from setting where key = ${KEY_FINGERPRINT_SETTING}`,
  );
  if (stored && stored.value !== fingerprint)
    throw new UserError(
      'De pseudonimiseringssleutel is een andere dan waarmee eerdere aanleveringen zijn verwerkt: nieuwe casussen zouden niet meer aan eerdere huishoudens koppelen. Zet de oorspronkelijke sleutel terug (KETENZICHT_PSEUDONYM_KEY of het sleutelbestand).',
    );
  if (!stored && record)
    await tx.execute(
      sql`insert into setting (key, value) values (${KEY_FINGERPRINT_SETTING}, ${JSON.stringify(fingerprint)}::jsonb)`,
    );
}

type PreparedCase = {
  caseKey: string;
  household: string;
  events: CaseEvent[];
  eventsJson: string;
  row: number;
};

type CurrentCase = {
  id: number;
  case_key: string;
  version: number;
  household: string;
  events_text: string;
  supplier_id: number | null;
  melding_date: string;
  withdrawn: boolean;
};

/** JSON with object keys sorted: jsonb does not keep key order, and equal cases must compare equal. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(
          Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)),
        )
      : inner,
  );
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

function emptyReport(fileName: string): CaseImportReport {
  return {
    outcome: 'geweigerd',
    importId: null,
    fileName,
    supplier: null,
    rows: 0,
    cases: 0,
    errors: 0,
    warnings: 0,
    problems: [],
    personalData: [],
    added: 0,
    changed: 0,
    unchanged: 0,
    households: 0,
  };
}

/** Reads, checks and (unless a dry run) records a case extract. Never throws for bad content: it reports. */
export async function importCases(
  db: Db,
  context: RequestContext,
  keySource: PseudonymKeySource | undefined,
  request: CaseImportRequest,
): Promise<CaseImportReport> {
  const supplierId = resolveSupplier(context.actor, request.supplierId);
  const report = emptyReport(request.fileName);
  const bytes = await readFile(request.path);
  if (bytes.length > CASES_UPLOAD_LIMIT)
    throw new UserError(
      `${request.fileName} is groter dan ${CASES_UPLOAD_LIMIT / 1024 / 1024} MB. Splits het.`,
    );
  const { text } = decodeTextUpload(bytes, request.fileName);
  const firstLine = text.slice(0, text.indexOf('\n') === -1 ? undefined : text.indexOf('\n'));
  let records: string[][];
  try {
    records = parseCsv(text, {
      delimiter: detectDelimiter(firstLine),
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    report.errors = 1;
    report.problems = [
      {
        severity: 'fout',
        row: line ?? null,
        column: null,
        value: null,
        message: `Het bestand is geen geldige CSV${line ? ` (rond rij ${line})` : ''}: controleer de aanhalingstekens en het scheidingsteken. (De melding van de lezer wordt niet herhaald: die kan een waarde uit het bestand bevatten.)`,
      },
    ];
    return report;
  }
  const supplier = supplierId === null ? null : await supplierFacts(db, supplierId);
  report.supplier = supplier;
  const now = request.today ?? today();
  const extract = readCaseExtract(records, await extractContext(db, now));
  report.rows = extract.rows;
  report.cases = extract.cases.length;
  report.problems = extract.problems;
  report.errors = extract.errors;
  report.warnings = extract.warnings;
  report.personalData = extract.personalData;
  if (extract.errors > 0) return report;
  if (!keySource)
    throw new UserError(
      'Er is geen pseudonimiseringssleutel ingesteld: zet KETENZICHT_PSEUDONYM_KEY of KETENZICHT_PSEUDONYM_KEY_FILE.',
    );
  const key = await keySource();
  const prepared: PreparedCase[] = extract.cases.map((entry) => {
    const events = entry.events;
    return {
      caseKey: caseKey(key, supplierId, entry.caseRef),
      household: householdPseudonym(key, entry.householdRef),
      events,
      eventsJson: canonicalJson(events),
      row: entry.firstRow,
    };
  });
  report.households = new Set(prepared.map((entry) => entry.household)).size;
  const sha256 = createHash('sha256').update(bytes).digest('hex');

  const run = async (tx: Db) => {
    await checkKey(tx, keyFingerprint(key), !request.dryRun);
    const keys = prepared.map((entry) => entry.caseKey);
    const current = await selectRows<CurrentCase>(
      tx,
      sql`select id, case_key, version, household, events::text as events_text, supplier_id,
                 melding_date::text as melding_date, withdrawn
          from casus where superseded_at is null and case_key = any(${textArray(keys)}::text[])`,
    );
    const byKey = new Map(current.map((row) => [row.case_key, row]));
    const toWrite: PreparedCase[] = [];
    for (const entry of prepared) {
      const existing = byKey.get(entry.caseKey);
      if (!existing || existing.withdrawn) {
        report.added += 1;
        toWrite.push(entry);
      } else if (
        existing.household === entry.household &&
        canonicalJson(JSON.parse(existing.events_text)) === entry.eventsJson
      )
        report.unchanged += 1;
      else {
        report.changed += 1;
        toWrite.push(entry);
      }
    }
    if (request.dryRun) {
      report.outcome = 'proefimport';
      return;
    }
    if (toWrite.length === 0) {
      report.outcome = 'ongewijzigd';
      return;
    }
    const [batch] = await selectRows<{ id: number }>(
      tx,
      sql`insert into case_import (kind, file_name, file_size, file_sha256, supplier_id, actor_user_id, actor_label,
                                   rows, cases, added, changed, unchanged, synthetic)
          values ('import', ${request.fileName}, ${bytes.length}, ${sha256}, ${supplierId},
                  ${context.actor.kind === 'user' ? context.actor.userId : null}, ${actorLabel(context.actor)},
                  ${report.rows}, ${report.cases}, ${report.added}, ${report.changed}, ${report.unchanged},
                  ${request.fileName === DEMO_CASES_FILE_NAME})
          returning id`,
    );
    const importId = (batch as { id: number }).id;
    const recordedAt = new Date();
    await writeVersions(
      tx,
      toWrite.map((entry) => ({
        caseKey: entry.caseKey,
        household: entry.household,
        supplierId,
        events: entry.events,
        previous: byKey.get(entry.caseKey) ?? null,
      })),
      importId,
      recordedAt,
    );
    // A re-delivered case may have moved to another household: both households get their summaries again.
    await resummariseHouseholds(tx, [
      ...new Set(
        toWrite.flatMap((entry) => {
          const earlier = byKey.get(entry.caseKey)?.household;
          return earlier && earlier !== entry.household ? [entry.household, earlier] : [entry.household];
        }),
      ),
    ]);
    await recordAudit(tx, context, {
      action: 'casus.import',
      result: 'success',
      objectType: 'case_import',
      objectId: importId,
      details: {
        fileName: request.fileName,
        sha256,
        supplierId,
        cases: report.cases,
        added: report.added,
        changed: report.changed,
        unchanged: report.unchanged,
      },
    });
    report.importId = importId;
    report.outcome = 'geimporteerd';
  };
  try {
    await db.transaction(run);
  } catch (error) {
    // Two deliveries of the same case at the same moment: the second finds the case key taken at commit.
    const code =
      (error as { code?: string; cause?: { code?: string } }).code ??
      (error as { cause?: { code?: string } }).cause?.code;
    if (code === '23505')
      throw new ConflictError(
        'Tegelijk met deze aanlevering werd een andere aanlevering met dezelfde casussen verwerkt. Er is niets veranderd: probeer het opnieuw.',
      );
    throw error;
  }
  return report;
}

async function supplierFacts(db: Db, id: number): Promise<{ id: number; name: string }> {
  const [row] = await selectRows<{ id: number; name: string; kind: string }>(
    db,
    sql`select id, name, kind from organisation where id = ${id}`,
  );
  if (!row) throw new NotFoundError(`Organisatie ${id} bestaat niet.`);
  return { id: row.id, name: row.name };
}

export type VersionToWrite = {
  caseKey: string;
  household: string;
  supplierId: number | null;
  events: CaseEvent[];
  /** The current version it replaces, if any. */
  previous: Pick<CurrentCase, 'id' | 'version'> | null;
  withdrawn?: boolean;
};

/**
 * Closes the current versions and adds the new ones. Summaries are filled in afterwards per household
 * (`resummariseHouseholds`), as a new melding changes the recurrence of the household's earlier cases.
 */
export async function writeVersions(
  tx: Db,
  versions: readonly VersionToWrite[],
  importId: number,
  recordedAt: Date,
): Promise<void> {
  const previousIds = versions.flatMap((entry) => (entry.previous ? [entry.previous.id] : []));
  if (previousIds.length > 0)
    await tx.execute(
      sql`update casus set superseded_at = ${recordedAt} where id = any(${integerArray(previousIds)}::bigint[])`,
    );
  const regions = await regionsOf(
    tx,
    versions.map((entry) => {
      const melding = entry.events.find((event) => event.kind === 'melding');
      return { gemeente: melding?.kind === 'melding' ? melding.gemeente : '', date: melding?.date ?? '' };
    }),
  );
  const CHUNK = 500;
  for (let start = 0; start < versions.length; start += CHUNK) {
    const chunk = versions.slice(start, start + CHUNK);
    const values = chunk.map((entry, index) => {
      // Placeholder summary; the real one follows per household. Without a schedule region it is the default.
      const summary = summariseCase(entry.events, []);
      const involved = [
        ...new Set([...(entry.supplierId !== null ? [entry.supplierId] : []), ...summary.involvedTeamIds]),
      ];
      return sql`(${entry.caseKey}, ${(entry.previous?.version ?? 0) + 1}, ${entry.household}, ${entry.supplierId},
        ${integerArray(involved)}::integer[], ${summary.gemeente}, ${regions[start + index] ?? null},
        ${summary.meldingDate}::date, ${summary.melder}, ${textArray(summary.violenceTypes)}::text[],
        ${JSON.stringify(entry.events)}::jsonb, ${importId}, ${recordedAt}, ${entry.withdrawn ?? false},
        ${summary.handoverCount}, ${summary.directorTeamIds.length})`;
    });
    await tx.execute(sql`insert into casus (case_key, version, household, supplier_id, involved_organisation_ids,
        gemeente, region, melding_date, melder, violence_types, events, import_id, recorded_at, withdrawn,
        handover_count, director_count)
      values ${sql.join(values, sql`, `)}`);
  }
}

type HouseholdCase = {
  id: number;
  household: string;
  region: string | null;
  events: CaseEvent[];
  withdrawn: boolean;
};

/**
 * Recomputes the summaries of every current case of these households: one case's new melding is another's
 * recurrence, and the schedule of each case's region decides its windows.
 */
export async function resummariseHouseholds(tx: Db, households: readonly string[]): Promise<void> {
  if (households.length === 0) return;
  const rows = await selectRows<HouseholdCase>(
    tx,
    sql`select id, household, region, events, withdrawn from casus
        where superseded_at is null and household = any(${textArray(households)}::text[])`,
  );
  const schedules = await schedulesFor(tx, [...new Set(rows.map((row) => row.region))]);
  const meldingenOf = new Map<string, string[]>();
  for (const row of rows) {
    if (row.withdrawn) continue;
    const melding = row.events.find((event) => event.kind === 'melding');
    if (!melding) continue;
    const list = meldingenOf.get(row.household) ?? [];
    list.push(melding.date);
    meldingenOf.set(row.household, list);
  }
  const CHUNK = 500;
  const live = rows.filter((row) => !row.withdrawn);
  for (let start = 0; start < live.length; start += CHUNK) {
    const values = live.slice(start, start + CHUNK).map((row) => {
      const summary = summariseCase(row.events, meldingenOf.get(row.household) ?? [], schedules(row.region));
      return summaryValues(row.id, summary);
    });
    await tx.execute(sql`update casus set
        safety_assessment = v.safety_assessment, assessment_date = v.assessment_date::date,
        decision = v.decision, decision_date = v.decision_date::date, handover_date = v.handover_date::date,
        receiving_team_id = v.receiving_team_id::integer, plan_date = v.plan_date::date,
        closure_date = v.closure_date::date, closure_reason = v.closure_reason,
        primary_intervention = v.primary_intervention, cohort_year = v.cohort_year::smallint,
        stopped_12 = v.stopped_12, safe_3 = v.safe_3, safe_12 = v.safe_12,
        window_3_end = v.window_3_end::date, window_12_end = v.window_12_end::date,
        recurrence_12 = v.recurrence_12, recurrence_window_end = v.recurrence_window_end::date,
        working_days_to_assessment = v.working_days::integer, days_to_handover = v.days_to_handover::integer,
        days_from_handover_to_plan = v.days_to_plan::integer
      from (values ${sql.join(values, sql`, `)}) as v(id, safety_assessment, assessment_date, decision,
        decision_date, handover_date, receiving_team_id, plan_date, closure_date, closure_reason,
        primary_intervention, cohort_year, stopped_12, safe_3, safe_12, window_3_end, window_12_end, recurrence_12,
        recurrence_window_end, working_days, days_to_handover, days_to_plan)
      where casus.id = v.id`);
  }
  await rebuildCaseOutcomes(tx, households);
}

/**
 * Rewrites the narrow outcome rows (`case_outcome`) of these households, or of every case when `households` is
 * null, from the summaries on the case rows: only current cases that are not withdrawn count.
 */
export async function rebuildCaseOutcomes(tx: Db, households: readonly string[] | null): Promise<void> {
  const scope = households === null ? sql`true` : sql`household = any(${textArray(households)}::text[])`;
  await tx.execute(
    households === null
      ? sql`delete from case_outcome`
      : sql`delete from case_outcome where case_id in (select id from casus where ${scope})`,
  );
  await tx.execute(sql`insert into case_outcome (case_id, gemeente, region, intervention, safety, cohort_year,
      melding_year, recurrence_year, stopped_12, safe_3, safe_12, window_3_end, window_12_end, recurrence_12,
      recurrence_window_end, assessed_in_time, one_director)
    select id, gemeente, region, coalesce(primary_intervention, 'geen'), safety_assessment, cohort_year,
      extract(year from melding_date)::smallint, extract(year from coalesce(handover_date, closure_date))::smallint,
      stopped_12, safe_3, safe_12, window_3_end, window_12_end, recurrence_12, recurrence_window_end,
      case when working_days_to_assessment is null then null
           else working_days_to_assessment <= ${SAFETY_ASSESSMENT_NORM_WORKING_DAYS} end,
      case when handover_date is null then null else director_count = 1 end
    from casus where superseded_at is null and not withdrawn and ${scope}`);
}

function summaryValues(id: number, summary: CaseSummary) {
  const text = (value: string | number | null) => (value === null ? null : String(value));
  return sql`(${id}::bigint, ${summary.safetyAssessment}, ${summary.assessmentDate}, ${summary.decision},
    ${summary.decisionDate}, ${summary.handoverDate}, ${text(summary.receivingTeamId)}, ${summary.planDate},
    ${summary.closureDate}, ${summary.closureReason}, ${summary.primaryIntervention}, ${text(summary.cohortYear)},
    ${summary.stopped12}, ${summary.safe3}, ${summary.safe12}, ${summary.window3End}, ${summary.window12End},
    ${summary.recurrence12}, ${summary.recurrenceWindowEnd}, ${text(summary.workingDaysToAssessment)},
    ${text(summary.daysToHandover)}, ${text(summary.daysFromHandoverToPlan)})`;
}

export type CaseUndoResult = { importId: number; undoId: number; restored: number; withdrawn: number };

/**
 * Undoes a case import by adding versions: cases it added are withdrawn, cases it changed get their previous
 * events back. Refused when a later import changed one of its cases since (undo that one first).
 */
export async function undoCaseImport(
  db: Db,
  context: RequestContext,
  importId: number,
): Promise<CaseUndoResult> {
  assertMaySupplyCases(context.actor);
  return db.transaction(async (tx) => {
    const [batch] = await selectRows<{
      id: number;
      kind: string;
      undone_by: number | null;
      supplier_id: number | null;
    }>(tx, sql`select id, kind, undone_by, supplier_id from case_import where id = ${importId} for update`);
    if (batch?.kind !== 'import') throw new NotFoundError(`Casusaanlevering ${importId} bestaat niet.`);
    if (
      !isAdmin(context.actor) &&
      !(batch.supplier_id !== null && supplierChoices(context.actor).includes(batch.supplier_id))
    )
      throw new ForbiddenError(
        'Alleen de aanleverende organisatie of een beheerder kan deze aanlevering terugdraaien.',
      );
    if (batch.undone_by !== null)
      throw new ConflictError(`Aanlevering ${importId} is al teruggedraaid (door ${batch.undone_by}).`);
    // The versions this import wrote, the later imports that changed those cases since (allowed only when they
    // have been undone themselves), what each case was before this import, and what it is now.
    const versions = await selectRows<{
      case_key: string;
      version: number;
      household: string;
      supplier_id: number | null;
    }>(tx, sql`select case_key, version, household, supplier_id from casus where import_id = ${importId}`);
    const keys = textArray(versions.map((version) => version.case_key));
    const laterImports = await selectRows<{ import_id: number }>(
      tx,
      sql`select distinct later.import_id from casus later
          join casus own on own.case_key = later.case_key and own.import_id = ${importId} and later.version > own.version
          join case_import batch on batch.id = later.import_id
          where batch.kind = 'import' and batch.undone_by is null`,
    );
    if (laterImports.length > 0)
      throw new ConflictError(
        `Een latere aanlevering (${laterImports.map((row) => row.import_id).join(', ')}) heeft casussen uit aanlevering ${importId} gewijzigd. Draai eerst die latere aanlevering terug.`,
      );
    const previous = await selectRows<{
      case_key: string;
      household: string;
      events: CaseEvent[];
      withdrawn: boolean;
    }>(
      tx,
      sql`select distinct on (before.case_key) before.case_key, before.household, before.events, before.withdrawn from casus before
          join casus own on own.case_key = before.case_key and own.import_id = ${importId} and before.version < own.version
          order by before.case_key, before.version desc`,
    );
    const previousOf = new Map(previous.map((row) => [row.case_key, row]));
    const current = await selectRows<{ id: number; case_key: string; version: number; events: CaseEvent[] }>(
      tx,
      sql`select id, case_key, version, events from casus where superseded_at is null and case_key = any(${keys}::text[])`,
    );
    const currentOf = new Map(current.map((row) => [row.case_key, row]));
    const [undo] = await selectRows<{ id: number }>(
      tx,
      sql`insert into case_import (kind, file_name, file_size, file_sha256, supplier_id, actor_user_id, actor_label,
                                   rows, cases, added, changed, unchanged, undo_of)
          select 'undo', file_name, 0, file_sha256, supplier_id, ${context.actor.kind === 'user' ? context.actor.userId : null},
                 ${actorLabel(context.actor)}, 0, cases, 0, 0, 0, id from case_import where id = ${importId}
          returning id`,
    );
    const undoId = (undo as { id: number }).id;
    let restored = 0;
    let withdrawn = 0;
    const toWrite: VersionToWrite[] = versions.map((version) => {
      const before = previousOf.get(version.case_key);
      const now = currentOf.get(version.case_key) as { id: number; version: number; events: CaseEvent[] };
      if (before && !before.withdrawn) restored += 1;
      else withdrawn += 1;
      return {
        caseKey: version.case_key,
        household: before && !before.withdrawn ? before.household : version.household,
        supplierId: version.supplier_id,
        // A withdrawn version keeps the events it replaces (the row needs a melding) but counts nowhere.
        events: before && !before.withdrawn ? before.events : now.events,
        previous: { id: now.id, version: now.version },
        withdrawn: !before || before.withdrawn,
      };
    });
    await writeVersions(tx, toWrite, undoId, new Date());
    await tx.execute(sql`update case_import set undone_by = ${undoId} where id = ${importId}`);
    await resummariseHouseholds(tx, [
      ...new Set([...versions.map((version) => version.household), ...previous.map((row) => row.household)]),
    ]);
    await recordAudit(tx, context, {
      action: 'casus.import.undo',
      result: 'success',
      objectType: 'case_import',
      objectId: importId,
      details: { undoId, restored, withdrawn },
    });
    return { importId, undoId, restored, withdrawn };
  });
}

export type CaseImportRecord = {
  id: number;
  kind: 'import' | 'undo';
  fileName: string;
  fileSize: number;
  fileSha256: string;
  supplier: string | null;
  actorLabel: string;
  at: string;
  rows: number;
  cases: number;
  added: number;
  changed: number;
  unchanged: number;
  synthetic: boolean;
  undoOf: number | null;
  undoneBy: number | null;
};

/** The provenance of case imports, newest first: all for a beheerder, else those of the user's suppliers. */
export async function listCaseImports(
  db: Db,
  context: RequestContext,
  limit = 100,
): Promise<CaseImportRecord[]> {
  assertMaySupplyCases(context.actor);
  const own = supplierChoices(context.actor);
  const scope = isAdmin(context.actor)
    ? sql`true`
    : sql`i.supplier_id = any(${integerArray(own)}::integer[])`;
  return selectRows<CaseImportRecord>(
    db,
    sql`select i.id, i.kind, i.file_name as "fileName", i.file_size as "fileSize", i.file_sha256 as "fileSha256",
          o.name as supplier, i.actor_label as "actorLabel", to_char(i.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as at,
          i.rows, i.cases, i.added, i.changed, i.unchanged, i.synthetic, i.undo_of as "undoOf", i.undone_by as "undoneBy"
        from case_import i left join organisation o on o.id = i.supplier_id
        where ${scope} order by i.id desc limit ${limit}`,
  );
}
