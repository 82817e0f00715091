/**
 * The Ketenzicht application as a Fastify instance: plugins (security headers, OpenAPI), then the modules'
 * routes under /api, then the web app. No `listen` here: `server.ts` (and tests) decide where it runs.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyError,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDatabase } from './db/client.ts';
import { accessGuardPlugin } from './http/access-guard.ts';
import { accessRoutes } from './modules/access/access.routes.ts';
import { createOidcLogin, type OidcConfig } from './modules/access/oidc.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import type { PseudonymKeySource } from './modules/cases/cases.key.ts';
import { casesRoutes } from './modules/cases/cases.routes.ts';
import { dashboardsRoutes } from './modules/dashboards/dashboards.routes.ts';
import { createDashboardsService } from './modules/dashboards/dashboards.service.ts';
import { figuresRoutes } from './modules/figures/figures.routes.ts';
import { createGeographyRepo } from './modules/geography/geography.repo.ts';
import { geographyRoutes } from './modules/geography/geography.routes.ts';
import { createGeographyService } from './modules/geography/geography.service.ts';
import { systemRoutes } from './modules/system/system.routes.ts';
import { APP_VERSION } from './version.ts';

export type AppOptions = {
  database: AppDatabase;
  /** A pino logger; omitted in tests for silence. */
  logger?: FastifyBaseLogger;
  /** Folder of the built web app (`dist/web`); the app serves only the API when it is missing. */
  webRoot?: string;
  /** Base URL of the installation as users reach it, for one-time links and the OIDC redirect. */
  publicUrl?: string;
  /** Sign-in with the organisation's own identity provider; off when omitted. */
  oidc?: Omit<OidcConfig, 'publicUrl'> | undefined;
  /** Sign-in and set-password attempts per client address per window (default 10 per minute). */
  signInRateLimit?: { max: number; timeWindow: number };
  /**
   * Behind a reverse proxy: the number of proxies to trust, or their addresses, so client addresses and "Secure"
   * cookies are right. Never `true`: then any client could forge its address.
   */
  trustProxy?: false | number | string;
  /** The pseudonymisation secret for case imports; without it, case imports are refused. */
  pseudonymKey?: PseudonymKeySource;
};

// Validation messages reach users: in Dutch.
z.config(z.locales.nl());

export type App = Awaited<ReturnType<typeof buildApp>>;

export async function buildApp(options: AppOptions) {
  const app = Fastify({
    ...(options.logger ? { loggerInstance: options.logger } : { logger: false }),
    bodyLimit: DEFAULT_BODY_LIMIT,
    trustProxy: trustedProxies(options.trustProxy ?? false),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  // The API speaks JSON only; plain text bodies would reach validation as strings.
  app.removeContentTypeParser('text/plain');

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        // Served over plain HTTP on the local network too; upgrading would break those installs.
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Ketenzicht API',
        version: APP_VERSION,
        description:
          'Monitoring of the approach to domestic violence and child abuse. Reference geography: Bron: CBS, CC BY 4.0.',
        license: { name: 'EUPL-1.2', url: 'https://interoperable-europe.ec.europa.eu/collection/eupl' },
      },
      tags: [
        { name: 'Systeem', description: 'Health of the installation' },
        {
          name: 'Aanmelden en account',
          description:
            'Session cookie sign-in. Every POST, PUT, PATCH and DELETE needs the X-CSRF-Token header from GET /api/auth/session.',
        },
        { name: 'Beheer', description: 'Organisations, users, memberships and settings (beheerder)' },
        {
          name: 'Auditlog',
          description: 'Append-only log of changes, sign-ins and sensitive reads (beheerder)',
        },
        {
          name: 'Cijfers',
          description:
            'Indicator catalogue, figures (observations with versions) and imports of CSV, CBS StatLine and XLSX files',
        },
        {
          name: 'Dashboards',
          description:
            'Overview map, area profiles, comparison over time and the council factsheet; every figure has passed small-number protection',
        },
        {
          name: 'Casusregister',
          description:
            'Pseudonymised case register, follow-up measurements and outcome indicators (effect measurement). Case-level reads are for the supplier and involved teams only, and audited',
        },
        {
          name: 'Geografie',
          description: 'Gemeenten, Veilig Thuis-regio’s, provincies, population, herindelingen',
        },
      ],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, {
    routePrefix: '/docs',
    staticCSP: true,
    // Swagger UI sets inline styles while it renders; scripts stay 'self' only, and only /docs gets this.
    transformStaticCSP: (header) =>
      header
        .replace(/\s*upgrade-insecure-requests;?/, '')
        .replace(/style-src [^;]*;/, "style-src 'self' 'unsafe-inline';"),
  });

  const db = options.database.db;
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      message: `Te veel pogingen. Wacht ${Math.ceil(context.ttl / 1000)} seconden en probeer het opnieuw.`,
    }),
  });
  await app.register(accessGuardPlugin, { db });

  const publicUrl = options.publicUrl ?? 'http://127.0.0.1:3000';
  const geographyService = createGeographyService({ repo: createGeographyRepo(db) });
  await app.register(systemRoutes(options.database, APP_VERSION), { prefix: '/api' });
  await app.register(geographyRoutes(geographyService, db), { prefix: '/api' });
  await app.register(
    accessRoutes({
      db,
      publicUrl,
      oidc: options.oidc ? createOidcLogin({ ...options.oidc, publicUrl }) : undefined,
      signInRateLimit: options.signInRateLimit ?? { max: 10, timeWindow: 60_000 },
    }),
    { prefix: '/api' },
  );
  await app.register(auditRoutes(db), { prefix: '/api' });
  const dashboards = createDashboardsService(db);
  await app.register(
    figuresRoutes(db, (indicator, periods, asOf) => dashboards.protectedCells(indicator, periods, asOf)),
    { prefix: '/api' },
  );
  await app.register(dashboardsRoutes(db, dashboards), { prefix: '/api' });
  await app.register(casesRoutes(db, options.pseudonymKey), { prefix: '/api' });

  const webRoot = options.webRoot ? path.resolve(options.webRoot) : undefined;
  if (webRoot && existsSync(path.join(webRoot, 'index.html'))) {
    // wildcard: files are looked up per request, so a rebuilt web app is served without a restart.
    // preCompressed: the .gz/.br copies written by the build go to browsers that accept them.
    await app.register(fastifyStatic, {
      root: webRoot,
      wildcard: true,
      index: ['index.html'],
      preCompressed: true,
    });
  }
  app.setNotFoundHandler((request, reply) => {
    // Unknown pages belong to the single-page app, which shows its own "niet gevonden" page.
    const isPage =
      request.method === 'GET' && !request.url.startsWith('/api/') && !request.url.startsWith('/docs');
    if (isPage && webRoot && existsSync(path.join(webRoot, 'index.html'))) {
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    }
    return reply.code(404).send({ message: `Niet gevonden: ${request.method} ${request.url.split('?')[0]}` });
  });
  return app;
}

