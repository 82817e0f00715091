/**
 * Organisations and users for access tests: one user per role in an "own" gemeente, and a second gemeente that
 * is "other" for all of them. Passwords are set directly (one argon2 hash shared by all, for speed).
 */
import { eq } from 'drizzle-orm';
import type { App } from '../../src/server/app.ts';
import type { Db } from '../../src/server/db/client.ts';
import { users } from '../../src/server/db/schema/index.ts';
import type { Actor } from '../../src/server/modules/access/access.domain.ts';
import {
  createOrganisation,
  createUser,
  hashPassword,
  setPasswordWithLink,
} from '../../src/server/modules/access/access.service.ts';
import type { RequestContext } from '../../src/server/modules/audit/audit.service.ts';
import { ROLES, type Role } from '../../src/shared/access.ts';

export const TEST_PASSWORD = 'correct paard batterij niet';
export const CLI_CONTEXT: RequestContext = {
  actor: { kind: 'cli', label: 'cli:test' } as Actor,
  origin: 'cli',
};

export type AccessFixture = {
  own: { id: number; name: string };
  other: { id: number; name: string };
  /** E-mail address of the user with each role (member of `own`). */
  emailOf: Record<Role, string>;
  userIdOf: Record<Role, string>;
};

let sharedHash: Promise<string> | undefined;

export async function seedAccessFixture(db: Db): Promise<AccessFixture> {
  const own = await createOrganisation(db, CLI_CONTEXT, {
    kind: 'gemeente',
    name: 'Gemeente Amsterdam',
    areaCode: 'GM0363',
    isCentreMunicipality: true,
  });
  const other = await createOrganisation(db, CLI_CONTEXT, {
    kind: 'gemeente',
    name: 'Gemeente Utrecht',
    areaCode: 'GM0344',
  });
  sharedHash ??= hashPassword(TEST_PASSWORD);
  const passwordHash = await sharedHash;
  const emailOf = {} as Record<Role, string>;
  const userIdOf = {} as Record<Role, string>;
  for (const role of ROLES) {
    const email = `${role}@amsterdam.example`;
    const { user } = await createUser(db, CLI_CONTEXT, {
      email,
      displayName: `Test ${role}`,
      organisationId: own.id,
      role,
    });
    await db.update(users).set({ passwordHash }).where(eq(users.id, user.id));
    emailOf[role] = email;
    userIdOf[role] = user.id;
  }
  return {
    own: { id: own.id, name: own.name },
    other: { id: other.id, name: other.name },
    emailOf,
    userIdOf,
  };
}

/** Sets a user's password the way a user does: through a one-time link. */
export async function setPassword(db: Db, token: string, password = TEST_PASSWORD) {
  return setPasswordWithLink(db, CLI_CONTEXT, { token, newPassword: password });
}

export type TestSession = { cookie: string; csrfToken: string };

/** Signs in over HTTP and returns the cookie and CSRF token to send with later requests. */
export async function signInOverHttp(
  app: App,
  email: string,
  password = TEST_PASSWORD,
): Promise<TestSession> {
  const anonymous = await app.inject({ method: 'GET', url: '/api/auth/session' });
  const csrfCookie = anonymous.cookies.find((cookie) => cookie.name === 'ketenzicht_csrf');
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    payload: { email, password },
    headers: { 'x-csrf-token': anonymous.json().csrfToken, cookie: `ketenzicht_csrf=${csrfCookie?.value}` },
  });
  if (response.statusCode !== 200)
    throw new Error(`sign-in as ${email} failed: ${response.statusCode} ${response.body}`);
  const session = response.cookies.find((cookie) => cookie.name === 'ketenzicht_sessie');
  if (!session) throw new Error('no session cookie');
  return { cookie: `ketenzicht_sessie=${session.value}`, csrfToken: response.json().csrfToken };
}

/** An HTTP request as the signed-in user (or anonymous without a session), with the CSRF header. */
export function requestAs(
  app: App,
  session: TestSession | undefined,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  payload?: unknown,
) {
  return app.inject({
    method,
    url,
    ...(payload === undefined ? {} : { payload: payload as object }),
    headers: session ? { cookie: session.cookie, 'x-csrf-token': session.csrfToken } : {},
  });
}
