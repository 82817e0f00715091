/**
 * Accounts and sessions: sign-in, sessions, passwords and one-time links, organisations, users, memberships and
 * installation settings. Every change is written with its audit entry in one transaction. Policies come from
 * `access.domain.ts`; the HTTP layer has already applied the route's coarse rule, this layer decides per object.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { type Algorithm, hash, verify } from '@node-rs/argon2';
import { and, asc, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import type { OrganisationKind, Role } from '../../../shared/access.ts';
import { ORGANISATION_AREA_LEVEL } from '../../../shared/access.ts';
import { levelOfCode } from '../../../shared/geography.ts';
import { type Db, selectRows } from '../../db/client.ts';
import {
  areas,
  memberships,
  oneTimeTokens,
  organisations,
  sessions,
  settings,
  signInThrottle,
  users,
} from '../../db/schema/index.ts';
import { withScope } from '../../db/scope.ts';
import {
  BadRequestError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  UnauthorizedError,
} from '../../errors.ts';

import { type RequestContext, recordAudit, recordAuditAlone } from '../audit/audit.service.ts';
import {
  type Actor,
  canViewOrganisation,
  databaseScopeOf,
  isAdmin,
  isLocked,
  type Membership,
  normalizeEmail,
  ONE_TIME_LINK_VALID_MS,
  passwordProblem,
  registerAttempt,
  SESSION,
  SIGN_IN_FAILED_MESSAGE,
  sessionIsAlive,
} from './access.domain.ts';
import type { OidcClaims } from './oidc.ts';

// Algorithm.Argon2id is a const enum (2), which isolated modules cannot read; defaults otherwise (m=19 MiB, t=2).
const ARGON2_OPTIONS = { algorithm: 2 as Algorithm } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

let dummyHash: Promise<string> | undefined;
/** Verifying against a throw-away hash makes a sign-in for an unknown address take as long as a real one. */
function spendVerifyTime(password: string): Promise<boolean> {
  dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
  return dummyHash.then((known) => verify(known, password));
}

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

// ---- Actors and sessions ----

export type SessionInfo = {
  actor: Actor & { kind: 'user' };
  csrfToken: string;
  expiresAt: Date;
  tokenHash: string;
};

/** The signed-in user behind a session cookie, or null when the session is unknown, expired or disabled. */
export async function resolveSession(db: Db, token: string, now = new Date()): Promise<SessionInfo | null> {
  const hashed = tokenHash(token);
  // One round trip for session, user and memberships: this runs on every signed-in request.
  const [row] = await selectRows<{
    csrf_token: string;
    created_at: Date | string;
    last_seen_at: Date | string;
    expires_at: Date | string;
    user_id: string;
    email: string;
    display_name: string;
    memberships: Membership[] | string;
  }>(
    db,
    sql`select s.csrf_token, s.created_at, s.last_seen_at, s.expires_at, u.id as user_id, u.email, u.display_name,
          coalesce((select json_agg(json_build_object('organisationId', o.id, 'organisationName', o.name,
                      'organisationKind', o.kind, 'areaCode', o.area_code, 'role', m.role) order by o.name)
                    from ${memberships} m join ${organisations} o on o.id = m.organisation_id
                    where m.user_id = u.id), '[]'::json) as memberships
        from ${sessions} s join ${users} u on u.id = s.user_id
        where s.token_hash = ${hashed} and u.disabled_at is null`,
  );
  if (!row) return null;
  const session = {
    createdAt: new Date(row.created_at),
    lastSeenAt: new Date(row.last_seen_at),
    expiresAt: new Date(row.expires_at),
  };
  if (!sessionIsAlive(session, now)) return null;
  if (now.getTime() - session.lastSeenAt.getTime() > SESSION.touchEveryMs) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, hashed));
  }
  return {
    actor: {
      kind: 'user',
      userId: row.user_id,
      email: row.email,
      displayName: row.display_name,
      memberships: typeof row.memberships === 'string' ? JSON.parse(row.memberships) : row.memberships,
    },
    csrfToken: row.csrf_token,
    expiresAt: session.expiresAt,
    tokenHash: hashed,
  };
}

export type NewSession = { token: string; csrfToken: string; expiresAt: Date };

async function startSession(tx: Db, userId: string, origin: string, now: Date): Promise<NewSession> {
  const token = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(now.getTime() + SESSION.absoluteMs);
  // Expired sessions are cleared on the way; no separate job needed.
  await tx.delete(sessions).where(lt(sessions.expiresAt, now));
  await tx
    .insert(sessions)
    .values({ tokenHash: tokenHash(token), userId, csrfToken, expiresAt, origin, lastSeenAt: now });
  return { token, csrfToken, expiresAt };
}

