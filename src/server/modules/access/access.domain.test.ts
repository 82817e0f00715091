import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../shared/access.ts';
import {
  ACCESS_RULES,
  type Actor,
  ANONYMOUS,
  canViewOrganisation,
  databaseScopeOf,
  decideAccess,
  deliversFigures,
  isAdmin,
  isLocked,
  passwordProblem,
  registerAttempt,
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

describe('deliversFigures', () => {
  it('holds for beheerders, aanleveranciers and the command line only', () => {
    expect(deliversFigures(userWith('beheerder'))).toBe(true);
    expect(deliversFigures(userWith('aanleverancier'))).toBe(true);
    expect(deliversFigures({ kind: 'cli', label: 'cli:test' })).toBe(true);
    for (const role of ['regiocoordinator', 'beleidsmedewerker', 'casusregie', 'lezer'] as const)
      expect(deliversFigures(userWith(role))).toBe(false);
    expect(deliversFigures(ANONYMOUS)).toBe(false);
  });
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
  /** Attempts at the given times, all with a wrong password; which of them were allowed to check it. */
  const run = (times: number[]) => {
    let state: ThrottleState | undefined;
    return times.map((time) => {
      const attempt = registerAttempt(state, at(time));
      state = attempt.state;
      return { time, verified: attempt.mayVerify, locked: isLocked(state, at(time)) };
    });
  };

  it('lets five attempts check the password, then locks for the lock period', () => {
    const attempts = run([1000, 2000, 3000, 4000, 5000, 6000]);
    expect(attempts.map((attempt) => attempt.verified)).toEqual([true, true, true, true, true, false]);
    expect(attempts[5]?.locked).toBe(true);
    const later = run([
      1000,
      2000,
      3000,
      4000,
      5000,
      6000,
      6000 + THROTTLE.lockMs - 1,
      6000 + THROTTLE.lockMs,
    ]);
    expect(later.slice(6).map((attempt) => attempt.verified)).toEqual([false, true]);
  });

  it('forgets attempts older than the window', () => {
    const attempts = run([0, 1, 2, 3, THROTTLE.windowMs + 10, THROTTLE.windowMs + 11]);
    expect(attempts.every((attempt) => attempt.verified)).toBe(true);
  });

  it('never lets more than the maximum attempts check a password within one window, however they are spaced', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 * 60_000 }), { maxLength: 60 }), (gaps) => {
        let now = 0;
        const times = gaps.map((gap) => {
          now += gap;
          return now;
        });
        const verified = run(times)
          .filter((attempt) => attempt.verified)
          .map((attempt) => attempt.time);
        // Windows are anchored at their first attempt: count verified attempts from each one onwards.
        return verified.every(
          (first) =>
            verified.filter((time) => time >= first && time - first < THROTTLE.windowMs).length <=
            2 * THROTTLE.maxFailures,
        );
      }),
    );
  });

  it('checks no password while locked, whatever the spacing', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5 * 60_000 }), { maxLength: 60 }), (gaps) => {
        let state: ThrottleState | undefined;
        let now = 0;
        for (const gap of gaps) {
          now += gap;
          const lockedBefore = state !== undefined && isLocked(state, at(now));
          const attempt = registerAttempt(state, at(now));
          if (lockedBefore && attempt.mayVerify) return false;
          state = attempt.state;
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
