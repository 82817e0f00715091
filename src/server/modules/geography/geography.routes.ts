/** HTTP routes of the geography module: translate between HTTP and the service, nothing more. */
import { readFile } from 'node:fs/promises';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { MERGER_UPLOAD_LIMIT } from '../../../shared/geography.ts';
import type { Db } from '../../db/client.ts';
import { contextOf } from '../../http/access-guard.ts';
import { UploadError } from '../../http/uploads.ts';
import { importMergerFile } from './geography.import.ts';
import { REFERENCE_DATA_DIR } from './geography.reference.ts';
import {
  areaCodeParams,
  areaDetail,
  areaDetailQuery,
  areaList,
  boundaryParams,
  errorResponse,
  listAreasQuery,
  mergerImportQuery,
  mergerImportResult,
  mergerList,
} from './geography.schemas.ts';
import type { GeographyService } from './geography.service.ts';

const BOUNDARY_FILES = {
  gemeente: 'gemeente_2025.topojson',
  veiligthuisregio: 'veiligthuisregio_2025.topojson',
  provincie: 'provincie_2025.topojson',
} as const;

export function geographyRoutes(service: GeographyService, db: Db): FastifyPluginAsyncZod {
  return async (app) => {
    // Files arrive as their raw bytes; what they are is decided by their content (http/uploads.ts), not the type.
    app.addContentTypeParser(
      ['text/csv', 'application/octet-stream', 'application/vnd.ms-excel'],
      { parseAs: 'buffer', bodyLimit: MERGER_UPLOAD_LIMIT },
      (_request, body, done) => done(null, body),
    );

    app.post(
      '/mergers/import',
      {
        config: { access: 'admin' },
        bodyLimit: MERGER_UPLOAD_LIMIT,
        schema: {
          operationId: 'importMergers',
          tags: ['Geografie'],
          summary:
            'Import a merger CSV (columns of reference-data/herindelingen.csv) sent as the request body; all rows or none',
          querystring: mergerImportQuery,
          response: {
            200: mergerImportResult,
            400: errorResponse,
            401: errorResponse,
            403: errorResponse,
            413: errorResponse,
            415: errorResponse,
          },
        },
      },
      async (request) => {
        // No body at all (an empty file) is "empty", not "wrong type".
        const body = request.body === undefined || request.body === null ? Buffer.alloc(0) : request.body;
        if (!Buffer.isBuffer(body))
          throw new UploadError(
            'Stuur het CSV-bestand zelf als inhoud van het verzoek (Content-Type: text/csv).',
          );
        return importMergerFile(db, contextOf(request), {
          bytes: body,
          fileName: request.query.fileName,
          dryRun: request.query.dryRun,
        });
      },
    );

    app.get(
      '/areas',
      {
        config: { access: 'published' },
        schema: {
          operationId: 'listAreas',
          tags: ['Geografie'],
          summary: 'Areas of one level, with population',
          querystring: listAreasQuery,
          response: { 200: areaList, 400: errorResponse, 404: errorResponse },
        },
      },
      async (request) => ({ items: await service.listAreas(request.query) }),
    );

    app.get(
      '/areas/:code',
      {
        config: { access: 'published' },
        schema: {
          operationId: 'getArea',
          tags: ['Geografie'],
          summary: 'One area with its parents, gemeenten and population per reference date',
          params: areaCodeParams,
          querystring: areaDetailQuery,
          response: { 200: areaDetail, 400: errorResponse, 404: errorResponse },
        },
      },
      async (request) => service.getArea(request.params.code, request.query),
    );

    app.get(
      '/boundaries/:level',
      {
        config: { access: 'published' },
        schema: {
          operationId: 'getBoundaries',
          tags: ['Geografie'],
          summary: 'TopoJSON boundaries of a level (CBS gebiedsindelingen 2025 via PDOK, CC BY 4.0)',
          params: boundaryParams,
        },
      },
      async (request, reply) => {
        const file = await readFile(`${REFERENCE_DATA_DIR}${BOUNDARY_FILES[request.params.level]}`);
        return reply
          .type('application/json; charset=utf-8')
          .header('cache-control', 'public, max-age=3600')
          .send(file);
      },
    );

    app.get(
      '/mergers',
      {
        config: { access: 'published' },
        schema: {
          operationId: 'listMergers',
          tags: ['Geografie'],
          summary: 'Municipal mergers (herindelingen): old code to new code on a date',
          response: { 200: mergerList },
        },
      },
      async () => ({ items: await service.listMergers() }),
    );
  };
}