/** Password sign-in. Every failure gives the same message and takes about as long, known address or not. */
export async function signIn(
  db: Db,
  context: RequestContext,
  credentials: { email: string; password: string },
  now = new Date(),
): Promise<NewSession> {
  const email = normalizeEmail(credentials.email);
  // Count the attempt first, in one locked row, so that attempts sent at the same moment are all counted.
  const attempt = await db.transaction(async (tx) => {
    await tx
      .insert(signInThrottle)
      .values({ email, failures: 0, firstFailureAt: now })
      .onConflictDoNothing({ target: signInThrottle.email });
    const [current] = await tx
      .select()
      .from(signInThrottle)
      .where(eq(signInThrottle.email, email))
      .for('update');
    const next = registerAttempt(current, now);
    await tx.update(signInThrottle).set(next.state).where(eq(signInThrottle.email, email));
    return { ...next, wasLocked: current ? isLocked(current, now) : false };
  });
  const [user] = await db.select().from(users).where(eq(users.email, email));
  const passwordOk =
    user?.passwordHash && attempt.mayVerify
      ? await verify(user.passwordHash, credentials.password).catch(() => false)
      : await spendVerifyTime(credentials.password).then(() => false);
  if (!user || !passwordOk || user.disabledAt) {
    const reason = !attempt.mayVerify
      ? 'locked'
      : !user
        ? 'unknown_email'
        : user.disabledAt
          ? 'disabled'
          : 'wrong_password';
    await recordAuditAlone(db, context, {
      action: 'auth.sign_in',
      result: 'failure',
      objectType: 'user',
      ...(user ? { objectId: user.id } : {}),
      // An unknown address is often a password typed in the wrong field: keep only a short fingerprint of it.
      details: {
        ...(user ? { email } : { emailFingerprint: tokenHash(email).slice(0, 12) }),
        reason,
        ...(!attempt.mayVerify && !attempt.wasLocked ? { locked: true } : {}),
      },
    });
    throw new UnauthorizedError(SIGN_IN_FAILED_MESSAGE);
  }
  return db.transaction(async (tx) => {
    await tx.delete(signInThrottle).where(eq(signInThrottle.email, email));
    return startRecordedSession(tx, context, user, { method: 'password' }, now);
  });
}

/** A new session for a user who has proven who they are, with its audit entry, in the caller's transaction. */
async function startRecordedSession(
  tx: Db,
  context: RequestContext,
  user: typeof users.$inferSelect,
  details: Record<string, unknown>,
  now: Date,
): Promise<NewSession> {
  const session = await startSession(tx, user.id, context.origin, now);
  const actor: Actor = {
    kind: 'user',
    userId: user.id,
    email: user.email,
    displayName: user.displayName,
    memberships: [],
  };
  await recordAudit(
    tx,
    { ...context, actor },
    { action: 'auth.sign_in', result: 'success', objectType: 'user', objectId: user.id, details },
  );
  return session;
}

/** Sign-in after the identity provider vouched for the user (OpenID Connect). */
export async function signInVerified(
  db: Db,
  context: RequestContext,
  userId: string,
  details: Record<string, unknown>,
  now = new Date(),
): Promise<NewSession> {
  return db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, userId));
    if (!user || user.disabledAt)
      throw new ForbiddenError('Dit account is uitgeschakeld. Neem contact op met de beheerder.');
    return startRecordedSession(tx, context, user, details, now);
  });
}

export async function signOut(db: Db, context: RequestContext, sessionTokenHash: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(sessions).where(eq(sessions.tokenHash, sessionTokenHash));
    await recordAudit(tx, context, { action: 'auth.sign_out', result: 'success' });
  });
}

/** Ends every session of the user, on every device; returns how many there were. */
export async function signOutEverywhere(db: Db, context: RequestContext, userId: string): Promise<number> {
  return db.transaction(async (tx) => {
    const ended = await tx
      .delete(sessions)
      .where(eq(sessions.userId, userId))
      .returning({ tokenHash: sessions.tokenHash });
    await recordAudit(tx, context, {
      action: 'auth.sign_out_everywhere',
      result: 'success',
      objectType: 'user',
      objectId: userId,
      details: { sessions: ended.length },
    });
    return ended.length;
  });
}

function checkPassword(password: string, email: string): void {
  const problem = passwordProblem(password, email);
  if (problem) throw new BadRequestError(problem, 'newPassword');
}

