/** HTTP routes of sign-in, accounts and administration: translate between HTTP and the service, nothing more. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { ForbiddenError, UnauthorizedError } from '../../errors.ts';
import {
  anonymousCsrfToken,
  clearSessionCookie,
  contextOf,
  setSessionCookie,
} from '../../http/access-guard.ts';
import { errorResponse } from '../../http/common.schemas.ts';
import { recordAuditAlone } from '../audit/audit.service.ts';
import { type Actor, isAdmin } from './access.domain.ts';
import * as schemas from './access.schemas.ts';
import * as service from './access.service.ts';
import { OIDC_CALLBACK_PATH, OIDC_COOKIE, type OidcLogin } from './oidc.ts';

export type AccessRouteOptions = {
  db: Db;
  /** Base URL for one-time links, e.g. https://ketenzicht.gemeente.nl */
  publicUrl: string;
  oidc?: OidcLogin | undefined;
  /** Sign-in and set-password attempts per address per minute. */
  signInRateLimit: { max: number; timeWindow: number };
};

const ACCOUNT = ['Aanmelden en account'];
const ADMIN = ['Beheer'];
const ok = z.object({ ok: z.literal(true) });

export function setPasswordLink(publicUrl: string, token: string): string {
  // The token goes in the fragment: browsers do not send it to the server log or in a Referer header.
  return new URL(`/wachtwoord-instellen#token=${token}`, publicUrl).toString();
}

function sessionUser(actor: Actor) {
  if (actor.kind !== 'user') return null;
  return {
    id: actor.userId,
    email: actor.email,
    displayName: actor.displayName,
    isAdmin: isAdmin(actor),
    memberships: actor.memberships,
  };
}

const iso = (date: Date) => date.toISOString();
const organisationOut = <T extends { createdAt: Date }>(row: T) => ({
  ...row,
  createdAt: iso(row.createdAt),
});
const userOut = <T extends { createdAt: Date }>(row: T) => ({ ...row, createdAt: iso(row.createdAt) });

