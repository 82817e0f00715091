import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { AUDIT_RESULTS, ORGANISATION_KINDS, ROLES } from '../../../shared/access.ts';
import { createdAt } from './columns.ts';
import { areas } from './geography.ts';

const quoted = (values: readonly string[]) => values.map((value) => `'${value}'`).join(', ');
const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** A chain partner: gemeente, Veilig Thuis organisation, police unit, Veiligheidshuis, local team, programme. */
export const organisations = pgTable(
  'organisation',
  {
    id: serial('id').primaryKey(),
    kind: text('kind', { enum: ORGANISATION_KINDS }).notNull(),
    name: text('name').notNull().unique(),
    /** The gemeente (for a gemeente or local team) or the Veilig Thuis-regio (for a VT organisation). */
    areaCode: text('area_code').references(() => areas.code),
    /** Centrumgemeente: the gemeente that coordinates its Veilig Thuis-regio. */
    isCentreMunicipality: boolean('is_centre_municipality').notNull().default(false),
    createdAt: createdAt(),
  },
  () => [
    check('organisation_kind_known', sql.raw(`kind in (${quoted(ORGANISATION_KINDS)})`)),
    check('organisation_centre_is_gemeente', sql.raw(`not is_centre_municipality or kind = 'gemeente'`)),
  ],
);

export const users = pgTable('app_user', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** Lower-cased; the sign-in name. */
  email: text('email').notNull().unique(),
  displayName: text('display_name').notNull(),
  /** argon2id (PHC string); null until the user sets a password, or for OpenID Connect-only accounts. */
  passwordHash: text('password_hash'),
  /** `issuer|subject` of the OpenID Connect account linked to this user. */
  oidcSubject: text('oidc_subject').unique(),
  /** A disabled user cannot sign in; the row stays so the audit log keeps its meaning. */
  disabledAt: instant('disabled_at'),
  createdAt: createdAt(),
});

/** A user's role in one organisation; one role per membership. */
export const memberships = pgTable(
  'membership',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id),
    role: text('role', { enum: ROLES }).notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    primaryKey({ columns: [table.userId, table.organisationId] }),
    index('membership_organisation').on(table.organisationId),
    check('membership_role_known', sql.raw(`role in (${quoted(ROLES)})`)),
  ],
);

/** A signed-in browser. The cookie holds a random token; only its SHA-256 is stored. */
export const sessions = pgTable(
  'session',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** Sent back in the X-CSRF-Token header of every state-changing request of this session. */
    csrfToken: text('csrf_token').notNull(),
    createdAt: createdAt(),
    lastSeenAt: instant('last_seen_at').notNull().defaultNow(),
    expiresAt: instant('expires_at').notNull(),
    origin: text('origin'),
  },
  (table) => [index('session_user').on(table.userId)],
);

/** One-time links an admin hands out to set a password (first sign-in or reset). Only the hash is kept. */
export const oneTimeTokens = pgTable('one_time_token', {
  tokenHash: text('token_hash').primaryKey(),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  expiresAt: instant('expires_at').notNull(),
  usedAt: instant('used_at'),
  createdAt: createdAt(),
});

/**
 * Failed sign-ins per e-mail address, whether or not an account exists: the lock then looks the same for both,
 * so the answer never tells whether an address is known.
 */
export const signInThrottle = pgTable('sign_in_throttle', {
  email: text('email').primaryKey(),
  failures: integer('failures').notNull().default(0),
  firstFailureAt: instant('first_failure_at').notNull(),
  lockedUntil: instant('locked_until'),
});

/** Installation settings (key → JSON value), changed by a beheerder. */
export const settings = pgTable('setting', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: instant('updated_at').notNull().defaultNow(),
});

/**
 * The audit log (BIO 8.15: action, object, result, origin, actor, time). Append-only: a trigger refuses update,
 * delete and truncate, and the application role has insert and select only.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: instant('at').notNull().defaultNow(),
    action: text('action').notNull(),
    objectType: text('object_type'),
    objectId: text('object_id'),
    result: text('result', { enum: AUDIT_RESULTS }).notNull(),
    /** IP address of the request, or `cli` for the command line. */
    origin: text('origin').notNull(),
    actorUserId: uuid('actor_user_id'),
    /** The actor as known at the time (e-mail, or `cli:<os user>`); stays readable when the user is gone. */
    actorLabel: text('actor_label').notNull(),
    details: jsonb('details'),
  },
  (table) => [
    index('audit_log_at').on(table.at),
    index('audit_log_actor').on(table.actorUserId),
    check('audit_log_result_known', sql.raw(`result in (${quoted(AUDIT_RESULTS)})`)),
  ],
);