export async function changePassword(
  db: Db,
  context: RequestContext,
  input: { currentPassword: string; newPassword: string },
  keepSessionHash: string,
): Promise<void> {
  const actor = requireUser(context.actor);
  const [user] = await db.select().from(users).where(eq(users.id, actor.userId));
  if (!user) throw new NotFoundError('Gebruiker niet gevonden.');
  const ok = user.passwordHash
    ? await verify(user.passwordHash, input.currentPassword).catch(() => false)
    : false;
  if (!ok) {
    await recordAuditAlone(db, context, {
      action: 'auth.change_password',
      result: 'failure',
      objectType: 'user',
      objectId: user.id,
    });
    throw new BadRequestError('Het huidige wachtwoord klopt niet.', 'currentPassword');
  }
  checkPassword(input.newPassword, user.email);
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, user.id));
    // Other devices must sign in again with the new password.
    await tx
      .delete(sessions)
      .where(and(eq(sessions.userId, user.id), sql`${sessions.tokenHash} <> ${keepSessionHash}`));
    // A reset link handed out earlier must not undo the change.
    await tx.delete(oneTimeTokens).where(eq(oneTimeTokens.userId, user.id));
    await recordAudit(tx, context, {
      action: 'auth.change_password',
      result: 'success',
      objectType: 'user',
      objectId: user.id,
    });
  });
}

/** Sets a password through a one-time link; the link then stops working and all sessions end. */
export async function setPasswordWithLink(
  db: Db,
  context: RequestContext,
  input: { token: string; newPassword: string },
  now = new Date(),
): Promise<{ email: string }> {
  const hashed = tokenHash(input.token);
  const [row] = await db
    .select({ token: oneTimeTokens, user: users })
    .from(oneTimeTokens)
    .innerJoin(users, eq(users.id, oneTimeTokens.userId))
    .where(
      and(
        eq(oneTimeTokens.tokenHash, hashed),
        isNull(oneTimeTokens.usedAt),
        gt(oneTimeTokens.expiresAt, now),
      ),
    );
  if (!row) {
    await recordAuditAlone(db, context, {
      action: 'auth.set_password',
      result: 'failure',
      details: { reason: 'invalid_link' },
    });
    throw new BadRequestError(
      'Deze link is ongeldig, al gebruikt of verlopen. Vraag de beheerder om een nieuwe link.',
      'token',
    );
  }
  checkPassword(input.newPassword, row.user.email);
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    const used = await tx
      .update(oneTimeTokens)
      .set({ usedAt: now })
      .where(and(eq(oneTimeTokens.tokenHash, hashed), isNull(oneTimeTokens.usedAt)))
      .returning({ tokenHash: oneTimeTokens.tokenHash });
    if (used.length === 0) throw new BadRequestError('Deze link is zojuist al gebruikt.', 'token');
    await tx.update(users).set({ passwordHash }).where(eq(users.id, row.user.id));
    await tx.delete(sessions).where(eq(sessions.userId, row.user.id));
    await tx.delete(signInThrottle).where(eq(signInThrottle.email, row.user.email));
    await recordAudit(tx, context, {
      action: 'auth.set_password',
      result: 'success',
      objectType: 'user',
      objectId: row.user.id,
    });
  });
  return { email: row.user.email };
}

function requireUser(actor: Actor): Actor & { kind: 'user' } {
  if (actor.kind !== 'user') throw new UnauthorizedError('U bent niet aangemeld.');
  return actor;
}

function requireAdmin(actor: Actor): void {
  if (!isAdmin(actor)) throw new ForbiddenError('Hiervoor is de rol beheerder nodig.');
}

export async function userIdByEmail(db: Db, email: string): Promise<string | undefined> {
  const [user] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, normalizeEmail(email)));
  return user?.id;
}

// ---- Set-up ----

export async function adminExists(db: Db): Promise<boolean> {
  const [row] = await db
    .select({ one: sql<number>`1` })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.role, 'beheerder'), isNull(users.disabledAt)))
    .limit(1);
  return row !== undefined;
}

export const SETUP_ORGANISATION_NAME = 'Beheer Ketenzicht';

/**
 * The first beheerder (or another one), from the command line: creates the user with a membership of the
 * installation's own organisation and returns a one-time link to set the password.
 */
