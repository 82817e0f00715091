// SPDX-License-Identifier: EUPL-1.2
/**
 * The HTTP API contract as the web app uses it. The types come from the server's zod schemas (type-only
 * imports: nothing of the server ends up in the bundle), so a change of contract fails the type-check here.
 */
import type { z } from 'zod';
import type * as accessSchemas from '../../../src/server/modules/access/access.schemas.ts';
import type {
  areaDetail,
  areaList,
  areaSummary,
  errorResponse,
  mergerImportResult,
  mergerList,
} from '../../../src/server/modules/geography/geography.schemas.ts';
import type { AreaLevel } from '../../../src/shared/geography.ts';

export type Level = AreaLevel;
export type AreaSummary = z.infer<typeof areaSummary>;
export type AreaList = z.infer<typeof areaList>;
export type AreaDetail = z.infer<typeof areaDetail>;
export type AreaRef = AreaDetail['parents'][number];
export type PopulationFigure = AreaDetail['population'][number];
/** A gemeente on the other side of a merger (herindeling), as the area detail names it. */
export type MergerLink = AreaDetail['successors'][number];
export type MergerList = z.infer<typeof mergerList>;
export type Merger = MergerList['items'][number];
/** The answer to a merger file that was checked (dry run) or imported. */
export type MergerImportResult = z.infer<typeof mergerImportResult>;
export type FileEncoding = MergerImportResult['encoding'];

/** An error answer of the API. */
export type ApiErrorBody = z.infer<typeof errorResponse>;
/** One problem of a refused file: its row (the header is row 1), column, the value seen, and what is wrong. */
export type FileProblem = NonNullable<ApiErrorBody['problems']>[number];

/** Levels that have boundaries and can be shown on the map, in the order the level switch offers them. */
export const mapLevels = ['gemeente', 'veiligthuisregio', 'provincie'] as const satisfies readonly Level[];
export type MapLevel = (typeof mapLevels)[number];

export function isMapLevel(value: unknown): value is MapLevel {
  return typeof value === 'string' && (mapLevels as readonly string[]).includes(value);
}

// ---- Access: sign-in, accounts, administration, audit log ----

export type SessionState = z.infer<typeof accessSchemas.sessionState>;
export type SessionUser = NonNullable<SessionState['user']>;
export type Membership = z.infer<typeof accessSchemas.membership>;
export type OrganisationInput = z.input<typeof accessSchemas.organisationBody>;
export type OrganisationSummary = z.infer<typeof accessSchemas.organisationSummary>;
export type OrganisationDetail = z.infer<typeof accessSchemas.organisationDetail>;
export type OrganisationMember = z.infer<typeof accessSchemas.organisationMember>;
export type OrganisationList = z.infer<typeof accessSchemas.organisationList>;
export type UserSummary = z.infer<typeof accessSchemas.userSummary>;
export type UserList = z.infer<typeof accessSchemas.userList>;
export type CreateUserInput = z.input<typeof accessSchemas.createUserBody>;
export type UpdateUserInput = z.input<typeof accessSchemas.updateUserBody>;
export type PasswordLink = z.infer<typeof accessSchemas.passwordLink>;
export type CreatedUser = z.infer<typeof accessSchemas.createdUser>;
export type InstallationSettings = z.infer<typeof accessSchemas.settingsBody>;
export type AuditQuery = z.input<typeof accessSchemas.auditQuery>;
export type AuditEntry = z.infer<typeof accessSchemas.auditEntry>;
export type AuditPage = z.infer<typeof accessSchemas.auditPage>;
