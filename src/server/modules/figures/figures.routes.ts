/** HTTP routes of the figures module: indicators, observations and imports. Translation only; logic lives elsewhere. */
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { FIGURES_UPLOAD_LIMIT, type ImportFormat } from '../../../shared/figures.ts';
import type { Db } from '../../db/client.ts';
import { BadRequestError, ConflictError, ForbiddenError, NotFoundError } from '../../errors.ts';
import { contextOf } from '../../http/access-guard.ts';
import { withUploadedFile } from '../../http/multipart-file.ts';
import { deliversFigures, isAdmin } from '../access/access.domain.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { findCatalogueProblems } from './figures.catalogue.ts';
import { breakdownKey } from './figures.domain.ts';
import type { ColumnMapping } from './figures.formats.ts';
import { assertMayImport, importFigures, undoImport } from './figures.import.ts';
import { observationHistory, observationsCsv, readObservations } from './figures.read.ts';
import {
  hasSyntheticData,
  insertIndicator,
  listDimensions,
  listImports,
  listIndicators,
} from './figures.repo.ts';
import {
  columnMapping,
  errorResponse,
  historyList,
  historyQuery,
  importIdParams,
  importList,
  importListQuery,
  importQuery,
  importReport,
  indicatorBody,
  indicatorCodeParams,
  indicatorList,
  indicatorResponse,
  observationList,
  observationQuery,
  undoResult,
} from './figures.schemas.ts';

const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse };

function parseMapping(text: string | undefined): ColumnMapping | undefined {
  if (!text) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new BadRequestError('mapping is geen geldige JSON.');
  }
  const parsed = columnMapping.safeParse(json);
  if (!parsed.success)
    throw new BadRequestError(`mapping klopt niet: ${parsed.error.issues[0]?.message ?? ''}`);
  return parsed.data;
}

/**
 * Figures leave the server protected (small-number protection) unless the reader is a beheerder or the command
 * line, who check imports against their source files. `protect` hides what the dashboards hide.
 */
export type FigureProtector = (
  indicator: string,
  periods: readonly string[],
  asOf?: string,
) => Promise<(period: string, area: string, breakdown: string) => { value: number | null; status: string }>;