export async function createAdmin(
  db: Db,
  context: RequestContext,
  input: { email: string; displayName?: string | undefined; organisationName?: string | undefined },
): Promise<{ userId: string; token: string; organisationId: number }> {
  requireAdmin(context.actor);
  const email = checkEmail(input.email);
  const organisationName = input.organisationName?.trim() || SETUP_ORGANISATION_NAME;
  return withScope(db, databaseScopeOf(context.actor), async (tx) => {
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
    if (existing) throw new ConflictError(`Er bestaat al een gebruiker met e-mailadres ${email}.`, 'email');
    let [organisation] = await tx
      .select()
      .from(organisations)
      .where(eq(organisations.name, organisationName));
    if (!organisation) {
      [organisation] = await tx
        .insert(organisations)
        .values({ kind: 'landelijk', name: organisationName })
        .returning();
      await recordAudit(tx, context, {
        action: 'organisation.create',
        result: 'success',
        objectType: 'organisation',
        objectId: organisation?.id,
        details: { name: organisationName, kind: 'landelijk' },
      });
    }
    if (!organisation) throw new Error('organisation insert returned nothing');
    const [user] = await tx
      .insert(users)
      .values({ email, displayName: input.displayName?.trim() || email })
      .returning({ id: users.id });
    if (!user) throw new Error('user insert returned nothing');
    await tx
      .insert(memberships)
      .values({ userId: user.id, organisationId: organisation.id, role: 'beheerder' });
    const { token } = await insertOneTimeToken(tx, user.id);
    await recordAudit(tx, context, {
      action: 'user.create',
      result: 'success',
      objectType: 'user',
      objectId: user.id,
      details: { email, role: 'beheerder', organisationId: organisation.id },
    });
    return { userId: user.id, token, organisationId: organisation.id };
  });
}

async function insertOneTimeToken(
  tx: Db,
  userId: string,
  now = new Date(),
): Promise<{ token: string; expiresAt: Date }> {
  const token = newToken();
  const expiresAt = new Date(now.getTime() + ONE_TIME_LINK_VALID_MS);
  // A new link replaces the earlier unused ones of this user.
  await tx.delete(oneTimeTokens).where(and(eq(oneTimeTokens.userId, userId), isNull(oneTimeTokens.usedAt)));
  await tx.insert(oneTimeTokens).values({
    tokenHash: tokenHash(token),
    userId,
    expiresAt,
  });
  return { token, expiresAt };
}

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function checkEmail(email: string): string {
  const normalized = normalizeEmail(email);
  if (!EMAIL_PATTERN.test(normalized) || normalized.length > 254)
    throw new BadRequestError(
      `Ongeldig e-mailadres: '${email}'. Gebruik de vorm naam@organisatie.nl.`,
      'email',
    );
  return normalized;
}

// ---- Organisations ----

export type OrganisationRow = typeof organisations.$inferSelect & {
  areaName: string | null;
  memberCount: number;
};

const organisationColumns = {
  id: organisations.id,
  kind: organisations.kind,
  name: organisations.name,
  areaCode: organisations.areaCode,
  isCentreMunicipality: organisations.isCentreMunicipality,
  createdAt: organisations.createdAt,
  areaName: areas.name,
  memberCount: sql<number>`(select count(*)::int from ${memberships} where ${memberships.organisationId} = ${organisations.id})`,
};

export async function listOrganisations(db: Db, context: RequestContext): Promise<OrganisationRow[]> {
  const rows = await db
    .select(organisationColumns)
    .from(organisations)
    .leftJoin(areas, eq(areas.code, organisations.areaCode))
    .orderBy(asc(organisations.name));
  return isAdmin(context.actor) ? rows : rows.filter((row) => canViewOrganisation(context.actor, row.id));
}

export type OrganisationMember = {
  userId: string;
  email: string;
  displayName: string;
  role: Role;
  disabled: boolean;
};

export async function getOrganisation(
  db: Db,
  context: RequestContext,
  id: number,
): Promise<OrganisationDetail> {
  if (!canViewOrganisation(context.actor, id))
    throw new ForbiddenError('U hebt geen toegang tot deze organisatie: u bent er geen lid van.');
  const [organisation] = await db
    .select(organisationColumns)
    .from(organisations)
    .leftJoin(areas, eq(areas.code, organisations.areaCode))
    .where(eq(organisations.id, id));
  if (!organisation) throw new NotFoundError(`Organisatie ${id} bestaat niet.`);
  // Membership rows are read under row-level security: the database itself refuses other organisations' rows.
  const members = await withScope(db, databaseScopeOf(context.actor), (tx) =>
    tx
      .select({
        userId: users.id,
        email: users.email,
        displayName: users.displayName,
        role: memberships.role,
        disabledAt: users.disabledAt,
      })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(eq(memberships.organisationId, id))
      .orderBy(asc(users.displayName)),
  );
  return {
    ...organisation,
    members: members.map(({ disabledAt, ...member }) => ({ ...member, disabled: disabledAt !== null })),
  };
}

