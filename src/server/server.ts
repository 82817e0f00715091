/**
 * The only place that listens: opens the configured database, builds the app, serves it, and shuts down
 * cleanly on SIGTERM/SIGINT (requests finish, the database closes, the data folder is released).
 */
import pino from 'pino';
import type { AppConfig } from './config.ts';
import { clearServerUrl, writeServerUrl } from './db/data-dir-lock.ts';
import { openConfiguredDatabase } from './db/open.ts';
import { PATHS } from './paths.ts';

export const WEB_ROOT = PATHS.webRoot;

export type RunningServer = { url: string; close(): Promise<void> };

export async function startServer(config: AppConfig): Promise<RunningServer> {
  const logger = pino({ level: config.logLevel, base: { service: 'ketenzicht' } });
  // Load the app's modules while the database opens: both take about a second, and they overlap.
  const [opened, { buildApp }] = await Promise.all([openConfiguredDatabase(config), import('./app.ts')]);
  const databaseReadyMs = Math.round(performance.now());
  logger.info(
    {
      ...opened.report,
      dataDir: config.databaseUrl ? undefined : config.dataDir,
      sinceProcessStartMs: databaseReadyMs,
    },
    opened.report.engine === 'pglite' ? 'embedded database (PGlite) ready' : 'PostgreSQL ready',
  );
  let app: Awaited<ReturnType<typeof buildApp>> | undefined;
  try {
    app = await buildApp({ database: opened.database, logger, webRoot: WEB_ROOT });
    await app.listen({ host: config.host, port: config.port });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
    if (!config.databaseUrl) await writeServerUrl(config.dataDir, url);
    logger.info({ url, sinceProcessStartMs: Math.round(performance.now()) }, 'Ketenzicht is running');
    const running = app;
    let closing: Promise<void> | undefined;
    return {
      url,
      close: () => {
        closing ??= (async () => {
          await running.close();
          if (!config.databaseUrl) await clearServerUrl(config.dataDir);
          await opened.close();
          logger.info('Ketenzicht stopped');
        })();
        return closing;
      },
    };
  } catch (error) {
    await app?.close();
    await opened.close();
    throw error;
  }
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