const DEFAULT_BODY_LIMIT = 1024 * 1024;

/** A hop count becomes "trust the nearest N proxies" (what Fastify does with a number, in a form its types take). */
function trustedProxies(setting: false | number | string) {
  return typeof setting === 'number' ? (_address: string, hop: number) => hop < setting : setting;
}

function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const first = error.validation[0];
    const parameter = first?.instancePath.replace(/^\//, '').split('/')[0] || undefined;
    const where =
      error.validationContext === 'params'
        ? 'padparameter'
        : error.validationContext === 'body'
          ? 'veld'
          : 'parameter';
    const field = where === 'veld' ? 'het veld' : where;
    return reply.code(400).send({
      message:
        where === 'veld'
          ? parameter
            ? `Ongeldige invoer in ${field} '${parameter}': ${first?.message ?? 'onbekende fout'}`
            : (first?.message ?? 'Ongeldige invoer')
          : `Ongeldige ${where}${parameter ? ` '${parameter}'` : ''}: ${first?.message ?? 'onbekende fout'}`,
      ...(parameter ? { parameter } : {}),
    });
  }
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    const limit = request.routeOptions.bodyLimit ?? DEFAULT_BODY_LIMIT;
    return reply
      .code(413)
      .send({ message: `Het verzoek is te groot: de grens is ${Math.round(limit / (1024 * 1024))} MB.` });
  }
  const dutch = error.code ? FASTIFY_ERRORS_IN_DUTCH[error.code] : undefined;
  if (dutch) return reply.code(error.statusCode ?? 400).send({ message: dutch });
  const statusCode = error.statusCode ?? 500;
  if (statusCode >= 500) {
    reply.log.error({ err: error }, 'request failed');
    return reply
      .code(statusCode)
      .send({ message: 'Er ging iets mis op de server. Probeer het later opnieuw.' });
  }
  const { parameter, problems } = error as { parameter?: string; problems?: unknown[] };
  return reply
    .code(statusCode)
    .send({ message: error.message, ...(parameter ? { parameter } : {}), ...(problems ? { problems } : {}) });
}

/** Fastify's own refusals of malformed requests, said in Dutch with what to do about them. */
const FASTIFY_ERRORS_IN_DUTCH: Record<string, string> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE:
    'Dit soort inhoud wordt niet ondersteund: stuur JSON (Content-Type: application/json).',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'De lengte van het verzoek klopt niet met de inhoud.',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'Het verzoek is leeg, maar zegt JSON te bevatten. Stuur een JSON-object.',
  FST_ERR_CTP_INVALID_JSON_BODY:
    'Het verzoek bevat geen geldige JSON. Controleer haakjes, aanhalingstekens en komma’s.',
  FST_ERR_CTP_EMPTY_TYPE: 'Het inhoudstype (Content-Type) ontbreekt.',
  FST_ERR_CTP_INVALID_TYPE: 'Het inhoudstype (Content-Type) is ongeldig.',
};