export type OrganisationInput = {
  kind: OrganisationKind;
  name: string;
  areaCode?: string | null | undefined;
  isCentreMunicipality?: boolean | undefined;
};

async function checkOrganisationArea(db: Db, input: OrganisationInput): Promise<string | null> {
  const level = ORGANISATION_AREA_LEVEL[input.kind];
  const code = input.areaCode?.trim().toUpperCase() || null;
  if (level === null) {
    if (code)
      throw new BadRequestError(
        'Dit soort organisatie hoort niet bij een gebied: laat het gebied leeg.',
        'areaCode',
      );
    return null;
  }
  const what = level === 'gemeente' ? 'een gemeente (GMxxxx)' : 'een Veilig Thuis-regio (VTxx)';
  if (!code) throw new BadRequestError(`Kies het gebied van deze organisatie: ${what}.`, 'areaCode');
  if (levelOfCode(code) !== level)
    throw new BadRequestError(`Gebiedscode '${code}' is geen ${what}.`, 'areaCode');
  const [area] = await db
    .select({ code: areas.code, validTo: areas.validTo })
    .from(areas)
    .where(eq(areas.code, code));
  if (!area) throw new BadRequestError(`Gebiedscode '${code}' bestaat niet.`, 'areaCode');
  if (area.validTo)
    throw new BadRequestError(
      `Gebied '${code}' bestaat niet meer (opgeheven per ${area.validTo}). Kies de opvolger.`,
      'areaCode',
    );
  if (input.isCentreMunicipality && input.kind !== 'gemeente')
    throw new BadRequestError('Alleen een gemeente kan centrumgemeente zijn.', 'isCentreMunicipality');
  return code;
}

export type OrganisationDetail = OrganisationRow & { members: OrganisationMember[] };

export async function createOrganisation(
  db: Db,
  context: RequestContext,
  input: OrganisationInput,
): Promise<OrganisationDetail> {
  requireAdmin(context.actor);
  const areaCode = await checkOrganisationArea(db, input);
  const name = input.name.trim();
  const id = await db.transaction(async (tx) => {
    const [clash] = await tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.name, name));
    if (clash) throw new ConflictError(`Er bestaat al een organisatie met de naam '${name}'.`, 'name');
    const [row] = await tx
      .insert(organisations)
      .values({ kind: input.kind, name, areaCode, isCentreMunicipality: input.isCentreMunicipality ?? false })
      .returning({ id: organisations.id });
    if (!row) throw new Error('organisation insert returned nothing');
    await recordAudit(tx, context, {
      action: 'organisation.create',
      result: 'success',
      objectType: 'organisation',
      objectId: row.id,
      details: { ...input, name, areaCode },
    });
    return row.id;
  });
  return getOrganisation(db, context, id);
}

export async function updateOrganisation(
  db: Db,
  context: RequestContext,
  id: number,
  input: OrganisationInput,
): Promise<OrganisationDetail> {
  requireAdmin(context.actor);
  const areaCode = await checkOrganisationArea(db, input);
  const name = input.name.trim();
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(organisations).where(eq(organisations.id, id));
    if (!before) throw new NotFoundError(`Organisatie ${id} bestaat niet.`);
    const [clash] = await tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(and(eq(organisations.name, name), sql`${organisations.id} <> ${id}`));
    if (clash) throw new ConflictError(`Er bestaat al een organisatie met de naam '${name}'.`, 'name');
    await tx
      .update(organisations)
      .set({ kind: input.kind, name, areaCode, isCentreMunicipality: input.isCentreMunicipality ?? false })
      .where(eq(organisations.id, id));
    await recordAudit(tx, context, {
      action: 'organisation.update',
      result: 'success',
      objectType: 'organisation',
      objectId: id,
      details: {
        before: {
          kind: before.kind,
          name: before.name,
          areaCode: before.areaCode,
          isCentreMunicipality: before.isCentreMunicipality,
        },
        after: { ...input, name, areaCode },
      },
    });
  });
  return getOrganisation(db, context, id);
}

// ---- Users ----

export type UserSummary = {
  id: string;
  email: string;
  displayName: string;
  hasPassword: boolean;
  oidcLinked: boolean;
  disabled: boolean;
  createdAt: Date;
  memberships: Membership[];
};

