/** Starts the real app on a random port with its own fresh database, serving the built web app. */
import { buildApp } from '../../src/server/app.ts';
import type { DatabaseEngine } from '../../src/server/db/client.ts';
import { WEB_ROOT } from '../../src/server/server.ts';
import { createTestDatabase } from './database.ts';

export async function startTestServer(
  options: { engine?: DatabaseEngine } = {},
): Promise<{ url: string; close(): Promise<void> }> {
  const database = await createTestDatabase(options.engine ?? 'pglite');
  const app = await buildApp({ database, webRoot: WEB_ROOT });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    url,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
