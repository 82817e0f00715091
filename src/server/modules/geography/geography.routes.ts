/** HTTP routes of the geography module: translate between HTTP and the service, nothing more. */
import { readFile } from 'node:fs/promises';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { REFERENCE_DATA_DIR } from './geography.reference.ts';
import {
  areaCodeParams,
  areaDetail,
  areaDetailQuery,
  areaList,
  boundaryParams,
  errorResponse,
  listAreasQuery,
  mergerList,
} from './geography.schemas.ts';
import type { GeographyService } from './geography.service.ts';

const BOUNDARY_FILES = {
  gemeente: 'gemeente_2025.topojson',
  veiligthuisregio: 'veiligthuisregio_2025.topojson',
  provincie: 'provincie_2025.topojson',
} as const;

export function geographyRoutes(service: GeographyService): FastifyPluginAsyncZod {
  return async (app) => {
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