async function summariseUsers(db: Db, rows: (typeof users.$inferSelect)[]): Promise<UserSummary[]> {
  const all = rows.length
    ? await db
        .select({
          userId: memberships.userId,
          organisationId: organisations.id,
          organisationName: organisations.name,
          organisationKind: organisations.kind,
          areaCode: organisations.areaCode,
          role: memberships.role,
        })
        .from(memberships)
        .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
        .orderBy(asc(organisations.name))
    : [];
  return rows.map((user) => ({
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    hasPassword: user.passwordHash !== null,
    oidcLinked: user.oidcSubject !== null,
    disabled: user.disabledAt !== null,
    createdAt: user.createdAt,
    memberships: all
      .filter((membership) => membership.userId === user.id)
      .map(({ userId: _userId, ...membership }) => membership),
  }));
}

export async function listUsers(db: Db, context: RequestContext): Promise<UserSummary[]> {
  requireAdmin(context.actor);
  return summariseUsers(db, await db.select().from(users).orderBy(asc(users.email)));
}

export async function getUser(db: Db, context: RequestContext, id: string): Promise<UserSummary> {
  const self = context.actor.kind === 'user' && context.actor.userId === id;
  if (!self) requireAdmin(context.actor);
  const [user] = await db.select().from(users).where(eq(users.id, id));
  if (!user) throw new NotFoundError(`Gebruiker ${id} bestaat niet.`);
  const [summary] = await summariseUsers(db, [user]);
  if (!summary) throw new NotFoundError(`Gebruiker ${id} bestaat niet.`);
  return summary;
}

/** A new user; the result carries a one-time link token to set a password (unless they sign in with OIDC). */
export async function createUser(
  db: Db,
  context: RequestContext,
  input: { email: string; displayName: string; organisationId?: number | undefined; role?: Role | undefined },
): Promise<{ user: UserSummary; token: string; expiresAt: Date }> {
  requireAdmin(context.actor);
  const email = checkEmail(input.email);
  if ((input.organisationId === undefined) !== (input.role === undefined))
    throw new BadRequestError(
      'Kies zowel een organisatie als een rol, of geen van beide.',
      input.role === undefined ? 'role' : 'organisationId',
    );
  const { id, token, expiresAt } = await withScope(db, databaseScopeOf(context.actor), async (tx) => {
    const [clash] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
    if (clash) throw new ConflictError(`Er bestaat al een gebruiker met e-mailadres ${email}.`, 'email');
    if (input.organisationId !== undefined) await requireOrganisation(tx, input.organisationId);
    const [user] = await tx
      .insert(users)
      .values({ email, displayName: input.displayName.trim() })
      .returning({ id: users.id });
    if (!user) throw new Error('user insert returned nothing');
    if (input.organisationId !== undefined && input.role)
      await tx
        .insert(memberships)
        .values({ userId: user.id, organisationId: input.organisationId, role: input.role });
    const link = await insertOneTimeToken(tx, user.id);
    await recordAudit(tx, context, {
      action: 'user.create',
      result: 'success',
      objectType: 'user',
      objectId: user.id,
      details: { email, organisationId: input.organisationId, role: input.role },
    });
    return { id: user.id, ...link };
  });
  return { user: await getUser(db, context, id), token, expiresAt };
}

async function requireOrganisation(tx: Db, organisationId: number): Promise<void> {
  const [organisation] = await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  if (!organisation)
    throw new BadRequestError(`Organisatie ${organisationId} bestaat niet.`, 'organisationId');
}

export async function updateUser(
  db: Db,
  context: RequestContext,
  id: string,
  input: { displayName?: string | undefined; disabled?: boolean | undefined },
): Promise<UserSummary> {
  requireAdmin(context.actor);
  if (input.disabled && context.actor.kind === 'user' && context.actor.userId === id)
    throw new BadRequestError('U kunt uw eigen account niet uitschakelen.', 'disabled');
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(users).where(eq(users.id, id));
    if (!before) throw new NotFoundError(`Gebruiker ${id} bestaat niet.`);
    const disabledAt =
      input.disabled === undefined
        ? before.disabledAt
        : input.disabled
          ? (before.disabledAt ?? new Date())
          : null;
    await tx
      .update(users)
      .set({ displayName: input.displayName?.trim() || before.displayName, disabledAt })
      .where(eq(users.id, id));
    // A disabled user is signed out at once, not when the session expires.
    if (disabledAt) {
      await tx.delete(sessions).where(eq(sessions.userId, id));
      await tx.delete(oneTimeTokens).where(eq(oneTimeTokens.userId, id));
    }
    await recordAudit(tx, context, {
      action: 'user.update',
      result: 'success',
      objectType: 'user',
      objectId: id,
      details: { ...input },
    });
  });
  return getUser(db, context, id);
}

