/**
 * Vitest global setup: prepares one migrated, reference-loaded template per engine, once per run. Each test
 * then gets its own copy (a PGlite data dump loaded in memory; a PostgreSQL `CREATE DATABASE … TEMPLATE`), so
 * tests never share a seeded database.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openPglite, openPostgres } from '../../src/server/db/client.ts';
import { prepareDatabase } from '../../src/server/db/open.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplatePath: string;
    postgresAdminUrl: string | null;
    postgresTemplate: string;
  }
}

export default async function setup(project: TestProject) {
  const directory = path.resolve('.tmp');
  await mkdir(directory, { recursive: true });
  const templatePath = path.join(directory, `pglite-template-${process.pid}.tar.gz`);
  const pglite = await openPglite();
  try {
    await prepareDatabase(pglite);
    await writeFile(templatePath, Buffer.from(await (await pglite.dumpDataDir()).arrayBuffer()));
  } finally {
    await pglite.close();
  }
  project.provide('pgliteTemplatePath', templatePath);

  // One template per setup, so projects that run side by side never drop each other's template.
  const postgresTemplate = `ketenzicht_template_${process.pid}_${randomBytes(4).toString('hex')}`;
  const adminUrl = process.env.KETENZICHT_TEST_POSTGRES_URL ?? null;
  if (adminUrl) await createPostgresTemplate(adminUrl, postgresTemplate);
  project.provide('postgresAdminUrl', adminUrl);
  project.provide('postgresTemplate', postgresTemplate);

  return async function teardown() {
    await rm(templatePath, { force: true });
    if (adminUrl) await dropPostgresTemplate(adminUrl, postgresTemplate);
  };
}

async function dropPostgresTemplate(adminUrl: string, name: string) {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${name}`);
  } finally {
    await admin.end();
  }
}

async function createPostgresTemplate(adminUrl: string, name: string) {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${name}`);
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const template = await openPostgres(withDatabase(adminUrl, name));
  try {
    await prepareDatabase(template);
  } finally {
    await template.close();
  }
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
