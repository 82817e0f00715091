/**
 * Who is asking, and may they: the session cookie becomes `request.actor`; every /api route must declare an
 * access rule (`config.access`), or the app refuses to start; the rule is enforced before the handler; and every
 * state-changing request must carry the CSRF token of its session (or, before sign-in, of its CSRF cookie).
 */
import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Db } from '../db/client.ts';
import {
  ACCESS_RULES,
  type AccessRule,
  type Actor,
  ANONYMOUS,
  decideAccess,
} from '../modules/access/access.domain.ts';
import {
  newToken,
  readSettings,
  resolveSession,
  type SessionInfo,
  sameToken,
} from '../modules/access/access.service.ts';
import { type RequestContext, recordAuditAlone } from '../modules/audit/audit.service.ts';

export const SESSION_COOKIE = 'ketenzicht_sessie';
export const CSRF_COOKIE = 'ketenzicht_csrf';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call this route; required for every /api route. */
    access?: AccessRule;
  }
  interface FastifyRequest {
    actor: Actor;
    /** Hash and CSRF token of the session, when signed in. */
    session: { tokenHash: string; csrfToken: string; expiresAt: Date } | null;
  }
  interface FastifyInstance {
    /** Every /api route with its access rule, for the authorization matrix test and the docs. */
    apiRoutes: { method: string; url: string; access: AccessRule }[];
    /** Forget the cached installation settings (after a change). */
    invalidateSettings(): void;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const SETTINGS_TTL_MS = 5_000;
const SESSION_CACHE_TTL_MS = 5_000;
const SESSION_CACHE_MAX = 10_000;

export function contextOf(request: FastifyRequest): RequestContext {
  return { actor: request.actor, origin: request.ip };
}

export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
  expiresAt: Date,
) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    expires: expiresAt,
  });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
  });
}

/** The CSRF token of a visitor who is not signed in yet (double-submit cookie), created on first need. */
export function anonymousCsrfToken(request: FastifyRequest, reply: FastifyReply): string {
  const existing = request.cookies[CSRF_COOKIE];
  if (existing && /^[\w-]{43}$/.test(existing)) return existing;
  const token = newToken();
  reply.setCookie(CSRF_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: request.protocol === 'https',
  });
  return token;
}

async function accessGuard(app: FastifyInstance, options: { db: Db }) {
  await app.register(cookie);
  // Set for every request in onRequest; a reference-type default would be shared between requests.
  app.decorateRequest('actor', null as never);
  app.decorateRequest('session', null);
  app.decorate('apiRoutes', [] as FastifyInstance['apiRoutes']);

  let settingsCache: { value: Promise<{ figuresPublic: boolean }>; at: number } | undefined;
  const figuresPublic = async () => {
    if (!settingsCache || Date.now() - settingsCache.at > SETTINGS_TTL_MS) {
      settingsCache = { value: readSettings(options.db), at: Date.now() };
      settingsCache.value.catch(() => {
        settingsCache = undefined;
      });
    }
    return (await settingsCache.value).figuresPublic;
  };
  app.decorate('invalidateSettings', () => {
    settingsCache = undefined;
  });

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    const access = route.config?.access;
    if (!access || !ACCESS_RULES.includes(access))
      throw new Error(
        `Route ${route.method} ${route.url} has no access rule (config.access): every API route needs one.`,
      );
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') app.apiRoutes.push({ method, url: route.url, access });
    }
  });

  // Resolved sessions are kept for a few seconds: most requests are reads, and each saves a database round trip.
  // Any state-changing request clears the whole cache (sign-out, disabling a user, a new role all take effect at
  // once in this process); other instances on the same PostgreSQL database see such changes within the TTL.
  const sessionCache = new Map<string, { session: SessionInfo; at: number }>();
  // Bumped by every write: a lookup that started before a write (say, a sign-out) must not be cached after it.
  let generation = 0;
  const cachedSession = async (token: string): Promise<SessionInfo | null> => {
    const now = Date.now();
    const hit = sessionCache.get(token);
    if (hit && now - hit.at < SESSION_CACHE_TTL_MS && hit.session.expiresAt.getTime() > now)
      return hit.session;
    sessionCache.delete(token);
    const startedAt = generation;
    const session = await resolveSession(options.db, token);
    if (session && startedAt === generation) {
      if (sessionCache.size >= SESSION_CACHE_MAX) sessionCache.clear();
      sessionCache.set(token, { session, at: now });
    }
    return session;
  };
  // onSend: after the handler's transaction, before the client hears the answer and can make its next request.
  app.addHook('onSend', async (request) => {
    if (!SAFE_METHODS.has(request.method)) {
      generation++;
      sessionCache.clear();
    }
  });

  app.addHook('onRequest', async (request) => {
    request.actor = ANONYMOUS;
    const token = request.cookies[SESSION_COOKIE];
    if (!token || token.length > 100) return;
    const session = await cachedSession(token);
    if (!session) return;
    request.actor = session.actor;
    request.session = {
      tokenHash: session.tokenHash,
      csrfToken: session.csrfToken,
      expiresAt: session.expiresAt,
    };
  });

  // Refusals of signed-in users are on record: a user probing what is not theirs is what a security officer looks for.
  app.addHook('onResponse', async (request, reply) => {
    if (reply.statusCode !== 403 || request.actor?.kind !== 'user' || !request.routeOptions.config?.access)
      return;
    await recordAuditAlone(options.db, contextOf(request), {
      action: 'access.denied',
      result: 'denied',
      details: { method: request.method, url: request.url.slice(0, 500) },
    }).catch((error: unknown) =>
      request.log.error({ err: error }, 'could not record a refusal in the audit log'),
    );
  });

  // preParsing: after every onRequest hook (so the per-route rate limiter counts refused requests too) and
  // before the body is read or validated (so a caller without access gets 401/403, never a 400 or 413 about a
  // body nobody will look at).
  app.addHook('preParsing', async (request, reply, payload) => {
    const access = request.routeOptions.config?.access;
    if (!access) return payload;
    const decision = decideAccess(
      access,
      request.actor,
      access === 'published' ? await figuresPublic() : true,
    );
    if (!decision.allowed) return refuse(reply, decision.status, decision.message);
    if (SAFE_METHODS.has(request.method)) return payload;
    const origin = request.headers.origin;
    if (origin && !sameHost(origin, request.host))
      return refuse(reply, 403, 'Verzoek geweigerd: het komt van een andere website.');
    const sent = request.headers[CSRF_HEADER];
    const expected = request.session?.csrfToken ?? request.cookies[CSRF_COOKIE];
    if (typeof sent !== 'string' || !expected || !sameToken(sent, expected))
      return refuse(
        reply,
        403,
        'Verzoek geweigerd: de beveiligingscode (CSRF) ontbreekt of klopt niet. Laad de pagina opnieuw.',
      );
    return payload;
  });
}

export const accessGuardPlugin = fp(accessGuard, { name: 'access-guard' });

/** Answers from a hook: the lifecycle stops here and the body is never read. */
function refuse(reply: FastifyReply, status: number, message: string) {
  return reply.code(status).send({ message });
}

function sameHost(origin: string, host: string): boolean {
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
