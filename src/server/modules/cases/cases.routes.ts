/** HTTP routes of the case register: imports, register, timeline, follow-ups, outcomes, interventions, schedules. */
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CASE_EVENT_KINDS,
  CASES_UPLOAD_LIMIT,
  FOLLOW_UP_DECISIONS,
  FOLLOW_UP_STATES,
  RECOGNITION_LEVELS,
} from '../../../shared/cases.ts';
import type { Db } from '../../db/client.ts';
import { BadRequestError } from '../../errors.ts';
import { contextOf } from '../../http/access-guard.ts';
import { errorResponse } from '../../http/common.schemas.ts';
import { withUploadedFile } from '../../http/multipart-file.ts';
import { readSettings } from '../access/access.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { refreshRegisterFigures } from './cases.figures.ts';
import { assertMaySupplyCases, importCases, listCaseImports, undoCaseImport } from './cases.import.ts';
import type { PseudonymKeySource } from './cases.key.ts';
import { OUTCOME_GROUPINGS, OUTCOME_MEASURES, outcomeRule, scheduleProblem } from './cases.outcomes.ts';
import { interventionSchema, listInterventions, listSchedules, saveIntervention } from './cases.repo.ts';
import { saveSchedule } from './cases.schedule.ts';
import {
  followUpList,
  hasSyntheticCases,
  householdTimeline,
  listCases,
  outcomeTable,
  processFigures,
} from './cases.service.ts';

/** Derived figures are written by the system, not by the user who supplied the cases (they may not import figures). */
const REGISTER_CONTEXT = {
  actor: { kind: 'cli', label: 'casusregister (afgeleide cijfers)' },
  origin: 'server',
} as const;

/**
 * The derived figures follow a committed change. If that fails, the change itself stands (and its number must
 * reach the user): the failure is logged, and `ketenzicht refresh-outcomes` (daily) catches up.
 */
function refresher(db: Db) {
  return async (log: { error(details: object, message: string): void }) => {
    try {
      await refreshRegisterFigures(db, REGISTER_CONTEXT);
    } catch (error) {
      log.error({ err: error }, 'refreshing the register figures failed; run ketenzicht refresh-outcomes');
    }
  };
}

const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse };
const today = () => new Date().toISOString().slice(0, 10);
const optionalInt = z.coerce.number().int().positive().optional();
const areaCode = (prefix: string) =>
  z
    .string()
    .regex(new RegExp(`^${prefix}\\d{2,4}$`), `Gebruik een code als ${prefix === 'GM' ? 'GM0363' : 'VT01'}`)
    .optional();

const problem = z.object({
  severity: z.enum(['fout', 'waarschuwing']),
  row: z.number().nullable(),
  column: z.string().nullable(),
  value: z.string().nullable(),
  message: z.string(),
});
const importReport = z.object({
  outcome: z.enum(['geweigerd', 'proefimport', 'geimporteerd', 'ongewijzigd']),
  importId: z.number().nullable(),
  fileName: z.string(),
  supplier: z.object({ id: z.number(), name: z.string() }).nullable(),
  rows: z.number(),
  cases: z.number(),
  errors: z.number(),
  warnings: z.number(),
  problems: z.array(problem),
  personalData: z.array(
    z.object({ column: z.string(), kind: z.string(), firstRow: z.number().nullable(), count: z.number() }),
  ),
  added: z.number(),
  changed: z.number(),
  unchanged: z.number(),
  households: z.number(),
});

const tally = z.object({
  yes: z.number().nullable().describe('Cases with the outcome (e.g. violence stopped); null when protected'),
  known: z.number().nullable().describe('Cases whose status is known: the denominator'),
  unknown: z.number().nullable().describe('Window passed without a usable measurement; never in the share'),
  censored: z.number().nullable().describe('Too young: the window is still open'),
  share: z.number().nullable(),
  interval: z.object({ low: z.number(), high: z.number() }).nullable().describe('95% Wilson interval'),
});
const outcomeRow = z.object({
  key: z.string(),
  tally,
  caseMix: z.object({ acuut: tally, structureel: tally, geen: tally, onbekend: tally }),
  hidden: z.boolean(),
});