export function figuresRoutes(db: Db, protect?: FigureProtector): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(multipart, {
      limits: { fileSize: FIGURES_UPLOAD_LIMIT, files: 1, fields: 10, fieldSize: 8192 },
    });

    app.get(
      '/indicators',
      {
        config: { access: 'published' },
        schema: {
          operationId: 'listIndicators',
          tags: ['Cijfers'],
          summary: 'The indicator catalogue and the breakdown dimensions with their values',
          response: { 200: indicatorList, 401: errorResponse },
        },
      },
      async () => {
        const [items, dimensions, syntheticData] = await Promise.all([
          listIndicators(db),
          listDimensions(db),
          hasSyntheticData(db),
        ]);
        return { items, dimensions, syntheticData };
      },
    );

    app.get(
      '/indicators/:code',
      {
        config: { access: 'published' },
        schema: {
          operationId: 'getIndicator',
          tags: ['Cijfers'],
          summary: 'One indicator of the catalogue',
          params: indicatorCodeParams,
          response: { 200: indicatorResponse, ...errors },
        },
      },
      async (request) => {
        const found = (await listIndicators(db)).find((indicator) => indicator.code === request.params.code);
        if (!found) throw new NotFoundError(`Indicator "${request.params.code}" bestaat niet.`);
        return found;
      },
    );

    app.post(
      '/indicators',
      {
        config: { access: 'admin' },
        schema: {
          operationId: 'addIndicator',
          tags: ['Cijfers'],
          summary: 'Add an indicator to the catalogue (beheerder)',
          body: indicatorBody,
          response: { 201: indicatorResponse, ...errors, 409: errorResponse },
        },
      },
      async (request, reply) => {
        const indicator = request.body;
        const existing = await listIndicators(db);
        if (existing.some((item) => item.code === indicator.code))
          throw new ConflictError(`Indicator "${indicator.code}" bestaat al. Kies een andere code.`);
        const dimensions = await listDimensions(db);
        const problems = findCatalogueProblems({
          dimensions: dimensions.map((dimension) => ({ ...dimension })),
          indicators: [...existing, indicator],
        }).filter((problem) => problem.code === indicator.code);
        if (problems.length > 0)
          throw new BadRequestError(problems.map((problem) => problem.message).join('; '));
        await db.transaction(async (tx) => {
          await insertIndicator(tx, indicator);
          await recordAudit(tx, contextOf(request), {
            action: 'indicator.create',
            result: 'success',
            objectType: 'indicator',
            objectId: indicator.code,
          });
        });
        return reply.code(201).send({ ...indicator, origin: 'beheerder' as const });
      },
    );

    app.get(
      '/observations',
      {
        config: { access: 'published' },
        schema: {
          operationId: 'listObservations',
          tags: ['Cijfers'],
          summary:
            'Figures of one indicator by area and period, as JSON or CSV; regions and years are summed from gemeenten and months when not delivered',
          querystring: observationQuery,
          response: {
            200: z.union([
              observationList,
              z.string().describe('format=csv: semicolon-separated, UTF-8 with BOM'),
            ]),
            ...errors,
          },
        },
      },
      async (request, reply) => {
        const query = request.query;
        const result = await readObservations(db, {
          indicator: query.indicator,
          ...(query.level ? { level: query.level } : {}),
          ...(query.area ? { areas: query.area } : {}),
          ...(query.period ? { periods: query.period } : {}),
          ...(query.breakdown ? { breakdown: query.breakdown } : {}),
          ...(query.asOf ? { asOf: query.asOf } : {}),
        });
        const actor = contextOf(request).actor;
        if (protect && !isAdmin(actor) && result.items.length > 0) {
          const figureOf = await protect(
            query.indicator,
            [...new Set(result.items.map((item) => item.period))],
            query.asOf,
          );
          // Fails closed: a figure goes out only when the protected table shows it; the sum of the gemeenten
          // beside a delivered region figure is a second total, so it stays in.
          result.items = result.items.map((item) => {
            const shown = figureOf(item.period, item.areaCode, breakdownKey(item.breakdown));
            const base = { ...item, computedValue: null, differs: false };
            if (item.value === null) return base;
            if (shown.status !== 'getoond' || shown.value === null)
              return { ...base, value: null, status: null, origin: null, protection: 'afgeschermd' as const };
            return { ...base, value: shown.value };
          });
        }
        if (query.format === 'csv') {
          return reply
            .type('text/csv; charset=utf-8')
            .header('content-disposition', `attachment; filename="${query.indicator}.csv"`)
            .send(observationsCsv(result.items, result.indicator.breakdowns));
        }
        return result;
      },
    );

    app.get(
      '/observations/history',
      {
        config: { access: 'published' },
        schema: {
          operationId: 'observationHistory',
          tags: ['Cijfers'],
          summary: 'Every version of one figure, newest first, with the import that recorded it',
          querystring: historyQuery,
          response: { 200: historyList, ...errors },
        },
      },
      async (request) => {
        const items = await observationHistory(db, request.query);
        // Who imported is for those who see the import history; published figures do not name colleagues.
        const actor = contextOf(request).actor;
        return {
          items: deliversFigures(actor) ? items : items.map((item) => ({ ...item, actorLabel: null })),
        };
      },
    );

    app.post(
      '/imports',
      {
        config: { access: 'signedIn' },
        schema: {
          operationId: 'importFigures',
          tags: ['Cijfers'],
          summary:
            'Import a file of figures (multipart/form-data, field "file"). Dry run by default: validates and reports what would change. With dryRun=false all rows are imported in one transaction, or none',
          consumes: ['multipart/form-data'],
          querystring: importQuery,
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
        assertMayImport(contextOf(request).actor);
        return withUploadedFile(
          request,
          { limit: FIGURES_UPLOAD_LIMIT, prefix: 'import' },
          async (file, fields) => {
            // Options may come in the query string or as form fields; the fields win.
            const raw = Object.fromEntries(new URL(request.url, 'http://localhost').searchParams);
            const parsed = importQuery.safeParse({
              ...raw,
              ...pick(fields, ['dryRun', 'format', 'mapping']),
            });
            if (!parsed.success) {
              const issue = parsed.error.issues[0];
              throw new BadRequestError(
                `${issue?.path.join('.')}: ${issue?.message}`,
                String(issue?.path[0] ?? ''),
              );
            }
            const query = parsed.data;
            const mapping = parseMapping(query.mapping);
            const report = await importFigures(db, contextOf(request), {
              path: file.path,
              fileName: file.fileName,
              dryRun: query.dryRun,
              ...(query.format ? { format: query.format as ImportFormat } : {}),
              ...(mapping ? { mapping } : {}),
            });
            return reply.code(report.outcome === 'geweigerd' ? 422 : 200).send(report);
          },
        );
      },
    );

    app.get(
      '/imports',
      {
        config: { access: 'signedIn' },
        schema: {
          operationId: 'listImports',
          tags: ['Cijfers'],
          summary: 'Import history, newest first: all imports for beheerders, their own for aanleveranciers',
          querystring: importListQuery,
          response: { 200: importList, ...errors },
        },
      },
      async (request) => {
        const actor = contextOf(request).actor;
        if (!deliversFigures(actor))
          throw new ForbiddenError('De importgeschiedenis is er voor beheerders en aanleveranciers.');
        // An aanleverancier sees their own imports; other organisations' files and colleagues stay private.
        return listImports(db, {
          ...request.query,
          ...(!isAdmin(actor) && actor.kind === 'user' ? { actorUserId: actor.userId } : {}),
        });
      },
    );

    app.post(
      '/imports/:id/undo',
      {
        config: { access: 'signedIn' },
        schema: {
          operationId: 'undoImport',
          tags: ['Cijfers'],
          summary: 'Undo an import: adds versions that restore the figures as they were before it',
          params: importIdParams,
          response: { 200: undoResult, ...errors, 409: errorResponse },
        },
      },
      async (request) => undoImport(db, contextOf(request), request.params.id),
    );
  };
}

function pick(fields: Record<string, string>, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).filter(([name]) => names.includes(name)));
}
