/**
 * The only place that listens: opens the configured database, builds the app, serves it, and shuts down
 * cleanly on SIGTERM/SIGINT (requests finish, the database closes, the data folder is released).
 */

import pino from 'pino';
import type { App } from './app.ts';
import type { AppConfig } from './config.ts';
import { clearServerUrl, writeServerUrl } from './db/data-dir-lock.ts';
import { openConfiguredDatabase } from './db/open.ts';
import { pseudonymKeySource } from './modules/cases/cases.key.ts';
import { PATHS } from './paths.ts';

export const WEB_ROOT = PATHS.webRoot;

export type RunningServer = { url: string; close(): Promise<void> };

export async function startServer(config: AppConfig): Promise<RunningServer> {
  const logger = pino({ level: config.logLevel, base: { service: 'ketenzicht' } });
  // Load the app's modules while the database opens: both take about a second, and they overlap.
  const appModule = import('./app.ts');
  appModule.catch(() => undefined);
  const opened = await openConfiguredDatabase(config);
  logger.info(
    {
      ...opened.report,
      dataDir: config.databaseUrl ? undefined : config.dataDir,
      sinceProcessStartMs: Math.round(performance.now()),
    },
    opened.report.engine === 'pglite' ? 'embedded database (PGlite) ready' : 'PostgreSQL ready',
  );
  let app: App | undefined;
  try {
    const { buildApp } = await appModule;
    app = await buildApp({
      database: opened.database,
      logger,
      webRoot: WEB_ROOT,
      publicUrl: config.publicUrl,
      trustProxy: config.trustProxy,
      oidc: config.oidc,
      pseudonymKey: pseudonymKeySource(config.pseudonymKey),
    });
    await app.listen({ host: config.host, port: config.port });
  } catch (error) {
    await app?.close().catch(() => undefined);
    await opened.close();
    throw error;
  }
  const running = app;
  const address = running.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  if (!config.databaseUrl) await writeServerUrl(config.dataDir, url);
  logger.info({ url, sinceProcessStartMs: Math.round(performance.now()) }, 'Ketenzicht is running');
  let closing: Promise<void> | undefined;
  return {
    url,
    close: () => {
      closing ??= (async () => {
        try {
          await running.close();
          if (!config.databaseUrl) await clearServerUrl(config.dataDir);
        } finally {
          await opened.close();
        }
        logger.info('Ketenzicht stopped');
      })();
      return closing;
    },
  };
}

/** Runs until SIGTERM or SIGINT, then closes cleanly within a grace period. */
export async function serveUntilSignalled(config: AppConfig): Promise<void> {
  const server = await startServer(config);
  await new Promise<void>((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      const timer = setTimeout(() => {
        console.error(`Shutdown after ${signal} took longer than 10 s; exiting.`);
        process.exit(1);
      }, 10_000);
      timer.unref();
      server.close().then(resolve, (error: unknown) => {
        console.error(error);
        process.exit(1);
      });
    };
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
}