const processRow = z.object({
  key: z.string().describe("Intervention code, region code or gemeente code; '*' for the total"),
  handedOver: z.number().nullable(),
  medianDaysToHandover: z.number().nullable(),
  withPlan: z.number().nullable(),
  medianDaysHandoverToPlan: z.number().nullable(),
  households: z.number().nullable(),
  handoversPerHousehold: z.number().nullable(),
  householdsHandedOverMoreThanOnce: z.number().nullable(),
});

const schedule = z
  .array(
    z.strictObject({
      months: z.number().int(),
      daysBefore: z.number().int(),
      daysAfter: z.number().int(),
    }),
  )
  .min(2);

export function casesRoutes(db: Db, keySource: PseudonymKeySource | undefined): FastifyPluginAsyncZod {
  const refreshAfterCommit = refresher(db);
  return async (app) => {
    await app.register(multipart, {
      limits: { fileSize: CASES_UPLOAD_LIMIT, files: 1, fields: 10, fieldSize: 8192 },
    });

    app.post(
      '/cases/imports',
      {
        config: { access: 'signedIn' },
        bodyLimit: CASES_UPLOAD_LIMIT,
        schema: {
          operationId: 'importCases',
          tags: ['Casusregister'],
          summary:
            'Import a case extract (CSV, one row per event; multipart field "file"). Identifiers are pseudonymised; a file with personal data (names, BSN, dates of birth, addresses, phone numbers, e-mail) is refused naming the column. Dry run by default',
          consumes: ['multipart/form-data'],
          querystring: z.object({
            dryRun: z
              .enum(['true', 'false'])
              .default('true')
              .transform((value) => value === 'true'),
            supplier: optionalInt.describe(
              'Organisation number of the supplier, when you supply for several',
            ),
          }),
          response: {
            200: importReport,
            422: importReport,
            ...errors,
            413: errorResponse,
            415: errorResponse,
          },
        },
      },
      async (request, reply) => {
        assertMaySupplyCases(contextOf(request).actor);
        return withUploadedFile(request, { limit: CASES_UPLOAD_LIMIT, prefix: 'cases' }, async (file) => {
          const report = await importCases(db, contextOf(request), keySource, {
            path: file.path,
            fileName: file.fileName,
            dryRun: request.query.dryRun,
            supplierId: request.query.supplier ?? null,
          });
          if (report.outcome === 'geimporteerd') await refreshAfterCommit(request.log);
          return reply.code(report.outcome === 'geweigerd' ? 422 : 200).send(report);
        });
      },
    );

    app.get(
      '/cases/imports',
      {
        config: { access: 'signedIn' },
        schema: {
          operationId: 'listCaseImports',
          tags: ['Casusregister'],
          summary:
            'Case imports and undos, newest first (provenance: file, size, SHA-256, supplier, who, when, counts): all for a beheerder, your suppliers’ for an aanleverancier',
          response: {
            200: z.array(
              z.object({
                id: z.number(),
                kind: z.enum(['import', 'undo']),
                fileName: z.string(),
                fileSize: z.number(),
                fileSha256: z.string(),
                supplier: z.string().nullable(),
                actorLabel: z.string(),
                at: z.string(),
                rows: z.number(),
                cases: z.number(),
                added: z.number(),
                changed: z.number(),
                unchanged: z.number(),
                synthetic: z.boolean(),
                undoOf: z.number().nullable(),
                undoneBy: z.number().nullable(),
              }),
            ),
            ...errors,
          },
        },
      },
      async (request) => listCaseImports(db, contextOf(request)),
    );

    app.post(
      '/cases/imports/:id/undo',
      {
        config: { access: 'signedIn' },
        schema: {
          operationId: 'undoCaseImport',
          tags: ['Casusregister'],
          summary:
            'Undo a case import by adding versions (the cases it added are withdrawn, changed ones restored)',
          params: z.object({ id: z.coerce.number().int().positive() }),
          response: {
            200: z.object({
              importId: z.number(),
              undoId: z.number(),
              restored: z.number(),
              withdrawn: z.number(),
            }),
            ...errors,
            409: errorResponse,
          },
        },
      },
      async (request) => {
        const result = await undoCaseImport(db, contextOf(request), request.params.id);
        await refreshAfterCommit(request.log);
        return result;
      },
    );

    app.get(
      '/cases',
      {
        config: { access: 'signedIn' },
        schema: {
          operationId: 'listCases',
          tags: ['Casusregister'],
          summary:
            'The case register (case level): only cases your organisation supplied or is involved in, for the roles casusregie and aanleverancier. Every read is audited',
          querystring: z.object({
            gemeente: areaCode('GM'),
            regio: areaCode('VT'),
            team: optionalInt,
            jaar: z.coerce.number().int().min(2000).max(2100).optional(),
            besluit: z.enum(FOLLOW_UP_DECISIONS).optional(),
            interventie: z.string().max(64).optional(),
            status: z.enum(['lopend', 'gesloten']).optional(),
            huishouden: z.string().max(80).optional(),
            limit: z.coerce.number().int().min(1).max(500).default(50),
            offset: z.coerce.number().int().min(0).default(0),
          }),
          response: {
            200: z.object({
              total: z.number(),
              items: z.array(
                z.object({
                  pseudonym: z.string(),
                  household: z.string(),
                  gemeente: z.string(),
                  gemeenteName: z.string(),
                  region: z.string().nullable(),
                  meldingDate: z.string(),
                  safetyAssessment: z.string().nullable(),
                  decision: z.string().nullable(),
                  handoverDate: z.string().nullable(),
                  receivingTeam: z.string().nullable(),
                  primaryIntervention: z.string().nullable(),
                  closureDate: z.string().nullable(),
                  stopped12: z.string().nullable(),
                  version: z.number(),
                }),
              ),
            }),
            ...errors,
          },
        },
      },
      async (request) => {
        const query = request.query;
        return listCases(db, contextOf(request), {
          ...(query.gemeente ? { gemeente: query.gemeente } : {}),
          ...(query.regio ? { region: query.regio } : {}),
          ...(query.team !== undefined ? { team: query.team } : {}),
          ...(query.jaar !== undefined ? { year: query.jaar } : {}),
          ...(query.besluit ? { decision: query.besluit } : {}),
          ...(query.interventie ? { intervention: query.interventie } : {}),
          ...(query.status ? { state: query.status } : {}),
          ...(query.huishouden ? { household: query.huishouden } : {}),
          limit: query.limit,
          offset: query.offset,
        });
      },
    );

    app.get(
      '/cases/households/:pseudonym',
      {
        config: { access: 'signedIn' },
        schema: {
          operationId: 'householdTimeline',
          tags: ['Casusregister'],
          summary:
            "A household's timeline by pseudonym (casusregie of an involved team only); the read is audited",
          params: z.object({ pseudonym: z.string().max(80) }),
          response: {
            200: z.object({
              household: z.string().describe('Short pseudonym, XXXX-XXXX-XXXX'),
              cases: z.array(
                z.object({
                  pseudonym: z.string(),
                  gemeente: z.string(),
                  gemeenteName: z.string(),
                  meldingDate: z.string(),
                  closureDate: z.string().nullable(),
                  supplier: z.string().nullable(),
                  version: z.number(),
                  followUps: z.array(
                    z.object({
                      months: z.number(),
                      due: z.string(),
                      windowStart: z.string(),
                      windowEnd: z.string(),
                      state: z.enum(FOLLOW_UP_STATES),
                      daysLate: z.number(),
                      measuredOn: z.string().nullable(),
                    }),
                  ),
                }),
              ),
              events: z
                .array(
                  z
                    .object({
                      kind: z.enum(CASE_EVENT_KINDS),
                      date: z.string(),
                      case: z.string(),
                      teamName: z.string().nullable().optional(),
                    })
                    .catchall(z.unknown()),
                )
                .describe(
                  'Every event of the cases, by date; the fields per kind are those of the case extract',
                ),
            }),
            ...errors,
          },
        },
      },
      async (request) => householdTimeline(db, contextOf(request), request.params.pseudonym, today()),
    );

    app.get(
      '/cases/follow-ups',
      {
        config: { access: 'signedIn' },
        schema: {
          operationId: 'followUps',
          tags: ['Casusregister'],
          summary:
            'Follow-up measurements due now (open) and overdue (te_laat), most overdue first, for your teams; audited',
          querystring: z.object({
            team: optionalInt,
            gemeente: areaCode('GM'),
            regio: areaCode('VT'),
            status: z.enum(['open', 'te_laat']).optional(),
          }),
          response: {
            200: z.object({
              open: z.number(),
              late: z.number(),
              items: z.array(
                z.object({
                  case: z.string(),
                  household: z.string(),
                  gemeente: z.string(),
                  gemeenteName: z.string(),
                  region: z.string().nullable(),
                  team: z.string().nullable(),
                  teamId: z.number().nullable(),
                  handoverDate: z.string(),
                  months: z.number(),
                  due: z.string(),
                  windowStart: z.string(),
                  windowEnd: z.string(),
                  state: z.enum(['open', 'te_laat']),
                  daysLate: z.number(),
                }),
              ),
            }),
            ...errors,
          },
        },
      },
      async (request) => {
        const query = request.query;
        return followUpList(
          db,
          contextOf(request),
          {
            ...(query.team !== undefined ? { team: query.team } : {}),
            ...(query.gemeente ? { gemeente: query.gemeente } : {}),
            ...(query.regio ? { region: query.regio } : {}),
            ...(query.status ? { state: query.status } : {}),
          },
          today(),
        );
      },
    );

    app.get(
      '/outcomes',
      {
        config: { access: 'published' },
        schema: {
          operationId: 'outcomes',
          tags: ['Casusregister'],
          summary:
            'Outcome indicators from the case register (aggregates, small-number protected): per primary intervention, region or gemeente, with the 95% Wilson interval, unknowns and too-young cases beside the share, and the split by safety assessment (case mix)',
          querystring: z.object({
            maat: z.enum(OUTCOME_MEASURES).default('gestopt_12m'),
            per: z.enum(OUTCOME_GROUPINGS).default('interventie'),
            jaar: z.coerce.number().int().min(2000).max(2100).optional(),
            regio: areaCode('VT'),
            gemeente: areaCode('GM'),
          }),
          response: {
            200: z.object({
              measure: z.string(),
              by: z.string(),
              year: z.number().nullable(),
              region: z.string().nullable(),
              gemeente: z.string().nullable(),
              computedOn: z.string(),
              synthetic: z.boolean().describe('True when synthetic demo cases are among the cases counted'),
              protection: z.object({
                threshold: z.number(),
                roundTo: z.number().nullable().describe('Counts are rounded to a multiple of this'),
              }),
              rows: z.array(outcomeRow),
              total: outcomeRow,
            }),
            ...errors,
          },
        },
      },
      async (request) => {
        const query = request.query;
        const settings = await readSettings(db);
        const rule = outcomeRule(settings);
        const on = today();
        const table = await outcomeTable(
          db,
          {
            measure: query.maat,
            by: query.per,
            today: on,
            ...(query.jaar !== undefined ? { year: query.jaar } : {}),
            ...(query.regio ? { region: query.regio } : {}),
            ...(query.gemeente ? { gemeente: query.gemeente } : {}),
          },
          rule,
        );
        return {
          measure: query.maat,
          by: query.per,
          year: query.jaar ?? null,
          region: query.regio ?? null,
          gemeente: query.gemeente ?? null,
          computedOn: on,
          synthetic: await hasSyntheticCases(db),
          protection: { threshold: rule.threshold, roundTo: rule.roundTo },
          ...table,
        };
      },
    );

    app.get(
      '/outcomes/process',
      {
        config: { access: 'published' },
        schema: {
          operationId: 'processFigures',
          tags: ['Casusregister'],
          summary:
            'Lead times and handovers of handed-over cases per primary intervention, region or gemeente (cohort: year of handover): median days from melding to handover and from handover to plan, handovers per household. Small counts are hidden (null), and so are medians of few cases',
          querystring: z.object({
            per: z.enum(OUTCOME_GROUPINGS).default('regio'),
            jaar: z.coerce.number().int().min(2000).max(2100).optional(),
            regio: areaCode('VT'),
          }),
          response: {
            200: z.object({
              by: z.string(),
              year: z.number().nullable(),
              region: z.string().nullable(),
              protection: z.object({ threshold: z.number(), roundTo: z.number().nullable() }),
              rows: z.array(processRow),
              total: processRow,
            }),
            ...errors,
          },
        },
      },
      async (request) => {
        const query = request.query;
        const settings = await readSettings(db);
        const figures = await processFigures(
          db,
          {
            by: query.per,
            ...(query.jaar !== undefined ? { year: query.jaar } : {}),
            ...(query.regio ? { region: query.regio } : {}),
          },
          outcomeRule(settings),
        );
        return {
          by: query.per,
          year: query.jaar ?? null,
          region: query.regio ?? null,
          protection: { threshold: settings.disclosureThreshold, roundTo: outcomeRule(settings).roundTo },
          ...figures,
        };
      },
    );

    app.get(
      '/interventions',
      {
        config: { access: 'published' },
        schema: {
          operationId: 'listInterventions',
          tags: ['Casusregister'],
          summary: 'The intervention catalogue with recognition levels',
          response: {
            200: z.array(
              z.object({
                code: z.string(),
                name: z.string(),
                targetGroup: z.string(),
                violenceTypes: z.array(z.string()),
                recognitionLevel: z.enum(RECOGNITION_LEVELS),
                provider: z.string(),
                url: z.string().nullable(),
                description: z.string(),
                origin: z.enum(['shipped', 'beheerder']),
              }),
            ),
            ...errors,
          },
        },
      },
      async () => listInterventions(db),
    );

    app.put(
      '/interventions/:code',
      {
        config: { access: 'admin' },
        schema: {
          operationId: 'saveIntervention',
          tags: ['Casusregister'],
          summary: 'Add or change an intervention in the catalogue (beheerder)',
          params: z.object({ code: z.string().regex(/^[a-z][a-z0-9_]{1,62}$/) }),
          body: interventionSchema.omit({ code: true }),
          response: { 200: z.object({ result: z.enum(['added', 'changed']) }), ...errors },
        },
      },
      async (request) => {
        const entry = { ...request.body, code: request.params.code };
        return db.transaction(async (tx) => {
          const result = await saveIntervention(tx, entry);
          await recordAudit(tx, contextOf(request), {
            action: 'interventie.opslaan',
            result: 'success',
            objectType: 'intervention',
            objectId: entry.code,
            details: { result },
          });
          return { result };
        });
      },
    );

    app.get(
      '/cases/schedules',
      {
        config: { access: 'published' },
        schema: {
          operationId: 'followUpSchedules',
          tags: ['Casusregister'],
          summary: 'Follow-up schedule per Veilig Thuis-regio (default +3 and +12 months after handover)',
          response: {
            200: z.array(
              z.object({ region: z.string(), name: z.string(), moments: schedule, own: z.boolean() }),
            ),
            ...errors,
          },
        },
      },
      async () => listSchedules(db),
    );

    app.put(
      '/cases/schedules/:region',
      {
        config: { access: 'signedIn' },
        schema: {
          operationId: 'saveFollowUpSchedule',
          tags: ['Casusregister'],
          summary:
            'Set the follow-up schedule of a region (beheerder, or a regiocoördinator of that region). Outcomes of its cases are recomputed',
          params: z.object({ region: z.string().regex(/^VT\d{2}$/) }),
          body: z.strictObject({ moments: schedule }),
          response: { 200: z.object({ region: z.string(), recomputed: z.number() }), ...errors },
        },
      },
      async (request) => {
        const context = contextOf(request);
        const problemText = scheduleProblem(request.body.moments);
        if (problemText) throw new BadRequestError(problemText, 'moments');
        const result = await saveSchedule(db, context, request.params.region, request.body.moments);
        await refreshAfterCommit(request.log);
        return result;
      },
    );
  };
}