/** A fresh one-time link for a user (password reset by the beheerder; no mail server needed). */
export async function issueSetPasswordLink(
  db: Db,
  context: RequestContext,
  userId: string,
): Promise<{ token: string; expiresAt: Date }> {
  requireAdmin(context.actor);
  return db.transaction(async (tx) => {
    const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId));
    if (!user) throw new NotFoundError(`Gebruiker ${userId} bestaat niet.`);
    const link = await insertOneTimeToken(tx, userId);
    await recordAudit(tx, context, {
      action: 'user.issue_password_link',
      result: 'success',
      objectType: 'user',
      objectId: userId,
    });
    return link;
  });
}

/** Adds a membership or changes its role. Refuses to remove the last active beheerder's admin role. */
export async function setMembership(
  db: Db,
  context: RequestContext,
  input: { userId: string; organisationId: number; role: Role },
): Promise<UserSummary> {
  requireAdmin(context.actor);
  await withScope(db, databaseScopeOf(context.actor), async (tx) => {
    const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.id, input.userId));
    if (!user) throw new NotFoundError(`Gebruiker ${input.userId} bestaat niet.`);
    await requireOrganisation(tx, input.organisationId);
    const [before] = await tx
      .select()
      .from(memberships)
      .where(and(eq(memberships.userId, input.userId), eq(memberships.organisationId, input.organisationId)));
    if (before?.role === 'beheerder' && input.role !== 'beheerder')
      await refuseLastAdmin(tx, input.userId, input.organisationId);
    await tx
      .insert(memberships)
      .values(input)
      .onConflictDoUpdate({
        target: [memberships.userId, memberships.organisationId],
        set: { role: input.role },
      });
    await recordAudit(tx, context, {
      action: before ? 'membership.update' : 'membership.create',
      result: 'success',
      objectType: 'user',
      objectId: input.userId,
      details: { organisationId: input.organisationId, role: input.role, previousRole: before?.role ?? null },
    });
  });
  return getUser(db, context, input.userId);
}

export async function removeMembership(
  db: Db,
  context: RequestContext,
  userId: string,
  organisationId: number,
): Promise<UserSummary> {
  requireAdmin(context.actor);
  await withScope(db, databaseScopeOf(context.actor), async (tx) => {
    const [before] = await tx
      .select()
      .from(memberships)
      .where(and(eq(memberships.userId, userId), eq(memberships.organisationId, organisationId)));
    if (!before) throw new NotFoundError('Deze gebruiker is geen lid van deze organisatie.');
    if (before.role === 'beheerder') await refuseLastAdmin(tx, userId, organisationId);
    await tx
      .delete(memberships)
      .where(and(eq(memberships.userId, userId), eq(memberships.organisationId, organisationId)));
    await recordAudit(tx, context, {
      action: 'membership.delete',
      result: 'success',
      objectType: 'user',
      objectId: userId,
      details: { organisationId, role: before.role },
    });
  });
  return getUser(db, context, userId);
}

async function refuseLastAdmin(tx: Db, userId: string, organisationId: number): Promise<void> {
  const [other] = await tx
    .select({ one: sql<number>`1` })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.role, 'beheerder'),
        isNull(users.disabledAt),
        sql`not (${memberships.userId} = ${userId} and ${memberships.organisationId} = ${organisationId})`,
      ),
    )
    .limit(1);
  if (!other)
    throw new ConflictError('Dit is de laatste beheerder. Maak eerst iemand anders beheerder.', 'role');
}

// ---- Settings ----

export type InstallationSettings = {
  figuresPublic: boolean;
  /** Small-number protection for indicators without their own rule (ADR 0006). */
  disclosureThreshold: number;
  disclosureRoundTo: 5 | 10 | null;
};
const DEFAULT_SETTINGS: InstallationSettings = {
  figuresPublic: true,
  disclosureThreshold: 5,
  disclosureRoundTo: null,
};

