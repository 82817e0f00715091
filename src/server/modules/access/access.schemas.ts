/** Request and response contracts of sign-in, accounts and administration; also their OpenAPI description. */
import { z } from 'zod';
import { AUDIT_RESULTS, ORGANISATION_KINDS, ROLES } from '../../../shared/access.ts';
import { plainText } from '../../http/common.schemas.ts';
import { PASSWORD_MAX_LENGTH } from './access.domain.ts';

const role = z
  .enum(ROLES)
  .describe('beheerder, regiocoordinator, beleidsmedewerker, aanleverancier, casusregie or lezer');
const organisationKind = z.enum(ORGANISATION_KINDS);
const instant = z.string().describe('ISO 8601 date and time');
const email = z
  .string()
  .trim()
  .min(3, 'Vul een e-mailadres in')
  .max(254, 'Het e-mailadres is te lang')
  // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
  .regex(/^[^\s<>\u0000-\u001f\u007f]*$/, 'Een e-mailadres bevat geen spaties, stuurtekens of < >');
/** Text used in a search: no control characters (PostgreSQL cannot even hold NUL). */
const searchText = (max: number) =>
  z
    .string()
    .max(max, `Hoogstens ${max} tekens`)
    // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
    .regex(/^[^\u0000-\u001f\u007f]*$/, 'Mag geen stuurtekens bevatten');
// Bounded before hashing: argon2 of a huge string would be a cheap denial of service.
// Request bodies are strict objects: a field the API does not know is refused, not silently dropped.
const password = z
  .string()
  .min(1, 'Vul een wachtwoord in')
  .max(PASSWORD_MAX_LENGTH * 4, 'Het wachtwoord is te lang');

export const membership = z.object({
  organisationId: z.number().int(),
  organisationName: z.string(),
  organisationKind: organisationKind,
  areaCode: z.string().nullable(),
  role,
});

export const sessionUser = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  isAdmin: z.boolean(),
  memberships: z.array(membership),
});

export const sessionState = z.object({
  user: sessionUser.nullable().describe('The signed-in user; null when not signed in'),
  csrfToken: z.string().describe('Send back as the X-CSRF-Token header on every POST, PUT, PATCH and DELETE'),
  setupNeeded: z
    .boolean()
    .describe('True while no beheerder exists: run `ketenzicht admin create --email …`'),
  figuresPublic: z.boolean().describe('Published figures are open without sign-in'),
  oidc: z.object({ enabled: z.boolean(), label: z.string() }),
});

export const signInBody = z.strictObject({ email, password });
export const changePasswordBody = z.strictObject({ currentPassword: password, newPassword: password });
export const setPasswordBody = z.strictObject({
  token: z.string().min(10, 'De link is onvolledig').max(200, 'De link is ongeldig'),
  newPassword: password,
});
export const signedOutEverywhere = z.object({ sessionsEnded: z.number().int() });

export const organisationBody = z.strictObject({
  kind: organisationKind,
  name: plainText('de naam', 200),
  areaCode: z.string().max(10, 'Gebiedscode is te lang').nullable().optional(),
  isCentreMunicipality: z.boolean().optional(),
});

export const organisationSummary = z.object({
  id: z.number().int(),
  kind: organisationKind,
  name: z.string(),
  areaCode: z.string().nullable(),
  areaName: z.string().nullable(),
  isCentreMunicipality: z.boolean(),
  memberCount: z.number().int(),
  createdAt: instant,
});
export const organisationMember = z.object({
  userId: z.string(),
  email: z.string(),
  displayName: z.string(),
  role,
  disabled: z.boolean(),
});
export const organisationDetail = organisationSummary.extend({ members: z.array(organisationMember) });
export const organisationList = z.object({ items: z.array(organisationSummary) });
export const organisationParams = z.object({
  id: z.coerce
    .number()
    .int('Gebruik een organisatienummer')
    .positive('Gebruik een organisatienummer')
    .max(2_147_483_647, 'Onbekend organisatienummer'),
});

export const userSummary = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  hasPassword: z.boolean(),
  oidcLinked: z.boolean(),
  disabled: z.boolean(),
  createdAt: instant,
  memberships: z.array(membership),
});
export const userList = z.object({ items: z.array(userSummary) });
export const userParams = z.object({ id: z.uuid('Gebruik een gebruikers-id (uuid)') });
export const createUserBody = z.strictObject({
  email,
  displayName: plainText('de naam', 200),
  organisationId: z.number().int().positive().max(2_147_483_647, 'Onbekend organisatienummer').optional(),
  role: role.optional(),
});
export const updateUserBody = z.strictObject({
  displayName: plainText('de naam', 200).optional(),
  disabled: z.boolean().optional(),
});
export const passwordLink = z.object({
  link: z
    .string()
    .describe('One-time link to set a password; hand it to the user in person or by a trusted channel'),
  expiresAt: instant,
});
export const createdUser = z.object({ user: userSummary, passwordLink });
export const membershipParams = userParams.extend({ organisationId: organisationParams.shape.id });
export const membershipBody = z.strictObject({ role });

export const settingsBody = z.strictObject({
  figuresPublic: z.boolean().describe('Published aggregate figures open without sign-in (default true)'),
  disclosureThreshold: z
    .number()
    .int('Kies een heel getal')
    .min(2, 'Kies minstens 2')
    .max(50, 'Kies hoogstens 50')
    .optional()
    .describe('Counts from 1 to below this are hidden for everyone but beheerders (default 5)'),
  disclosureRoundTo: z
    .union([z.literal(5), z.literal(10)])
    .nullable()
    .optional()
    .describe('Round shown counts to multiples of 5 or 10, or null (default) to show them as they are'),
});

/** A day the audit log can hold: PostgreSQL has no year 0, and nothing was logged before 2000. */
const auditDay = (message: string) =>
  z.iso
    .date(message)
    .refine((day) => day >= '2000-01-01' && day <= '2999-12-31', 'Kies een datum tussen 2000 en 2999');

export const auditQuery = z.object({
  from: auditDay('Gebruik een datum als 2026-03-01').optional(),
  to: auditDay('Gebruik een datum als 2026-03-31').optional(),
  action: z
    .string()
    .max(100)
    .regex(/^[a-z_.]*$/, 'Een actie bestaat uit kleine letters, punten en liggende streepjes')
    .optional(),
  actor: searchText(200).optional(),
  result: z.enum(AUDIT_RESULTS).optional(),
  objectType: z
    .string()
    .max(50)
    .regex(/^[a-z_]*$/, 'Gebruik kleine letters')
    .optional(),
  objectId: searchText(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});
export const auditEntry = z.object({
  id: z.number().int(),
  at: instant,
  action: z.string(),
  result: z.enum(AUDIT_RESULTS),
  objectType: z.string().nullable(),
  objectId: z.string().nullable(),
  origin: z.string(),
  actorUserId: z.string().nullable(),
  actorLabel: z.string(),
  details: z.unknown(),
});
export const auditPage = z.object({ total: z.number().int(), entries: z.array(auditEntry) });
