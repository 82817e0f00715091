/**
 * Who may do what, as plain functions with no I/O: the actor of a request, the access rules of routes, the
 * organisation-level policies, the password rule and the sign-in throttle. Services call these; tests prove them.
 */
import type { OrganisationKind, Role } from '../../../shared/access.ts';
import type { DatabaseScope } from '../../db/scope.ts';

export type Membership = {
  organisationId: number;
  organisationName: string;
  organisationKind: OrganisationKind;
  areaCode: string | null;
  role: Role;
};

export type Actor =
  | { kind: 'anonymous' }
  | {
      kind: 'user';
      userId: string;
      email: string;
      displayName: string;
      memberships: Membership[];
    }
  /** The command line on the server itself: whoever can run it already holds the database. */
  | { kind: 'cli'; label: string };

export const ANONYMOUS: Actor = { kind: 'anonymous' };

/**
 * The coarse rule every API route declares (a route without one is refused at start-up):
 * - public: anyone (health, sign-in, the set-up state);
 * - published: published aggregate figures; open to anyone unless the installation closes them;
 * - signedIn: any signed-in user (the service then checks the organisation);
 * - admin: beheerder only.
 */
export const ACCESS_RULES = ['public', 'published', 'signedIn', 'admin'] as const;
export type AccessRule = (typeof ACCESS_RULES)[number];

export function isAdmin(actor: Actor): boolean {
  if (actor.kind === 'cli') return true;
  return actor.kind === 'user' && actor.memberships.some((membership) => membership.role === 'beheerder');
}

/** Who delivers figures: beheerders (and the command line) and aanleveranciers. They import and see the history. */
export function deliversFigures(actor: Actor): boolean {
  if (isAdmin(actor)) return true;
  return (
    actor.kind === 'user' && actor.memberships.some((membership) => membership.role === 'aanleverancier')
  );
}

export type AccessDecision = { allowed: true } | { allowed: false; status: 401 | 403; message: string };

const ALLOWED: AccessDecision = { allowed: true };
const SIGN_IN_NEEDED: AccessDecision = {
  allowed: false,
  status: 401,
  message: 'U bent niet aangemeld. Meld u aan en probeer het opnieuw.',
};

export function decideAccess(rule: AccessRule, actor: Actor, figuresArePublic: boolean): AccessDecision {
  switch (rule) {
    case 'public':
      return ALLOWED;
    case 'published':
      return figuresArePublic || actor.kind !== 'anonymous' ? ALLOWED : SIGN_IN_NEEDED;
    case 'signedIn':
      return actor.kind === 'anonymous' ? SIGN_IN_NEEDED : ALLOWED;
    case 'admin':
      if (actor.kind === 'anonymous') return SIGN_IN_NEEDED;
      return isAdmin(actor)
        ? ALLOWED
        : { allowed: false, status: 403, message: 'Hiervoor is de rol beheerder nodig.' };
  }
}

/** Members of an organisation see it and its members; a beheerder sees all. */
export function canViewOrganisation(actor: Actor, organisationId: number): boolean {
  if (isAdmin(actor)) return true;
  return (
    actor.kind === 'user' &&
    actor.memberships.some((membership) => membership.organisationId === organisationId)
  );
}

/** The settings the row-level security policies read for this actor. */
export function databaseScopeOf(actor: Actor): DatabaseScope {
  return {
    userId: actor.kind === 'user' ? actor.userId : null,
    isAdmin: isAdmin(actor),
    organisationIds:
      actor.kind === 'user' ? actor.memberships.map((membership) => membership.organisationId) : [],
  };
}

export function actorLabel(actor: Actor): string {
  if (actor.kind === 'user') return actor.email;
  if (actor.kind === 'cli') return actor.label;
  return 'anoniem';
}

// ---- Passwords ----

export const PASSWORD_MIN_LENGTH = 12;
/** argon2 of a megabyte would be a cheap denial of service; no real password is this long. */
export const PASSWORD_MAX_LENGTH = 200;

/** Null when acceptable, otherwise what is wrong, in Dutch. Length over rules, as NCSC and NIST advise. */
export function passwordProblem(password: string, email: string): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH)
    return `Het wachtwoord is te kort: gebruik minstens ${PASSWORD_MIN_LENGTH} tekens (een zin werkt goed).`;
  if (length > PASSWORD_MAX_LENGTH)
    return `Het wachtwoord is te lang: gebruik hoogstens ${PASSWORD_MAX_LENGTH} tekens.`;
  if (password.trim().toLowerCase() === email.trim().toLowerCase())
    return 'Het wachtwoord mag niet gelijk zijn aan het e-mailadres.';
  if (new Set(password).size < 4) return 'Het wachtwoord bestaat uit te weinig verschillende tekens.';
  return null;
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

// ---- Sign-in throttle ----

export const THROTTLE = {
  /** Failures within the window that lock the address. */
  maxFailures: 5,
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
} as const;

export type ThrottleState = { failures: number; firstFailureAt: Date; lockedUntil: Date | null };

export function isLocked(state: ThrottleState | undefined, now: Date): boolean {
  return state?.lockedUntil != null && state.lockedUntil > now;
}

/**
 * Registers a sign-in attempt at `now`, before the password is checked: every attempt counts, a successful one
 * then clears the count. Counting first (in one locked row) means attempts sent at the same moment cannot all see
 * the old count. The attempt may check the password only when `mayVerify`.
 */
export function registerAttempt(
  state: ThrottleState | undefined,
  now: Date,
): { state: ThrottleState; mayVerify: boolean } {
  if (state && isLocked(state, now)) return { state, mayVerify: false };
  const windowOpen =
    state !== undefined &&
    state.failures > 0 &&
    now.getTime() - state.firstFailureAt.getTime() < THROTTLE.windowMs;
  const attempts = windowOpen ? state.failures + 1 : 1;
  if (attempts > THROTTLE.maxFailures) {
    return {
      state: { failures: 0, firstFailureAt: now, lockedUntil: new Date(now.getTime() + THROTTLE.lockMs) },
      mayVerify: false,
    };
  }
  return {
    state: { failures: attempts, firstFailureAt: windowOpen ? state.firstFailureAt : now, lockedUntil: null },
    mayVerify: true,
  };
}

/** One answer for every failed sign-in: it must not tell whether the address exists or is locked. */
export const SIGN_IN_FAILED_MESSAGE =
  'Aanmelden is niet gelukt. Controleer uw e-mailadres en wachtwoord. Na 5 mislukte pogingen kunt u 15 minuten niet aanmelden.';

// ---- Sessions ----

export const SESSION = {
  /** A session ends this long after sign-in, whatever happens. */
  absoluteMs: 12 * 60 * 60_000,
  /** …or after this long without a request. */
  idleMs: 2 * 60 * 60_000,
  /** last_seen_at is written at most this often, not on every request. */
  touchEveryMs: 60_000,
} as const;

export function sessionIsAlive(
  session: { createdAt: Date; lastSeenAt: Date; expiresAt: Date },
  now: Date,
): boolean {
  return session.expiresAt > now && now.getTime() - session.lastSeenAt.getTime() < SESSION.idleMs;
}

export const ONE_TIME_LINK_VALID_MS = 72 * 60 * 60_000;
