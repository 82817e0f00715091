// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from 'vitest';
import {
  areaLevelFor,
  EMPTY_ORGANISATION,
  organisationBody,
  organisationFormErrors,
  organisationFormValues,
} from './organisation-form.ts';

const messages = {
  kindEmpty: 'soort',
  nameEmpty: 'naam',
  areaEmpty: (level: string) => `gebied ${level}`,
};

describe('areaLevelFor', () => {
  it('asks a gemeente code of gemeenten and local teams, a region of Veilig Thuis, nothing of others', () => {
    expect(areaLevelFor('gemeente')).toBe('gemeente');
    expect(areaLevelFor('lokaal_team')).toBe('gemeente');
    expect(areaLevelFor('veilig_thuis')).toBe('veiligthuisregio');
    expect(areaLevelFor('politie')).toBeNull();
    expect(areaLevelFor('landelijk')).toBeNull();
    expect(areaLevelFor('')).toBeNull();
  });
});

describe('organisationFormErrors', () => {
  it('asks for a kind, a name and, where needed, an area', () => {
    expect(organisationFormErrors(EMPTY_ORGANISATION, messages)).toEqual([
      { field: 'kind', message: 'soort' },
      { field: 'name', message: 'naam' },
    ]);
    expect(
      organisationFormErrors({ ...EMPTY_ORGANISATION, kind: 'veilig_thuis', name: 'VT Fryslân' }, messages),
    ).toEqual([{ field: 'areaCode', message: 'gebied veiligthuisregio' }]);
    expect(
      organisationFormErrors({ ...EMPTY_ORGANISATION, kind: 'politie', name: 'Politie' }, messages),
    ).toEqual([]);
  });
});

describe('organisationBody', () => {
  it('sends the area only for kinds that have one, and centrumgemeente only for a gemeente', () => {
    expect(
      organisationBody({
        kind: 'politie',
        name: ' Politie Noord ',
        areaCode: 'GM0363',
        isCentreMunicipality: true,
      }),
    ).toEqual({ kind: 'politie', name: 'Politie Noord', areaCode: null, isCentreMunicipality: false });
    expect(
      organisationBody({
        kind: 'gemeente',
        name: 'Gemeente Ede',
        areaCode: 'GM0228',
        isCentreMunicipality: true,
      }),
    ).toEqual({ kind: 'gemeente', name: 'Gemeente Ede', areaCode: 'GM0228', isCentreMunicipality: true });
    expect(
      organisationBody({
        kind: 'lokaal_team',
        name: 'Wijkteam',
        areaCode: 'GM0228',
        isCentreMunicipality: true,
      }),
    ).toEqual({ kind: 'lokaal_team', name: 'Wijkteam', areaCode: 'GM0228', isCentreMunicipality: false });
  });
});

describe('organisationFormValues', () => {
  it('fills the form from an organisation', () => {
    expect(
      organisationFormValues({
        id: 1,
        kind: 'veilig_thuis',
        name: 'Veilig Thuis Fryslân',
        areaCode: 'VT04',
        areaName: 'Friesland',
        isCentreMunicipality: false,
        memberCount: 0,
        createdAt: '2026-01-01T00:00:00Z',
      }),
    ).toEqual({
      kind: 'veilig_thuis',
      name: 'Veilig Thuis Fryslân',
      areaCode: 'VT04',
      isCentreMunicipality: false,
    });
  });
});
