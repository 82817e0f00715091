/** The real app on its own fresh database, for in-process tests (`inject`) and for browser tests (a port). */
import { type App, type AppOptions, buildApp } from '../../src/server/app.ts';
import type { DatabaseEngine } from '../../src/server/db/client.ts';
import { WEB_ROOT } from '../../src/server/server.ts';
import { createTestDatabase, type TestDatabase } from './database.ts';

/** A fixed secret for tests: pseudonyms are then the same in every run. Not a key to use anywhere else. */
export const TEST_PSEUDONYM_KEY = Buffer.alloc(32, 7);

export type TestApp = { app: App; database: TestDatabase; close(): Promise<void> };

export async function createTestApp(
  engine: DatabaseEngine,
  options: Omit<AppOptions, 'database'> = {},
): Promise<TestApp> {
  const database = await createTestDatabase(engine);
  try {
    const app = await buildApp({ database, pseudonymKey: async () => TEST_PSEUDONYM_KEY, ...options });
    return {
      app,
      database,
      close: async () => {
        try {
          await app.close();
        } finally {
          await database.close();
        }
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}

/** Starts the app on a random port, serving the built web app. */
export async function startTestServer(
  options: { engine?: DatabaseEngine } = {},
): Promise<{ url: string; test: TestApp; close(): Promise<void> }> {
  const test = await createTestApp(options.engine ?? 'pglite', { webRoot: WEB_ROOT });
  const url = await test.app.listen({ host: '127.0.0.1', port: 0 });
  return { url, test, close: test.close };
}
