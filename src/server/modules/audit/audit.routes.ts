/** HTTP routes of the audit log: search and export for beheerders. There is no route that changes it. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { contextOf } from '../../http/access-guard.ts';
import { errorResponse } from '../../http/common.schemas.ts';
import { auditPage, auditQuery } from '../access/access.schemas.ts';
import { auditCsv, exportAudit, searchAudit } from './audit.service.ts';

const TAGS = ['Auditlog'];

export function auditRoutes(db: Db): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/audit',
      {
        config: { access: 'admin' },
        schema: {
          operationId: 'searchAuditLog',
          tags: TAGS,
          summary: 'Search the audit log, newest first (the search itself is logged)',
          querystring: auditQuery,
          response: { 200: auditPage, 400: errorResponse, 401: errorResponse, 403: errorResponse },
        },
      },
      async (request) => {
        const { limit, offset, ...filter } = request.query;
        const page = await searchAudit(db, contextOf(request), filter, { limit, offset });
        return {
          total: page.total,
          entries: page.entries.map((entry) => ({ ...entry, at: entry.at.toISOString() })),
        };
      },
    );

    app.get(
      '/audit/export',
      {
        config: { access: 'admin' },
        schema: {
          operationId: 'exportAuditLog',
          tags: TAGS,
          summary: 'The matching audit log entries as CSV (semicolon-separated, UTF-8), oldest first',
          querystring: auditQuery.omit({ limit: true, offset: true }),
          response: { 200: z.string(), 400: errorResponse, 401: errorResponse, 403: errorResponse },
        },
      },
      async (request, reply) => {
        const rows = await exportAudit(db, contextOf(request), request.query);
        const day = new Date().toISOString().slice(0, 10);
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="auditlog-${day}.csv"`)
          .send(`\uFEFF${auditCsv(rows)}`);
      },
    );
  };
}