export function accessRoutes(options: AccessRouteOptions): FastifyPluginAsyncZod {
  const { db } = options;
  const rateLimit = { max: options.signInRateLimit.max, timeWindow: options.signInRateLimit.timeWindow };
  return async (app) => {
    const sessionState = async (actor: Actor, csrfToken: string) => ({
      user: sessionUser(actor),
      csrfToken,
      setupNeeded: !(await service.adminExists(db)),
      figuresPublic: (await service.readSettings(db)).figuresPublic,
      oidc: { enabled: options.oidc !== undefined, label: options.oidc?.label ?? '' },
    });

    app.get(
      '/auth/session',
      {
        config: { access: 'public' },
        schema: {
          operationId: 'getSession',
          tags: ACCOUNT,
          summary: 'Who is signed in, the CSRF token to send back, and whether set-up is needed',
          response: { 200: schemas.sessionState },
        },
      },
      async (request, reply) =>
        sessionState(request.actor, request.session?.csrfToken ?? anonymousCsrfToken(request, reply)),
    );

    app.post(
      '/auth/sign-in',
      {
        config: { access: 'public', rateLimit },
        schema: {
          operationId: 'signIn',
          tags: ACCOUNT,
          summary: 'Sign in with e-mail address and password; sets the session cookie',
          body: schemas.signInBody,
          response: { 200: schemas.sessionState, 400: errorResponse, 401: errorResponse, 429: errorResponse },
        },
      },
      async (request, reply) => {
        const session = await service.signIn(db, contextOf(request), request.body);
        setSessionCookie(request, reply, session.token, session.expiresAt);
        const resolved = await service.resolveSession(db, session.token);
        return sessionState(resolved?.actor ?? request.actor, session.csrfToken);
      },
    );

    app.post(
      '/auth/sign-out',
      {
        config: { access: 'signedIn' },
        schema: {
          operationId: 'signOut',
          tags: ACCOUNT,
          summary: 'End this session',
          response: { 200: ok, 401: errorResponse, 403: errorResponse },
        },
      },
      async (request, reply) => {
        if (request.session) await service.signOut(db, contextOf(request), request.session.tokenHash);
        clearSessionCookie(request, reply);
        return { ok: true as const };
      },
    );

    app.post(
      '/auth/sign-out-everywhere',
      {
        config: { access: 'signedIn' },
        schema: {
          operationId: 'signOutEverywhere',
          tags: ACCOUNT,
          summary: 'End every session of the signed-in user, on all devices',
          response: { 200: schemas.signedOutEverywhere, 401: errorResponse, 403: errorResponse },
        },
      },
      async (request, reply) => {
        const actor = request.actor;
        if (actor.kind !== 'user') throw new UnauthorizedError('U bent niet aangemeld.');
        const sessionsEnded = await service.signOutEverywhere(db, contextOf(request), actor.userId);
        clearSessionCookie(request, reply);
        return { sessionsEnded };
      },
    );

    app.post(
      '/auth/password',
      {
        config: { access: 'signedIn', rateLimit },
        schema: {
          operationId: 'changePassword',
          tags: ACCOUNT,
          summary: 'Change the own password; other sessions of the user end',
          body: schemas.changePasswordBody,
          response: {
            200: ok,
            400: errorResponse,
            401: errorResponse,
            403: errorResponse,
            429: errorResponse,
          },
        },
      },
      async (request) => {
        await service.changePassword(db, contextOf(request), request.body, request.session?.tokenHash ?? '');
        return { ok: true as const };
      },
    );

    app.post(
      '/auth/set-password',
      {
        config: { access: 'public', rateLimit },
        schema: {
          operationId: 'setPasswordWithLink',
          tags: ACCOUNT,
          summary: 'Set a password with a one-time link from the beheerder',
          body: schemas.setPasswordBody,
          response: {
            200: z.object({ email: z.string() }),
            400: errorResponse,
            403: errorResponse,
            429: errorResponse,
          },
        },
      },
      async (request) => service.setPasswordWithLink(db, contextOf(request), request.body),
    );

    app.get(
      '/auth/oidc/start',
      {
        config: { access: 'public' },
        schema: {
          operationId: 'startOidcSignIn',
          tags: ACCOUNT,
          summary: 'Start signing in with the identity provider of the organisation (redirect)',
          response: { 302: z.null(), 404: errorResponse, 502: errorResponse },
        },
      },
      async (request, reply) => {
        if (!options.oidc)
          return reply.code(404).send({ message: 'Aanmelden via de eigen organisatie is niet ingesteld.' });
        let start: { url: string; cookie: string };
        try {
          start = await options.oidc.start();
        } catch (error) {
          request.log.warn({ err: error }, 'OIDC discovery failed');
          return reply.code(502).send({
            message:
              'De aanmeldvoorziening van uw organisatie is niet bereikbaar. Probeer het later opnieuw.',
          });
        }
        reply.setCookie(OIDC_COOKIE, start.cookie, {
          path: OIDC_CALLBACK_PATH,
          httpOnly: true,
          sameSite: 'lax',
          secure: request.protocol === 'https',
          maxAge: 600,
        });
        return reply.redirect(start.url, 302);
      },
    );

    app.get(
      '/auth/oidc/callback',
      {
        config: { access: 'public' },
        schema: {
          operationId: 'finishOidcSignIn',
          tags: ACCOUNT,
          summary: 'Return address for the identity provider; signs in and redirects to the app',
          querystring: z.record(z.string(), z.string().max(4096)),
          response: { 302: z.null(), 404: errorResponse },
        },
      },
      async (request, reply) => {
        if (!options.oidc)
          return reply.code(404).send({ message: 'Aanmelden via de eigen organisatie is niet ingesteld.' });
        const cookie = request.cookies[OIDC_COOKIE];
        reply.clearCookie(OIDC_COOKIE, { path: OIDC_CALLBACK_PATH });
        const context = contextOf(request);
        const callbackUrl = new URL(request.url, options.publicUrl);
        try {
          const claims = await options.oidc.finish(callbackUrl, cookie);
          const userId = await service.userForOidcClaims(
            db,
            context,
            claims,
            options.oidc.claimableOrganisations,
          );
          const session = await service.signInVerified(db, context, userId, {
            method: 'oidc',
            subject: claims.subjectKey,
          });
          setSessionCookie(request, reply, session.token, session.expiresAt);
          return reply.redirect('/account', 302);
        } catch (error) {
          const reason = error instanceof ForbiddenError ? 'geen-toegang' : 'mislukt';
          await recordAuditAlone(db, context, {
            action: 'auth.sign_in',
            result: 'failure',
            // A fixed reason, never a raw driver message (which could hold SQL and personal data).
            details: { method: 'oidc', reason: oidcFailureReason(error) },
          });
          return reply.redirect(`/inloggen?fout=${reason}`, 302);
        }
      },
    );

    // ---- Organisations ----

    app.get(
      '/organisations',
      {
        config: { access: 'signedIn' },
        schema: {
          operationId: 'listOrganisations',
          tags: ADMIN,
          summary: 'Organisations: all for a beheerder, otherwise those the user is a member of',
          response: { 200: schemas.organisationList, 401: errorResponse },
        },
      },
      async (request) => ({
        items: (await service.listOrganisations(db, contextOf(request))).map(organisationOut),
      }),
    );

    app.post(
      '/organisations',
      {
        config: { access: 'admin' },
        schema: {
          operationId: 'createOrganisation',
          tags: ADMIN,
          summary: 'Add an organisation',
          body: schemas.organisationBody,
          response: {
            201: schemas.organisationDetail,
            400: errorResponse,
            401: errorResponse,
            403: errorResponse,
            409: errorResponse,
          },
        },
      },
      async (request, reply) => {
        const organisation = await service.createOrganisation(db, contextOf(request), request.body);
        return reply.code(201).send(organisationOut(organisation));
      },
    );

    app.get(
      '/organisations/:id',
      {
        config: { access: 'signedIn' },
        schema: {
          operationId: 'getOrganisation',
          tags: ADMIN,
          summary: 'One organisation with its members (for its own members and beheerders)',
          params: schemas.organisationParams,
          response: {
            200: schemas.organisationDetail,
            400: errorResponse,
            401: errorResponse,
            403: errorResponse,
            404: errorResponse,
          },
        },
      },
      async (request) =>
        organisationOut(await service.getOrganisation(db, contextOf(request), request.params.id)),
    );

    app.put(
      '/organisations/:id',
      {
        config: { access: 'admin' },
        schema: {
          operationId: 'updateOrganisation',
          tags: ADMIN,
          summary: 'Change an organisation',
          params: schemas.organisationParams,
          body: schemas.organisationBody,
          response: {
            200: schemas.organisationDetail,
            400: errorResponse,
            401: errorResponse,
            403: errorResponse,
            404: errorResponse,
            409: errorResponse,
          },
        },
      },
      async (request) =>
        organisationOut(
          await service.updateOrganisation(db, contextOf(request), request.params.id, request.body),
        ),
    );

    // ---- Users ----

    app.get(
      '/users',
      {
        config: { access: 'admin' },
        schema: {
          operationId: 'listUsers',
          tags: ADMIN,
          summary: 'All users with their memberships',
          response: { 200: schemas.userList, 401: errorResponse, 403: errorResponse },
        },
      },
      async (request) => ({ items: (await service.listUsers(db, contextOf(request))).map(userOut) }),
    );

    app.post(
      '/users',
      {
        config: { access: 'admin' },
        schema: {
          operationId: 'createUser',
          tags: ADMIN,
          summary: 'Add a user; answers with a one-time link to set a password',
          body: schemas.createUserBody,
          response: {
            201: schemas.createdUser,
            400: errorResponse,
            401: errorResponse,
            403: errorResponse,
            409: errorResponse,
          },
        },
      },
      async (request, reply) => {
        const { user, token, expiresAt } = await service.createUser(db, contextOf(request), request.body);
        return reply.code(201).send({
          user: userOut(user),
          passwordLink: { link: setPasswordLink(options.publicUrl, token), expiresAt: iso(expiresAt) },
        });
      },
    );

    app.get(
      '/users/:id',
      {
        config: { access: 'signedIn' },
        schema: {
          operationId: 'getUser',
          tags: ADMIN,
          summary: 'One user (oneself, or anyone for a beheerder)',
          params: schemas.userParams,
          response: {
            200: schemas.userSummary,
            400: errorResponse,
            401: errorResponse,
            403: errorResponse,
            404: errorResponse,
          },
        },
      },
      async (request) => userOut(await service.getUser(db, contextOf(request), request.params.id)),
    );

    app.patch(
      '/users/:id',
      {
        config: { access: 'admin' },
        schema: {
          operationId: 'updateUser',
          tags: ADMIN,
          summary: 'Rename, disable or enable a user; disabling ends their sessions',
          params: schemas.userParams,
          body: schemas.updateUserBody,
          response: {
            200: schemas.userSummary,
            400: errorResponse,
            401: errorResponse,
            403: errorResponse,
            404: errorResponse,
          },
        },
      },
      async (request) =>
        userOut(await service.updateUser(db, contextOf(request), request.params.id, request.body)),
    );

    app.post(
      '/users/:id/password-link',
      {
        config: { access: 'admin' },
        schema: {
          operationId: 'issuePasswordLink',
          tags: ADMIN,
          summary: 'A new one-time link for the user to set a password (reset); earlier links stop working',
          params: schemas.userParams,
          response: {
            200: schemas.passwordLink,
            400: errorResponse,
            401: errorResponse,
            403: errorResponse,
            404: errorResponse,
          },
        },
      },
      async (request) => {
        const { token, expiresAt } = await service.issueSetPasswordLink(
          db,
          contextOf(request),
          request.params.id,
        );
        return { link: setPasswordLink(options.publicUrl, token), expiresAt: iso(expiresAt) };
      },
    );

    app.put(
      '/users/:id/memberships/:organisationId',
      {
        config: { access: 'admin' },
        schema: {
          operationId: 'setMembership',
          tags: ADMIN,
          summary: 'Make the user a member of the organisation with this role (or change the role)',
          params: schemas.membershipParams,
          body: schemas.membershipBody,
          response: {
            200: schemas.userSummary,
            400: errorResponse,
            401: errorResponse,
            403: errorResponse,
            404: errorResponse,
            409: errorResponse,
          },
        },
      },
      async (request) =>
        userOut(
          await service.setMembership(db, contextOf(request), {
            userId: request.params.id,
            organisationId: request.params.organisationId,
            role: request.body.role,
          }),
        ),
    );

    app.delete(
      '/users/:id/memberships/:organisationId',
      {
        config: { access: 'admin' },
        schema: {
          operationId: 'removeMembership',
          tags: ADMIN,
          summary: 'End the membership of the user in the organisation',
          params: schemas.membershipParams,
          response: {
            200: schemas.userSummary,
            400: errorResponse,
            401: errorResponse,
            403: errorResponse,
            404: errorResponse,
            409: errorResponse,
          },
        },
      },
      async (request) =>
        userOut(
          await service.removeMembership(
            db,
            contextOf(request),
            request.params.id,
            request.params.organisationId,
          ),
        ),
    );

    // ---- Settings ----

    app.get(
      '/settings',
      {
        config: { access: 'admin' },
        schema: {
          operationId: 'getSettings',
          tags: ADMIN,
          summary: 'Installation settings',
          response: { 200: schemas.settingsBody, 401: errorResponse, 403: errorResponse },
        },
      },
      async () => service.readSettings(db),
    );

    app.put(
      '/settings',
      {
        config: { access: 'admin' },
        schema: {
          operationId: 'updateSettings',
          tags: ADMIN,
          summary:
            'Change installation settings (e.g. close published figures to visitors without an account)',
          body: schemas.settingsBody,
          response: { 200: schemas.settingsBody, 400: errorResponse, 401: errorResponse, 403: errorResponse },
        },
      },
      async (request) => {
        const result = await service.updateSettings(db, contextOf(request), request.body);
        app.invalidateSettings();
        return result;
      },
    );
  };
}

function oidcFailureReason(error: unknown): string {
  if (error instanceof ForbiddenError) return error.message;
  const { code, name } = error as { code?: unknown; name?: unknown };
  return typeof code === 'string' ? `oidc: ${code}` : `oidc: ${typeof name === 'string' ? name : 'error'}`;
}
