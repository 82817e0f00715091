/**
 * Roles and organisation kinds, shared by server and web app. The server decides what a role may do
 * (`modules/access/access.policy.ts`); the web app only uses these lists to label and to hide what would be refused.
 */
export const ROLES = [
  'beheerder',
  'regiocoordinator',
  'beleidsmedewerker',
  'aanleverancier',
  'casusregie',
  'lezer',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  beheerder: 'Beheerder',
  regiocoordinator: 'Regiocoördinator',
  beleidsmedewerker: 'Beleidsmedewerker',
  aanleverancier: 'Aanleverancier',
  casusregie: 'Casusregie',
  lezer: 'Lezer',
};

export const ORGANISATION_KINDS = [
  'gemeente',
  'veilig_thuis',
  'politie',
  'veiligheidshuis',
  'lokaal_team',
  'landelijk',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const ORGANISATION_KIND_LABELS: Record<OrganisationKind, string> = {
  gemeente: 'Gemeente',
  veilig_thuis: 'Veilig Thuis-organisatie',
  politie: 'Politie-eenheid',
  veiligheidshuis: 'Veiligheidshuis',
  lokaal_team: 'Wijkteam of ander lokaal team',
  landelijk: 'Landelijk programma',
};

/** Which area level an organisation of a kind is linked to; null: not linked to an area. */
export const ORGANISATION_AREA_LEVEL: Record<OrganisationKind, 'gemeente' | 'veiligthuisregio' | null> = {
  gemeente: 'gemeente',
  veilig_thuis: 'veiligthuisregio',
  politie: null,
  veiligheidshuis: null,
  lokaal_team: 'gemeente',
  landelijk: null,
};

export const AUDIT_RESULTS = ['success', 'denied', 'failure'] as const;
export type AuditResult = (typeof AUDIT_RESULTS)[number];
