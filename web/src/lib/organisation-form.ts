// SPDX-License-Identifier: EUPL-1.2
/**
 * The organisation form: which area a kind of organisation needs (a gemeente, a Veilig Thuis-regio or none, as
 * `ORGANISATION_AREA_LEVEL` says), what to check before sending, and the body the API expects.
 */
import {
  ORGANISATION_AREA_LEVEL,
  ORGANISATION_KINDS,
  type OrganisationKind,
} from '../../../src/shared/access.ts';
import type { OrganisationInput, OrganisationSummary } from '../api/types.ts';
import type { FormError } from './form-errors.ts';

export interface OrganisationFormValues {
  kind: OrganisationKind | '';
  name: string;
  areaCode: string;
  isCentreMunicipality: boolean;
}

export const EMPTY_ORGANISATION: OrganisationFormValues = {
  kind: '',
  name: '',
  areaCode: '',
  isCentreMunicipality: false,
};

export function isOrganisationKind(value: string): value is OrganisationKind {
  return (ORGANISATION_KINDS as readonly string[]).includes(value);
}

/** The area level the form asks for, or null when this kind has no area (or no kind is chosen yet). */
export function areaLevelFor(kind: OrganisationKind | ''): 'gemeente' | 'veiligthuisregio' | null {
  return kind === '' ? null : ORGANISATION_AREA_LEVEL[kind];
}

/** Only a gemeente can be a centrumgemeente. */
export function canBeCentreMunicipality(kind: OrganisationKind | ''): boolean {
  return kind === 'gemeente';
}

export function organisationFormValues(organisation: OrganisationSummary): OrganisationFormValues {
  return {
    kind: organisation.kind,
    name: organisation.name,
    areaCode: organisation.areaCode ?? '',
    isCentreMunicipality: organisation.isCentreMunicipality,
  };
}

export interface OrganisationFormMessages {
  kindEmpty: string;
  nameEmpty: string;
  areaEmpty: (level: 'gemeente' | 'veiligthuisregio') => string;
}

export function organisationFormErrors(
  values: OrganisationFormValues,
  messages: OrganisationFormMessages,
): FormError[] {
  const errors: FormError[] = [];
  if (values.kind === '') errors.push({ field: 'kind', message: messages.kindEmpty });
  if (values.name.trim() === '') errors.push({ field: 'name', message: messages.nameEmpty });
  const level = areaLevelFor(values.kind);
  if (level && values.areaCode === '') errors.push({ field: 'areaCode', message: messages.areaEmpty(level) });
  return errors;
}

/** The request body; an area or centrumgemeente left over from another kind is not sent. */
export function organisationBody(
  values: OrganisationFormValues & { kind: OrganisationKind },
): OrganisationInput {
  const level = areaLevelFor(values.kind);
  return {
    kind: values.kind,
    name: values.name.trim(),
    areaCode: level ? values.areaCode : null,
    isCentreMunicipality: canBeCentreMunicipality(values.kind) && values.isCentreMunicipality,
  };
}