export async function readSettings(db: Db): Promise<InstallationSettings> {
  const rows = await db.select().from(settings);
  const stored = Object.fromEntries(rows.map((row) => [row.key, row.value]));
  return {
    figuresPublic:
      typeof stored.figuresPublic === 'boolean' ? stored.figuresPublic : DEFAULT_SETTINGS.figuresPublic,
    disclosureThreshold:
      typeof stored.disclosureThreshold === 'number'
        ? stored.disclosureThreshold
        : DEFAULT_SETTINGS.disclosureThreshold,
    disclosureRoundTo:
      stored.disclosureRoundTo === 5 || stored.disclosureRoundTo === 10 ? stored.disclosureRoundTo : null,
  };
}

export async function updateSettings(
  db: Db,
  context: RequestContext,
  input: Partial<InstallationSettings>,
): Promise<InstallationSettings> {
  requireAdmin(context.actor);
  await db.transaction(async (tx) => {
    const before = await readSettings(tx);
    for (const [key, given] of Object.entries(input)) {
      if (given === undefined) continue;
      // A JSON null ("no rounding") is a value; SQL NULL would break the not-null column.
      const value = given === null ? sql`'null'::jsonb` : given;
      await tx
        .insert(settings)
        .values({ key, value })
        .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: new Date() } });
    }
    await recordAudit(tx, context, {
      action: 'settings.update',
      result: 'success',
      objectType: 'settings',
      details: { before, after: input },
    });
  });
  return readSettings(db);
}

// ---- OpenID Connect accounts ----

/**
 * Finds or creates the user for verified OpenID Connect claims. Known subject: that user. Otherwise a user with
 * the same verified e-mail address (created by an admin beforehand) is linked. Otherwise, when the claims name an
 * organisation and a role, a new user is made with that membership. Otherwise: not admitted.
 */
export async function userForOidcClaims(
  db: Db,
  context: RequestContext,
  claims: OidcClaims,
  allowedOrganisations: readonly string[] = [],
): Promise<string> {
  return db.transaction(async (tx) => {
    const [linked] = await tx
      .select({ id: users.id })
      .from(users)
      .where(eq(users.oidcSubject, claims.subjectKey));
    if (linked) return linked.id;
    const email = claims.email ? normalizeEmail(claims.email) : undefined;
    if (email && claims.emailVerified) {
      const [byEmail] = await tx
        .select({ id: users.id, oidcSubject: users.oidcSubject, passwordHash: users.passwordHash })
        .from(users)
        .where(eq(users.email, email));
      // Only an account the beheerder made for this purpose (no password yet) is linked by e-mail: an identity
      // provider that lets users choose their address must not be able to take over a password account.
      if (byEmail && byEmail.oidcSubject === null && byEmail.passwordHash === null) {
        await tx.update(users).set({ oidcSubject: claims.subjectKey }).where(eq(users.id, byEmail.id));
        await recordAudit(tx, context, {
          action: 'user.link_oidc',
          result: 'success',
          objectType: 'user',
          objectId: byEmail.id,
          details: { subject: claims.subjectKey },
        });
        return byEmail.id;
      }
      if (byEmail)
        throw new ForbiddenError(
          'Dit e-mailadres hoort al bij een ander account in Ketenzicht. Vraag de beheerder om uw account te koppelen.',
        );
    }
    if (
      email &&
      claims.emailVerified &&
      claims.organisation &&
      claims.role &&
      allowedOrganisations.length > 0
    ) {
      const [organisation] = await tx
        .select({ id: organisations.id, name: organisations.name })
        .from(organisations)
        .where(
          sql`${organisations.name} = ${claims.organisation} or ${organisations.id}::text = ${claims.organisation}`,
        );
      // The provider may only place users in the organisations configured for it (by number or name).
      const allowed =
        organisation !== undefined &&
        allowedOrganisations.some(
          (entry) => entry === String(organisation.id) || entry === organisation.name,
        );
      if (organisation && allowed) {
        const [user] = await tx
          .insert(users)
          .values({ email, displayName: claims.name?.trim() || email, oidcSubject: claims.subjectKey })
          .returning({ id: users.id });
        if (!user) throw new Error('user insert returned nothing');
        await tx
          .insert(memberships)
          .values({ userId: user.id, organisationId: organisation.id, role: claims.role });
        await recordAudit(tx, context, {
          action: 'user.create',
          result: 'success',
          objectType: 'user',
          objectId: user.id,
          details: { email, organisationId: organisation.id, role: claims.role, via: 'oidc_claims' },
        });
        return user.id;
      }
    }
    throw new ForbiddenError(
      'U bent aangemeld bij uw organisatie, maar u hebt nog geen toegang tot Ketenzicht. Vraag de beheerder om u toe te voegen.',
    );
  });
}
