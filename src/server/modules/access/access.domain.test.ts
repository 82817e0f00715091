import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../shared/access.ts';
import {
  ACCESS_RULES,
  type Actor,
  ANONYMOUS,
  afterFailure,
  canViewOrganisation,
  databaseScopeOf,
  decideAccess,
  isAdmin,
  isLocked,
  passwordProblem,
  SESSION,
  sessionIsAlive,
  THROTTLE,
  type ThrottleState,
} from './access.domain.ts';

const userWith = (role: Role, organisationId = 1): Actor => ({
  kind: 'user',
  userId: '00000000-0000-4000-8000-000000000001',
  email: `${role}@example.nl`,
  displayName: role,
  memberships: [
    {
      organisationId,
      organisationName: 'Gemeente X',
      organisationKind: 'gemeente',
      areaCode: 'GM0363',
      role,
    },
  ],
});

describe('decideAccess', () => {
  it('opens public routes to everyone and published routes unless the installation closes them', () => {
    expect(decideAccess('public', ANONYMOUS, false)).toEqual({ allowed: true });
    expect(decideAccess('published', ANONYMOUS, true)).toEqual({ allowed: true });
    expect(decideAccess('published', ANONYMOUS, false)).toMatchObject({ allowed: false, status: 401 });
    expect(decideAccess('published', userWith('lezer'), false)).toEqual({ allowed: true });
  });

  it('asks anonymous visitors to sign in (401) and refuses non-admins admin routes (403)', () => {
    expect(decideAccess('signedIn', ANONYMOUS, true)).toMatchObject({ allowed: false, status: 401 });
    expect(decideAccess('admin', ANONYMOUS, true)).toMatchObject({ allowed: false, status: 401 });
    for (const role of ROLES) {
      expect(decideAccess('signedIn', userWith(role), true)).toEqual({ allowed: true });
      expect(decideAccess('admin', userWith(role), true).allowed).toBe(role === 'beheerder');
    }
  });

  it('never allows an anonymous visitor more than a signed-in user (any rule, any setting)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ACCESS_RULES),
        fc.constantFrom(...ROLES),
        fc.boolean(),
        (rule, role, open) => {
          const anonymous = decideAccess(rule, ANONYMOUS, open).allowed;
          const signedIn = decideAccess(rule, userWith(role), open).allowed;
          return !anonymous || signedIn;
        },
      ),
    );
  });
});

describe('organisation policy', () => {
  it('lets members see their own organisation only, and a beheerder all', () => {
    expect(canViewOrganisation(userWith('lezer', 7), 7)).toBe(true);
    expect(canViewOrganisation(userWith('lezer', 7), 8)).toBe(false);
    expect(canViewOrganisation(userWith('regiocoordinator', 7), 8)).toBe(false);
    expect(canViewOrganisation(userWith('beheerder', 7), 8)).toBe(true);
    expect(canViewOrganisation(ANONYMOUS, 7)).toBe(false);
  });

  it('gives the database the actor as row-level security sees it', () => {
    expect(databaseScopeOf(userWith('lezer', 7))).toEqual({
      userId: '00000000-0000-4000-8000-000000000001',
      isAdmin: false,
      organisationIds: [7],
    });
    expect(databaseScopeOf(ANONYMOUS)).toEqual({ userId: null, isAdmin: false, organisationIds: [] });
    expect(isAdmin({ kind: 'cli', label: 'cli:root' })).toBe(true);
  });
});

describe('passwordProblem', () => {
  it('accepts long passphrases and explains what is wrong otherwise', () => {
    expect(passwordProblem('paard batterij nietje', 'a@b.nl')).toBeNull();
    expect(passwordProblem('kort', 'a@b.nl')).toMatch(/minstens 12 tekens/);
    expect(passwordProblem('aaaaaaaaaaaaaaaa', 'a@b.nl')).toMatch(/te weinig verschillende/);
    expect(passwordProblem('naam@gemeente.nl', 'Naam@Gemeente.nl')).toMatch(/e-mailadres/);
    expect(passwordProblem('x'.repeat(150) + 'abcd'.repeat(20), 'a@b.nl')).toMatch(/te lang/);
  });

  it('counts characters, not UTF-16 units (emoji and accents count once)', () => {
    expect(passwordProblem('🙂🙂🙂🙂🙂🙂éèêë', 'a@b.nl')).toMatch(/te kort/);
  });
});

describe('sign-in throttle', () => {
  const start = new Date('2026-03-01T10:00:00Z');
  const at = (ms: number) => new Date(start.getTime() + ms);

  it('locks after the fifth failure within the window, for the lock period', () => {
    let state: ThrottleState | undefined;
    for (let attempt = 1; attempt < THROTTLE.maxFailures; attempt++) {
      state = afterFailure(state, at(attempt * 1000));
      expect(isLocked(state, at(attempt * 1000))).toBe(false);
    }
    state = afterFailure(state, at(10_000));
    expect(isLocked(state, at(10_001))).toBe(true);
    expect(isLocked(state, at(10_000 + THROTTLE.lockMs - 1))).toBe(true);
    expect(isLocked(state, at(10_000 + THROTTLE.lockMs))).toBe(false);
  });

  it('forgets failures older than the window', () => {
    let state: ThrottleState | undefined;
    for (let attempt = 0; attempt < THROTTLE.maxFailures - 1; attempt++)
      state = afterFailure(state, at(attempt));
    state = afterFailure(state, at(THROTTLE.windowMs + 10));
    expect(state.failures).toBe(1);
    expect(isLocked(state, at(THROTTLE.windowMs + 11))).toBe(false);
  });

  it('locks only when the maximum number of failures fell within the last window', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 * 60_000 }), { maxLength: 40 }), (gaps) => {
        let state: ThrottleState | undefined;
        let now = start.getTime();
        const failures: number[] = [];
        for (const gap of gaps) {
          now += gap;
          state = afterFailure(state, new Date(now));
          failures.push(now);
          const inWindow = failures.filter((time) => now - time < THROTTLE.windowMs).length;
          if (isLocked(state, new Date(now)) && inWindow < THROTTLE.maxFailures) return false;
        }
        return true;
      }),
    );
  });
});

describe('sessionIsAlive', () => {
  const created = new Date('2026-03-01T08:00:00Z');
  const session = (lastSeenMs: number) => ({
    createdAt: created,
    lastSeenAt: new Date(created.getTime() + lastSeenMs),
    expiresAt: new Date(created.getTime() + SESSION.absoluteMs),
  });
  it('ends after the idle time and after the absolute time', () => {
    expect(sessionIsAlive(session(0), new Date(created.getTime() + SESSION.idleMs - 1))).toBe(true);
    expect(sessionIsAlive(session(0), new Date(created.getTime() + SESSION.idleMs))).toBe(false);
    const busy = session(SESSION.absoluteMs - 1000);
    expect(sessionIsAlive(busy, new Date(created.getTime() + SESSION.absoluteMs - 500))).toBe(true);
    expect(sessionIsAlive(busy, new Date(created.getTime() + SESSION.absoluteMs))).toBe(false);
  });
});
