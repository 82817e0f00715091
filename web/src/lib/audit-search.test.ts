// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from 'vitest';
import {
  AUDIT_PAGE_SIZE,
  auditApiQuery,
  auditExportHref,
  auditPaging,
  auditSearchFromForm,
  formatAuditDetails,
  hasFilters,
  parseAuditSearch,
  withPage,
} from './audit-search.ts';

describe('parseAuditSearch', () => {
  it('keeps valid filters', () => {
    expect(
      parseAuditSearch({
        van: '2026-03-01',
        tot: '2026-03-31',
        actie: 'auth.sign_in',
        wie: ' beheerder@gemeente.nl ',
        resultaat: 'failure',
        objecttype: 'user',
        object: 'f0c1c4c2-6a4e-4c55-9d0e-3f4f2b1c0a9e',
        pagina: 3,
      }),
    ).toEqual({
      van: '2026-03-01',
      tot: '2026-03-31',
      actie: 'auth.sign_in',
      wie: 'beheerder@gemeente.nl',
      resultaat: 'failure',
      objecttype: 'user',
      object: 'f0c1c4c2-6a4e-4c55-9d0e-3f4f2b1c0a9e',
      pagina: 3,
    });
  });

  it('drops what the API would refuse', () => {
    expect(
      parseAuditSearch({
        van: '1 maart',
        tot: '2026-3-1',
        actie: 'DROP TABLE',
        wie: '   ',
        resultaat: 'maybe',
        objecttype: 'User',
        object: 'x'.repeat(101),
        pagina: -1,
      }),
    ).toEqual({});
    expect(parseAuditSearch({ pagina: 1.5 })).toEqual({});
    expect(parseAuditSearch({ pagina: 1 })).toEqual({});
    expect(parseAuditSearch({ pagina: 10_000_000 })).toEqual({});
  });

  it('reads numbers the router parsed from the query string as text', () => {
    expect(parseAuditSearch({ object: 12, pagina: '2' })).toEqual({ object: '12', pagina: 2 });
  });
});

describe('auditApiQuery', () => {
  it('translates to the API names, with limit and offset', () => {
    expect(auditApiQuery({ actie: 'auth.sign_in', wie: 'jan', pagina: 3 })).toBe(
      `action=auth.sign_in&actor=jan&limit=${AUDIT_PAGE_SIZE}&offset=${2 * AUDIT_PAGE_SIZE}`,
    );
    expect(auditApiQuery({}, 10)).toBe('limit=10&offset=0');
    expect(
      auditApiQuery({
        van: '2026-03-01',
        tot: '2026-03-02',
        resultaat: 'denied',
        objecttype: 'user',
        object: '7',
      }),
    ).toBe('from=2026-03-01&to=2026-03-02&result=denied&objectType=user&objectId=7&limit=50&offset=0');
  });
});

describe('auditExportHref', () => {
  it('carries the filters but not the page', () => {
    expect(auditExportHref({})).toBe('/api/audit/export');
    expect(auditExportHref({ actie: 'user.create', wie: 'a b&c', pagina: 4 })).toBe(
      '/api/audit/export?action=user.create&actor=a+b%26c',
    );
  });
});

describe('auditSearchFromForm', () => {
  it('leaves out empty fields and starts on page 1', () => {
    expect(
      auditSearchFromForm({ van: '', tot: '2026-03-31', actie: 'auth.sign_in', wie: ' ', pagina: '5' }),
    ).toEqual({ tot: '2026-03-31', actie: 'auth.sign_in' });
  });
});

describe('hasFilters and withPage', () => {
  it('tell filters from paging', () => {
    expect(hasFilters({ pagina: 2 })).toBe(false);
    expect(hasFilters({ actie: 'auth.sign_in' })).toBe(true);
    expect(withPage({ actie: 'a', pagina: 2 }, 1)).toEqual({ actie: 'a' });
    expect(withPage({ actie: 'a' }, 3)).toEqual({ actie: 'a', pagina: 3 });
  });
});

describe('auditPaging', () => {
  it('numbers the entries shown and the pages around', () => {
    expect(auditPaging(120, 1)).toEqual({
      first: 1,
      last: 50,
      page: 1,
      pageCount: 3,
      previous: null,
      next: 2,
    });
    expect(auditPaging(120, 3)).toEqual({
      first: 101,
      last: 120,
      page: 3,
      pageCount: 3,
      previous: 2,
      next: null,
    });
  });

  it('handles no entries and a page past the end', () => {
    expect(auditPaging(0, 1)).toEqual({
      first: 0,
      last: 0,
      page: 1,
      pageCount: 1,
      previous: null,
      next: null,
    });
    expect(auditPaging(10, 4)).toEqual({ first: 0, last: 0, page: 4, pageCount: 1, previous: 1, next: null });
  });
});

describe('formatAuditDetails', () => {
  it('writes an object as key: value pairs, nested values as JSON', () => {
    expect(formatAuditDetails({ email: 'a@b.nl', reason: 'wrong_password' })).toBe(
      'email: a@b.nl; reason: wrong_password',
    );
    expect(formatAuditDetails({ sessions: 2, locked: true, role: null })).toBe(
      'sessions: 2; locked: true; role: –',
    );
    expect(formatAuditDetails({ before: { figuresPublic: true } })).toBe('before: {"figuresPublic":true}');
  });

  it('gives nothing for no details, and text for other values', () => {
    expect(formatAuditDetails(null)).toBe('');
    expect(formatAuditDetails(undefined)).toBe('');
    expect(formatAuditDetails('tekst')).toBe('tekst');
    expect(formatAuditDetails([1, 2])).toBe('[1,2]');
  });
});
