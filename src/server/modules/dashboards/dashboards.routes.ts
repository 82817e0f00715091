/** HTTP routes of the dashboards: overview map, area profile, comparison over time, downloads. Translation only. */
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ExportFormat } from '../../../shared/dashboards.ts';
import type { Db } from '../../db/client.ts';
import {
  type ExportTable,
  mapTable,
  profileTable,
  seriesTable,
  toCsv,
  toXlsx,
} from './dashboards.exports.ts';
import { buildFactsheet } from './dashboards.factsheet.ts';
import {
  errorResponse,
  factsheetQuery,
  mapQuery,
  mapResponse,
  profileParams,
  profileQuery,
  profileResponse,
  seriesQuery,
  seriesResponse,
} from './dashboards.schemas.ts';
import type { DashboardsService } from './dashboards.service.ts';

const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse };
const download = z
  .string()
  .describe('format=csv (UTF-8 with BOM, ;) or format=xlsx (sheets Cijfers and Definities en bronnen)');

async function sendFile(reply: FastifyReply, type: string, fileName: string, body: string | Buffer) {
  await reply.type(type).header('content-disposition', `attachment; filename="${fileName}"`).send(body);
}

/** Sends a table as the requested download; false when JSON was asked for. */
async function sendDownload(reply: FastifyReply, format: ExportFormat, table: ExportTable): Promise<boolean> {
  if (format === 'csv') {
    await sendFile(reply, 'text/csv; charset=utf-8', `${table.fileName}.csv`, toCsv(table));
    return true;
  }
  if (format === 'xlsx') {
    await sendFile(
      reply,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      `${table.fileName}.xlsx`,
      await toXlsx(table),
    );
    return true;
  }
  return false;
}

export function dashboardsRoutes(db: Db, service: DashboardsService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/dashboard/map',
      {
        config: { access: 'published' },
        schema: {
          operationId: 'dashboardMap',
          tags: ['Dashboards'],
          summary:
            'One indicator for every area of a level in one period: protected figures, intervals, comparison with Nederland, ranks and funnel limits (overview map and indicator page)',
          querystring: mapQuery,
          response: { 200: z.union([mapResponse, download]), ...errors },
        },
      },
      async (request, reply) => {
        const { format, ...query } = request.query;
        if (format === 'json') {
          // Sent as prepared text (cached per data version); the object was built to the mapResponse schema.
          await reply.type('application/json; charset=utf-8').send(await service.mapJson(query));
          return reply;
        }
        const response = await service.map(query);
        await sendDownload(reply, format, mapTable({ ...response, generatedAt: new Date().toISOString() }));
        return reply;
      },
    );

    app.get(
      '/dashboard/profile/:code',
      {
        config: { access: 'published' },
        schema: {
          operationId: 'dashboardProfile',
          tags: ['Dashboards'],
          summary:
            'Key figures of an area with trends, compared with its Veilig Thuis-regio, Nederland and a comparison group; a region’s gemeenten side by side',
          params: profileParams,
          querystring: profileQuery,
          response: { 200: z.union([profileResponse, download]), ...errors },
        },
      },
      async (request, reply) => {
        const { format, ...query } = request.query;
        const response = await service.profile(request.params.code, query);
        if (await sendDownload(reply, format, profileTable(response))) return reply;
        return response;
      },
    );

    app.get(
      '/dashboard/series',
      {
        config: { access: 'published' },
        schema: {
          operationId: 'dashboardSeries',
          tags: ['Dashboards'],
          summary:
            'One indicator for one to five areas over time, optionally on today’s division and with figures changed since a date marked',
          querystring: seriesQuery,
          response: { 200: z.union([seriesResponse, download]), ...errors },
        },
      },
      async (request, reply) => {
        const { format, ...query } = request.query;
        const response = await service.series(query);
        if (await sendDownload(reply, format, seriesTable(response))) return reply;
        return response;
      },
    );

    app.get(
      '/reports/factsheet',
      {
        config: { access: 'published' },
        schema: {
          operationId: 'factsheet',
          tags: ['Dashboards'],
          summary:
            'PDF factsheet of an area and year for the council: map, key figures with comparisons, trends, definitions and sources',
          querystring: factsheetQuery,
          response: { 200: z.string().describe('application/pdf'), ...errors },
        },
      },
      async (request, reply) => {
        const { pdf, fileName } = await buildFactsheet(db, service, request.query);
        await sendFile(reply, 'application/pdf', fileName, pdf);
        return reply;
      },
    );
  };
}
