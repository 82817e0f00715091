/** Health of the running installation: which database it runs on, for operators and monitoring. */
import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDatabase } from '../../db/client.ts';
import { selectRows } from '../../db/client.ts';

const healthResponse = z.object({
  status: z.literal('ok'),
  database: z
    .enum(['pglite', 'postgresql'])
    .describe('pglite: embedded database in a data folder; postgresql: a server'),
  databaseVersion: z.string().describe('PostgreSQL version reported by the database'),
  version: z.string().describe('Ketenzicht version'),
});

export function systemRoutes(database: AppDatabase, version: string): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/health',
      {
        config: { access: 'public' },
        schema: {
          operationId: 'getHealth',
          tags: ['Systeem'],
          summary: 'Liveness and the database in use',
          response: { 200: healthResponse },
        },
      },
      async () => {
        // A real round trip: health is only ok when the database answers.
        const [row] = await selectRows<{ version: string }>(database.db, sqlVersion);
        return {
          status: 'ok' as const,
          database: database.engine,
          databaseVersion: row?.version ?? 'unknown',
          version,
        };
      },
    );
  };
}

const sqlVersion = sql`select current_setting('server_version') as version`;
